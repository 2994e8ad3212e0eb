"""Opening a database file from the GUI: another instance's lock, a bad file and its recovered copy.

Used at start-up (:func:`balti_monitor.gui.app.open_session`) and by the File menu (:mod:`.file_actions`).
The session opens files with ``services.safe_open.open_safely`` (single-writer lock, checks, automatic
backup). A file another instance holds is refused with the lock's Romanian message. An empty, damaged,
foreign or newer file is explained; when an automatic backup exists the user may continue with a copy of it,
written beside the bad file by ``recover_from_backup`` — the bad file itself is never modified.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from balti_monitor.services.errors import DatabaseError, ServiceError
from balti_monitor.services.safe_open import FileOpenError, recover_from_backup

from . import dialogs
from .session import Session

translate = QCoreApplication.translate


def open_or_explain(
    session: Session, path: Path, parent: QWidget | None, *, deferred: bool = False
) -> Path | None:
    """Open ``path`` in the session, or explain why not (offering the recovered copy of a bad file).

    ``deferred``: the automatic backup waits for :meth:`Session.start_deferred_backup` (start-up).

    Returns the file now open (``path``, or the recovered copy the user chose), or None when nothing could
    be opened; the session is then closed (the caller reopens the previous file or asks for another one).
    """
    try:
        session.open(path, deferred=deferred)
        return path
    except ServiceError as exc:
        dialogs.file_in_use(parent, str(exc))
        return None
    except FileOpenError as exc:
        if exc.backup is None:
            dialogs.bad_database(parent, path, str(exc))
            return None
        if not dialogs.offer_recovery(parent, path, str(exc)):
            return None
        backup = exc.backup.path
    except DatabaseError as exc:
        dialogs.bad_database(parent, path, str(exc))
        return None
    return _open_recovered(session, backup, path, parent)


def _open_recovered(session: Session, backup: Path, damaged: Path, parent: QWidget | None) -> Path | None:
    """Copy the automatic backup beside the bad file and open the copy."""
    title = translate("FileOpening", "Copia nu a putut fi deschisă")
    try:
        with dialogs.busy():
            copy = recover_from_backup(backup, damaged)
    except ServiceError as exc:
        dialogs.show_error(parent, title, str(exc))
        return None
    try:
        session.open(copy)
    except (ServiceError, DatabaseError) as exc:
        dialogs.show_error(parent, title, str(exc))
        return None
    note = translate(
        "FileOpening",
        "Lucrați pe copia recuperată „{copy}” (din copia automată „{backup}”); fișierul „{damaged}” a rămas "
        "neatins.",
    ).format(copy=copy, backup=backup.name, damaged=damaged.name)
    session.open_warning = f"{note} {session.open_warning}" if session.open_warning else note
    session.message.emit(session.open_warning)
    return copy
