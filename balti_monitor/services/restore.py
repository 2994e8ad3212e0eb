"""Restore with a preview: replace the open data with a verified file (an e-mailed or automatic backup).

(The JSON import preceded by an automatic backup is ``interchange.json_io.import_json_with_backup``.)

The candidate is verified first and never modified (a file of an older version is upgraded in a temporary
copy); the open data is saved in an automatic backup before it is replaced; the candidate is copied in with
SQLite's online backup API (one transaction) and the result is checked. Nothing here imports Qt.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import peewee as pw

from balti_monitor.db import migrations
from balti_monitor.db.models import database, is_postgresql
from balti_monitor.db.sqlite_file import backup_copy
from balti_monitor.i18n import _
from balti_monitor.services._sqlite_files import (
    raw_connection,
    remove_file,
    require_no_transaction,
    require_open,
    ro_connect,
)
from balti_monitor.services.audit import cell_texts, export_log, import_log, record_differences, recording
from balti_monitor.services.backup import auto_backup, auto_backup_root
from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.file_report import (
    Comparison,
    FileReport,
    compare,
    current_report,
    verify_file,
    with_path,
)
from balti_monitor.services.storage_errors import copy_errors, guard_write, storage_problem


@dataclass(frozen=True)
class RestoreResult:
    """A finished restore: what changed (everything), the automatic backup of the replaced data."""

    changes: ChangeSet
    safety_backup: Path | None
    report: FileReport

    def message(self) -> str:
        """Romanian confirmation for the user."""
        kept = (
            _(" Datele înlocuite au fost păstrate în copia automată „{safety_backup}”.").format(
                safety_backup=self.safety_backup
            )
            if self.safety_backup
            else ""
        )
        return _("Datele au fost restaurate din „{name}”.{kept}").format(
            name=self.report.path.name, kept=kept
        )


def preview_restore(candidate: Path | str) -> tuple[FileReport, Comparison]:
    """Verify a candidate and compare it with the open data; raises :class:`ServiceError` if unusable."""
    report, upgraded = _prepared(Path(candidate))
    if upgraded is not None:
        remove_file(upgraded)
    return report, compare(current_report(), report)


def _prepared(candidate: Path) -> tuple[FileReport, Path | None]:
    """The candidate's report, and - for a file of an older schema version - an upgraded temporary copy
    (the candidate itself is never modified)."""
    source = require_open()
    if candidate.exists() and source.exists() and os.path.samefile(candidate, source):
        raise ServiceError(_("Fișierul ales este chiar baza de date deschisă acum."))
    report = verify_file(candidate)
    upgraded = None
    if report.ok and report.schema_version is not None and report.schema_version < migrations.SCHEMA_VERSION:
        upgraded = _upgraded_copy(candidate, report.schema_version)
        report = with_path(verify_file(upgraded), candidate)
        if not report.ok:
            remove_file(upgraded)
    if not report.ok:
        raise ServiceError(
            _(
                "Fișierul „{name}” nu poate fi folosit pentru restaurare: {problems} Datele deschise nu au fost modificate."
            ).format(name=candidate.name, problems=" ".join(report.problems))
        )
    return report, upgraded


def _upgraded_copy(candidate: Path, version: int) -> Path:
    """A copy of an older-version file brought to this version by the regular migrations."""
    root = auto_backup_root()
    root.mkdir(parents=True, exist_ok=True)
    tmp = root / f".restaurare-{os.getpid()}.sqlite"
    remove_file(tmp)
    try:
        with copy_errors(_("Copia de lucru"), tmp):
            backup_copy(candidate, tmp)
            db = pw.SqliteDatabase(str(tmp))
            db.connect()
            try:
                for step in range(version, migrations.SCHEMA_VERSION):
                    with db.atomic():
                        migrations.MIGRATIONS[step - 1](db)
                        db.execute_sql(f"PRAGMA user_version={step + 1}")  # type: ignore[no-untyped-call]
            finally:
                db.close()
    except BaseException:
        remove_file(tmp)
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
    history, texts = export_log(), cell_texts()  # the log outlives the restore; its differences are recorded
    if is_postgresql():
        return _restore_into_server(candidate, report, upgraded, history, texts)
    try:
        require_no_transaction()
        safety = auto_backup("restaurare")
        target = raw_connection()
        source = ro_connect(upgraded or candidate)
        try:
            with _restore_errors():
                source.backup(target)
        finally:
            source.close()
    finally:
        if upgraded is not None:
            remove_file(upgraded)
    _reapply_pragmas()
    after = current_report()
    if not after.ok or dict(after.table_counts) != dict(report.table_counts):
        if safety is not None:
            back = ro_connect(safety)
            try:
                back.backup(target)
            finally:
                back.close()
            _reapply_pragmas()
        raise ServiceError(
            _(
                "Restaurarea nu a putut fi verificată; datele de dinainte au fost puse la loc. {problems}"
            ).format(problems=" ".join(after.problems))
        )
    with guard_write(_("Înregistrarea restaurării în jurnal")), recording("restore"):
        import_log(history)
        record_differences(texts, cell_texts(), "restore")
    return RestoreResult(changes=ChangeSet.everything(), safety_backup=safety, report=report)


def _restore_into_server(
    candidate: Path,
    report: FileReport,
    upgraded: Path | None,
    history: list[dict[str, Any]],
    texts: dict[Any, str],
) -> RestoreResult:
    """:func:`restore_from` on a server: the automatic copy of the server's data (a SQLite file) first, then
    every row replaced by the candidate's, the earlier log put back and what the restore changed recorded,
    all in one transaction (a failure leaves the server as it was)."""
    from balti_monitor.db.pg_driver import display_url
    from balti_monitor.services.engine_copy import read_file_rows, replace_server_data

    try:
        require_no_transaction()
        safety = auto_backup("restaurare")
        rows = read_file_rows(upgraded or candidate)
    finally:
        if upgraded is not None:
            remove_file(upgraded)
    with guard_write(_("Restaurarea")), database.atomic():
        replace_server_data(rows, display_url(str(database.database)))
        with recording("restore"):
            import_log(history)
            record_differences(texts, cell_texts(), "restore")
    return RestoreResult(changes=ChangeSet.everything(), safety_backup=safety, report=report)


@contextlib.contextmanager
def _restore_errors() -> Iterator[None]:
    try:
        yield
    except (sqlite3.Error, OSError) as exc:
        problem = storage_problem(exc) or str(exc)
        raise ServiceError(
            _("Restaurarea nu a reușit: {problem}. Datele deschise au rămas cum erau.").format(
                problem=problem
            )
        ) from exc


def _reapply_pragmas() -> None:
    for pragma in ("foreign_keys=ON", "journal_mode=DELETE", "synchronous=FULL"):
        database.execute_sql(f"PRAGMA {pragma}")  # type: ignore[no-untyped-call]
