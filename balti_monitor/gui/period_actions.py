"""Deleting the period shown ("Plan → Șterge perioada afișată…"): the question names what is lost, an
automatic backup is made first, and the deletion cannot be undone with Ctrl+Z (the backup brings it back)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from balti_monitor.services.errors import ServiceError

from . import dialogs
from .session import Session


class PeriodActions(QObject):
    """The period deletion action.

    Attributes:
        delete_action: delete the period shown (after a confirmation and an automatic backup).
    """

    def __init__(self, session: Session, window: QWidget) -> None:
        super().__init__(window)
        self.session = session
        self.window = window
        self.delete_action = QAction(self.tr("Șterge &perioada afișată…"), self)
        self.delete_action.setToolTip(
            self.tr("Șterge perioada cu tot ce s-a introdus pentru ea (se face întâi o copie automată)")
        )
        self.delete_action.triggered.connect(lambda: self.delete_shown_period())
        session.periodChanged.connect(self._update)
        session.opened.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.delete_action.setEnabled(self.session.period is not None)

    def delete_shown_period(self) -> bool:
        """Ask, back up, delete the period shown; True when deleted."""
        from balti_monitor.services.period_deletion import delete_period, period_contents

        period = self.session.period
        if period is None:
            return False
        title = self.tr("Ștergerea perioadei")
        try:
            contents = period_contents(period.id)
        except ServiceError as exc:
            dialogs.show_error(self.window, title, str(exc))
            return False
        question = self.tr(
            "{contents}\n\nTot ce este mai sus se șterge din fișier. Înainte de ștergere se face o copie "
            "automată (Fișier → Copii automate), din care perioada poate fi readusă; Ctrl+Z nu o readuce.\n\n"
            "Ștergeți perioada {code}?"
        ).format(contents=contents.describe(), code=contents.code)
        if not dialogs.confirm(self.window, title, question):
            return False
        self.session.flush_pending()
        try:
            backup, changes = delete_period(period.id)
        except ServiceError as exc:
            dialogs.show_error(self.window, title, str(exc))
            return False
        self.session.undo_stack.clear()  # the edits of the deleted period can no longer be undone
        self.session.apply(changes)
        where = self.tr(" Copia automată de dinainte: {name}.").format(name=backup.name) if backup else ""
        self.session.message.emit(
            self.tr("Perioada {code} a fost ștearsă.{where}").format(code=contents.code, where=where)
        )
        return True
