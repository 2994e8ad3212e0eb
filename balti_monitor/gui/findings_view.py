"""The check findings of the action shown, listed under the grid; clicking one selects its cell.

Unresolved findings come first; a finding can be acknowledged with a note (context menu or the button), which
moves it to the "acknowledged" list below (with its note) until the data under it changes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from balti_monitor.domain.checks import Finding

from . import marks

ModelIndex = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()
FINDING_ROLE = Qt.ItemDataRole.UserRole + 20


class FindingsModel(QAbstractListModel):
    """A read-only list of findings."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._findings: list[Finding] = []
        self._notes: list[str] = []

    def set_findings(self, findings: list[Finding], notes: list[str] | None = None) -> None:
        """Show these findings (a reset only when they differ); ``notes``: acknowledged ones' notes."""
        notes = list(notes) if notes is not None else []
        if findings == self._findings and notes == self._notes:
            return
        self.beginResetModel()
        self._findings = list(findings)
        self._notes = notes
        self.endResetModel()

    def finding(self, row: int) -> Finding:
        """The finding of a row."""
        return self._findings[row]

    def rowCount(self, parent: ModelIndex = NO_PARENT) -> int:
        """Override QAbstractItemModel::rowCount."""
        return 0 if parent.isValid() else len(self._findings)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override QAbstractItemModel::data."""
        if not index.isValid() or not 0 <= index.row() < len(self._findings):
            return None
        finding = self._findings[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            where = []
            if finding.indicator is not None:
                where.append(self.tr("Indicator {n}").format(n=finding.indicator))
            where.append(finding.subdivision or self.tr("Total"))
            text = f"{' · '.join(where)}: {finding.message}"
            if index.row() < len(self._notes):
                text += "\n" + self.tr("Notă: {note}").format(note=self._notes[index.row()])
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{finding.location()}\n{finding.message}\n[{finding.key}]"
        if role == Qt.ItemDataRole.DecorationRole:
            if self._notes:  # acknowledged: a tick, not the red warning
                return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
            return marks.finding_icon()
        if role == FINDING_ROLE:
            return finding
        return None


class FindingsView(QWidget):
    """Title plus list of the action's findings.

    Signals:
        findingActivated(object): a finding was clicked (or chosen with Enter).
    """

    findingActivated = Signal(object)
    acknowledgeRequested = Signal(object)
    reopenRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FindingsModel(self)
        self.acknowledged_model = FindingsModel(self)
        self.title = QLabel(self)
        self.title.setObjectName("findingsTitle")
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setAlternatingRowColors(True)
        self.list.clicked.connect(self._activated)
        self.list.activated.connect(self._activated)
        self.acknowledge_action = QAction(self.tr("Confirmă constatarea (cu o notă)…"), self)
        self.acknowledge_action.triggered.connect(self._acknowledge_current)
        self.list.addAction(self.acknowledge_action)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.acknowledge_button = QPushButton(self.tr("Confirmă…"), self)
        self.acknowledge_button.setToolTip(
            self.tr(
                "Constatarea rămâne așa, cu o notă: trece la „Confirmate” și nu mai contează ca nerezolvată "
                "(revine dacă datele de sub ea se schimbă)."
            )
        )
        self.acknowledge_button.clicked.connect(self._acknowledge_current)
        self.acknowledged_title = QLabel(self)
        self.acknowledged_title.setObjectName("acknowledgedTitle")
        self.acknowledged_list = QListView(self)
        self.acknowledged_list.setModel(self.acknowledged_model)
        self.acknowledged_list.setWordWrap(True)
        self.acknowledged_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.acknowledged_list.clicked.connect(self._activated_acknowledged)
        self.acknowledged_list.setMaximumHeight(90)  # the grid keeps the room; the list scrolls
        self.reopen_action = QAction(self.tr("Redeschide constatarea"), self)
        self.reopen_action.triggered.connect(self._reopen_current)
        self.acknowledged_list.addAction(self.reopen_action)
        self.acknowledged_list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.acknowledge_button)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.acknowledged_title)
        layout.addWidget(self.acknowledged_list, 1)
        self.set_findings([])

    def set_findings(
        self, findings: list[Finding], acknowledged: list[tuple[Finding, str]] | None = None
    ) -> None:
        """Show the unresolved findings of the action and, below, the acknowledged ones with their notes."""
        self.model.set_findings(findings)
        done = list(acknowledged or [])
        self.acknowledged_model.set_findings([f for f, _ in done], [note for _, note in done])
        self.acknowledged_title.setText(
            self.tr("<b>Confirmate ({n})</b> — nu mai contează ca nerezolvate.").format(n=len(done))
        )
        self.acknowledged_title.setVisible(bool(done))
        self.acknowledged_list.setVisible(bool(done))
        self.acknowledge_button.setVisible(bool(findings))
        if findings:
            self.title.setText(
                self.tr(
                    "<b>Constatările verificărilor ({n})</b> — clic pe o constatare selectează celula."
                ).format(n=len(findings))
            )
        else:
            self.title.setText(
                self.tr("<b>Constatările verificărilor</b> — nicio constatare pentru această acțiune.")
            )
        self.list.setVisible(bool(findings))

    def needed_height(self) -> int:
        """The height showing every finding without scrolling."""
        rows = sum(self.list.sizeHintForRow(row) for row in range(self.model.rowCount()))
        frame = 2 * self.list.frameWidth() + 6
        extra = 0
        if self.acknowledged_model.rowCount():
            extra = self.acknowledged_title.sizeHint().height() + self.acknowledged_list.maximumHeight() + 4
        return self.title.sizeHint().height() + rows + frame + 4 + extra

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.findingActivated.emit(self.model.finding(index.row()))

    def _activated_acknowledged(self, index: QModelIndex) -> None:
        if index.isValid():
            self.findingActivated.emit(self.acknowledged_model.finding(index.row()))

    def _acknowledge_current(self) -> None:
        index = self.list.currentIndex()
        if not index.isValid() and self.model.rowCount():
            index = self.model.index(0, 0)
        if index.isValid():
            self.acknowledgeRequested.emit(self.model.finding(index.row()))

    def _reopen_current(self) -> None:
        index = self.acknowledged_list.currentIndex()
        if index.isValid():
            self.reopenRequested.emit(self.acknowledged_model.finding(index.row()))
