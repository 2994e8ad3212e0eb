"""Smoke check of the desktop application: start, show the main window, close itself, exit code 0.

Turned on by ``BALTI_MONITOR_SMOKE=1`` (see :mod:`frozen_support`); nothing here runs otherwise. It needs no
line in ``balti_monitor.gui``: :func:`install` replaces ``PySide6.QtWidgets.QApplication`` by a subclass
*before* the GUI is imported, so whatever application object the GUI creates (``QApplication(sys.argv)`` or
its own subclass of it) starts a watcher:

* every 100 ms it looks for a visible ``QMainWindow``; once one is shown it waits
  ``BALTI_MONITOR_SMOKE_DELAY_MS`` (500 by default), optionally saves a picture of it to
  ``BALTI_MONITOR_SMOKE_SCREENSHOT``, closes all windows and quits the event loop with code 0;
* a modal dialog that is open before that (a first-start question, a close confirmation) is answered
  with *Cancel* (``reject()``) and named on stderr, so the check never hangs on a question;
* no main window after ``BALTI_MONITOR_SMOKE_TIMEOUT`` seconds (60) quits with code 3.

:func:`verdict` turns the GUI's exit code into the check's: 3 when no main window was ever shown. When
frozen, the check also fails (code 4) if a resource folder is found outside the bundle.
Progress lines go to stderr (and to the file ``BALTI_MONITOR_SMOKE_LOG``), prefixed ``smoke:``.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass

EXIT_NO_WINDOW = 3
EXIT_RESOURCES_OUTSIDE_BUNDLE = 4


@dataclass
class _State:
    installed: bool = False
    shown_title: str | None = None
    finished: bool = False
    timed_out: bool = False
    resources_ok: bool = True


STATE = _State()


def log(message: str) -> None:
    """One progress line on stderr, and in ``BALTI_MONITOR_SMOKE_LOG`` when set.

    A windowed Windows program has no stderr (it goes to the null device), so the smoke checks read the
    log file instead.
    """
    line = f"smoke: {message}\n"
    sys.stderr.write(line)
    sys.stderr.flush()
    path = os.environ.get("BALTI_MONITOR_SMOKE_LOG")
    if path:
        with open(path, "a", encoding="utf-8") as f:
            f.write(line)


def _check_resources() -> None:
    from balti_monitor.resources import resource_dir

    bundle = getattr(sys, "_MEIPASS", None)
    for kind in ("data", "templates", "ui"):
        where = str(resource_dir(kind))
        log(f"resources {kind}: {where}")
        if bundle and not os.path.realpath(where).startswith(os.path.realpath(bundle)):
            log(f"resources {kind} found outside the bundle {bundle}")
            STATE.resources_ok = False


def install() -> None:
    """Make every ``QApplication`` created from now on close itself after showing its main window."""
    if STATE.installed:
        return
    STATE.installed = True
    _check_resources()

    from PySide6 import QtWidgets
    from PySide6.QtCore import QTimer

    delay_ms = int(os.environ.get("BALTI_MONITOR_SMOKE_DELAY_MS", "500"))
    timeout_s = float(os.environ.get("BALTI_MONITOR_SMOKE_TIMEOUT", "60"))
    screenshot = os.environ.get("BALTI_MONITOR_SMOKE_SCREENSHOT")
    base = QtWidgets.QApplication

    def attach(app: QtWidgets.QApplication) -> None:
        started = time.monotonic()
        poll = QTimer(app)
        poll.setInterval(100)

        def main_window() -> QtWidgets.QMainWindow | None:
            for widget in app.topLevelWidgets():
                if isinstance(widget, QtWidgets.QMainWindow) and widget.isVisible():
                    return widget
            return None

        def finish() -> None:
            window = main_window()
            if window is not None and screenshot:
                saved = window.grab().save(screenshot)
                log(f"screenshot {'saved to ' + screenshot if saved else 'could not be saved'}")
            STATE.finished = True
            app.closeAllWindows()  # close confirmations are rejected by the poll below
            poll.stop()
            log("closing the application")
            app.exit(0)

        def tick() -> None:
            modal = app.activeModalWidget()
            window = main_window()
            if modal is not None and modal is not window:
                log(f"modal dialog answered with Cancel: {modal.windowTitle()!r}")
                if isinstance(modal, QtWidgets.QDialog):
                    modal.reject()
                else:
                    modal.close()
                return
            if window is not None and STATE.shown_title is None:
                STATE.shown_title = window.windowTitle()
                geometry = window.geometry()
                log(
                    f"main window shown after {time.monotonic() - started:.2f} s: "
                    f"{STATE.shown_title!r} ({geometry.width()}x{geometry.height()})"
                )
                QTimer.singleShot(delay_ms, finish)
            elif STATE.shown_title is None and time.monotonic() - started > timeout_s:
                STATE.timed_out = True
                log(f"no main window after {timeout_s:.0f} s")
                poll.stop()
                app.exit(EXIT_NO_WINDOW)

        poll.timeout.connect(tick)
        poll.start()
        log(f"watching {type(app).__name__} on the {app.platformName()!r} platform")

    class SmokeApplication(base):  # type: ignore[misc, valid-type]
        """``QApplication`` that starts the smoke watcher as soon as it exists."""

        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            attach(self)

    QtWidgets.QApplication = SmokeApplication  # type: ignore[misc]


def verdict(code: int) -> int:
    """The smoke check's exit code, given the GUI's."""
    if not STATE.resources_ok:
        return EXIT_RESOURCES_OUTSIDE_BUNDLE
    if STATE.shown_title is None:
        log("the main window was never shown")
        return code or EXIT_NO_WINDOW
    log(f"done, exit code {code}")
    return code
