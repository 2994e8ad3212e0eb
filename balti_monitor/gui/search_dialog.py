"""Ctrl+Shift+F: search everything the user typed and the plan's texts, in every period.

A non-modal window: a box for the words (diacritics do not matter), a choice of period (all, or one), and
the hits with their period, action, subdivision, where (description, indicator, report text, plan) and a
snippet. Enter or a double click on a hit shows that cell: the period is switched, the action selected and
the cell made current (the narrative page for a hit in the report's text).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.periods import key_of
from balti_monitor.services.search import MAX_HITS, SearchHit, search

from .session import Session

HIT_ROLE = Qt.ItemDataRole.UserRole + 1


class HitList(QTreeView):
    """The hits; Enter shows the one selected.

    Signals:
        activatedHit(QModelIndex): Enter was pressed on a hit.
    """

    activatedHit = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Override: Enter shows the hit."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activatedHit.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class SearchDialog(QDialog):
    """The search window.

    Attributes:
        query: the words searched.
        period: all periods or one.
        results: the hits.
        hits: the hits shown, in order.

    Signals:
        navigateRequested(int, int, int): show this action's cell (action id, subdivision id or -1, column).
    """

    navigateRequested = Signal(int, int, int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("searchDialog")
        self.setWindowTitle(self.tr("Caută în informații"))
        self.setModal(False)
        self.resize(920, 480)
        self.hits: list[SearchHit] = []
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(
            self.tr("Cuvinte din descrieri, valori, textul raportului sau plan (diacriticele nu contează)")
        )
        self.query.setClearButtonEnabled(True)
        self.period = QComboBox(self)
        self.status = QLabel(self)
        self.status.setStyleSheet("color:#555")
        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Perioada"),
                self.tr("Acțiunea"),
                self.tr("Subdiviziunea"),
                self.tr("Unde"),
                self.tr("Fragment"),
            ]
        )
        self.results = HitList(self)
        self.results.setObjectName("searchResults")
        self.results.setModel(self.model)
        self.results.setRootIsDecorated(False)
        self.results.setUniformRowHeights(True)
        self.results.setAlternatingRowColors(True)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.results.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((70, 60, 200, 130)):  # never narrower than the column's title
            header.resizeSection(column, max(width, header.sectionSizeHint(column)))

        row = QHBoxLayout()
        label = QLabel(self.tr("&Caută:"), self)
        label.setBuddy(self.query)
        row.addWidget(label, 0)
        row.addWidget(self.query, 1)
        row.addWidget(QLabel(self.tr("în"), self), 0)
        row.addWidget(self.period, 0)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)  # search as the user types, once they pause
        self._timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(lambda _text: self._timer.start())
        self.query.returnPressed.connect(self._enter_in_box)
        self.query.installEventFilter(self)  # Down from the words goes to the hits
        self.period.currentIndexChanged.connect(lambda _i: self.run_search())
        self.results.activatedHit.connect(self.show_hit)
        self.results.doubleClicked.connect(self.show_hit)
        self._fill_periods()
        session.opened.connect(self._fill_periods)
        session.changed.connect(self._on_changed)

    def _on_changed(self, changes: ChangeSet) -> None:
        if changes.periods:
            self._fill_periods()

    def _fill_periods(self) -> None:
        current = self.period.currentData()
        self.period.blockSignals(True)
        self.period.clear()
        self.period.addItem(self.tr("toate perioadele"), None)
        for period in self.session.periods():
            self.period.addItem(key_of(period).code, period.id)
        index = self.period.findData(current)
        self.period.setCurrentIndex(max(0, index))
        self.period.blockSignals(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override: the Down arrow in the search box moves to the first hit (Enter there shows it)."""
        if (
            watched is self.query
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
        ):
            if self._timer.isActive():
                self.run_search()
            if self.hits:
                self.results.setFocus()
                self.results.setCurrentIndex(self.model.index(0, 0))
                return True
        return super().eventFilter(watched, event)

    def _enter_in_box(self) -> None:
        self._timer.stop()
        self.run_search()
        if self.hits:
            self.results.setFocus()
            self.results.setCurrentIndex(self.model.index(0, 0))

    def run_search(self) -> None:
        """Search for the words typed and list the hits."""
        self._timer.stop()
        self.model.removeRows(0, self.model.rowCount())
        self.hits = []
        text = self.query.text().strip()
        if not text or self.session.path is None:
            self.status.setText("")
            return
        try:
            self.hits = search(text, self.period.currentData())
        except ServiceError as exc:
            self.status.setText(str(exc))
            return
        for number, hit in enumerate(self.hits):
            cells = [hit.period_code or "—", hit.action_code or "—", hit.subdivision or "—", hit.where]
            items = [QStandardItem(cell) for cell in cells]
            snippet = QStandardItem(hit.snippet)
            snippet.setToolTip(hit.snippet)
            items.append(snippet)
            items[0].setData(number, HIT_ROLE)
            self.model.appendRow(items)
        if not self.hits:
            self.status.setText(self.tr("Nu s-a găsit nimic."))
        elif len(self.hits) >= MAX_HITS:
            self.status.setText(
                self.tr(
                    "Primele %n rezultate (cele mai potrivite); adăugați cuvinte pentru mai puține.",
                    "",
                    len(self.hits),
                )
            )
        else:
            self.status.setText(
                self.tr("%n rezultate. Enter sau dublu-clic arată celula.", "", len(self.hits))
            )

    def show_hit(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        """Show the cell of a hit in the main window."""
        if not index.isValid():
            return False
        number = self.model.index(index.row(), 0).data(HIT_ROLE)
        if not isinstance(number, int) or not 0 <= number < len(self.hits):
            return False
        hit = self.hits[number]
        if hit.period_id is not None and (
            self.session.period is None or self.session.period.id != hit.period_id
        ):
            self.session.set_period(hit.period_id)
        window = self.parent()
        if hit.kind == "raport":
            tabs = getattr(window, "tabs", None)
            page = getattr(window, "narrative_page", None)
            if tabs is not None and page is not None:
                tabs.setCurrentWidget(page.parentWidget())
            return True
        if hit.action_id is None:
            return False
        subdivision = hit.subdivision_id if hit.subdivision_id is not None else -1
        column = hit.column if hit.column is not None else 0
        self.navigateRequested.emit(hit.action_id, subdivision, column)
        return True
