"""Starting the desktop application: ``balti-monitor`` without arguments calls :func:`run`.

:func:`run` opens the file given with ``--db``, else the file opened last, else the default database
(``resources.default_database_path()``, created with the bundled plan on first use). A file that is not a Bălți Monitor database is explained in
Romanian (a damaged one with the offer of its newest automatic backup, another instance's file with the
lock's message) and the user may choose another one; a brand-new file offers the S1-2023 demonstration data.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from balti_monitor import APP_NAME
from balti_monitor.errors import BaltiMonitorError
from balti_monitor.resources import default_database_path, resource_path, user_data_dir

from . import dialogs
from .file_opening import open_or_explain
from .main_window import MainWindow
from .session import Session
from .settings import AppSettings, configure_application_names
from .translations import install_translations, set_core_language

translate = QCoreApplication.translate

EXIT_NO_DATABASE = 2

#: With this environment variable set to 1, the program prints ``BALTI_MONITOR_BENCH window|grid <epoch
#: seconds>`` on stdout at the first paint of the main window and of the grid, then quits (for
#: ``benchmarks/bench_start.py``: start-up timed through the real ``balti-monitor`` command).
BENCH_ENV = "BALTI_MONITOR_BENCH"


def create_application() -> QApplication:
    """The QApplication (reused when one exists, as in tests) with names and Romanian translations."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    configure_application_names()
    app.setApplicationDisplayName(APP_NAME)
    icon = resource_path("ui", "icons/balti_monitor.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    apply_language(app, AppSettings().language())
    return app


def apply_language(app: QCoreApplication, language: str) -> None:
    """Install the interface's language (Qt translators, default locale) and give it to the core's messages;
    nothing is done when it is installed already."""
    if getattr(app, "_balti_language", None) == language:
        return
    app._balti_translators = install_translations(app, language)  # type: ignore[attr-defined]
    app._balti_language = language  # type: ignore[attr-defined]
    set_core_language(language)


def open_session(session: Session, path: Path, *, deferred: bool = False) -> bool:
    """Open ``path``; when it is refused explain why (offering a recovered copy of a bad file) and let the
    user choose another file (False when cancelled). With ``deferred`` the automatic backup of the
    opened file and the check of the whole file wait for :meth:`Session.start_deferred_backup`."""
    while True:
        if open_or_explain(session, path, None, deferred=deferred) is not None:
            return True
        chosen = dialogs.choose_database(None, path.parent)
        if chosen is None:
            return False
        path = chosen


def offer_demo(window: MainWindow) -> bool:
    """On a brand-new file, offer the S1-2023 demonstration data (opened as its own file); True when opened."""
    session = window.session
    if not session.fresh or session.periods():
        return False
    if not dialogs.ask_yes(
        window,
        translate("App", "Fișier de date nou"),
        translate(
            "App",
            "Fișierul de date este nou și conține planul PLA 2023-2027, fără informații.\n\n"
            "Deschideți datele demonstrative din raportul original S1-2023, pentru a explora programul?\n"
            "(Se deschid într-un fișier separat, „DEMO”; fișierul dumneavoastră de lucru rămâne gol. "
            "Reveniți la el din Fișier → Deschide fișierul de date implicit.)",
        ),
    ):
        return False
    from .demo_file import open_demo

    return open_demo(session, window)


def start(db_path: str | None) -> MainWindow | None:
    """Everything :func:`run` does except the event loop: the shown window, or None without a file."""
    app = create_application()
    settings = AppSettings()
    session = Session(app)
    session.hold_until_shown()  # the tree's marks and the automatic backup wait for the first paint
    # Like any document program: the file worked on last time (a recovered copy, an e-mailed file …),
    # else the default database in the user's data folder.
    server = db_path if db_path and db_path.startswith(("postgresql://", "postgres://")) else None
    if server is not None:  # --db postgresql://…: connected once the window is shown (password asked there)
        db_path = None
    path = Path(db_path) if db_path else (settings.last_file() or default_database_path())
    # The automatic backup is written after the window's first paint, on a worker thread (start-up time).
    if not open_session(session, path, deferred=True):
        return None
    try:
        window = MainWindow(session, settings)
    except Exception:
        # Only the plan tables were checked so far: a file whose data cannot be read is checked in full
        # now, which refuses a damaged file with its explanation and the offer of the automatic backup.
        opened = session.path
        session.close()
        if opened is None or not open_session(session, opened):
            return None
        window = MainWindow(session, settings)
    session.setParent(window)  # the session (and its undo stack) lives as long as the window
    session.damaged.connect(lambda path, reason: reopen_damaged(window, path, reason))
    _FirstPaint(window, bench=os.environ.get(BENCH_ENV) == "1")
    window.show()
    if server is not None:
        from balti_monitor.services.server_session import ServerAddress

        window.server_actions.connect_to(ServerAddress.parse(server), server)
        return window
    offer_demo(window)
    return window


def reopen_damaged(window: MainWindow, path: Path, reason: str) -> None:
    """``path``, opened at start-up with only its plan tables checked, turned out damaged (the check after
    the first paint, or SQLite refusing a page while reading): close it and open it again with the full
    check, which explains the damage and offers the newest automatic backup (else the default file is
    opened, as when a file chosen from the menu is refused). Nothing happens when another file is open."""
    session = window.session
    if session.path != path or getattr(window, "_reopening_damaged", False):
        return
    window._reopening_damaged = True  # type: ignore[attr-defined]
    try:
        window.statusBar().showMessage(reason)
        session.close()
        window.file_actions.open_file(path)
    finally:
        window._reopening_damaged = False  # type: ignore[attr-defined]


class _FirstPaint(QObject):
    """Waits for the first paint of the main window (then starts the deferred automatic backup) and of the
    grid; in benchmark mode prints a time marker for each and quits once both are painted."""

    def __init__(self, window: MainWindow, *, bench: bool) -> None:
        super().__init__(window)
        self.window = window
        self.bench = bench
        self.waiting: dict[QObject, str] = {window: "window", window.action_page.view.viewport(): "grid"}
        for widget in self.waiting:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Note the first paint of each watched widget (never consumes the event)."""
        if event.type() == QEvent.Type.Paint and watched in self.waiting:
            what = self.waiting.pop(watched)
            watched.removeEventFilter(self)
            if self.bench:
                sys.stdout.write(f"{BENCH_ENV} {what} {time.time():.6f}\n")
                sys.stdout.flush()
            if what == "window":
                self.window.session.shown()
                if self.bench:  # a grid that is not shown (another tab) never paints: stop anyway
                    QTimer.singleShot(10_000, self.window, self.window.close)
            if self.bench and not self.waiting:
                QTimer.singleShot(0, self.window.close)
        return False


def run(db_path: str | None = None) -> int:
    """Start the GUI on the default database (or ``db_path``); returns the exit code."""
    app = create_application()
    sys.excepthook = _report_unexpected
    window = start(db_path)
    if window is None:
        return EXIT_NO_DATABASE
    sys.excepthook = unexpected_error_handler(window)
    code = app.exec()
    window.session.close()
    return int(code)


def _damaged_database(error: BaseException | None) -> bool:
    """True when ``error`` (or an error it was raised from) is SQLite refusing a damaged page."""
    seen = 0
    while error is not None and seen < 10:
        if isinstance(error, sqlite3.DatabaseError) and "malformed" in str(error):
            return True
        error = error.__cause__ or error.__context__
        seen += 1
    return False


def unexpected_error_handler(
    window: MainWindow,
) -> Callable[[type[BaseException], BaseException, TracebackType | None], None]:
    """The ``sys.excepthook`` while ``window`` runs: a damaged page met while reading (the file was opened
    with only its plan tables checked) closes the file and opens it again with the full check, which
    explains the damage and offers the automatic backup; anything else is :func:`_report_unexpected`."""

    def handle(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        path = window.session.path
        if path is None or not _damaged_database(error):
            _report_unexpected(kind, error, tb)
            return
        _log_unexpected(kind, error, tb)
        QTimer.singleShot(0, window, lambda: reopen_damaged(window, path, str(error)))

    return handle


def _log_unexpected(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> Path:
    """Append the error to ``erori.log`` (and stderr); returns the log's path."""
    text = "".join(traceback.format_exception(kind, error, tb))
    log = user_data_dir() / "erori.log"
    try:
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {dt.datetime.now().isoformat(timespec='seconds')}\n{text}\n")
    except OSError:
        pass
    sys.stderr.write(text)
    return log


def _report_unexpected(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """Explain a refusal no view handled itself (any :class:`BaltiMonitorError`: its Romanian message, nothing
    was changed); write anything else to ``erori.log`` and tell the user instead of closing silently."""
    if isinstance(error, BaltiMonitorError):
        if QApplication.instance() is not None:
            dialogs.show_error(
                QApplication.activeWindow(), translate("App", "Operația nu a fost făcută"), str(error)
            )
        else:
            sys.stderr.write(f"{error}\n")
        return
    log = _log_unexpected(kind, error, tb)
    if QApplication.instance() is not None:
        QMessageBox.critical(
            None,
            translate("App", "Eroare neprevăzută"),
            translate(
                "App",
                "A apărut o eroare neprevăzută: {error}\n\nDatele deja introduse sunt salvate. "
                "Detaliile au fost scrise în {log}.",
            ).format(error=error, log=log),
        )
