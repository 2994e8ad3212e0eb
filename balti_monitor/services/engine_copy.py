"""Moving the data between a SQLite file and a PostgreSQL server, all or nothing.

``copy --from FILE.sqlite --to postgresql://…`` and back. Every row of every table goes across with its id
and every text as stored (the models convert only the types: 0/1 and booleans, date-time text and
timestamps), the change log included, as the JSON interchange would carry it. The target is written in one
transaction with the audit mode of the copy (``audit_context.mode`` 1: the lock and audit triggers stand
aside, as for a JSON import; the search-index triggers fill the index); the row counts of every table are
compared with the source's before the commit. A file is built under a temporary name and renamed into
place only when complete and verified, so a failure leaves no half file; on a server a failure rolls the
transaction back and the target holds what it held before.

A server's backup (:func:`backup_server`) is such a copy into the usual self-contained SQLite file, still
fit to be e-mailed; a restore into a server is a copy from such a file with ``replace``.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import peewee as pw

from balti_monitor.db.connection import close_database, open_database
from balti_monitor.db.errors import DatabaseError
from balti_monitor.db.models import ALL_MODELS, Action, AuditContext, database, is_postgresql
from balti_monitor.db.pg_driver import ServerDatabase, display_url
from balti_monitor.db.pg_rebuild import advance_sequences, rebuild_search_index, reset_sequences
from balti_monitor.db.postgres import ensure_server_schema
from balti_monitor.db.urls import is_server_url
from balti_monitor.i18n import _, ngettext
from balti_monitor.services._sqlite_files import remove_file
from balti_monitor.services.errors import ServiceError

Rows = dict[str, list[tuple[Any, ...]]]

_BATCH = 1000


@dataclass(frozen=True)
class CopyResult:
    """A finished copy: where from, where to, the rows of each table."""

    source: str
    target: str
    counts: dict[str, int] = field(default_factory=dict)

    def message(self) -> str:
        """The confirmation, in the interface language."""
        total = sum(self.counts.values())
        rows = ngettext("{n} rând", "{n} rânduri", total).format(n=total)
        tables = ngettext("în {n} tabel", "în {n} tabele", len(self.counts)).format(n=len(self.counts))
        return _(
            "Datele din „{source}” au fost copiate în „{target}”: {rows} {tables}, verificate tabel cu tabel."
        ).format(source=self.source, target=self.target, rows=rows, tables=tables)


def _shown(target: str | Path) -> str:
    return display_url(str(target)) if is_server_url(target) else str(target)


def read_rows() -> Rows:
    """Every row of every table of the open database (model order, ids ascending), as the models read it."""
    rows: Rows = {}
    for model in ALL_MODELS:
        query = model.select(*model._meta.sorted_fields).order_by(model._meta.primary_key).tuples()
        rows[model._meta.table_name] = list(cast(Any, query))  # .tuples(): rows as tuples
    return rows


def _parents_first(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """Actions ordered so a sub-action comes after its parent (the foreign key is checked per statement)."""
    names = [f.name for f in Action._meta.sorted_fields]
    parent = names.index("parent")
    placed: set[Any] = set()
    ordered: list[tuple[Any, ...]] = []
    pending = rows
    while pending:
        later = []
        for row in pending:
            if row[parent] is None or row[parent] in placed:
                ordered.append(row)
                placed.add(row[0])
            else:
                later.append(row)
        if len(later) == len(pending):  # a loop or a missing parent: the database will refuse it
            ordered.extend(later)
            break
        pending = later
    return ordered


def _write_rows(rows: Rows) -> dict[str, int]:
    """Insert ``rows`` into the (empty) database the models are bound to, inside the caller's transaction
    with the audit mode of the copy set; returns the counts."""
    counts: dict[str, int] = {}
    for model in ALL_MODELS:
        table = model._meta.table_name
        data = rows.get(table, [])
        if model is AuditContext:
            continue  # the copy's own row while writing; the source's row is put last
        if model is Action:
            data = _parents_first(data)
        fields = model._meta.sorted_fields
        if isinstance(model._meta.database, pw.PostgresqlDatabase):
            _copy_in(model, data)
        else:
            for start in range(0, len(data), _BATCH):
                model.insert_many(data[start : start + _BATCH], fields=fields).execute()
        counts[table] = len(data)
    AuditContext.delete().execute()
    context = rows.get(AuditContext._meta.table_name, [])
    if context:
        AuditContext.insert_many(context, fields=AuditContext._meta.sorted_fields).execute()
    counts[AuditContext._meta.table_name] = len(context)
    return counts


def read_file_rows(path: Path) -> Rows:
    """Every row of a (verified) SQLite file, read through a connection of its own: the open database, a
    server, stays open."""
    db = pw.SqliteDatabase(path.resolve().as_uri() + "?mode=ro", uri=True)
    db.connect()
    try:
        with db.bind_ctx(ALL_MODELS):
            return read_rows()
    finally:
        db.close()


def replace_server_data(rows: Rows, shown: str, db: pw.Database | None = None) -> dict[str, int]:
    """Replace every row of the server (``db``, default the open one) with ``rows``, inside the caller's
    transaction (the counts are checked; a failure rolls everything back with it).

    When the connected role owns the tables, their row triggers are switched off for the transaction
    (``ALTER TABLE … DISABLE TRIGGER USER``: transactional, and it keeps other writers out until the commit)
    and the search index is rebuilt once at the end: ten years of data in seconds instead of a trigger run
    per row. Otherwise (the specialist's role) the triggers run - the copy's audit mode keeps the lock and
    the log aside - and the key sequences only move forward."""
    server = db or database
    _copy_mode()
    quick = _triggers_off(server)
    for model in reversed(ALL_MODELS):
        if model is not AuditContext:
            model.delete().execute()
    counts = _write_rows(rows)
    if quick:
        for model in ALL_MODELS:
            server.execute_sql(f'ALTER TABLE "{model._meta.table_name}" ENABLE TRIGGER USER')  # type: ignore[no-untyped-call]
        rebuild_search_index(server)
    if quick:
        reset_sequences(server)
    else:  # the specialist may not ``setval`` (only ``nextval``): each key sequence moved past its max id
        advance_sequences(server, [model._meta.table_name for model in ALL_MODELS])
    _check_counts(counts, shown)
    return counts


def _triggers_off(db: pw.Database) -> bool:
    """Switch the user triggers of every table off for this transaction; False when not allowed."""
    try:
        with db.atomic():  # a savepoint: a refusal leaves the transaction usable
            for model in ALL_MODELS:
                db.execute_sql(f'ALTER TABLE "{model._meta.table_name}" DISABLE TRIGGER USER')  # type: ignore[no-untyped-call]
    except pw.DatabaseError:
        return False
    return True


def _copy_in(model: Any, data: list[tuple[Any, ...]]) -> None:
    """The rows into a server table through ``COPY … FROM STDIN`` (one stream instead of thousands of
    INSERTs; the row triggers still run), each value converted by its field as an INSERT would."""
    if not data:
        return
    fields = model._meta.sorted_fields
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    conn = model._meta.database.connection()
    sql = f'COPY "{model._meta.table_name}" ({columns}) FROM STDIN'
    with pw.__exception_wrapper__, conn.cursor() as cursor, cursor.copy(sql) as stream:  # type: ignore[attr-defined]
        for row in data:
            stream.write_row([f.db_value(v) for f, v in zip(fields, row, strict=True)])


def _held_counts() -> dict[str, int]:
    return {model._meta.table_name: model.select().count() for model in ALL_MODELS}


def _copy_mode() -> None:
    """``audit_context`` row 1 with mode 1 (lock and audit triggers aside) in the open transaction."""
    AuditContext.delete().execute()
    AuditContext.insert(id=1, source="", who="", mode=1).execute()


def _check_counts(expected: dict[str, int], target: str) -> None:
    held = _held_counts()
    wrong = [t for t, n in expected.items() if held.get(t) != n]
    if wrong:
        raise ServiceError(
            ngettext(
                "Copia în „{target}” nu are aceleași rânduri ca sursa (tabelul {tables}); nu s-a păstrat nimic.",
                "Copia în „{target}” nu are aceleași rânduri ca sursa (tabelele {tables}); nu s-a păstrat nimic.",
                min(len(wrong), 2),  # a list: singular for one item only (not Russian's 21)
            ).format(target=target, tables=", ".join(wrong))
        )


def _open_source(source: str | Path) -> None:
    """Open the source read-only (the file's or the server's checks; an older file is refused: open it for
    writing once to bring it up to date)."""
    try:
        open_database(str(source) if is_server_url(source) else Path(source), create=False, read_only=True)
    except DatabaseError as exc:
        raise ServiceError(_("Sursa copiei nu poate fi citită: {value}").format(value=exc)) from exc


def copy_database(source: str | Path, target: str | Path, *, replace: bool = False) -> CopyResult:
    """Copy every row from ``source`` to ``target`` (each a file path or a ``postgresql://`` URL), all or
    nothing. A target that holds data is refused unless ``replace``; a file target that exists is replaced
    only with ``replace``. Nothing is left open afterwards."""
    if str(source) == str(target):
        raise ServiceError(_("Sursa și destinația copiei sunt aceeași bază de date."))
    if not is_server_url(target) and not Path(target).parent.is_dir():
        raise ServiceError(_("Dosarul „{folder}” nu există.").format(folder=Path(target).parent))
    if not is_server_url(target) and Path(target).exists() and not replace:
        raise ServiceError(
            _("Fișierul „{path}” există deja; alegeți alt nume sau folosiți înlocuirea.").format(path=target)
        )
    if is_server_url(target):
        return _copy(source, target, replace=replace)
    from balti_monitor.services.backup import auto_backup_file
    from balti_monitor.services.lock import DatabaseLock

    with DatabaseLock(Path(target)):  # no program has the target file open while it is replaced
        if Path(target).exists():
            auto_backup_file(Path(target), "restaurare")  # what it held stays in the automatic backups
        return _copy(source, target, replace=replace)


def _copy(source: str | Path, target: str | Path, *, replace: bool) -> CopyResult:
    _open_source(source)
    try:
        rows = read_rows()
    finally:
        close_database()
    return write_copy(rows, _shown(source), target, replace=replace)


def write_copy(rows: Rows, source: str, target: str | Path, *, replace: bool = False) -> CopyResult:
    """Write ``rows`` (from :func:`read_rows`) into ``target`` (see :func:`copy_database`)."""
    if is_server_url(target):
        counts = _write_server(rows, str(target), replace=replace)
    else:
        counts = _write_file(rows, Path(target))
    return CopyResult(source, _shown(target), counts)


def _write_server(rows: Rows, url: str, *, replace: bool) -> dict[str, int]:
    shown = display_url(url)
    db = ServerDatabase(url)
    try:
        db.connect()
    except pw.OperationalError as exc:
        from balti_monitor.db.pg_driver import connect_error

        raise ServiceError(str(connect_error(shown, exc))) from exc
    try:
        ensure_server_schema(db, shown, create=True, read_only=False)
        with db.bind_ctx(ALL_MODELS), db.atomic():
            held = _held_counts()
            if not replace and any(n for t, n in held.items() if t != AuditContext._meta.table_name):
                raise ServiceError(
                    _(
                        "Baza de date „{name}” conține deja date; copia se face într-o bază goală (sau cu "
                        "înlocuirea datelor existente). Nu s-a modificat nimic."
                    ).format(name=shown)
                )
            counts = replace_server_data(rows, shown, db)
    except pw.DatabaseError as exc:
        raise ServiceError(
            _("Copia în „{name}” nu a reușit: {value}. Nu s-a modificat nimic.").format(name=shown, value=exc)
        ) from exc
    finally:
        db.close()
    return counts


@contextmanager
def _new_file(tmp: Path) -> Iterator[None]:
    """A new SQLite file at ``tmp`` with the current schema, the models bound to it and one transaction open
    in the copy's audit mode (lock and audit triggers aside); the file is closed on the way out."""
    from balti_monitor.db.connection import _ensure_schema
    from balti_monitor.db.sqlite_file import apply_pragmas

    db = pw.SqliteDatabase(str(tmp))
    try:
        db.connect()
        apply_pragmas(db)
        with db.bind_ctx(ALL_MODELS):
            _ensure_schema(db, tmp, None, check=False)
            with db.atomic():
                _copy_mode()
                yield
    finally:
        if not db.is_closed():
            db.close()


def _write_file(rows: Rows, path: Path) -> dict[str, int]:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.copie")
    remove_file(tmp)
    try:
        with _new_file(tmp):
            counts = _write_rows(rows)
            _check_counts(counts, path.name)
        from balti_monitor.services.file_report import verify_file

        report = verify_file(tmp)
        if not report.ok:
            raise ServiceError(
                _("Copia nu a trecut verificarea și nu a fost creată: {problems}").format(
                    problems=" ".join(report.problems)
                )
            )
        os.replace(tmp, path)
    except (pw.DatabaseError, OSError) as exc:
        raise ServiceError(
            _("Fișierul „{name}” nu a putut fi scris: {value}. Nu s-a creat nimic.").format(
                name=path.name, value=exc
            )
        ) from exc
    finally:
        remove_file(tmp)
    return counts


@dataclass
class ServerBackup:
    """A server backup under way (:func:`prepare_server_backup`): the rows read in one snapshot and the new
    file's schema written under a temporary name; :meth:`write` fills, verifies and renames it."""

    rows: Rows
    tmp: Path
    target: Path

    def write(
        self,
        progress: Callable[[int, int, str], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Path | None:
        """Insert the rows, verify the file and rename it into place; the file written, or None when
        ``cancelled`` said so (nothing is left behind). Touches neither the open database nor the models,
        so it may run on a worker thread; progress is ``(rows done, rows in all, table)``."""
        total = sum(len(v) for t, v in self.rows.items() if t != AuditContext._meta.table_name)
        done = 0
        try:
            conn = sqlite3.connect(self.tmp)
            try:
                conn.execute("PRAGMA foreign_keys=ON")
                with conn:
                    for model in ALL_MODELS:
                        table = model._meta.table_name
                        if model is AuditContext:
                            continue
                        if cancelled is not None and cancelled():
                            return None
                        data = self.rows.get(table, [])
                        if model is Action:
                            data = _parents_first(data)
                        fields = model._meta.sorted_fields
                        columns = ", ".join(f'"{f.column_name}"' for f in fields)
                        marks = ", ".join("?" for _f in fields)
                        conn.executemany(
                            f'INSERT INTO "{table}" ({columns}) VALUES ({marks})',
                            ([f.db_value(v) for f, v in zip(fields, row, strict=True)] for row in data),
                        )
                        done += len(data)
                        if progress is not None:
                            progress(done, total, table)
                    _raw_context(conn, self.rows.get(AuditContext._meta.table_name, []))
                    held = {
                        m._meta.table_name: conn.execute(
                            f'SELECT COUNT(*) FROM "{m._meta.table_name}"'
                        ).fetchone()[0]
                        for m in ALL_MODELS
                    }
                wrong = [t for t in held if held[t] != len(self.rows.get(t, []))]
                if wrong:
                    raise ServiceError(
                        ngettext(
                            "Copia în „{target}” nu are aceleași rânduri ca sursa (tabelul {tables}); nu s-a păstrat nimic.",
                            "Copia în „{target}” nu are aceleași rânduri ca sursa (tabelele {tables}); nu s-a păstrat nimic.",
                            min(len(wrong), 2),
                        ).format(target=self.target.name, tables=", ".join(wrong))
                    )
            finally:
                conn.close()
            _verified_rename(self.tmp, self.target)
        except (sqlite3.Error, OSError) as exc:
            raise ServiceError(
                _("Fișierul „{name}” nu a putut fi scris: {value}. Nu s-a creat nimic.").format(
                    name=self.target.name, value=exc
                )
            ) from exc
        finally:
            remove_file(self.tmp)
        return self.target


def _raw_context(conn: sqlite3.Connection, context: list[tuple[Any, ...]]) -> None:
    """The source's ``audit_context`` rows in place of the copy's own (as :func:`_write_rows` ends)."""
    conn.execute(f'DELETE FROM "{AuditContext._meta.table_name}"')
    fields = AuditContext._meta.sorted_fields
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    marks = ", ".join("?" for _f in fields)
    conn.executemany(
        f'INSERT INTO "{AuditContext._meta.table_name}" ({columns}) VALUES ({marks})',
        ([f.db_value(v) for f, v in zip(fields, row, strict=True)] for row in context),
    )


def _verified_rename(tmp: Path, path: Path) -> None:
    from balti_monitor.services.file_report import verify_file

    report = verify_file(tmp)
    if not report.ok:
        raise ServiceError(
            _("Copia nu a trecut verificarea și nu a fost creată: {problems}").format(
                problems=" ".join(report.problems)
            )
        )
    os.replace(tmp, path)


def prepare_server_backup(
    dest: Path, *, period_code: str | None = None, now: dt.datetime | None = None, overwrite: bool = False
) -> ServerBackup:
    """The first half of :func:`backup_server`, on the thread of the open database: the target named (a
    folder gets :func:`~balti_monitor.services.backup.backup_file_name`), every row read in one snapshot
    of the server (REPEATABLE READ) and the new file's schema written under a temporary name."""
    from balti_monitor.services._sqlite_files import unique_path
    from balti_monitor.services.backup import _latest_period_code, backup_file_name

    if not is_postgresql():
        raise ServiceError(_("Nu este deschisă o bază de date de pe server."))
    if dest.is_dir():
        target = unique_path(dest / backup_file_name(period_code or _latest_period_code(), now))
    else:
        if not dest.parent.is_dir():
            raise ServiceError(_("Dosarul „{folder}” nu există.").format(folder=dest.parent))
        if dest.exists() and not overwrite:
            raise ServiceError(_("Fișierul „{dest}” există deja; alegeți alt nume.").format(dest=dest))
        target = dest
    with database.atomic():  # one snapshot of the server (REPEATABLE READ)
        rows = read_rows()
    tmp = target.with_name(f".{target.name}.{os.getpid()}.copie")
    remove_file(tmp)
    try:
        with _new_file(tmp):  # the rows go in on the worker (ServerBackup.write)
            pass
    except (pw.DatabaseError, OSError) as exc:
        remove_file(tmp)
        raise ServiceError(
            _("Fișierul „{name}” nu a putut fi scris: {value}. Nu s-a creat nimic.").format(
                name=target.name, value=exc
            )
        ) from exc
    return ServerBackup(rows, tmp, target)


def backup_server(
    dest: Path, *, period_code: str | None = None, now: dt.datetime | None = None, overwrite: bool = False
) -> Path:
    """The open server's data as a self-contained SQLite file (``dest``: a folder or a file), like
    ``backup --out`` of a file; the server is only read. Returns the file written."""
    written = prepare_server_backup(dest, period_code=period_code, now=now, overwrite=overwrite).write()
    assert written is not None  # never cancelled here
    return written
