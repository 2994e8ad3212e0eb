"""Keeping a period window (change log, completeness, findings, follow-ups) in step with the session."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from balti_monitor.services.changes import ChangeSet

from .session import Session


class PeriodFollower(QObject):
    """Calls ``reload`` when another period is shown or another file is opened, and after any change while
    ``window`` is visible (a hidden window reloads when it is shown again). A child of ``window``, so its
    connections end with it."""

    def __init__(self, window: QWidget, session: Session, reload: Callable[[], None]) -> None:
        super().__init__(window)
        self.window = window
        self.reload = reload
        session.changed.connect(self._changed)
        session.periodChanged.connect(self._period)
        session.opened.connect(self._period)

    def _changed(self, _changes: ChangeSet) -> None:
        if self.window.isVisible():
            self.reload()

    def _period(self) -> None:
        self.reload()
