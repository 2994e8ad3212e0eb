"""The File menu: open another database file, recent files, open the S1-2023 demonstration file.

Opening goes through :mod:`.file_opening`: a file another instance holds, or one that is not a usable
Bălți Monitor database, is explained in Romanian (a bad one with the offer of its newest automatic backup)
and the file that was open is opened again. Backups and restores are in :mod:`.backup_actions`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from balti_monitor.resources import default_database_path

from . import dialogs
from .file_opening import open_or_explain
from .session import Session
from .settings import AppSettings


class FileActions(QObject):
    """Actions of the File menu.

    Attributes:
        open_action: choose another database file.
        default_action: go back to the default database file.
        demo_action: open the S1-2023 demonstration data (its own file, see :mod:`.demo_file`).
        recent_menu: recently opened files.
    """

    def __init__(self, session: Session, settings: AppSettings, window: QWidget) -> None:
        super().__init__(window)
        self.session = session
        self.settings = settings
        self.window = window
        self.open_action = QAction(self.tr("&Deschide alt fișier de date…"), self)
        self.open_action.triggered.connect(lambda: self.choose_and_open())
        self.default_action = QAction(self.tr("Deschide fișierul de date &implicit"), self)
        self.default_action.triggered.connect(lambda: self.open_file(default_database_path()))
        self.demo_action = QAction(self.tr("Deschide datele de&monstrative S1-2023 (fișier separat)"), self)
        self.demo_action.triggered.connect(lambda: self.load_demo())
        self.recent_menu = QMenu(self.tr("&Fișiere recente"), window)
        self.recent_menu.aboutToShow.connect(self._fill_recent)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = [f for f in self.settings.recent_files() if Path(f).exists()]
        if not files:
            empty = self.recent_menu.addAction(self.tr("(niciunul)"))
            empty.setEnabled(False)
            return
        for number, name in enumerate(files, start=1):
            action = self.recent_menu.addAction(f"&{number} {name}")
            action.triggered.connect(lambda _checked=False, n=name: self.open_file(Path(n)))

    def choose_and_open(self) -> bool:
        """Ask for a file and open it."""
        folder = self.session.path.parent if self.session.path is not None else default_database_path().parent
        path = dialogs.choose_database(self.window, folder)
        return self.open_file(path) if path is not None else False

    def open_file(self, path: Path) -> bool:
        """Open a database file; a refused one is explained and the current file is reopened."""
        previous = self.session.path
        if previous is not None and previous.resolve() == path.resolve():
            return True
        opened = open_or_explain(self.session, path, self.window)
        if opened is None:
            self._reopen(previous)
            return False
        self.settings.remember_file(str(opened))
        return True

    def _reopen(self, previous: Path | None) -> None:
        """Go back to the file that was open (or the default file if that one is gone meanwhile)."""
        default = default_database_path()
        candidates = [previous] if previous is not None else []
        if previous is None or previous.resolve() != default.resolve():
            candidates.append(default)
        for candidate in candidates:
            if open_or_explain(self.session, candidate, self.window) is not None:
                return

    def load_demo(self) -> bool:
        """Open the S1-2023 demonstration data in its own file (the working file is left as it is)."""
        from .demo_file import open_demo

        return open_demo(self.session, self.window)
