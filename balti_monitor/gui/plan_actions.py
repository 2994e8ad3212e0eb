"""The Plan menu's plan-level actions: "Editează planul…" (the plan editor) and, for a file holding several
plans, remembering which plan was shown (the toolbar's plan selector switches it)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from .plan_editor import PlanEditor
from .session import Session
from .settings import AppSettings


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
        self._path: str | None = None
        session.opened.connect(self._on_opened)
        self._on_opened()

    def _update(self) -> None:
        self.edit_action.setEnabled(self.session.plan is not None)

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
        if self.session.plan is None:
            return None
        self.session.flush_pending()
        self.editor = PlanEditor(self.session, self.window)
        try:
            self.editor.exec()
        finally:
            editor, self.editor = self.editor, None
        return editor
