"""The page shown instead of the per-subdivision grid for a plan whose progress is kept per item (seed 004):
the selected item's header above the status grid of the whole period (:mod:`.status_grid`).

Every edit is an undo step (:class:`~balti_monitor.services.progress.SaveProgress` through
:class:`~balti_monitor.gui.undo.WriteCommand`); the rows are read again, in three queries, after a change
that names one of the plan's actions.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.item_progress import (
    ItemProgress,
    item_progress,
    progress_by_item,
    progress_label,
    status_choices,
)
from balti_monitor.services.progress import Link, ProgressConflict, ProgressState, SaveProgress

from .action_header import ActionHeader
from .session import Session
from .status_grid import DESCRIPTION, LINKS, MEANING_COLOURS, STATUS, TITLE, LinksDialog, StatusGridModel
from .status_grid import _KeyedStatusGridView as StatusView
from .undo import WriteCommand


class StatusPage(QWidget):
    """Header of the selected item + the status grid of the period.

    Signals:
        actionChosen(int): the user moved to another item's row (the tree follows).
    """

    actionChosen = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusPage")
        self.session = session
        self.action_id: int | None = None
        self.header = ActionHeader(self)
        self.model = StatusGridModel(self)
        self.model.write = self._write
        self.view = StatusView(self.edit_links, self)
        self.view.setModel(self.model)
        self.view.fit_columns()
        self.links_button = QPushButton(self.tr("&Legături…"), self)
        self.links_button.setToolTip(
            self.tr("Editați legăturile rândului selectat (Enter pe coloana „Legături”)")
        )
        self.links_button.clicked.connect(lambda: self.edit_links(self.view.currentIndex().row()))
        self.hint = hint = QLabel(
            self.tr(
                "Statusul se alege din listă (Enter); „Măsuri întreprinse” are mai multe rânduri (Tab salvează)."
            ),
            self,
        )
        hint.setStyleSheet("color:#555")
        hint.setWordWrap(True)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 0, 4, 0)
        bar.addWidget(self.links_button)
        bar.addWidget(hint, 1)
        self.swatches: list[QLabel] = []
        for meaning, name in (
            ("done", self.tr("realizat")),
            ("in_progress", self.tr("în proces")),
            ("started", self.tr("inițiat")),
            ("not_started", self.tr("neinițiat / nerealizat")),
        ):
            swatch = QLabel(name, self)
            swatch.setStyleSheet(f"background:{MEANING_COLOURS[meaning].name()}; padding:1px 6px; color:#222")
            bar.addWidget(swatch)
            self.swatches.append(swatch)
        grid = QWidget(self)
        grid_layout = QVBoxLayout(grid)
        grid_layout.setContentsMargins(0, 0, 0, 0)
        grid_layout.addLayout(bar)
        grid_layout.addWidget(self.view, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.header)
        self.splitter.addWidget(grid)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([130, 500])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        session.changed.connect(self._on_changed)
        session.periodAboutToChange.connect(self.view.delegate.finish_editing)
        self._loaded_period: int | None = None
        self._active: tuple[int, bool] | None = None  # (plan id, by item), read once per plan

    # -- state --------------------------------------------------------------------------------------------
    def active(self) -> bool:
        """Whether the plan shown keeps its progress per item (this page replaces the grid)."""
        plan = self.session.plan
        if plan is None:
            return False
        if self._active is None or self._active[0] != plan.id:
            self._active = (plan.id, progress_by_item(plan.id))
        return self._active[1]

    def reload(self) -> None:
        """Read the period's rows again (another period, plan or a change)."""
        period = self.session.period
        plan = self.session.plan
        if period is None or plan is None or not self.active():
            self.model.clear()
            self._loaded_period = None
            if plan is not None and period is None:
                self.hint.setText(
                    self.tr("Nu există încă nicio perioadă de raportare: creați-o cu „Perioadă nouă…”.")
                )
                for swatch in self.swatches:
                    swatch.setVisible(False)
            return
        choices = status_choices(plan.id)
        self.model.narrative_label = progress_label(plan.id)
        self.model.set_rows(item_progress(period.id), choices)
        self.view.setColumnHidden(STATUS, not choices)  # a kind without statuses (seed 002): no column
        for swatch in self.swatches:
            swatch.setVisible(bool(choices))
        self.hint.setText(
            self.tr("Statusul se alege din listă (Enter); textul are mai multe rânduri (Tab salvează).")
            if choices
            else self.tr(
                "Enter editează textul (mai multe rânduri; Tab salvează); legăturile: butonul „Legături…”."
            )
        )
        self._loaded_period = period.id
        self.view.fit_rows()

    def show_action(self, action_id: int | None) -> None:
        """Show an item: its header, its row selected (the period's rows loaded when needed)."""
        period = self.session.period
        if period is None or self._loaded_period != period.id or self.model.rowCount() == 0:
            self.reload()
        self.action_id = action_id
        self._show_header()
        row = self.model.row_of(action_id) if action_id is not None else -1
        if row < 0:
            return
        current = self.view.currentIndex()
        if current.row() != row or self.view.isColumnHidden(current.column()):
            first = DESCRIPTION if self.view.isColumnHidden(STATUS) else STATUS
            column = current.column() if current.isValid() else first
            if self.view.isColumnHidden(column):
                column = first
            index = self.model.index(row, column)
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        # always, and once more when the page is laid out: after another plan or period the view may keep
        # the old scroll position (a page just shown has no viewport size yet)
        self._scroll_to_current()
        QTimer.singleShot(0, self, self._scroll_to_current)

    def _scroll_to_current(self) -> None:
        row = self.model.row_of(self.action_id) if self.action_id is not None else -1
        if row >= 0:
            self.view.scrollTo(self.model.index(row, 0))  # column 0 is never hidden

    def _show_header(self) -> None:
        if self.action_id is None:
            self.header.clear()
            return
        try:
            info = self.session.action(self.action_id)
        except KeyError:
            self.header.clear()
            return
        self.header.show_action(info, None)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.model.item(current.row()) if current.isValid() else None
        if item is not None and item.action_id != self.action_id:
            self.action_id = item.action_id
            self._show_header()
            self.actionChosen.emit(item.action_id)

    def _on_changed(self, changes: ChangeSet) -> None:
        if not self.active() or self.session.period is None:
            return
        if changes.plan_structure or changes.actions:
            self.reload()
            self._show_header()

    # -- writes -------------------------------------------------------------------------------------------
    def _write(self, item: ItemProgress, status: str, description: str, links: tuple[Link, ...]) -> bool:
        period = self.session.period
        if period is None:
            return False
        read = ProgressState(item.description, item.status, item.links)  # its version: what the row shows
        label = self.tr("Progresul {code}").format(code=item.code)
        command = WriteCommand(
            self.session, SaveProgress(item.action_id, period.id, description, status, links, read), label
        )
        self.session.undo_stack.push(command)
        if isinstance(command.failure, ProgressConflict):
            from .conflict_dialog import resolve_text_conflict  # someone else saved this item meanwhile

            header = self.model.headerData
            labels = {
                field: f"{item.code} {header(column, Qt.Orientation.Horizontal)}"
                for field, column in (("status", STATUS), ("description", DESCRIPTION), ("links", LINKS))
            }
            reread = ChangeSet(actions=frozenset({item.action_id}))
            return resolve_text_conflict(self.session, command, label, self.window(), labels, reread)
        return command.error is None and command.changes is not None

    def edit_links(self, row: int) -> bool:
        """Edit the links of a row in their dialog (one undo step)."""
        item = self.model.item(row)
        if item is None:
            return False
        links = LinksDialog.ask(f"{item.code} {item.title}", item.links, self.window())
        if links is None:
            return False
        return self.model.set_links(row, links)


__all__ = ["DESCRIPTION", "LINKS", "STATUS", "TITLE", "StatusPage"]
