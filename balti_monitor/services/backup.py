"""Data safety: e-mailable backups, automatic rotating backups, verification, restore with a preview,
opening a file safely (single writer, backup on open) and Romanian messages for storage failures.

Every copy is made through SQLite itself (``VACUUM INTO`` for the backup the user e-mails, the online
backup API for automatic copies and restores), never by copying the live file. A copy is verified before
success is reported: integrity check, the same row counts as the source, and the tables and columns this
version reads. Nothing here imports Qt; the GUI shows the returned dataclasses and the messages of the
:class:`~balti_monitor.services.errors.ServiceError` / :class:`~balti_monitor.db.connection.DatabaseError`
it may receive.

Automatic backups live in ``user_data_dir()/backups/<file>-<hash>/`` (one folder per database file, so
opening an e-mailed file never rotates away the copies of the specialist's own file), named
``<file>-AAAA-LL-ZZ-hhmmss-<motiv>.sqlite``; the last ``N`` of each folder are kept (``N`` = 20, or
``auto_backup_keep`` in ``user_data_dir()/settings.json``). A copy identical to the newest one is not
written again, so opening the program many times does not push older, different copies out.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import json
import os
import re
import sqlite3
import threading
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import peewee as pw

from balti_monitor.db import connection
from balti_monitor.db.connection import (
    DatabaseError,
    close_database,
    describe_problems,
    open_database,
    read_header,
)
from balti_monitor.db.models import ALL_MODELS, Plan, Subdivision, database
from balti_monitor.resources import user_data_dir
from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.lock import DatabaseLock, LockInfo

DEFAULT_KEEP = 20
SETTINGS_FILE = "settings.json"
KEEP_SETTING = "auto_backup_keep"
BACKUPS_FOLDER = "backups"

#: Why an automatic backup was made: file-name slug -> Romanian label.
REASONS: dict[str, str] = {
    "deschidere": "la deschiderea fișierului",
    "migrare": "înainte de actualizarea structurii fișierului",
    "restaurare": "înainte de restaurarea dintr-o copie",
    "import": "înainte de un import",
    "manual": "la cererea utilizatorului",
}

_TIMESTAMP = "%Y-%m-%d-%H%M%S"
_AUTO_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<ts>\d{4}-\d{2}-\d{2}-\d{6})-(?P<reason>[a-z]+)(?:-(?P<n>\d+))?\.sqlite$"
)
_MIGRATION_NAME = re.compile(r"^(?P<stem>.+)-inainte-de-migrare-v(?P<version>\d+)\.sqlite$")
_FOLDER_NAME = re.compile(r"^(?P<stem>.+)-(?P<hash>[0-9a-f]{8})$")
_TABLES: dict[str, str] = {model.__name__: model._meta.table_name for model in ALL_MODELS}


# --------------------------------------------------------------------------------------------------------
# Reports


@dataclass(frozen=True)
class FileReport:
    """What a database file holds and whether it can be used, for the GUI and ``balti-monitor verify``.

    ``problems`` are Romanian sentences; ``ok`` is True when there are none. The counts are zero when the
    file could not be read.
    """

    path: Path
    ok: bool
    problems: tuple[str, ...]
    schema_version: int | None = None
    plans: tuple[str, ...] = ()
    periods: tuple[str, ...] = ()
    return_count: int = 0
    value_count: int = 0
    override_count: int = 0
    subdivision_count: int = 0
    last_change: dt.datetime | None = None
    size: int = 0
    table_counts: Mapping[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        """The report as Romanian lines (the CLI prints them; the GUI may too)."""
        out = [f"Fișier: {self.path}", f"Mărime: {format_size(self.size)}"]
        if self.ok:
            out.append("Stare: în regulă (integritate verificată, structură cunoscută de această versiune).")
        else:
            out.append("Stare: PROBLEME")
            out.extend(f"  - {problem}" for problem in self.problems)
        if self.schema_version is not None:
            out.append(f"Versiunea structurii: {self.schema_version}")
        if self.ok or self.table_counts:
            out.append(f"Planuri: {', '.join(self.plans) or 'niciunul'}")
            out.append(f"Perioade: {', '.join(self.periods) or 'niciuna'}")
            out.append(f"Subdiviziuni: {self.subdivision_count}")
            out.append(f"Informații prezentate de subdiviziuni: {self.return_count}")
            out.append(f"Valori ale indicatorilor: {self.value_count}")
            out.append(f"Totaluri introduse manual: {self.override_count}")
            out.append(f"Ultima modificare: {format_time(self.last_change)}")
        return out


@dataclass(frozen=True)
class BackupResult:
    """A backup that was written and verified."""

    path: Path
    report: FileReport

    @property
    def folder(self) -> Path:
        """The folder to open so the file can be attached to an e-mail."""
        return self.path.parent

    def message(self) -> str:
        """Romanian confirmation for the user."""
        return (
            f"Copia de rezervă „{self.path.name}” a fost creată și verificată ({format_size(self.report.size)}; "
            f"{self.report.return_count} informații ale subdiviziunilor; perioade: "
            f"{', '.join(self.report.periods) or 'niciuna'}). Se află în dosarul „{self.path.parent}”."
        )


@dataclass(frozen=True)
class AutoBackup:
    """One automatic backup file."""

    path: Path
    created: dt.datetime
    reason: str
    source_name: str  # the database file it was made from (without extension)
    size: int
    same_source: bool = True  # False when offered as a fallback from another database's folder

    @property
    def reason_label(self) -> str:
        """Why it was made, in Romanian."""
        return REASONS.get(self.reason, self.reason)

    def label(self) -> str:
        """One Romanian line describing the copy."""
        return f"„{self.path.name}” din {format_time(self.created)} ({self.reason_label}), {format_size(self.size)}"


@dataclass(frozen=True)
class ComparisonRow:
    """One line of the restore preview: what is open now against what the chosen file holds."""

    label: str
    current: str
    candidate: str

    @property
    def differs(self) -> bool:
        """True when the two sides differ (the GUI may highlight it)."""
        return self.current != self.candidate


@dataclass(frozen=True)
class Comparison:
    """The restore preview: rows side by side and Romanian warnings about what would be lost."""

    rows: tuple[ComparisonRow, ...]
    warnings: tuple[str, ...]

    def lines(self) -> list[str]:
        """A plain-text table for the CLI."""
        width = max(len(r.label) for r in self.rows)
        left = max(max(len(r.current) for r in self.rows), len("Acum deschis"))
        out = [f"{'':<{width}}  {'Acum deschis':<{left}}  Copia aleasă"]
        out.extend(f"{r.label:<{width}}  {r.current:<{left}}  {r.candidate}" for r in self.rows)
        out.extend(f"Atenție: {w}" for w in self.warnings)
        return out


@dataclass(frozen=True)
class RestoreResult:
    """A finished restore: what changed (everything), the automatic backup of the replaced data."""

    changes: ChangeSet
    safety_backup: Path | None
    report: FileReport

    def message(self) -> str:
        """Romanian confirmation for the user."""
        kept = (
            f" Datele înlocuite au fost păstrate în copia automată „{self.safety_backup}”."
            if self.safety_backup
            else ""
        )
        return f"Datele au fost restaurate din „{self.report.path.name}”.{kept}"


@dataclass
class OpenResult:
    """A database opened through :func:`open_safely`."""

    path: Path
    lock: DatabaseLock
    auto_backup: Path | None
    warning: str | None = None  # e.g. the automatic backup could not be written (opening still worked)
    recovered_lock: LockInfo | None = None  # a stale lock of a crashed instance that was taken over


class FileOpenError(DatabaseError):
    """Opening failed; the message says what is wrong and offers the newest automatic backup.

    ``detail`` is the bare reason, ``backup`` the offered copy (or None), ``kind`` as in DatabaseError.
    """

    def __init__(self, message: str, kind: str, detail: str, backup: AutoBackup | None) -> None:
        super().__init__(message, kind)
        self.detail = detail
        self.backup = backup


# --------------------------------------------------------------------------------------------------------
# Small helpers


def format_size(size: int) -> str:
    """ "320 KB", "1,4 MB" (Romanian decimal comma)."""
    if size < 1024:
        return f"{size} octeți"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


def format_time(moment: dt.datetime | None) -> str:
    """ "25.11.2026 15:30" or "necunoscută"."""
    return "necunoscută" if moment is None else f"{moment:%d.%m.%Y %H:%M}"


def _slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^A-Za-z0-9]+", "-", folded).strip("-").lower()
    return slug or "baza-de-date"


def _require_open() -> Path:
    if database.is_closed() or not database.database:
        raise ServiceError("Nicio bază de date nu este deschisă.")
    return Path(str(database.database))


def _raw() -> sqlite3.Connection:
    """The open database's sqlite3 connection (peewee's stub leaves ``connection()`` untyped)."""
    conn: sqlite3.Connection = database.connection()  # type: ignore[no-untyped-call]
    return conn


def _require_no_transaction() -> None:
    if database.in_transaction() or _raw().in_transaction:
        raise ServiceError("O altă operație cu datele este în curs; încercați din nou după ce se termină.")


def _fsync_file(path: Path) -> None:
    with path.open("rb+") as fh:
        os.fsync(fh.fileno())


def _sync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _remove(path: Path) -> None:
    for leftover in (path, Path(str(path) + "-journal")):
        with contextlib.suppress(OSError):
            leftover.unlink(missing_ok=True)


def _ro_connect(path: Path) -> sqlite3.Connection:
    """A read-only connection: nothing can be written to the file through it."""
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# --------------------------------------------------------------------------------------------------------
# Storage failures


def _error_chain(exc: BaseException) -> list[BaseException]:
    """The exception, the sqlite3 error a peewee wrapper carries in ``args[0]``, and their causes/contexts.

    A failed write is often reported twice: SQLite's error (disk full) and then peewee's failed rollback
    ("cannot rollback - no transaction is active"); the first one is the one the user needs to hear about.
    """
    found: list[BaseException] = []
    pending: list[BaseException] = [exc]
    while pending and len(found) < 20:
        current = pending.pop(0)
        if any(current is seen for seen in found):
            continue
        found.append(current)
        if current.args and isinstance(current.args[0], BaseException):
            pending.append(current.args[0])
        for linked in (current.__cause__, current.__context__):
            if linked is not None:
                pending.append(linked)
    return found


def _classify(error: BaseException) -> str | None:
    if isinstance(error, OSError):
        code = error.errno
        if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            return "discul este plin"
        if code == errno.EFBIG:
            return "fișierul a depășit dimensiunea permisă pe acel disc"
        if isinstance(error, PermissionError) or code in (errno.EACCES, errno.EPERM, errno.EROFS):
            return "nu există drept de acces în acel loc (fișier sau dosar protejat, ori doar pentru citire)"
        if isinstance(error, FileNotFoundError | NotADirectoryError):
            return "fișierul sau dosarul nu mai există (a fost mutat, șters sau unitatea a fost deconectată)"
        return f"eroare a sistemului de fișiere ({error.strerror or error})"
    if not isinstance(error, sqlite3.Error):
        return None
    name = getattr(error, "sqlite_errorname", "") or ""
    text = str(error).lower()
    if name == "SQLITE_READONLY_DBMOVED":
        return (
            "fișierul bazei de date a fost mutat sau șters cât timp era deschis (sau unitatea pe care se află a "
            "fost deconectată)"
        )
    if name.startswith("SQLITE_FULL") or "disk is full" in text:
        return "discul este plin"
    if name.startswith(("SQLITE_READONLY", "SQLITE_PERM")) or "readonly" in text:
        return "nu există drept de scriere în fișierul bazei de date sau în dosarul lui"
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        return "fișierul nu poate fi creat sau deschis acolo (dosar inexistent sau fără drept de scriere)"
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text:
        return "baza de date este ocupată de alt program"
    if name in (
        "SQLITE_IOERR_WRITE",
        "SQLITE_IOERR_FSYNC",
        "SQLITE_IOERR_TRUNCATE",
        "SQLITE_IOERR_DIR_FSYNC",
    ):
        return "scrierea pe disc a eșuat (discul poate fi plin, scos sau defect)"
    if name.startswith("SQLITE_IOERR") or "i/o error" in text:
        return "eroare de citire/scriere pe disc (discul poate fi plin, scos sau defect)"
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in text:
        return "fișierul bazei de date este deteriorat"
    return None


def storage_problem(exc: BaseException) -> str | None:
    """A Romanian phrase for a storage failure (disk full, no permission, file vanished), or None."""
    for error in _error_chain(exc):
        problem = _classify(error)
        if problem is not None:
            return problem
    return None


@contextlib.contextmanager
def guard_write(what: str) -> Iterator[None]:
    """Turn a storage failure inside the block into a Romanian :class:`ServiceError`.

    Use around a service call that writes (``with guard_write("Salvarea celulei"): set_cell(...)``). Every
    write is one SQLite transaction, so a failure leaves the data as before, and the message says so.
    """
    try:
        yield
    except (sqlite3.Error, pw.DatabaseError, pw.InterfaceError, OSError) as exc:
        problem = storage_problem(exc) or f"eroare neașteptată a bazei de date ({exc})"
        raise ServiceError(f"{what} nu a reușit: {problem}. Datele au rămas cum erau înainte.") from exc


@contextlib.contextmanager
def _copy_errors(what: str, target: Path) -> Iterator[None]:
    try:
        yield
    except (sqlite3.Error, pw.DatabaseError, OSError) as exc:
        problem = storage_problem(exc) or f"eroare neașteptată ({exc})"
        raise ServiceError(f"{what} „{target.name}” nu a putut fi scrisă: {problem}.") from exc


# --------------------------------------------------------------------------------------------------------
# Verification


def _count(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0])


def _table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {table: _count(conn, table) for table in _TABLES.values()}


def _schema_problems(conn: sqlite3.Connection) -> list[str]:
    """What this version would miss when reading the file (tables/columns)."""
    problems = []
    for model in ALL_MODELS:
        table = model._meta.table_name
        columns = {str(r[1]) for r in conn.execute(f'PRAGMA table_info("{table}")').fetchall()}
        if not columns:
            problems.append(f"Lipsește tabelul „{table}”.")
            continue
        wanted = [f.column_name for f in model._meta.sorted_fields]
        missing = [c for c in wanted if c not in columns]
        if missing:
            problems.append(f"Tabelul „{table}” nu are coloanele {', '.join(missing)}.")
            continue
        select = ", ".join(f'"{c}"' for c in wanted)
        conn.execute(f'SELECT {select} FROM "{table}" LIMIT 1').fetchall()
    return problems


def _parse_time(text: Any) -> dt.datetime | None:
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(str(text))
    except ValueError:
        return None


def _contents(conn: sqlite3.Connection) -> dict[str, Any]:
    plan_t, period_t = _TABLES["Plan"], _TABLES["Period"]
    plans = conn.execute(f'SELECT id, code, title, short_title FROM "{plan_t}" ORDER BY id').fetchall()
    several = len(plans) > 1
    periods: list[str] = []
    for plan_id, code, _title, _short in plans:
        rows = conn.execute(
            f'SELECT year, semester FROM "{period_t}" WHERE plan_id = ? ORDER BY year, semester', (plan_id,)
        ).fetchall()
        for year, semester in rows:
            text = f"{year}-S{semester}" if semester else f"{year}-A"
            periods.append(f"{code} {text}" if several else text)
    changes = [
        _parse_time(conn.execute(f'SELECT MAX(updated_at) FROM "{_TABLES["Return"]}"').fetchone()[0]),
        _parse_time(conn.execute(f'SELECT MAX(created_at) FROM "{_TABLES["TotalOverride"]}"').fetchone()[0]),
    ]
    known = [c for c in changes if c is not None]
    return {
        "plans": tuple(str(short or title or code) for _id, code, title, short in plans),
        "periods": tuple(periods),
        "last_change": max(known) if known else None,
    }


def _failed(path: Path, problems: list[str], size: int = 0, version: int | None = None) -> FileReport:
    return FileReport(path=path, ok=False, problems=tuple(problems), schema_version=version, size=size)


def verify_file(path: Path | str, *, thorough: bool = True) -> FileReport:
    """Check a database file without modifying it and describe what it holds.

    Checks: it exists and is not empty or truncated, it is SQLite, it is a Bălți Monitor file, its schema
    version is known, ``PRAGMA integrity_check`` (``quick_check`` when not ``thorough``) and
    ``foreign_key_check`` pass, and every table and column this version reads is there.
    """
    path = Path(path)
    try:
        header = read_header(path)
    except DatabaseError as exc:
        size = path.stat().st_size if path.is_file() else 0
        return _failed(path, [str(exc)], size)
    if header.journal_pending:
        return _failed(
            path,
            [
                f"Lângă fișierul „{path.name}” se află jurnalul unei scrieri întrerupte („{path.name}-journal”). "
                f"Deschideți fișierul o dată în Bălți Monitor (jurnalul se aplică automat) sau copiați-l "
                f"fără acel jurnal."
            ],
            header.size,
        )
    try:
        conn = _ro_connect(path)
    except sqlite3.Error as exc:
        return _failed(path, [f"Fișierul „{path.name}” nu poate fi deschis: {exc}."], header.size)
    try:
        return _verify_open(path, conn, header.size, thorough)
    except sqlite3.Error as exc:
        problem = storage_problem(exc) or str(exc)
        return _failed(path, [f"Fișierul „{path.name}” nu poate fi citit: {problem}."], header.size)
    finally:
        conn.close()


def _verify_open(path: Path, conn: sqlite3.Connection, size: int, thorough: bool) -> FileReport:
    name = path.name
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    tables = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if app_id != connection.APPLICATION_ID:
        if not tables and app_id == 0:
            problem = f"Fișierul „{name}” este o bază de date SQLite goală: nu conține date Bălți Monitor."
        else:
            problem = f"Fișierul „{name}” conține o bază de date a altui program."
        return _failed(path, [problem], size)
    if version > connection.SCHEMA_VERSION:
        return _failed(
            path,
            [
                f"Fișierul „{name}” a fost creat de o versiune mai nouă a programului (schema {version}, "
                f"această versiune cunoaște schema {connection.SCHEMA_VERSION}). Actualizați Bălți Monitor."
            ],
            size,
            version,
        )
    if version < 1:
        return _failed(path, [f"Fișierul „{name}” nu are o versiune de structură validă ({version})."], size)
    pragma = "integrity_check" if thorough else "quick_check"
    found = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}(20)").fetchall()]
    if found != ["ok"]:
        return _failed(
            path, [f"Fișierul „{name}” este deteriorat: {describe_problems(found)}."], size, version
        )
    problems: list[str] = []
    broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        problems.append(f"Fișierul „{name}” are {len(broken)} legături rupte între tabele.")
    if version == connection.SCHEMA_VERSION:
        problems.extend(_schema_problems(conn))
        if problems:
            return _failed(path, problems, size, version)
    try:
        counts = _table_counts(conn)
        contents = _contents(conn)
    except sqlite3.Error:
        if version == connection.SCHEMA_VERSION:
            raise
        counts, contents = {}, {}  # an older layout: described after the upgrade (see restore_from)
    return FileReport(
        path=path,
        ok=not problems,
        problems=tuple(problems),
        schema_version=version,
        plans=contents.get("plans", ()),
        periods=contents.get("periods", ()),
        return_count=counts.get(_TABLES["Return"], 0),
        value_count=counts.get(_TABLES["Value"], 0),
        override_count=counts.get(_TABLES["TotalOverride"], 0),
        subdivision_count=counts.get(_TABLES["Subdivision"], 0),
        last_change=contents.get("last_change"),
        size=size,
        table_counts=counts,
    )


def current_report() -> FileReport:
    """The report of the open database (quick check), for the left side of the restore preview."""
    return verify_file(_require_open(), thorough=False)


# --------------------------------------------------------------------------------------------------------
# The backup the user e-mails


def _latest_period_code() -> str | None:
    rows = database.execute_sql(  # type: ignore[no-untyped-call]
        f'SELECT year, semester FROM "{_TABLES["Period"]}"'
    ).fetchall()
    if not rows:
        return None
    year, semester = max(rows, key=lambda r: (int(r[0]), int(r[1]) or 3))
    return f"{year}-S{semester}" if semester else f"{year}-A"


def backup_file_name(period_code: str | None = None, now: dt.datetime | None = None) -> str:
    """``balti-monitor-2023-S1-2026-11-25-1530.sqlite`` (period = the current or latest one)."""
    moment = now or dt.datetime.now()
    period = f"{_slug(period_code).upper()}-" if period_code else ""
    return f"balti-monitor-{period}{moment:%Y-%m-%d-%H%M}.sqlite"


def _unique(path: Path) -> Path:
    if not path.exists():
        return path
    for n in range(2, 1000):
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        if not candidate.exists():
            return candidate
    raise ServiceError(f"Prea multe fișiere cu numele „{path.name}” în dosarul „{path.parent}”.")


def make_backup(
    dest: Path | str,
    *,
    period_code: str | None = None,
    now: dt.datetime | None = None,
    overwrite: bool = False,
) -> BackupResult:
    """Write a verified single-file snapshot of the open database for e-mail.

    ``dest`` is a folder (the file is named by :func:`backup_file_name` from ``period_code`` or the latest
    period) or a file path (an existing file is replaced only with ``overwrite``). The copy is written
    under a temporary name with ``VACUUM INTO``, verified (integrity, same row counts, schema this version
    reads) and only then renamed into place; on any failure nothing is left behind and a Romanian
    :class:`ServiceError` says why. The open database is only read.
    """
    source = _require_open()
    dest = Path(dest)
    if dest.is_dir():
        target = _unique(dest / backup_file_name(period_code or _latest_period_code(), now))
    else:
        if not dest.parent.is_dir():
            raise ServiceError(f"Dosarul „{dest.parent}” nu există.")
        if dest.exists():
            if not overwrite:
                raise ServiceError(f"Fișierul „{dest}” există deja; alegeți alt nume.")
            if dest.resolve() == source.resolve():
                raise ServiceError("Copia de rezervă nu poate înlocui chiar baza de date deschisă.")
        target = dest
    _require_no_transaction()
    tmp = target.with_name(f".{target.name}.part")
    _remove(tmp)
    try:
        with _copy_errors("Copia de rezervă", target):
            database.execute_sql("VACUUM INTO ?", (str(tmp),))  # type: ignore[no-untyped-call]
            source_counts = _table_counts(_raw())
            _fsync_file(tmp)
            report = verify_file(tmp)
            if not report.ok:
                raise ServiceError(
                    "Copia de rezervă nu a trecut verificarea și nu a fost creată: "
                    + " ".join(report.problems)
                )
            if dict(report.table_counts) != source_counts:
                raise ServiceError(
                    "Copia de rezervă nu are același număr de înregistrări ca baza de date deschisă; "
                    "nu a fost creată. Încercați din nou."
                )
            os.replace(tmp, target)
            _sync_dir(target.parent)
    finally:
        _remove(tmp)
    return BackupResult(path=target, report=_with_path(report, target))


def _with_path(report: FileReport, path: Path) -> FileReport:
    return FileReport(**{**report.__dict__, "path": path})


# --------------------------------------------------------------------------------------------------------
# Settings and automatic backups


def _settings_path() -> Path:
    return user_data_dir() / SETTINGS_FILE


def _read_settings() -> dict[str, Any]:
    try:
        data = json.loads(_settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def backup_keep() -> int:
    """How many automatic backups are kept per database file (settings.json, default 20)."""
    value = _read_settings().get(KEEP_SETTING, DEFAULT_KEEP)
    return (
        value
        if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 1000
        else DEFAULT_KEEP
    )


def set_backup_keep(count: int) -> None:
    """Change how many automatic backups are kept (1-1000); other settings in the file are preserved."""
    if not 1 <= count <= 1000:
        raise ServiceError("Numărul de copii automate păstrate trebuie să fie între 1 și 1000.")
    data = _read_settings()
    data[KEEP_SETTING] = count
    path = _settings_path()
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        raise ServiceError(f"Setarea nu a putut fi salvată: {storage_problem(exc)}.") from exc


def auto_backup_root() -> Path:
    """``user_data_dir()/backups``."""
    return user_data_dir() / BACKUPS_FOLDER


def auto_backup_dir(db_path: Path | str) -> Path:
    """The folder of the automatic backups of one database file (not created here)."""
    resolved = Path(db_path).resolve()
    digest = hashlib.sha1(str(resolved).encode("utf-8"), usedforsecurity=False).hexdigest()[:8]
    return auto_backup_root() / f"{_slug(resolved.stem)}-{digest}"


def _entry(path: Path, same_source: bool) -> AutoBackup | None:
    folder = _FOLDER_NAME.match(path.parent.name)
    source = folder.group("stem") if folder else path.parent.name
    try:
        stat = path.stat()
    except OSError:
        return None
    match = _AUTO_NAME.match(path.name)
    if match:
        try:
            created = dt.datetime.strptime(match.group("ts"), _TIMESTAMP)
        except ValueError:
            return None
        return AutoBackup(path, created, match.group("reason"), source, stat.st_size, same_source)
    if _MIGRATION_NAME.match(path.name):
        created = dt.datetime.fromtimestamp(stat.st_mtime).replace(microsecond=0)
        return AutoBackup(path, created, "migrare", source, stat.st_size, same_source)
    return None


def _entries(folder: Path, same_source: bool = True) -> list[AutoBackup]:
    if not folder.is_dir():
        return []
    found = [e for p in folder.glob("*.sqlite") if (e := _entry(p, same_source)) is not None]
    return sorted(found, key=lambda e: (e.created, e.path.name), reverse=True)


def list_auto_backups(db_path: Path | str | None = None) -> list[AutoBackup]:
    """Automatic backups of one database (default: the open one), newest first."""
    path = Path(db_path) if db_path is not None else _require_open()
    return _entries(auto_backup_dir(path))


def newest_auto_backup(db_path: Path | str | None = None) -> AutoBackup | None:
    """The newest automatic backup of ``db_path`` (default: the open database).

    When that file has none (e.g. a damaged file that was never opened here), the newest automatic backup
    of any database is offered, with ``same_source`` False so the GUI can say whose copy it is.
    """
    if db_path is None and not database.is_closed() and database.database:
        db_path = str(database.database)
    if db_path is not None:
        own = _entries(auto_backup_dir(db_path))
        if own:
            return own[0]
    root = auto_backup_root()
    if not root.is_dir():
        return None
    others = [e for folder in root.iterdir() if folder.is_dir() for e in _entries(folder, same_source=False)]
    return max(others, key=lambda e: (e.created, e.path.name)) if others else None


def _has_data() -> bool:
    return bool(Plan.select().exists() or Subdivision.select().exists())


_auto_lock = threading.Lock()


def auto_backup(reason: str, *, keep: int | None = None, now: dt.datetime | None = None) -> Path | None:
    """Copy the open database into its automatic-backup folder and keep the newest ``keep`` copies.

    ``reason`` is one of :data:`REASONS`. Returns the copy (the existing newest one when nothing changed
    since it was made), or None for an in-memory database or an empty file. Raises :class:`ServiceError`
    when the copy cannot be written; callers that must not go on without a copy (restore, import) let it
    propagate.
    """
    if reason not in REASONS:
        raise ValueError(reason)
    source = _require_open()
    if str(source) == ":memory:" or not _has_data():
        return None
    _require_no_transaction()
    folder = auto_backup_dir(source)
    keep = keep if keep is not None else backup_keep()
    moment = now or dt.datetime.now()
    with _auto_lock:
        name = f"{_slug(source.stem)}-{moment.strftime(_TIMESTAMP)}-{reason}.sqlite"
        tmp = folder / f".{name}.part"
        try:
            with _copy_errors("Copia automată", folder / name):
                folder.mkdir(parents=True, exist_ok=True)
                _describe_folder(folder, source)
                for stale in folder.glob(".*.part"):
                    _remove(stale)
                _remove(tmp)
                target = sqlite3.connect(tmp)
                try:
                    _raw().backup(target)
                    target.execute("PRAGMA journal_mode=DELETE")
                    check = target.execute("PRAGMA quick_check").fetchone()
                finally:
                    target.close()
                if not check or check[0] != "ok":
                    raise ServiceError(f"Copia automată nu a trecut verificarea integrității: {check}.")
                _fsync_file(tmp)
                existing = _entries(folder)
                if (
                    existing
                    and existing[0].size == tmp.stat().st_size
                    and _file_digest(existing[0].path) == _file_digest(tmp)
                ):
                    return existing[0].path
                final = _unique(folder / name)
                os.replace(tmp, final)
                _sync_dir(folder)
        finally:
            _remove(tmp)
        _rotate(folder, keep)
        return final


def _describe_folder(folder: Path, source: Path) -> None:
    note = folder / "sursa.txt"
    if not note.exists():
        note.write_text(
            f"Copii automate Bălți Monitor ale fișierului:\n{source.resolve()}\n", encoding="utf-8"
        )


def _rotate(folder: Path, keep: int) -> None:
    for old in _entries(folder)[max(1, keep) :]:
        with contextlib.suppress(OSError):
            old.path.unlink()


# --------------------------------------------------------------------------------------------------------
# Restore


def compare(current: FileReport, candidate: FileReport) -> Comparison:
    """Side-by-side summary of the open data and a candidate file, with warnings about what would be lost."""

    def joined(items: tuple[str, ...]) -> str:
        return ", ".join(items) or "—"

    rows = (
        ComparisonRow("Fișier", current.path.name, candidate.path.name),
        ComparisonRow("Planuri", joined(current.plans), joined(candidate.plans)),
        ComparisonRow("Perioade", joined(current.periods), joined(candidate.periods)),
        ComparisonRow("Subdiviziuni", str(current.subdivision_count), str(candidate.subdivision_count)),
        ComparisonRow(
            "Informații ale subdiviziunilor", str(current.return_count), str(candidate.return_count)
        ),
        ComparisonRow("Valori ale indicatorilor", str(current.value_count), str(candidate.value_count)),
        ComparisonRow(
            "Totaluri introduse manual", str(current.override_count), str(candidate.override_count)
        ),
        ComparisonRow(
            "Ultima modificare", format_time(current.last_change), format_time(candidate.last_change)
        ),
        ComparisonRow("Mărime", format_size(current.size), format_size(candidate.size)),
    )
    warnings: list[str] = []
    if current.last_change and candidate.last_change and candidate.last_change < current.last_change:
        warnings.append(
            f"Copia aleasă este mai veche: modificările făcute după {format_time(candidate.last_change)} "
            f"(ultima la {format_time(current.last_change)}) nu se află în ea."
        )
    lost = [p for p in current.periods if p not in candidate.periods]
    if lost:
        warnings.append(f"Perioadele {', '.join(lost)} există acum, dar lipsesc din copia aleasă.")
    if candidate.return_count < current.return_count:
        warnings.append(
            f"Copia aleasă are cu {current.return_count - candidate.return_count} informații ale "
            f"subdiviziunilor mai puțin decât datele deschise."
        )
    if warnings:
        warnings.append(
            "Datele deschise acum nu se pierd definitiv: înainte de restaurare se face automat o copie a lor."
        )
    return Comparison(rows=rows, warnings=tuple(warnings))


def preview_restore(candidate: Path | str) -> tuple[FileReport, Comparison]:
    """Verify a candidate and compare it with the open data; raises :class:`ServiceError` if unusable."""
    report, upgraded = _prepared(Path(candidate))
    if upgraded is not None:
        _remove(upgraded)
    return report, compare(current_report(), report)


def _prepared(candidate: Path) -> tuple[FileReport, Path | None]:
    """The candidate's report, and - for a file of an older schema version - an upgraded temporary copy
    (the candidate itself is never modified)."""
    source = _require_open()
    if candidate.exists() and source.exists() and os.path.samefile(candidate, source):
        raise ServiceError("Fișierul ales este chiar baza de date deschisă acum.")
    report = verify_file(candidate)
    upgraded = None
    if report.ok and report.schema_version is not None and report.schema_version < connection.SCHEMA_VERSION:
        upgraded = _upgraded_copy(candidate, report.schema_version)
        report = _with_path(verify_file(upgraded), candidate)
        if not report.ok:
            _remove(upgraded)
    if not report.ok:
        raise ServiceError(
            f"Fișierul „{candidate.name}” nu poate fi folosit pentru restaurare: {' '.join(report.problems)} "
            f"Datele deschise nu au fost modificate."
        )
    return report, upgraded


def _upgraded_copy(candidate: Path, version: int) -> Path:
    """A copy of an older-version file brought to this version by the regular migrations."""
    root = auto_backup_root()
    root.mkdir(parents=True, exist_ok=True)
    tmp = root / f".restaurare-{os.getpid()}.sqlite"
    _remove(tmp)
    try:
        with _copy_errors("Copia de lucru", tmp):
            connection.backup_copy(candidate, tmp)
            db = pw.SqliteDatabase(str(tmp))
            db.connect()
            try:
                for step in range(version, connection.SCHEMA_VERSION):
                    with db.atomic():
                        connection.MIGRATIONS[step - 1](db)
                        db.execute_sql(f"PRAGMA user_version={step + 1}")  # type: ignore[no-untyped-call]
            finally:
                db.close()
    except BaseException:
        _remove(tmp)
        raise
    return tmp


def restore_from(candidate: Path | str) -> RestoreResult:
    """Replace the open database's content with a verified candidate file (e.g. an e-mailed backup).

    Order: verify the candidate (refuse with the problems if it is not usable; a file of an older version
    is upgraded in a temporary copy), make an automatic backup of the open data (refuse if that fails),
    then copy the candidate into the open file with SQLite's backup API - one transaction, so an
    interruption or a full disk leaves the old data - and check the result (quick check, same row counts).
    Returns ``ChangeSet.everything()`` for the views.
    """
    candidate = Path(candidate)
    report, upgraded = _prepared(candidate)
    try:
        _require_no_transaction()
        safety = auto_backup("restaurare")
        target = _raw()
        source = _ro_connect(upgraded or candidate)
        try:
            with _restore_errors():
                source.backup(target)
        finally:
            source.close()
    finally:
        if upgraded is not None:
            _remove(upgraded)
    _reapply_pragmas()
    after = current_report()
    if not after.ok or dict(after.table_counts) != dict(report.table_counts):
        if safety is not None:
            back = _ro_connect(safety)
            try:
                back.backup(target)
            finally:
                back.close()
            _reapply_pragmas()
        raise ServiceError(
            "Restaurarea nu a putut fi verificată; datele de dinainte au fost puse la loc. "
            + " ".join(after.problems)
        )
    return RestoreResult(changes=ChangeSet.everything(), safety_backup=safety, report=report)


@contextlib.contextmanager
def _restore_errors() -> Iterator[None]:
    try:
        yield
    except (sqlite3.Error, OSError) as exc:
        problem = storage_problem(exc) or str(exc)
        raise ServiceError(f"Restaurarea nu a reușit: {problem}. Datele deschise au rămas cum erau.") from exc


def _reapply_pragmas() -> None:
    for pragma in ("foreign_keys=ON", "journal_mode=DELETE", "synchronous=FULL"):
        database.execute_sql(f"PRAGMA {pragma}")  # type: ignore[no-untyped-call]


def import_json_with_backup(path: Path | str, *, replace: bool = False) -> ChangeSet:
    """``interchange.json_io.import_json`` preceded by an automatic backup of the open data (if any).

    Content problems still raise ``InterchangeError``; a storage failure (disk full, read-only file, file
    vanished) raises :class:`ServiceError` saying the data stayed as it was (the import is one transaction).
    """
    from balti_monitor.interchange.json_io import import_json

    auto_backup("import")
    with guard_write("Importul"):
        return import_json(Path(path), replace=replace)


# --------------------------------------------------------------------------------------------------------
# Opening and closing safely


_session: OpenResult | None = None


def open_safely(path: Path | str, *, create: bool = True) -> OpenResult:
    """Open a database for editing: single-writer lock, checks, migrations, then an automatic backup.

    Raises :class:`ServiceError` when another instance has the file open, and :class:`FileOpenError` (a
    :class:`DatabaseError`) when the file is missing, empty, truncated, damaged, foreign or newer: its
    message says what is wrong and offers the newest automatic backup (also in ``.backup``). The refused
    file is not modified. A failed automatic backup does not stop the opening; it is reported in
    ``warning``. The previous database opened this way is closed first.
    """
    global _session
    path = Path(path)
    if _session is not None and _session.path.resolve() != path.resolve():
        close_safely()
    if not path.parent.is_dir():
        raise open_failure(DatabaseError(f"Dosarul „{path.parent}” nu există.", "missing"), path)
    if not path.exists() and not create:
        raise open_failure(DatabaseError(f"Fișierul „{path}” nu există.", "missing"), path)
    lock = _session.lock if _session is not None else DatabaseLock(path)
    lock.acquire()
    _session = None
    try:
        folder = auto_backup_dir(path)
        folder.mkdir(parents=True, exist_ok=True)
        open_database(path, create=create, backup_dir=folder)
    except DatabaseError as exc:
        lock.release()
        raise open_failure(exc, path) from exc
    except BaseException:
        lock.release()
        close_database()
        raise
    warnings = []
    if not os.access(path, os.W_OK):
        warnings.append(
            f"Fișierul „{path.name}” este doar pentru citire: modificările nu vor putea fi salvate. Salvați o "
            f"copie într-un dosar al dumneavoastră (Fișier → Creează copie de rezervă) și deschideți copia."
        )
    copy: Path | None = None
    try:
        copy = auto_backup("deschidere")
    except ServiceError as exc:
        warnings.append(f"{exc} Fișierul a fost deschis, dar fără copie automată.")
    warning = " ".join(warnings) or None
    _session = OpenResult(
        path=path, lock=lock, auto_backup=copy, warning=warning, recovered_lock=lock.recovered
    )
    return _session


def close_safely() -> None:
    """Close the database opened by :func:`open_safely` and release its lock."""
    global _session
    session, _session = _session, None
    close_database()
    if session is not None:
        session.lock.release()


def open_failure(exc: DatabaseError, path: Path | str) -> FileOpenError:
    """The error to show when ``path`` cannot be opened: the reason plus the newest automatic backup."""
    backup = newest_auto_backup(path)
    detail = str(exc)
    if backup is None:
        offer = " Nu există nicio copie automată din care să se poată continua."
    else:
        whose = "a acestui fișier" if backup.same_source else f"(a fișierului „{backup.source_name}”)"
        offer = (
            f"\n\nCea mai nouă copie automată {whose}: {backup.label()}. Puteți continua lucrul cu această "
            f"copie: ea se copiază ca fișier nou lângă cel cu probleme."
        )
    return FileOpenError(detail + offer, exc.kind, detail, backup)


def recover_from_backup(backup: Path | str, damaged: Path | str, dest_dir: Path | str | None = None) -> Path:
    """Copy an automatic backup to a new file beside the damaged one (or in ``dest_dir``) and verify it.

    The damaged file is not touched. Returns the new file, for :func:`open_safely`.
    """
    backup, damaged = Path(backup), Path(damaged)
    report = verify_file(backup)
    if not report.ok:
        raise ServiceError(f"Copia „{backup.name}” nu poate fi folosită: {' '.join(report.problems)}")
    folder = Path(dest_dir) if dest_dir is not None else damaged.parent
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        folder = user_data_dir()
    target = _unique(folder / f"{damaged.stem}-recuperat-{dt.datetime.now():%Y-%m-%d-%H%M}.sqlite")
    with _copy_errors("Copia recuperată", target):
        try:
            connection.backup_copy(backup, target)
        except DatabaseError as exc:
            raise ServiceError(str(exc)) from exc
    if not verify_file(target).ok:
        _remove(target)
        raise ServiceError(f"Copia recuperată „{target.name}” nu a trecut verificarea.")
    return target
