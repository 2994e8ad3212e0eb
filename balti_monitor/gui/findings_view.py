"""The check findings of the action shown, listed under the grid; clicking one selects its cell."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QVBoxLayout, QWidget

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

    def set_findings(self, findings: list[Finding]) -> None:
        """Show these findings (a reset only when they differ)."""
        if findings == self._findings:
            return
        self.beginResetModel()
        self._findings = list(findings)
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
            return f"{' · '.join(where)}: {finding.message}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{finding.location()}\n{finding.message}"
        if role == Qt.ItemDataRole.DecorationRole:
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

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FindingsModel(self)
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        self._needed: tuple[tuple[Finding, ...], int, int] | None = None  # findings, width -> height
        self.set_findings([])

    def set_findings(self, findings: list[Finding]) -> None:
        """Show the findings of the action (nothing is redone when they are the same)."""
        if findings == self.model._findings and self.title.text():
            return
        self.model.set_findings(findings)
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
        """The height showing every finding without scrolling (measured once per list and width)."""
        key = (tuple(self.model._findings), self.list.viewport().width())
        if self._needed is not None and self._needed[:2] == key:
            return self._needed[2]
        rows = sum(self.list.sizeHintForRow(row) for row in range(self.model.rowCount()))
        frame = 2 * self.list.frameWidth() + 6
        height = self.title.sizeHint().height() + rows + frame + 4
        self._needed = (key[0], key[1], height)
        return height

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.findingActivated.emit(self.model.finding(index.row()))
