"""Backups: the single-file copy the user e-mails and the automatic rotating copies.

Every copy is made through SQLite itself (``VACUUM INTO`` for the backup the user e-mails, the online
backup API for automatic copies), never by copying the live file. A copy is verified before success is
reported: integrity check, the same row counts as the source, and the tables and columns this version
reads (:func:`~balti_monitor.services.file_report.verify_file`). Nothing here imports Qt; storage failures
raise :class:`~balti_monitor.services.errors.ServiceError` with a Romanian message.

Automatic backups live in ``user_data_dir()/backups/<file>-<hash>/`` (one folder per database file, so
opening an e-mailed file never rotates away the copies of the specialist's own file; a server's in
``server-<db>-<hash>/``, see :func:`open_auto_backup_dir`), named
``<file>-AAAA-LL-ZZ-hhmmss-<motiv>.sqlite``; the last ``N`` of each folder are kept (``N`` = 20, or
``auto_backup_keep`` in ``user_data_dir()/settings.json``). A copy identical to the newest one is not
written again, so opening the program many times does not push older, different copies out.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import sqlite3
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from balti_monitor.db.connection import copying_out
from balti_monitor.db.models import Plan, Subdivision, database, is_postgresql
from balti_monitor.i18n import N_, _, ngettext
from balti_monitor.resources import user_data_dir
from balti_monitor.services._sqlite_files import (
    TABLES,
    raw_connection,
    remove_file,
    require_no_transaction,
    require_open,
    ro_connect,
    unique_path,
)
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.file_report import (
    FileReport,
    format_size,
    format_time,
    table_counts,
    verify_file,
    with_path,
)
from balti_monitor.services.storage_errors import copy_errors, storage_problem

DEFAULT_KEEP = 20
SETTINGS_FILE = "settings.json"
KEEP_SETTING = "auto_backup_keep"
BACKUPS_FOLDER = "backups"

#: Why an automatic backup was made: file-name slug -> Romanian label.
REASONS: dict[str, str] = {
    "deschidere": N_("la deschiderea fișierului"),
    "migrare": N_("înainte de actualizarea structurii fișierului"),
    "restaurare": N_("înainte de restaurarea dintr-o copie"),
    "import": N_("înainte de un import"),
    "demo": N_("înainte de încărcarea datelor demonstrative"),
    "exemplu": N_("înainte de adăugarea unui plan exemplu"),
    "manual": N_("la cererea utilizatorului"),
    "stergere": N_("înainte de ștergerea unei perioade"),
    "stergereplan": N_("înainte de ștergerea unui element al planului"),
}

_TIMESTAMP = "%Y-%m-%d-%H%M%S"
_AUTO_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<ts>\d{4}-\d{2}-\d{2}-\d{6})-(?P<reason>[a-z]+)(?:-(?P<n>\d+))?\.sqlite$"
)
_MIGRATION_NAME = re.compile(r"^(?P<stem>.+)-inainte-de-migrare-v(?P<version>\d+)\.sqlite$")
_FOLDER_NAME = re.compile(r"^(?P<stem>.+)-(?P<hash>[0-9a-f]{8})$")


# --------------------------------------------------------------------------------------------------------
# Results


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
        return ngettext(
            "Copia de rezervă „{name}” a fost creată și verificată ({size}; {return_count} informație a subdiviziunilor; perioade: {periods}). Se află în dosarul „{parent}”.",
            "Copia de rezervă „{name}” a fost creată și verificată ({size}; {return_count} informații ale subdiviziunilor; perioade: {periods}). Se află în dosarul „{parent}”.",
            self.report.return_count,
        ).format(
            name=self.path.name,
            size=format_size(self.report.size),
            return_count=self.report.return_count,
            periods=", ".join(self.report.periods) or _("niciuna"),
            parent=self.path.parent,
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
        return _(REASONS[self.reason]) if self.reason in REASONS else self.reason

    def label(self) -> str:
        """One Romanian line describing the copy."""
        return _("„{name}” din {created} ({reason_label}), {size}").format(
            name=self.path.name,
            created=format_time(self.created),
            reason_label=self.reason_label,
            size=format_size(self.size),
        )


# --------------------------------------------------------------------------------------------------------
# Small helpers


def _slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^A-Za-z0-9]+", "-", folded).strip("-").lower()
    return slug or "baza-de-date"


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


# --------------------------------------------------------------------------------------------------------
# The backup the user e-mails


def _latest_period_code() -> str | None:
    rows = database.execute_sql(  # type: ignore[no-untyped-call]
        f'SELECT year, semester FROM "{TABLES["Period"]}"'
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
    if is_postgresql():  # a server's data as the same self-contained, verified SQLite file
        from balti_monitor.services.engine_copy import backup_server

        written = backup_server(Path(dest), period_code=period_code, now=now, overwrite=overwrite)
        return BackupResult(written, verify_file(written))
    source = require_open()
    dest = Path(dest)
    if dest.is_dir():
        target = unique_path(dest / backup_file_name(period_code or _latest_period_code(), now))
    else:
        if not dest.parent.is_dir():
            raise ServiceError(_("Dosarul „{parent}” nu există.").format(parent=dest.parent))
        if dest.exists():
            if not overwrite:
                raise ServiceError(_("Fișierul „{dest}” există deja; alegeți alt nume.").format(dest=dest))
            if dest.resolve() == source.resolve():
                raise ServiceError(_("Copia de rezervă nu poate înlocui chiar baza de date deschisă."))
        target = dest
    require_no_transaction()
    tmp = target.with_name(f".{target.name}.part")
    remove_file(tmp)
    try:
        with copy_errors(_("Copia de rezervă"), target):
            with copying_out():  # VACUUM INTO writes only the new file, also from a read-only session
                database.execute_sql("VACUUM INTO ?", (str(tmp),))  # type: ignore[no-untyped-call]
            source_counts = table_counts(raw_connection())
            _fsync_file(tmp)
            report = verify_file(tmp)
            if not report.ok:
                raise ServiceError(
                    _("Copia de rezervă nu a trecut verificarea și nu a fost creată: {problems}").format(
                        problems=" ".join(report.problems)
                    )
                )
            if dict(report.table_counts) != source_counts:
                raise ServiceError(
                    _(
                        "Copia de rezervă nu are același număr de înregistrări ca baza de date deschisă; nu a fost creată. Încercați din nou."
                    )
                )
            os.replace(tmp, target)
            _sync_dir(target.parent)
    finally:
        remove_file(tmp)
    return BackupResult(path=target, report=with_path(report, target))


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
        raise ServiceError(_("Numărul de copii automate păstrate trebuie să fie între 1 și 1000."))
    data = _read_settings()
    data[KEEP_SETTING] = count
    path = _settings_path()
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        raise ServiceError(
            _("Setarea nu a putut fi salvată: {exc}.").format(exc=storage_problem(exc))
        ) from exc


def auto_backup_root() -> Path:
    """``user_data_dir()/backups``."""
    return user_data_dir() / BACKUPS_FOLDER


def auto_backup_dir(db_path: Path | str) -> Path:
    """The folder of the automatic backups of one database file (not created here)."""
    resolved = Path(db_path).resolve()
    digest = hashlib.sha1(str(resolved).encode("utf-8"), usedforsecurity=False).hexdigest()[:8]
    return auto_backup_root() / f"{_slug(resolved.stem)}-{digest}"


def _server_folder_name() -> tuple[str, str]:
    """The open server's backup-folder name and the file-name stem of its copies (``server-<db>``)."""
    from balti_monitor.db.pg_driver import display_url

    url = display_url(str(getattr(database, "url", database.database)))
    name = "server-" + _slug(url.rsplit("/", 1)[-1].split("?", 1)[0] or "postgresql")
    digest = hashlib.sha1(url.encode("utf-8"), usedforsecurity=False).hexdigest()[:8]
    return f"{name}-{digest}", name


def open_auto_backup_dir() -> Path:
    """The folder of the automatic backups of the open database (not created here): a file's
    (:func:`auto_backup_dir`), or a server's ``server-<db>-<hash>`` (named after its address without
    password); :class:`ServiceError` when nothing is open."""
    if is_postgresql():
        return auto_backup_root() / _server_folder_name()[0]
    return auto_backup_dir(require_open())


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
    """Automatic backups of one database file (default: the open database, a file or a server), newest
    first."""
    return _entries(auto_backup_dir(db_path) if db_path is not None else open_auto_backup_dir())


def newest_auto_backup(db_path: Path | str | None = None) -> AutoBackup | None:
    """The newest automatic backup of ``db_path`` (default: the open database).

    When that file has none (e.g. a damaged file that was never opened here), the newest automatic backup
    of any database is offered, with ``same_source`` False so the GUI can say whose copy it is.
    """
    own_folder: Path | None = None
    if db_path is not None:
        own_folder = auto_backup_dir(db_path)
    elif not database.is_closed() and database.database:
        own_folder = open_auto_backup_dir()
    if own_folder is not None:
        own = _entries(own_folder)
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
    if is_postgresql():
        return _server_auto_backup(reason, keep, now)
    source = require_open()
    if str(source) == ":memory:" or not _has_data():
        return None
    require_no_transaction()
    return _write_auto_backup(source, raw_connection(), reason, keep, now)


def _server_auto_backup(reason: str, keep: int | None, now: dt.datetime | None) -> Path | None:
    """The automatic backup of a server's data: a self-contained SQLite file (the engine copy) in a folder
    named after the server database, rotated like a file's."""
    from balti_monitor.services.engine_copy import backup_server

    if not _has_data():
        return None
    folder = open_auto_backup_dir()
    name = _server_folder_name()[1]
    moment = now or dt.datetime.now()
    with _auto_lock:
        with copy_errors(_("Copia automată"), folder / name):
            folder.mkdir(parents=True, exist_ok=True)
        final = unique_path(folder / f"{name}-{moment.strftime(_TIMESTAMP)}-{reason}.sqlite")
        backup_server(final)
        _rotate(folder, keep if keep is not None else backup_keep())
    return final


def auto_backup_file(path: Path | str, reason: str, *, keep: int | None = None) -> Path | None:
    """:func:`auto_backup` of the file at ``path`` through a connection of its own, for a worker thread
    (the application's connection belongs to the GUI thread). The file is only read; writes of the GUI
    thread wait for the copy (SQLite's locking, the connection's busy timeout)."""
    if reason not in REASONS:
        raise ValueError(reason)
    source = Path(path)
    try:
        conn = ro_connect(source)
    except sqlite3.Error as exc:
        raise ServiceError(_("Copia automată nu a putut fi făcută: {exc}.").format(exc=exc)) from exc
    try:
        try:
            row = conn.execute(
                "SELECT EXISTS(SELECT 1 FROM plan) OR EXISTS(SELECT 1 FROM subdivision)"
            ).fetchone()
        except sqlite3.Error as exc:
            raise ServiceError(_("Copia automată nu a putut fi făcută: {exc}.").format(exc=exc)) from exc
        if not row or not row[0]:
            return None
        return _write_auto_backup(source, conn, reason, keep, None)
    finally:
        conn.close()


def _write_auto_backup(
    source: Path, conn: sqlite3.Connection, reason: str, keep: int | None, now: dt.datetime | None
) -> Path:
    folder = auto_backup_dir(source)
    keep = keep if keep is not None else backup_keep()
    moment = now or dt.datetime.now()
    with _auto_lock:
        name = f"{_slug(source.stem)}-{moment.strftime(_TIMESTAMP)}-{reason}.sqlite"
        tmp = folder / f".{name}.part"
        try:
            with copy_errors(_("Copia automată"), folder / name):
                folder.mkdir(parents=True, exist_ok=True)
                _describe_folder(folder, source)
                for stale in folder.glob(".*.part"):
                    remove_file(stale)
                remove_file(tmp)
                target = sqlite3.connect(tmp)
                try:
                    conn.backup(target)
                    target.execute("PRAGMA journal_mode=DELETE")
                    check = target.execute("PRAGMA quick_check").fetchone()
                finally:
                    target.close()
                if not check or check[0] != "ok":
                    raise ServiceError(
                        _("Copia automată nu a trecut verificarea integrității: {check}.").format(check=check)
                    )
                _fsync_file(tmp)
                existing = _entries(folder)
                if existing and _same_bytes(existing[0].path, tmp):
                    return existing[0].path
                final = unique_path(folder / name)
                os.replace(tmp, final)
                _sync_dir(folder)
        finally:
            remove_file(tmp)
        _rotate(folder, keep)
        return final


def _same_bytes(first: Path, second: Path) -> bool:
    """True when both files hold the same bytes (sizes first, then chunk by chunk, stopping at the first
    difference: cheaper than hashing both)."""
    if first.stat().st_size != second.stat().st_size:
        return False
    with first.open("rb") as a, second.open("rb") as b:
        while True:
            chunk = a.read(1 << 20)
            if chunk != b.read(1 << 20):
                return False
            if not chunk:
                return True


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
