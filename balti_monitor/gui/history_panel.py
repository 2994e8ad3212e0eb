"""The "Istoric pe perioade" panel: the selected cell's value (and description) in every period, newest
first, and Ctrl+' which copies the previous period's value into the cell (one undo step).

The panel asks the services once per (action, subdivision) row and keeps the answer while the user moves
along the row; any change of the data drops it.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.editing import DESCRIPTION_COLUMN, CellEdit
from balti_monitor.services.history import HistoryEntry, RowHistory, row_history

from .grid_model import GridModel
from .grid_view import GridView
from .session import Session

ModelIndex = QModelIndex | QPersistentModelIndex

#: Ctrl+' (DHIS2's "previous value"): the apostrophe key, layout-independent where Qt can map it.
PREVIOUS_VALUE_SHORTCUT = "Ctrl+'"


class HistoryPanel(QDockWidget):
    """A dock listing the current cell's history; owns the Ctrl+' action installed on the grid."""

    def __init__(self, session: Session, view: GridView, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Istoric pe perioade"), parent)
        self.setObjectName("historyDock")
        self.session = session
        self.view = view
        self._history: RowHistory | None = None
        self.entries: list[HistoryEntry] = []
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.title = QLabel(body)
        self.title.setWordWrap(True)
        self.table = QTableWidget(0, 3, body)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Perioada"), self.tr("Valoarea"), self.tr("Descrierea")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(1, max(110, header.sectionSizeHint(1)))  # title never cut
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        self.setWidget(body)
        self.setMinimumWidth(220)

        self.previous_action = QAction(self.tr("Valoarea din perioada precedentă"), self)
        self.previous_action.setShortcut(QKeySequence(PREVIOUS_VALUE_SHORTCUT))
        self.previous_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.previous_action.setToolTip(
            self.tr("Copiază în celulă valoarea aceleiași subdiviziuni din perioada precedentă (Ctrl+')")
        )
        self.previous_action.triggered.connect(self.copy_previous)
        view.addAction(self.previous_action)

        selection = view.selectionModel()
        if selection is not None:
            selection.currentChanged.connect(self._current_changed)
        session.changed.connect(self._on_changed)
        session.periodChanged.connect(self._forget_and_update)
        session.opened.connect(self._forget_and_update)
        self.update_for(QModelIndex())

    # -- data ---------------------------------------------------------------------------------------------
    @property
    def model(self) -> GridModel | None:
        """The grid's model."""
        return self.view.grid_model()

    def _row(self, index: ModelIndex) -> tuple[int, int] | None:
        """(action id, subdivision id) of a subdivision row, None for the Total row or nothing."""
        model = self.model
        if model is None or not index.isValid() or model.result is None or index.row() == model.total_row:
            return None
        return model.result.grid.action_id, model.row_head(index.row()).subdivision_id

    def history_of(self, action_id: int, subdivision_id: int) -> RowHistory | None:
        """The row's history (cached while the row stays the same)."""
        plan = self.session.plan
        if plan is None:
            return None
        known = self._history
        if known is None or (known.action_id, known.subdivision_id) != (action_id, subdivision_id):
            known = self._history = row_history(plan.id, action_id, subdivision_id)
        return known

    # -- showing ------------------------------------------------------------------------------------------
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.update_for(current)

    def _on_changed(self, _changes: ChangeSet) -> None:
        self._forget_and_update()

    def _forget_and_update(self) -> None:
        self._history = None
        self.update_for(self.view.currentIndex())

    def showEvent(self, event: QShowEvent) -> None:
        """Fill the panel when it is opened (a hidden panel asks nothing)."""
        super().showEvent(event)
        self.update_for(self.view.currentIndex())

    def update_for(self, index: ModelIndex) -> None:
        """Show the history of the cell at ``index`` (nothing for the Total row or no cell; nothing is asked
        while the panel is hidden)."""
        if self.isHidden():
            self.entries = []
            return
        row = self._row(index)
        history = self.history_of(*row) if row is not None else None
        model = self.model
        if history is None or model is None:
            self.entries = []
            self.title.setText(self.tr("Selectați o celulă a unei subdiviziuni."))
            self.table.setRowCount(0)
            return
        column = index.column()
        name = model.row_head(index.row()).name
        what = (
            self.tr("Descrierea")
            if column == DESCRIPTION_COLUMN
            else self.tr("Indicator {n}").format(n=column)
        )
        self.title.setText(self.tr("{what} · {name}").format(what=what, name=name))
        self.entries = history.entries(column)
        current = model.period_id
        self.table.setRowCount(len(self.entries))
        for position, entry in enumerate(self.entries):
            text = entry.text or "—"
            if entry.derived:
                text = self.tr("{text} (din semestre)").format(text=text)
            items = [
                QTableWidgetItem(entry.code),
                QTableWidgetItem(text),
                QTableWidgetItem(entry.description),
            ]
            items[1].setToolTip(entry.text)
            items[2].setToolTip(entry.description[:1500])
            if entry.period_id == current:
                for item in items:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
            for col, item in enumerate(items):
                self.table.setItem(position, col, item)

    # -- Ctrl+' -------------------------------------------------------------------------------------------
    def copy_previous(self) -> bool:
        """Write the previous period's value of the current cell into it, as one undoable edit."""
        index = self.view.currentIndex()
        row = self._row(index)
        model = self.model
        if row is None or model is None or model.period_id is None:
            return False
        history = self.history_of(*row)
        text = history.previous_text(model.period_id, index.column()) if history is not None else None
        if text is None:
            self.session.message.emit(self.tr("Perioada precedentă nu are o valoare în această celulă."))
            return False
        edit = CellEdit(row[1], index.column(), text)
        return model.apply_edits([edit], self.tr("Valoarea din perioada precedentă"), [index])
