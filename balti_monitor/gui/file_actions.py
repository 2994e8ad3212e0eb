"""The File menu: open another database file, recent files, load the S1-2023 demonstration data.

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
from balti_monitor.services.backup import auto_backup
from balti_monitor.services.bundled import load_demo
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.storage_errors import guard_write

from . import dialogs
from .file_opening import open_or_explain
from .session import Session
from .settings import AppSettings


class FileActions(QObject):
    """Actions of the File menu.

    Attributes:
        open_action: choose another database file.
        default_action: go back to the default database file.
        demo_action: load the S1-2023 demonstration data.
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
        self.demo_action = QAction(self.tr("Încarcă datele &demonstrative S1-2023…"), self)
        self.demo_action.triggered.connect(lambda: self.load_demo())
        self.recent_menu = QMenu(self.tr("Fișiere &recente"), window)
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
        """Load the S1-2023 demonstration period (asking before replacing data)."""
        if not dialogs.confirm(
            self.window,
            self.tr("Date demonstrative"),
            self.tr(
                "Se încarcă datele din raportul original S1-2023 (perioada 2023-S1), pentru a explora programul.\n"
                "Operația nu poate fi anulată cu Ctrl+Z. Continuați?"
            ),
        ):
            return False
        try:
            with guard_write(self.tr("Încărcarea datelor demonstrative")):
                _, changes = load_demo(replace=False)
        except ServiceError as exc:
            if exc.__cause__ is not None:  # a storage failure (guard_write), not "the period has data"
                dialogs.show_error(self.window, self.tr("Date demonstrative"), str(exc))
                return False
            if not dialogs.confirm(
                self.window,
                self.tr("Date demonstrative"),
                self.tr("{reason}\n\nÎnlocuiți datele perioadei 2023-S1 cu cele demonstrative?").format(
                    reason=exc
                ),
            ):
                return False
            try:
                self.session.flush_pending()
                auto_backup("demo")  # the replaced period can be restored from "Copii automate"
                with guard_write(self.tr("Încărcarea datelor demonstrative")):
                    _, changes = load_demo(replace=True)
            except ServiceError as err:
                dialogs.show_error(self.window, self.tr("Date demonstrative"), str(err))
                return False
        self.session.apply(changes)
        self.session.set_period_code("2023-S1")
        return True
