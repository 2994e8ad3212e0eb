"""The Plan menu's plan-level actions: "Editează planul…" (the plan editor), "Adaugă un plan exemplu…" (the
bundled examples, seeds 001-004) and, for a file holding several plans, remembering which plan was shown
(the toolbar's plan selector switches it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.examples import list_examples, load_example
from balti_monitor.services.plans import plan_columns

from . import dialogs
from .session import Session
from .settings import AppSettings
from .undo import WriteCommand

if TYPE_CHECKING:  # the editor and its writes are imported when first opened (start-up time)
    from .plan_editor import PlanEditor


class PlanActions(QObject):
    """Plan editing and the plan shown per file.

    Attributes:
        edit_action: open the plan editor.
        editor: the editor while it is open (None otherwise).
    """

    def __init__(self, session: Session, settings: AppSettings, window: QWidget) -> None:
        super().__init__(window)
        self.session = session
        self.settings = settings
        self.window = window
        self.editor: PlanEditor | None = None
        self.edit_action = QAction(self.tr("&Editează planul…"), self)
        self.edit_action.setToolTip(
            self.tr("Adaugă, modifică, mută sau șterge priorități, acțiuni, subacțiuni și indicatori")
        )
        self.edit_action.triggered.connect(lambda: self.edit_plan())
        self.edit_item_action = QAction(self.tr("Editează &acțiunea selectată…"), self)
        self.edit_item_action.setToolTip(
            self.tr(
                "Titlul, termenul, responsabilii și coloanele proprii ale planului pentru acțiunea afișată"
            )
        )
        self.edit_item_action.triggered.connect(lambda: self.edit_current_action())
        self.examples_action = QAction(self.tr("Adaugă un plan e&xemplu…"), self)
        self.examples_action.setToolTip(
            self.tr("Adaugă în fișier unul dintre planurile exemplu incluse (alte primării și ministere)")
        )
        self.examples_action.triggered.connect(lambda: self.add_example())
        self._path: str | None = None
        session.opened.connect(self._on_opened)
        self._on_opened()

    def _update(self) -> None:
        self.edit_action.setEnabled(self.session.plan is not None)
        self.edit_item_action.setEnabled(self.session.plan is not None)
        self.examples_action.setEnabled(self.session.path is not None)

    def _on_opened(self) -> None:
        """A file was opened (show the plan shown last time) or another plan was chosen (remember it)."""
        self._update()
        path = str(self.session.path) if self.session.path is not None else None
        plan = self.session.plan
        if path is None or plan is None:
            self._path = path
            return
        if path != self._path:  # a file was opened: its last plan, if it still holds it
            self._path = path
            code = self.settings.last_plan(path)
            if code and code != plan.code:
                other = next((p for p in self.session.plans() if p.code == code), None)
                if other is not None:
                    self.session.set_plan(other.id)  # emits opened again: remembered below
                    return
        self.settings.remember_plan(path, plan.code)

    def edit_plan(self) -> PlanEditor | None:
        """Open the plan editor (modal); returns it after it closed (for tests: see :attr:`editor`)."""
        from .plan_editor import PlanEditor  # on first use (start-up time)

        if self.session.plan is None:
            return None
        self.session.flush_pending()
        self.editor = PlanEditor(self.session, self.window)
        try:
            self.editor.exec()
        finally:
            editor, self.editor = self.editor, None
        return editor

    def edit_current_action(self) -> bool:
        """Edit the action shown in its form (one undo step); False when nothing changed."""
        from balti_monitor.services.plan_edit import EditItem
        from balti_monitor.services.plan_fields import fields_of

        from .plan_item_dialog import ItemDialog, confirm_signed_edit

        panel = getattr(self.window, "plan_panel", None)
        action_id = panel.current_action() if panel is not None else None
        plan = self.session.plan
        if action_id is None or plan is None:
            return False
        try:
            fields = fields_of("action", action_id)
        except ServiceError as exc:
            dialogs.show_error(self.window, self.tr("Acțiunea"), str(exc))
            return False
        labels = {c.key: c.label for c in plan_columns(plan.id)}
        info = self.session.action(action_id)
        title = self.tr("Subacțiunea") if info.parent_id is not None else self.tr("Acțiunea")
        new = ItemDialog(self.window, title, fields, labels=labels).ask()
        if new is None or new == fields:
            return False
        edit = confirm_signed_edit(self.window, EditItem("action", action_id, new), plan.id)
        if edit is None:
            return False
        command = WriteCommand(self.session, edit, self.tr("Modificarea planului"))
        self.session.undo_stack.push(command)
        if command.error is not None:
            dialogs.show_error(self.window, title, command.error)
            return False
        return True

    def add_example(self) -> int | None:
        """Choose an example, confirm, back up, load it and show it; the new plan's id (None: not loaded).

        Loading is not an undo step (it adds a whole plan): the automatic backup made first is the way
        back, and the question says so."""
        from .examples_dialog import ExamplesDialog

        title = self.tr("Plan exemplu")
        if self.session.path is None:
            return None
        present = {plan.code for plan in self.session.plans()}
        example = ExamplesDialog.ask(list_examples(), present, self.window)
        if example is None:
            return None
        question = self.tr(
            "Adăugați în fișierul deschis planul exemplu „{title}”?\n\n{description}\n\nPlanurile existente "
            "și datele lor rămân neschimbate. Înainte se face o copie automată (Fișier → Copii automate); "
            "adăugarea nu se anulează cu Ctrl+Z."
        ).format(title=example.plan_title, description=example.description)
        if not dialogs.confirm(self.window, title, question):
            return None
        self.session.flush_pending()
        try:
            with dialogs.busy():
                plan_id, changes = load_example(example.name)  # writes the automatic backup first
        except ServiceError as exc:
            dialogs.show_error(self.window, title, str(exc))
            return None
        self.session.apply(changes if not changes.empty else ChangeSet.everything())
        self.session.set_plan(plan_id)
        self.session.message.emit(
            self.tr("Planul exemplu „{title}” a fost adăugat și este afișat.").format(
                title=example.plan_title
            )
        )
        return plan_id
