"""The working session: the open database file, the plan and period shown, the undo stack, cached results.

Built once in :func:`balti_monitor.gui.app.run` and passed to every view through its constructor (no module
globals). Views never write to the database themselves: they push undo commands (:mod:`.undo`) that call the
services and hand the returned :class:`ChangeSet` to :meth:`Session.apply`, which drops the cached results of
exactly those actions and emits :attr:`Session.changed`; each view then refreshes only what changed.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from balti_monitor.domain.values import ValueState
from balti_monitor.services.bundled import ensure_bundled_plan
from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.editing import DESCRIPTION_COLUMN, CellEdit
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.grids import load_grids
from balti_monitor.services.outline import ActionInfo, PriorityInfo, plan_outline
from balti_monitor.services.periods import (
    PeriodInfo,
    PeriodKey,
    PlanInfo,
    key_of,
    period_info,
    period_infos,
    plan_info,
    plan_infos,
)
from balti_monitor.services.results import ActionResult, action_result
from balti_monitor.services.safe_open import (
    DamagedAfterOpenError,
    OpenResult,
    check_and_back_up,
    close_safely,
    no_backup_warning,
    open_safely,
)
from balti_monitor.services.server_setup import FILE_ACCESS, Access
from balti_monitor.services.storage_errors import guard_write
from balti_monitor.services.values import from_columns, parsed_columns


class Session(QObject):
    """The open file and what the user is looking at.

    Attributes:
        path: the open database file (None before :meth:`open`).
        fresh: True when :meth:`open` just created the file (or installed the bundled plan into it).
        open_warning: what the user should know about the file just opened (read-only, no automatic
            backup, a crashed instance's lock taken over), for the status bar; None when all went well.
        plan: the plan shown.
        period: the period shown (None when the plan has no period yet).
        outline: priorities and actions of the plan (no query on a tree click).
        undo_stack: every user edit, as undoable commands.

    Signals:
        changed(ChangeSet): data changed; views refresh what the change set names.
        periodAboutToChange(): another period (or file) is about to be shown, or the data is about to be
            copied or replaced (:meth:`flush_pending`): save pending text now.
        periodChanged(): another period (or the first one) is shown.
        opened(): a database file was opened; every view reloads.
        replayed(ChangeSet): an undo or a redo was applied; the main window shows its ``focus`` (period,
            action, subdivision with 0 = Total row, column).
        message(str): a Romanian message for the status bar.
        damaged(Path, str): the check of the whole file made after a deferred opening found that file
            damaged (the Romanian reason); it should be closed and opened again normally (which explains
            the damage and offers the newest automatic backup).
    """

    changed = Signal(object)
    periodAboutToChange = Signal()
    periodChanged = Signal()
    opened = Signal()
    replayed = Signal(object)
    message = Signal(str)
    damaged = Signal(object, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        #: the server open instead of a file (its address without password), and what the person may change
        self.server: str | None = None
        self.access: Access = FILE_ACCESS
        self.fresh = False
        self.open_warning: str | None = None
        self.plan: PlanInfo | None = None
        self.period: PeriodInfo | None = None
        self.outline: list[PriorityInfo] = []
        self._actions: dict[int, ActionInfo] = {}
        self._results: dict[int, ActionResult] = {}
        self._all_loaded = False
        self.replaying = False  # an undo/redo is switching the period: views must not push commands
        # Cell edits about to be written (set by the grid): once stored, the cached result is updated in
        # memory from them instead of reloading the action from the database.
        self._expected: tuple[int, int, tuple[CellEdit, ...]] | None = None
        self.undo_stack = QUndoStack(self)
        self._pending_backup: Path | None = None
        self._backup_thread: threading.Thread | None = None
        self._until_shown: list[Callable[[], object]] | None = None  # see hold_until_shown()

    # -- file ---------------------------------------------------------------------------------------------
    def open(self, path: Path, *, deferred: bool = False) -> OpenResult:
        """Open (or create) a database file through :func:`open_safely` (lock, checks, automatic backup).

        With ``deferred`` the check of the whole file and the automatic backup are left for
        :meth:`start_deferred_backup` (start-up: after the window's first paint, on a worker thread);
        only the schema and the plan tables are checked here.

        Raises ``ServiceError`` when another instance has the file open and ``FileOpenError`` (a
        ``DatabaseError`` with a Romanian message offering the newest automatic backup) for a bad file; the
        previously open file is closed either way. A missing file is created only here, never beforehand.
        """
        existed = path.exists()
        if self.path is not None or self.server is not None:
            self.close()
        self.period = None
        self.open_warning = None
        result = open_safely(path, create=True, deferred=deferred)
        try:
            created = False
            if not plan_infos():
                with guard_write(self.tr("Instalarea planului inclus")):
                    _, created = ensure_bundled_plan()
        except BaseException:
            close_safely()
            raise
        self.path = path
        self.fresh = created or not existed
        notes = [result.warning] if result.warning else []
        if result.recovered_lock is not None:
            notes.append(
                self.tr(
                    "Fișierul rămăsese blocat de o sesiune închisă neașteptat ({who}); blocarea a fost preluată."
                ).format(who=result.recovered_lock.describe())
            )
        self.open_warning = " ".join(notes) or None
        self._pending_backup = path if deferred else None
        self.undo_stack.clear()
        self._load_plan(next(iter(plan_infos()), None))
        self.opened.emit()
        return result

    def open_server(self, url: str, shown: str) -> Access:
        """Work on a PostgreSQL server instead of a file (``shown``: its address without password); what
        the person may change. The file or server open before is closed first, also when this fails."""
        from balti_monitor.services.server_session import connect

        if self.path is not None or self.server is not None:
            self.close()
        self.period = None
        self.open_warning = None
        self.access = connect(url)
        self.server = shown
        self.fresh = False
        self.undo_stack.clear()
        self._load_plan(next(iter(plan_infos()), None))
        self.opened.emit()
        return self.access

    def refresh(self, period_id: int | None = None, action_ids: frozenset[int] | None = None) -> None:
        """Read again what others changed (``action_ids`` of ``period_id``; None: every grid of the period
        shown). Nothing happens for another period than the one shown: it is read when shown."""
        if self.period is None or (period_id is not None and period_id != self.period.id):
            return
        ids = frozenset(self._actions) if action_ids is None else action_ids
        if ids:
            self.apply(ChangeSet(actions=ids))

    # -- start-up -----------------------------------------------------------------------------------------
    def hold_until_shown(self) -> None:
        """Start-up: work passed to :meth:`when_shown` waits until :meth:`shown` (the main window's first
        paint), so the window appears first."""
        self._until_shown = []

    def when_shown(self, callback: Callable[[], object]) -> None:
        """Run ``callback`` from the event loop, but not before the main window's first paint at start-up
        (right away - on the next event-loop turn - otherwise)."""
        if self._until_shown is None:
            QTimer.singleShot(0, self, callback)
        else:
            self._until_shown.append(callback)

    def shown(self) -> None:
        """The main window has painted once: run the held work and write the deferred automatic backup."""
        held, self._until_shown = self._until_shown or [], None
        for callback in held:
            QTimer.singleShot(0, self, callback)
        QTimer.singleShot(0, self, self.start_deferred_backup)

    def start_deferred_backup(self) -> None:
        """Check the whole file and write the automatic backup left by ``open(deferred=True)``, on a
        worker thread: damage comes back as :attr:`damaged`, a failed backup as a :attr:`message` (the
        file stays open, as when the backup is made on opening)."""
        path, self._pending_backup = self._pending_backup, None
        if path is None or path != self.path:
            return
        self.wait_for_backup()

        def work() -> None:
            try:
                check_and_back_up(path)
            except DamagedAfterOpenError as exc:
                self.damaged.emit(path, str(exc))  # queued to the GUI thread by Qt
            except ServiceError as exc:
                self.message.emit(no_backup_warning(exc))  # queued to the GUI thread by Qt
            except Exception as exc:  # a backup must never take the program down
                self.message.emit(no_backup_warning(ServiceError(str(exc))))

        self._backup_thread = threading.Thread(target=work, name="auto-backup", daemon=True)
        self._backup_thread.start()

    def wait_for_backup(self) -> None:
        """Wait until the automatic backup started by :meth:`start_deferred_backup` is written."""
        thread, self._backup_thread = self._backup_thread, None
        if thread is not None:
            thread.join()

    def close(self) -> None:
        """Close the file and release its lock (one self-contained .sqlite remains), or disconnect from the
        server; on either, text still being typed is saved first."""
        self.flush_pending()
        self.start_deferred_backup()  # a file closed before the window painted still gets its backup
        self.wait_for_backup()
        self.undo_stack.clear()
        if self.path is not None:
            close_safely()
        if self.server is not None:
            from balti_monitor.services.server_session import disconnect

            disconnect()
        self.path = None
        self.server = None
        self.access = FILE_ACCESS
        self.open_warning = None
        self.plan = None
        self.period = None
        self.outline = []
        self._actions = {}
        self._forget_results()

    def flush_pending(self) -> None:
        """Ask the views to save text still being typed (before a backup, a restore or an import)."""
        if self.path is not None or self.server is not None:
            self.periodAboutToChange.emit()

    def _load_plan(self, plan: PlanInfo | None) -> None:
        self.plan = plan
        self.outline = plan_outline(plan.id) if plan is not None else []
        self._actions = {a.id: a for p in self.outline for a in p.actions}
        periods = self.periods()
        self.period = periods[-1] if periods else None
        self._forget_results()

    # -- plan and period ----------------------------------------------------------------------------------
    def plans(self) -> list[PlanInfo]:
        """Every plan in the file."""
        return plan_infos()

    def set_plan(self, plan_id: int) -> None:
        """Show another plan (its latest period)."""
        if self.plan is not None and self.plan.id == plan_id:
            return
        plan = plan_info(plan_id)
        if plan is None:
            return
        self._load_plan(plan)
        self.opened.emit()

    def periods(self) -> list[PeriodInfo]:
        """Periods of the plan, oldest first."""
        return period_infos(self.plan.id) if self.plan is not None else []

    def set_period(self, period_id: int | None) -> None:
        """Show another period."""
        if period_id is None:
            new = None
        elif self.period is not None and self.period.id == period_id:
            return
        else:
            new = period_info(period_id)
        self.periodAboutToChange.emit()
        self.period = new
        self._forget_results()
        self.periodChanged.emit()

    def set_period_code(self, code: str) -> bool:
        """Show the period with this code ("2023-S1"); False when it does not exist."""
        for period in self.periods():
            if key_of(period).code == code:
                self.set_period(period.id)
                return True
        return False

    def period_key(self) -> PeriodKey | None:
        """Year and semester of the period shown."""
        return key_of(self.period) if self.period is not None else None

    # -- actions and results ------------------------------------------------------------------------------
    def action(self, action_id: int) -> ActionInfo:
        """The header of an action of the plan shown."""
        return self._actions[action_id]

    def actions(self) -> list[ActionInfo]:
        """Every action of the plan, in plan order."""
        return [a for p in self.outline for a in p.actions]

    def action_by_code(self, code: str) -> ActionInfo | None:
        """An action of the plan shown by its code."""
        return next((a for a in self._actions.values() if a.code == code), None)

    def result(self, action_id: int) -> ActionResult | None:
        """Grid, totals and findings of an action for the period shown (cached until it changes)."""
        if self.period is None or action_id not in self._actions:
            return None
        found = self._results.get(action_id)
        if found is None:
            grid = load_grids(self.period, [action_id])[action_id]
            found = self._results[action_id] = action_result(grid)
        return found

    def results(self) -> dict[int, ActionResult]:
        """Results of every action of the plan for the period shown (one bulk load, then cached)."""
        if self.period is None:
            return {}
        if not self._all_loaded:
            missing = [aid for aid in self._actions if aid not in self._results]
            if missing:
                for aid, grid in load_grids(self.period, missing).items():
                    self._results[aid] = action_result(grid)
            self._all_loaded = True
        return dict(self._results)

    def _forget_results(self, action_ids: frozenset[int] | None = None) -> None:
        if action_ids is None:
            self._results.clear()
        else:
            for aid in action_ids:
                self._results.pop(aid, None)
        self._all_loaded = False

    # -- writes -------------------------------------------------------------------------------------------
    def expect_cell_edits(self, period_id: int, action_id: int, edits: Sequence[CellEdit] | None) -> None:
        """The grid is about to write these cells (None: forget); see :meth:`apply`."""
        self._expected = (period_id, action_id, tuple(edits)) if edits else None

    def _patched_result(self, changes: ChangeSet) -> ActionResult | None:
        """The result after the expected cell edits, computed in memory from the cached one (the same rules
        as after a reload), or None when a reload is needed (other changes, a new or emptied return)."""
        expected, self._expected = self._expected, None
        if expected is None or self.period is None:
            return None
        period_id, action_id, edits = expected
        if period_id != self.period.id or changes != ChangeSet(actions=frozenset({action_id})):
            return None
        cached = self._results.get(action_id)
        if cached is None or cached.grid.annual:
            return None  # an annual grid mixes derived values: reload
        grid = cached.grid
        rows = list(grid.rows)
        position = {row.subdivision_id: n for n, row in enumerate(rows)}
        numbers = {ind.number for ind in grid.indicators}
        for edit in edits:
            at = position.get(edit.subdivision_id)
            if at is None or edit.text is None or not edit.text.strip():
                return None  # a cleared cell may drop the return (and a row): reload
            row = rows[at]
            if not row.has_return:
                return None  # a new return: reload
            if edit.column == DESCRIPTION_COLUMN:
                rows[at] = dataclasses.replace(row, description=edit.text)
            elif edit.column in numbers:
                values = dict(row.values)
                c = parsed_columns(edit.text)
                values[edit.column] = from_columns(
                    c["raw_text"],
                    c["state"],
                    c["quantity"],
                    c["unit"],
                    c["women"],
                    c["men"],
                    c["approximate"],
                    c["status"],
                )
                applicable = row.applicable
                if not row.responsible:  # it answers what it wrote (as services.grids.load_grids reads it)
                    applicable = frozenset(n for n, v in values.items() if v.state != ValueState.MISSING)
                rows[at] = dataclasses.replace(row, values=values, applicable=applicable)
            else:
                return None
        return action_result(dataclasses.replace(grid, rows=tuple(rows)))

    def apply(self, changes: ChangeSet) -> None:
        """Take note of what a service call changed and tell the views."""
        patched = self._patched_result(changes)
        if changes.empty:
            return
        everything = changes.plan_structure and changes.subdivisions and changes.periods and changes.narrative
        if everything:
            self.undo_stack.clear()
            plan_id = self.plan.id if self.plan is not None else None
            period_code = key_of(self.period).code if self.period is not None else None
            plan = plan_info(plan_id) if plan_id else None
            self._load_plan(plan or next(iter(plan_infos()), None))
            if period_code:
                for period in self.periods():
                    if key_of(period).code == period_code:
                        self.period = period
            self.opened.emit()
            return
        if changes.subdivisions:
            self._forget_results()  # names appear in every grid
        else:
            self._forget_results(changes.actions)
        if patched is not None:
            self._results[patched.grid.action_id] = patched
        if changes.plan_structure and self.plan is not None:
            self.outline = plan_outline(self.plan.id)
            self._actions = {a.id: a for p in self.outline for a in p.actions}
        gone = changes.periods and self.period is not None and period_info(self.period.id) is None
        if gone:
            periods = self.periods()
            self.period = periods[-1] if periods else None
            self._forget_results()
            self.changed.emit(changes)
            self.periodChanged.emit()
            return
        self.changed.emit(changes)

    def show_period(self, period_id: int) -> None:
        """Make sure the period an undo command works on is the one shown."""
        if self.period is None or self.period.id != period_id:
            self.replaying = True
            try:
                self.set_period(period_id)
            finally:
                self.replaying = False
