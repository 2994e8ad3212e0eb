"""What an existing file is, read from its first 100 bytes before SQLite opens it (nothing is written).

Zero length, not SQLite (with a guess of what it is instead), truncated, damaged header bytes, another
program's, a newer version, a negative version; anything but a regular file (a FIFO, a device, a folder)
is refused before it is opened. Apart from the opening (:mod:`balti_monitor.db.connection`) because it
works on the bytes alone, without a connection: the file report of the services
(:mod:`balti_monitor.services.file_report`) reads a candidate backup with it too. ``APPLICATION_ID`` (the
``PRAGMA application_id`` marking a file as ours) lives here, with the check that reads it.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path

from balti_monitor.db import migrations
from balti_monitor.db.errors import UNCHANGED, DatabaseError
from balti_monitor.i18n import _, ngettext

APPLICATION_ID = 0x42544D4E  # "BTMN": marks the file as ours (PRAGMA application_id)
SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True, slots=True)
class FileHeader:
    """What the 100-byte SQLite header of a file says (read without opening it through SQLite)."""

    size: int
    page_size: int
    page_count: int | None  # None when the header's page count is not valid (very old writers)
    user_version: int
    application_id: int
    journal_pending: bool  # a "-journal" file lies beside it: an interrupted write SQLite will roll back

    @property
    def expected_size(self) -> int | None:
        """The size the header promises, or None when it does not say."""
        return None if self.page_count is None else self.page_count * self.page_size


def _looks_like(head: bytes) -> str:
    """A Romanian guess of what a non-SQLite file is, for the refusal message."""
    if head.startswith(b"PK\x03\x04"):
        return _(" Pare a fi un document Word (.docx), Excel (.xlsx) sau o arhivă ZIP redenumită.")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return _(" Pare a fi un document Word sau Excel vechi (.doc/.xls) redenumit.")
    if head.startswith(b"%PDF"):
        return _(" Pare a fi un document PDF redenumit.")
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith((b"{", b"[")):
        return _(" Pare a fi un fișier JSON; un export JSON se încarcă prin „Importă JSON”.")
    if head[:1] == b"<":
        return _(" Pare a fi un fișier HTML sau XML redenumit.")
    return ""


def read_header(path: Path) -> FileHeader:
    """Check an existing file's header without opening it through SQLite (nothing is written).

    Raises :class:`DatabaseError` for a missing, zero-length, non-SQLite, truncated, foreign or newer file.
    A file with a pending journal is not checked for truncation: its header may be mid-write, and SQLite
    restores it from the journal when the file is opened.
    """
    name = path.name
    try:
        size = require_regular_file(path).st_size
        with path.open("rb") as fh:
            head = fh.read(100)
    except FileNotFoundError as exc:
        raise DatabaseError(_("Fișierul „{path}” nu există.").format(path=path), "missing") from exc
    except IsADirectoryError as exc:
        raise DatabaseError(
            _("„{path}” este un dosar, nu un fișier.").format(path=path), "not_sqlite"
        ) from exc
    except DatabaseError:
        raise
    except OSError as exc:
        raise DatabaseError(
            _("Fișierul „{name}” nu poate fi citit: {value}. {UNCHANGED}").format(
                name=name, value=exc.strerror or exc, UNCHANGED=_(UNCHANGED)
            ),
            "unreadable",
        ) from exc
    if size == 0:
        raise DatabaseError(
            _(
                "Fișierul „{name}” este gol (0 octeți): nu conține nicio bază de date. Probabil copierea, descărcarea sau salvarea lui nu s-a încheiat. {UNCHANGED}"
            ).format(name=name, UNCHANGED=_(UNCHANGED)),
            "empty",
        )
    if not head.startswith(SQLITE_MAGIC):
        raise DatabaseError(
            _(
                "Fișierul „{name}” nu este o bază de date Bălți Monitor (nu este SQLite).{head} {UNCHANGED}"
            ).format(name=name, head=_looks_like(head), UNCHANGED=_(UNCHANGED)),
            "not_sqlite",
        )
    journal = Path(str(path) + "-journal")
    journal_pending = journal.exists() and journal.stat().st_size > 0
    if len(head) < 100:
        raise DatabaseError(
            ngettext(
                "Fișierul „{name}” este incomplet (trunchiat): are doar {size} octet. Probabil copierea sau trimiterea lui nu s-a încheiat. {UNCHANGED}",
                "Fișierul „{name}” este incomplet (trunchiat): are doar {size} octeți. Probabil copierea sau trimiterea lui nu s-a încheiat. {UNCHANGED}",
                size,
            ).format(name=name, size=size, UNCHANGED=_(UNCHANGED)),
            "truncated",
        )
    raw_page = int.from_bytes(head[16:18], "big")
    page_size = 65536 if raw_page == 1 else raw_page
    change_counter = int.from_bytes(head[24:28], "big")
    in_header = int.from_bytes(head[28:32], "big")
    valid_for = int.from_bytes(head[92:96], "big")
    page_count = in_header if in_header and valid_for == change_counter else None
    header = FileHeader(
        size=size,
        page_size=page_size,
        page_count=page_count,
        user_version=int.from_bytes(head[60:64], "big", signed=True),
        application_id=int.from_bytes(head[68:72], "big", signed=True),
        journal_pending=journal_pending,
    )
    valid_page_size = 512 <= page_size <= 65536 and page_size & (page_size - 1) == 0
    expected = header.expected_size
    if not journal_pending and (not valid_page_size or (expected is not None and size < expected)):
        promised = (
            _(", dar ar trebui să aibă {expected}").format(expected=expected)
            if expected is not None and valid_page_size
            else ""
        )
        raise DatabaseError(
            ngettext(
                "Fișierul „{name}” este incomplet (trunchiat): are {size} octet{promised}. Probabil copierea sau trimiterea lui nu s-a încheiat. {UNCHANGED}",
                "Fișierul „{name}” este incomplet (trunchiat): are {size} octeți{promised}. Probabil copierea sau trimiterea lui nu s-a încheiat. {UNCHANGED}",
                size,
            ).format(name=name, size=size, promised=promised, UNCHANGED=_(UNCHANGED)),
            "truncated",
        )
    damaged = _damaged_header(head)
    if damaged is None and header.application_id not in (0, APPLICATION_ID) and _looks_ours(path):
        damaged = _("identificatorul aplicației")
    if (
        damaged is None
        and header.application_id == APPLICATION_ID
        and not 0 < header.user_version < 1_000_000
    ):
        damaged = _("versiunea structurii ({user_version})").format(user_version=header.user_version)
    if damaged is not None:
        raise DatabaseError(
            _(
                "Fișierul „{name}” este deteriorat: antetul lui are valori imposibile ({damaged}). Folosiți o copie de rezervă. {UNCHANGED}"
            ).format(name=name, damaged=damaged, UNCHANGED=_(UNCHANGED)),
            "damaged",
        )
    if header.application_id not in (0, APPLICATION_ID):
        raise foreign_file_error(path)
    if header.application_id == APPLICATION_ID and header.user_version > migrations.SCHEMA_VERSION:
        raise newer_file_error(path, header.user_version)
    return header


def require_regular_file(path: Path) -> os.stat_result:
    """``os.stat`` of ``path``, refusing (:class:`DatabaseError`) anything but a regular file.

    A FIFO, socket or device would block or never end when read, and a folder is not a file: each is
    refused before anything opens it.
    """
    info = path.stat()
    if stat.S_ISDIR(info.st_mode):
        raise DatabaseError(
            _("„{path}” este un dosar, nu un fișier. {UNCHANGED}").format(path=path, UNCHANGED=_(UNCHANGED)),
            "not_sqlite",
        )
    if not stat.S_ISREG(info.st_mode):
        raise DatabaseError(
            _(
                "„{path}” nu este un fișier obișnuit (este un dispozitiv, o conductă sau un socket); alegeți fișierul bazei de date."
            ).format(path=path),
            "not_sqlite",
        )
    return info


def _damaged_header(head: bytes) -> str | None:
    """Which fixed field of a SQLite header holds a value SQLite never writes, or None.

    These bytes are the same in every SQLite file (file format versions, payload fractions, schema format,
    text encoding, the reserved zeros), so a wrong value there means the file was damaged, not that it
    belongs to another program.
    """
    if head[18] not in (1, 2) or head[19] not in (1, 2):
        return _("versiunea formatului")
    if head[21:24] != bytes((64, 32, 32)):
        return _("fracțiile de încărcare")
    if int.from_bytes(head[44:48], "big") not in (0, 1, 2, 3, 4):  # 0: no table yet
        return _("formatul schemei")
    if int.from_bytes(head[56:60], "big") not in (0, 1, 2, 3):
        return _("codificarea textului")
    if any(head[72:92]):
        return _("octeții rezervați")
    return None


_OUR_TABLES = frozenset({"plan", "priority", "action", "indicator", "subdivision", "return", "value"})


def _looks_ours(path: Path) -> bool:
    """Whether a file whose header names another program holds our tables (its header is damaged)."""
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return False
    try:
        names = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.Error:
        return False
    finally:
        conn.close()
    return names >= _OUR_TABLES


def foreign_file_error(path: Path) -> DatabaseError:
    """The refusal of a file that holds another program's database."""
    return DatabaseError(
        _("Fișierul „{name}” conține o bază de date a altui program; nu a fost modificat.").format(
            name=path.name
        ),
        "foreign",
    )


def newer_file_error(path: Path, version: int) -> DatabaseError:
    """The refusal of a file of a schema ``version`` newer than this program knows."""
    return DatabaseError(
        _(
            "Fișierul „{name}” a fost creat de o versiune mai nouă a programului (schema {version}, această versiune cunoaște schema {SCHEMA_VERSION}). Actualizați Bălți Monitor. {UNCHANGED}"
        ).format(
            name=path.name, version=version, SCHEMA_VERSION=migrations.SCHEMA_VERSION, UNCHANGED=_(UNCHANGED)
        ),
        "newer",
    )
