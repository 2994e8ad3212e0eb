"""What a database file holds and whether this version can use it, found without modifying the file.

:func:`verify_file` checks a file (header, SQLite integrity and foreign keys, the tables and columns this
version reads) and describes its content in a :class:`FileReport` (for the GUI and ``balti-monitor
verify``); :func:`current_report` does so for the open database; :func:`compare` sets two reports side by
side for the restore preview (:class:`Comparison`). Nothing here imports Qt.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from balti_monitor.db import migrations
from balti_monitor.db.errors import DatabaseError
from balti_monitor.db.file_header import APPLICATION_ID, read_header
from balti_monitor.db.integrity import describe_problems, structure_problems
from balti_monitor.db.models import database, is_postgresql
from balti_monitor.db.schema import describe as schema_describe
from balti_monitor.i18n import _, ngettext
from balti_monitor.services._sqlite_files import TABLES, require_open, ro_connect
from balti_monitor.services.storage_errors import storage_problem

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
    interrupted: bool = False  # a write was interrupted (journal beside it); the data checked is whole

    def lines(self) -> list[str]:
        """The report as Romanian lines (the CLI prints them; the GUI may too)."""
        out = [
            _("Fișier: {path}").format(path=self.path),
            _("Mărime: {size}").format(size=format_size(self.size)),
        ]
        if self.ok and self.interrupted:
            out.append(
                _(
                    "Stare: întrerupt; datele sunt întregi (ultima scriere nu s-a încheiat și se anulează automat la următoarea deschidere a fișierului în Bălți Monitor; integritatea și structura au fost verificate pe o copie)."
                )
            )
        elif self.ok:
            out.append(
                _("Stare: în regulă (integritate verificată, structură cunoscută de această versiune).")
            )
        else:
            out.append("Stare: PROBLEME")
            out.extend(f"  - {problem}" for problem in self.problems)
        if self.schema_version is not None:
            out.append(_("Versiunea structurii: {schema_version}").format(schema_version=self.schema_version))
        if self.ok or self.table_counts:
            out.append(_("Planuri: {plans}").format(plans=", ".join(self.plans) or _("niciunul")))
            out.append(_("Perioade: {periods}").format(periods=", ".join(self.periods) or _("niciuna")))
            out.append(_("Subdiviziuni: {count}").format(count=self.subdivision_count))
            out.append(
                _("Informații prezentate de subdiviziuni: {return_count}").format(
                    return_count=self.return_count
                )
            )
            out.append(_("Valori ale indicatorilor: {value_count}").format(value_count=self.value_count))
            out.append(
                _("Totaluri introduse manual: {override_count}").format(override_count=self.override_count)
            )
            out.append(
                _("Ultima modificare: {last_change}").format(last_change=format_time(self.last_change))
            )
        return out


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
        left = max(max(len(r.current) for r in self.rows), len(_("Acum deschis")))
        out = [_("{value:<}  {value2:<}  Copia aleasă").format(value="", value2=_("Acum deschis"))]
        out.extend(f"{r.label:<{width}}  {r.current:<{left}}  {r.candidate}" for r in self.rows)
        out.extend(_("Atenție: {w}").format(w=w) for w in self.warnings)
        return out


# --------------------------------------------------------------------------------------------------------
# Formatting


def format_size(size: int) -> str:
    """ "320 KB", "1,4 MB" (Romanian decimal comma)."""
    if size < 1024:
        return ngettext("{size} octet", "{size} octeți", size).format(size=size)
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


def format_time(moment: dt.datetime | None, *, seconds: bool = False) -> str:
    """ "25.11.2026 15:30" (with ``seconds``: "25.11.2026 15:30:07") or "necunoscută"."""
    if moment is None:
        return _("necunoscută")
    return f"{moment:%d.%m.%Y %H:%M:%S}" if seconds else f"{moment:%d.%m.%Y %H:%M}"


# --------------------------------------------------------------------------------------------------------
# Verification


def _count(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0])


def table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Row count of every table this version uses, by table name."""
    return {table: _count(conn, table) for table in TABLES.values()}


def _parse_time(text: Any) -> dt.datetime | None:
    if not text:
        return None
    if isinstance(text, dt.datetime):  # a server returns timestamps as such
        return text
    try:
        return dt.datetime.fromisoformat(str(text))
    except ValueError:
        return None


def _contents(conn: sqlite3.Connection) -> dict[str, Any]:
    plan_t, period_t = TABLES["Plan"], TABLES["Period"]
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
        _parse_time(conn.execute(f'SELECT MAX(updated_at) FROM "{TABLES["Return"]}"').fetchone()[0]),
        _parse_time(conn.execute(f'SELECT MAX(created_at) FROM "{TABLES["TotalOverride"]}"').fetchone()[0]),
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
        return _verify_interrupted(path, header.size, thorough)
    try:
        conn = ro_connect(path)
    except sqlite3.Error as exc:
        return _failed(
            path,
            [_("Fișierul „{name}” nu poate fi deschis: {exc}.").format(name=path.name, exc=exc)],
            header.size,
        )
    try:
        return _verify_open(path, conn, header.size, thorough)
    except sqlite3.Error as exc:
        problem = storage_problem(exc) or str(exc)
        return _failed(
            path,
            [_("Fișierul „{name}” nu poate fi citit: {problem}.").format(name=path.name, problem=problem)],
            header.size,
        )
    finally:
        conn.close()


def _verify_interrupted(path: Path, size: int, thorough: bool) -> FileReport:
    """Verify a file left with the rollback journal of an interrupted write, without touching either.

    The file and its journal are copied to a private folder; SQLite's normal recovery (rolling the
    interrupted write back) runs on the copy, which is then verified. The real file is recovered the same
    way the next time it is opened for writing.
    """
    journal = Path(str(path) + "-journal")
    with tempfile.TemporaryDirectory(prefix="balti-verify-") as folder:
        copy = Path(folder) / path.name
        try:
            shutil.copyfile(path, copy)
            shutil.copyfile(journal, Path(str(copy) + "-journal"))
        except OSError as exc:
            return _failed(
                path,
                [
                    _("Fișierul „{name}” nu poate fi citit: {value}.").format(
                        name=path.name, value=exc.strerror or exc
                    )
                ],
                size,
            )
        try:
            conn = sqlite3.connect(copy)
            try:
                conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()  # runs the recovery
            finally:
                conn.close()
        except sqlite3.Error as exc:
            problem = storage_problem(exc) or str(exc)
            return _failed(
                path,
                [
                    _("Fișierul „{name}” nu poate fi recuperat: {problem}.").format(
                        name=path.name, problem=problem
                    )
                ],
                size,
            )
        # A journal SQLite left in place was not "hot" (its header never reached the disk): the file is
        # consistent without it, and SQLite ignores it the same way when the real file is opened.
        Path(str(copy) + "-journal").unlink(missing_ok=True)
        report = verify_file(copy, thorough=thorough)
    fields = {**report.__dict__, "path": path, "size": size}
    if report.ok:
        fields["interrupted"] = True
    return FileReport(**fields)


def _verify_open(path: Path, conn: sqlite3.Connection, size: int, thorough: bool) -> FileReport:
    name = path.name
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    tables = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if app_id != APPLICATION_ID:
        if not tables and app_id == 0:
            problem = _(
                "Fișierul „{name}” este o bază de date SQLite goală: nu conține date Bălți Monitor."
            ).format(name=name)
        else:
            problem = _("Fișierul „{name}” conține o bază de date a altui program.").format(name=name)
        return _failed(path, [problem], size)
    if version > migrations.SCHEMA_VERSION:
        return _failed(
            path,
            [
                _(
                    "Fișierul „{name}” a fost creat de o versiune mai nouă a programului (schema {version}, această versiune cunoaște schema {SCHEMA_VERSION}). Actualizați Bălți Monitor."
                ).format(name=name, version=version, SCHEMA_VERSION=migrations.SCHEMA_VERSION)
            ],
            size,
            version,
        )
    if version < 1:
        return _failed(
            path,
            [
                _("Fișierul „{name}” nu are o versiune de structură validă ({version}).").format(
                    name=name, version=version
                )
            ],
            size,
        )
    pragma = "integrity_check" if thorough else "quick_check"
    found = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}(20)").fetchall()]
    if found != ["ok"]:
        return _failed(
            path,
            [
                _("Fișierul „{name}” este deteriorat: {found}.").format(
                    name=name, found=describe_problems(found)
                )
            ],
            size,
            version,
        )
    structure = structure_problems(conn, version)
    if structure:
        return _failed(
            path,
            [
                _(
                    "Fișierul „{name}” nu are structura unei baze de date Bălți Monitor (versiunea {version}): {structure}."
                ).format(name=name, version=version, structure=schema_describe(structure))
            ],
            size,
            version,
        )
    problems: list[str] = []
    try:
        counts = table_counts(conn)
        contents = _contents(conn)
    except sqlite3.Error:
        if version == migrations.SCHEMA_VERSION:
            raise
        counts, contents = {}, {}  # an older layout: described after the upgrade (see restore_from)
    return FileReport(
        path=path,
        ok=not problems,
        problems=tuple(problems),
        schema_version=version,
        plans=contents.get("plans", ()),
        periods=contents.get("periods", ()),
        return_count=counts.get(TABLES["Return"], 0),
        value_count=counts.get(TABLES["Value"], 0),
        override_count=counts.get(TABLES["TotalOverride"], 0),
        subdivision_count=counts.get(TABLES["Subdivision"], 0),
        last_change=contents.get("last_change"),
        size=size,
        table_counts=counts,
    )


def current_report() -> FileReport:
    """The report of the open database (quick check), for the left side of the restore preview."""
    if is_postgresql():
        return _server_report()
    return verify_file(require_open(), thorough=False)


class _ServerRows:
    """``execute`` of the open server with the file's raw SQL (``?`` placeholders), for :func:`_contents`."""

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        return database.execute_sql(sql, params)  # type: ignore[no-untyped-call]


def _server_report() -> FileReport:
    """What the open server holds, in the file report's terms (the server checks itself on opening)."""
    from balti_monitor.db.connection import schema_version
    from balti_monitor.db.pg_driver import display_url

    rows = cast(sqlite3.Connection, _ServerRows())
    counts, contents = table_counts(rows), _contents(rows)
    stamp = contents.get("last_change")
    return FileReport(
        path=Path(display_url(str(database.database))),
        ok=True,
        problems=(),
        schema_version=schema_version(database),
        plans=contents.get("plans", ()),
        periods=contents.get("periods", ()),
        return_count=counts.get(TABLES["Return"], 0),
        value_count=counts.get(TABLES["Value"], 0),
        override_count=counts.get(TABLES["TotalOverride"], 0),
        subdivision_count=counts.get(TABLES["Subdivision"], 0),
        last_change=stamp.replace(tzinfo=None) if isinstance(stamp, dt.datetime) else None,
        table_counts=counts,
    )


def with_path(report: FileReport, path: Path) -> FileReport:
    """The same report for another path (a copy verified under a temporary name)."""
    return FileReport(**{**report.__dict__, "path": path})


# --------------------------------------------------------------------------------------------------------
# Restore preview


def compare(current: FileReport, candidate: FileReport) -> Comparison:
    """Side-by-side summary of the open data and a candidate file, with warnings about what would be lost."""

    def joined(items: tuple[str, ...]) -> str:
        return ", ".join(items) or "—"

    rows = (
        ComparisonRow(_("Fișier"), current.path.name, candidate.path.name),
        ComparisonRow(_("Planuri"), joined(current.plans), joined(candidate.plans)),
        ComparisonRow(_("Perioade"), joined(current.periods), joined(candidate.periods)),
        ComparisonRow(_("Subdiviziuni"), str(current.subdivision_count), str(candidate.subdivision_count)),
        ComparisonRow(
            _("Informații ale subdiviziunilor"), str(current.return_count), str(candidate.return_count)
        ),
        ComparisonRow(_("Valori ale indicatorilor"), str(current.value_count), str(candidate.value_count)),
        ComparisonRow(
            _("Totaluri introduse manual"), str(current.override_count), str(candidate.override_count)
        ),
        ComparisonRow(
            _("Ultima modificare"), format_time(current.last_change), format_time(candidate.last_change)
        ),
        ComparisonRow(_("Mărime"), format_size(current.size), format_size(candidate.size)),
    )
    warnings: list[str] = []
    if current.last_change and candidate.last_change and candidate.last_change < current.last_change:
        warnings.append(
            _(
                "Copia aleasă este mai veche: modificările făcute după {last_change} (ultima la {last_change2}) nu se află în ea."
            ).format(
                last_change=format_time(candidate.last_change, seconds=True),
                last_change2=format_time(current.last_change, seconds=True),
            )
        )
    lost = [p for p in current.periods if p not in candidate.periods]
    if lost:
        warnings.append(
            ngettext(
                "Perioada {lost}, care există acum, lipsește din copia aleasă.",
                "Perioadele {lost}, care există acum, lipsesc din copia aleasă.",
                min(len(lost), 2),  # a list: singular for one item only (not Russian's 21)
            ).format(lost=", ".join(lost))
        )
    if candidate.return_count < current.return_count:
        warnings.append(
            ngettext(
                "Copia aleasă are cu {value} informație a subdiviziunilor mai puțin decât datele deschise.",
                "Copia aleasă are cu {value} informații ale subdiviziunilor mai puțin decât datele deschise.",
                current.return_count - candidate.return_count,
            ).format(value=current.return_count - candidate.return_count)
        )
    if warnings:
        warnings.append(
            _(
                "Datele deschise acum nu se pierd definitiv: înainte de restaurare se face automat o copie a lor."
            )
        )
    return Comparison(rows=rows, warnings=tuple(warnings))
