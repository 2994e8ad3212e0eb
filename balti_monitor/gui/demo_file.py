"""The demonstration data opens as its own file, never in the working file.

``balti-monitor-DEMO.sqlite`` in the user's data folder holds the plan and the S1-2023 report; the
window's title says "DEMO" while it is open, and the working file stays as it was (empty on a first
start). Going back: "Fișier → Deschide fișierul de date implicit" or the recent files.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from balti_monitor.resources import user_data_dir
from balti_monitor.services.bundled import load_demo
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.storage_errors import guard_write

from . import dialogs
from .file_opening import open_or_explain
from .session import Session

DEMO_FILE_NAME = "balti-monitor-DEMO.sqlite"

translate = QCoreApplication.translate


def demo_path() -> Path:
    """Where the demonstration file lives."""
    return user_data_dir() / DEMO_FILE_NAME


def is_demo(path: Path | None) -> bool:
    """Whether a file is the demonstration file."""
    return path is not None and path.name == DEMO_FILE_NAME


def open_demo(session: Session, parent: QWidget) -> bool:
    """Open the demonstration file (created with the S1-2023 data the first time) in place of the file
    open now; False when it could not be opened (the previous file is reopened)."""
    previous = session.path
    path = demo_path()
    if open_or_explain(session, path, parent) is None:
        if previous is not None:
            open_or_explain(session, previous, parent)
        return False
    if not session.periods():
        try:
            with guard_write(translate("Demo", "Încărcarea datelor demonstrative")):
                _, changes = load_demo()
        except ServiceError as exc:
            dialogs.show_error(parent, translate("Demo", "Date demonstrative"), str(exc))
            return False
        session.apply(changes)
    session.set_period_code("2023-S1")
    return True
