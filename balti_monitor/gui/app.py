"""Starting the desktop application: ``balti-monitor`` without arguments calls :func:`run`.

:func:`run` opens the file given with ``--db``, else the file opened last, else the default database
(``resources.default_database_path()``, created with the bundled plan on first use). A file that is not a Bălți Monitor database is explained in
Romanian (a damaged one with the offer of its newest automatic backup, another instance's file with the
lock's message) and the user may choose another one; a brand-new file offers the S1-2023 demonstration data.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from balti_monitor import APP_NAME
from balti_monitor.resources import default_database_path, resource_path, user_data_dir
from balti_monitor.services.bundled import load_demo
from balti_monitor.services.errors import ServiceError

from . import dialogs
from .file_opening import open_or_explain
from .main_window import MainWindow
from .session import Session
from .settings import AppSettings, configure_application_names
from .translations import install_translations

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
    if not getattr(app, "_balti_translators", None):
        app._balti_translators = install_translations(app)  # type: ignore[attr-defined]
    return app


def open_session(session: Session, path: Path, *, defer_backup: bool = False) -> bool:
    """Open ``path``; when it is refused explain why (offering a recovered copy of a bad file) and let the
    user choose another file (False when cancelled). With ``defer_backup`` the automatic backup of the
    opened file waits for :meth:`Session.start_deferred_backup`."""
    while True:
        if open_or_explain(session, path, None, defer_backup=defer_backup) is not None:
            return True
        chosen = dialogs.choose_database(None, path.parent)
        if chosen is None:
            return False
        path = chosen


def offer_demo(window: MainWindow) -> bool:
    """On a brand-new file, offer the S1-2023 demonstration data; True when loaded."""
    session = window.session
    if not session.fresh or session.periods():
        return False
    if not dialogs.ask_yes(
        window,
        translate("App", "Fișier de date nou"),
        translate(
            "App",
            "Fișierul de date este nou și conține planul PLA 2023-2027, fără informații.\n\n"
            "Încărcați datele demonstrative din raportul original S1-2023, pentru a explora programul?\n"
            "(Le puteți înlocui sau șterge oricând.)",
        ),
    ):
        return False
    try:
        _, changes = load_demo()
    except ServiceError as exc:
        dialogs.show_error(window, translate("App", "Date demonstrative"), str(exc))
        return False
    session.apply(changes)
    session.set_period_code("2023-S1")
    return True


def start(db_path: str | None) -> MainWindow | None:
    """Everything :func:`run` does except the event loop: the shown window, or None without a file."""
    app = create_application()
    settings = AppSettings()
    session = Session(app)
    session.hold_until_shown()  # the tree's marks and the automatic backup wait for the first paint
    # Like any document program: the file worked on last time (a recovered copy, an e-mailed file …),
    # else the default database in the user's data folder.
    path = Path(db_path) if db_path else (settings.last_file() or default_database_path())
    # The automatic backup is written after the window's first paint, on a worker thread (start-up time).
    if not open_session(session, path, defer_backup=True):
        return None
    window = MainWindow(session, settings)
    session.setParent(window)  # the session (and its undo stack) lives as long as the window
    _FirstPaint(window, bench=os.environ.get(BENCH_ENV) == "1")
    window.show()
    offer_demo(window)
    return window


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
    code = app.exec()
    window.session.close()
    return int(code)


def _report_unexpected(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """Write an unexpected error to ``erori.log`` and tell the user instead of closing silently."""
    text = "".join(traceback.format_exception(kind, error, tb))
    log = user_data_dir() / "erori.log"
    try:
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {dt.datetime.now().isoformat(timespec='seconds')}\n{text}\n")
    except OSError:
        pass
    sys.stderr.write(text)
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
