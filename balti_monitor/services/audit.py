"""The audit trail: who changed what, when, from where — recorded by SQLite triggers, read here.

The triggers (:mod:`balti_monitor.db.audit`) write one :class:`~balti_monitor.db.models.ChangeLog` row per
changed text in the transaction of the change, whatever the path. What they cannot know — who writes and
from where — is the one row of ``audit_context``, which :func:`recording` sets inside the same transaction
before the write and clears after it. A write made without :func:`recording` (a script, another tool) is
still recorded, with an empty source ("necunoscută") and no name.

Nothing here edits or deletes a record: the log is append-only from the application.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import sqlite3
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import peewee as pw

from balti_monitor.db.audit import NARRATIVE_FIELDS, SIGNED_MARK
from balti_monitor.db.models import (
    Action,
    ChangeLog,
    Period,
    PeriodSignature,
    Plan,
    Subdivision,
    database,
    is_postgresql,
)
from balti_monitor.i18n import N_, _
from balti_monitor.services.changes import ChangeSet, Write
from balti_monitor.services.errors import ServiceError

#: source code -> Romanian label
SOURCES: dict[str, str] = {
    "typed": N_("tastare"),
    "paste": N_("lipire"),
    "form": N_("import formular"),
    "json": N_("import JSON"),
    "undo": N_("anulare"),
    "redo": N_("refacere"),
    "restore": N_("restaurare"),
    "sign": N_("semnare"),
    "unsign": N_("retragerea semnăturii"),
    "demo": N_("date demonstrative"),
    "example": N_("plan exemplu"),
    "": N_("necunoscută"),
}

#: kind code -> Romanian label
KINDS: dict[str, str] = {
    "value": N_("valoare"),
    "description": N_("descriere"),
    "review": N_("stare de verificare"),
    "status": N_("status al realizării"),
    "override": N_("Total introdus manual"),
    "responsibility": N_("responsabilitate"),
    "narrative": N_("text narativ"),
    "plan": N_("text al planului"),
    "sign": N_("semnare"),
    "unsign": N_("retragerea semnăturii"),
}

#: narrative field / plan text -> Romanian label
FIELD_LABELS: dict[str, str] = {
    "executive_summary": N_("rezumat"),
    "risks_intro": N_("introducerea riscurilor"),
    "risks": N_("riscuri"),
    "proposals_intro": N_("introducerea propunerilor"),
    "proposals": N_("propuneri"),
    "prepared_by_name": N_("întocmit de (nume)"),
    "prepared_by_function": N_("întocmit de (funcția)"),
    "coordinated_by_name": N_("coordonat de (nume)"),
    "coordinated_by_function": N_("coordonat de (funcția)"),
    "extra_signatures": N_("alte semnături"),
    "title": N_("titlul acțiunii"),
    "indicator": N_("textul indicatorului"),
    "structure": N_("structura planului"),
}

REVIEW_LABELS = {"received": N_("primit"), "needs_correction": N_("de corectat"), "accepted": N_("acceptat")}

_user_name = ""


def set_user_name(name: str) -> None:
    """The name set in the settings (empty: the operating system's user name is used)."""
    global _user_name
    _user_name = " ".join(name.split())


def current_user() -> str:
    """Who is writing: the name from the settings, else the operating system's user."""
    if _user_name:
        return _user_name
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


def _execute(sql: str, params: tuple[Any, ...] = ()) -> Any:
    return database.execute_sql(sql, params)  # type: ignore[no-untyped-call]


def _set_context(source: str, who: str, mode: int = 0) -> None:
    _execute(
        "INSERT INTO audit_context (id, source, who, mode) VALUES (1, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET source = excluded.source, who = excluded.who, mode = excluded.mode",
        (source, who, mode),
    )


@contextlib.contextmanager
def recording(source: str, *, mode: int = 0) -> Iterator[None]:
    """One transaction whose changes are recorded as made by :func:`current_user` from ``source``.

    ``mode`` 1 suspends the triggers (the JSON import, which records its own differences).
    """
    with database.atomic():
        _set_context(source, current_user(), mode)
        yield
        _set_context("", "", 0)


def signed_refusal(period_id: int | None = None) -> ServiceError:
    """The Romanian refusal of a write to a signed period (the given one, or any signed one)."""
    query = PeriodSignature.select(PeriodSignature, Period).join(Period)
    sig = query.where(PeriodSignature.period == period_id).first() if period_id is not None else None
    if sig is None:  # the write reached another, signed period (responsibilities from a period on)
        sig = query.order_by(Period.year, Period.semester).first()
    if sig is None:
        return ServiceError(_("Perioada este semnată și nu mai poate fi modificată."))
    period = sig.period
    if period.span_end:
        code = f"{period.year}-{period.span_end}"
    else:
        code = f"{period.year}-S{period.semester}" if period.semester else f"{period.year}-A"
    who = sig.signed_by or _("un utilizator necunoscut")
    return ServiceError(
        _(
            "Perioada {code} este semnată de {who} ({value}) și nu mai poate fi modificată. Pentru o corectare, retrageți întâi semnătura (cu motivul), apoi semnați noul raport."
        ).format(code=code, who=who, value=sig.signed_at.replace("T", " "))
    )


def signed_period_of(error: BaseException) -> bool:
    """Whether ``error`` (or what it wraps) is the lock triggers' refusal."""
    seen: list[BaseException] = []
    pending: list[BaseException] = [error]
    while pending and len(seen) < 20:
        current = pending.pop()
        seen.append(current)
        if isinstance(current, sqlite3.Error | pw.DatabaseError) and SIGNED_MARK in str(current):
            return True
        for linked in (current.__cause__, current.__context__):
            if linked is not None and all(linked is not s for s in seen):
                pending.append(linked)
    return False


def apply_recorded(write: Write, source: str) -> ChangeSet:
    """Apply ``write`` recorded as coming from ``source``; a write to a signed period's data is refused
    (by the lock triggers) with a message naming who signed; nothing changed. Writes that are not the
    period's data (comments, form states, acknowledgements) stay allowed."""
    period_id = write.show_first

    def attempt() -> ChangeSet:
        with recording(source):
            return write.apply()

    try:
        if is_postgresql():
            from balti_monitor.db.pg_driver import retrying  # the server's code, only on a server

            return retrying(attempt)  # run again after a serialisation failure (all or nothing)
        return attempt()
    except (sqlite3.Error, pw.DatabaseError) as exc:
        if signed_period_of(exc):
            raise signed_refusal(period_id) from exc
        raise


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One recorded change, as the views and the exports show it."""

    id: int
    at: dt.datetime  # local time
    who: str
    source: str
    kind: str
    plan: str
    period: str
    action: str
    subdivision: str
    column: int | None
    field: str
    old_text: str
    new_text: str
    note: str

    @property
    def source_label(self) -> str:
        """Romanian name of the source."""
        return _(SOURCES[self.source]) if self.source in SOURCES else self.source

    @property
    def kind_label(self) -> str:
        """Romanian name of what changed."""
        return _(KINDS[self.kind]) if self.kind in KINDS else self.kind

    @property
    def place(self) -> str:
        """Where, in words: "1.13 / DRU / indicatorul 2"."""
        parts = [p for p in (self.action, self.subdivision) if p]
        if self.kind in ("value", "override", "plan") and self.column:
            parts.append(_("indicatorul {column}").format(column=self.column))
        elif self.kind == "override" and self.column is None:
            parts.append(_("numărul de subdiviziuni"))
        if self.field:
            parts.append(self.field_label)
        return " / ".join(parts)

    @property
    def field_label(self) -> str:
        """Romanian name of the narrative field or plan text ("" for cells)."""
        return _(FIELD_LABELS[self.field]) if self.field in FIELD_LABELS else self.field

    def shown(self, text: str) -> str:
        """A recorded text as shown (review states in Romanian)."""
        return _(REVIEW_LABELS[text]) if self.kind == "review" and text in REVIEW_LABELS else text


def _plan_codes() -> dict[int, str]:
    return {plan.id: plan.code for plan in Plan.select(Plan.id, Plan.code)}


def _entry(row: ChangeLog, codes: dict[int, str]) -> LogEntry:
    return LogEntry(
        id=row.id,
        at=dt.datetime.fromtimestamp(row.at),
        who=row.who,
        source=row.source,
        kind=row.kind,
        plan=codes.get(row.plan_id, "") if row.plan_id is not None else "",
        period=row.period,
        action=row.action,
        subdivision=row.subdivision,
        column=row.column_no,
        field=row.field,
        old_text=row.old_text,
        new_text=row.new_text,
        note=row.note,
    )


def period_log(
    period_code: str,
    *,
    plan_code: str | None = None,
    action: str | None = None,
    subdivision: str | None = None,
    column: int | None = None,
    include_plan_texts: bool = True,
) -> list[LogEntry]:
    """The changes of one period (oldest first), optionally of one action / subdivision / column.

    Changes of the plan's texts (no period) are included unless ``include_plan_texts`` is off or a cell is
    asked for.
    """
    where = ChangeLog.period == period_code
    if include_plan_texts and action is None:
        where = where | (ChangeLog.period == "")
    query = ChangeLog.select().where(where)
    codes = _plan_codes()
    if plan_code is not None:
        plan_id = next((pid for pid, code in codes.items() if code == plan_code), None)
        query = query.where(ChangeLog.plan_id.is_null() | (ChangeLog.plan_id == plan_id))
    if action is not None:
        query = query.where(ChangeLog.action == action)
    if subdivision is not None:
        query = query.where(ChangeLog.subdivision == subdivision)
    if column is not None:
        query = query.where(ChangeLog.column_no == column)
    return [_entry(row, codes) for row in query.order_by(ChangeLog.id)]


def log_count() -> int:
    """How many changes the file records."""
    return int(ChangeLog.select().count())


def record(
    kind: str, source: str, *, plan: str, period: str, old: str = "", new: str = "", note: str = ""
) -> None:
    """Add a record the triggers cannot write (signing, unlocking), in the caller's transaction."""
    ChangeLog.create(
        at=int(dt.datetime.now(dt.UTC).timestamp()),
        who=current_user(),
        source=source,
        kind=kind,
        plan_id=plan,
        period=period,
        old_text=old,
        new_text=new,
        note=note,
    )


# --- JSON interchange ---------------------------------------------------------------------------------

_PORTABLE = (
    "at",
    "who",
    "source",
    "kind",
    "plan",
    "period",
    "action",
    "subdivision",
    "column_no",
    "field",
    "old_text",
    "new_text",
    "note",
)


def export_log() -> list[dict[str, Any]]:
    """The whole log as plain dicts (oldest first), for the JSON export."""
    columns = ", ".join('"plan_id"' if name == "plan" else f'"{name}"' for name in _PORTABLE)
    rows = _execute(f"SELECT {columns} FROM change_log ORDER BY id").fetchall()
    codes = _plan_codes()
    found = []
    for row in rows:
        entry = dict(zip(_PORTABLE, row, strict=True))
        entry["plan"] = codes.get(entry["plan"], "") if entry["plan"] is not None else ""
        found.append(entry)
    return found


def import_log(entries: list[dict[str, Any]]) -> int:
    """Add the records of a JSON document that the file does not hold yet (same time, place and texts;
    identical records count: two in the document and one in the file add one); returns how many were
    added. In the caller's transaction."""
    held = Counter(tuple(entry.values()) for entry in export_log())
    fresh = []
    for entry in entries:
        row = {name: entry.get(name, None if name == "column_no" else "") for name in _PORTABLE}
        row["at"] = int(row["at"] or 0)
        key = tuple(row.values())
        if held[key] > 0:
            held[key] -= 1
            continue
        fresh.append(row)
    ids = {code: pid for pid, code in _plan_codes().items()}
    for row in fresh:
        row["plan_id"] = ids.get(str(row.pop("plan")))
    for start in range(0, len(fresh), 500):
        ChangeLog.insert_many(fresh[start : start + 500]).execute()
    return len(fresh)


# --- what a whole-file import changed -------------------------------------------------------------------

#: (kind, plan, period, action, subdivision, column, field) -> text
CellKey = tuple[str, str, str, str, str, int | None, str]

_PERIOD_CODE = (
    "p.year || CASE WHEN p.span_end > 0 THEN '-' || p.span_end WHEN p.semester = 0 THEN '-A' "
    "ELSE '-S' || p.semester END"
)
_TEXT_QUERIES = (
    (
        f"SELECT 'value', pl.code, {_PERIOD_CODE}, a.code, coalesce(s.code, ''), i.number, '', v.raw_text "
        'FROM value v JOIN "return" r ON r.id = v.return_id JOIN period p ON p.id = r.period_id '
        "JOIN plan pl ON pl.id = p.plan_id JOIN action a ON a.id = r.action_id "
        "LEFT JOIN subdivision s ON s.id = r.subdivision_id JOIN indicator i ON i.id = v.indicator_id"
    ),
    (
        f"SELECT 'description', pl.code, {_PERIOD_CODE}, a.code, coalesce(s.code, ''), 0, '', r.description "
        'FROM "return" r JOIN period p ON p.id = r.period_id JOIN plan pl ON pl.id = p.plan_id '
        "JOIN action a ON a.id = r.action_id LEFT JOIN subdivision s ON s.id = r.subdivision_id"
    ),
    (  # the status of a plan reported per item (kinds with a status vocabulary)
        f"SELECT 'status', pl.code, {_PERIOD_CODE}, a.code, coalesce(s.code, ''), 0, '', r.status "
        'FROM "return" r JOIN period p ON p.id = r.period_id JOIN plan pl ON pl.id = p.plan_id '
        "JOIN action a ON a.id = r.action_id LEFT JOIN subdivision s ON s.id = r.subdivision_id "
        "WHERE r.status <> ''"
    ),
    (
        f"SELECT 'override', pl.code, {_PERIOD_CODE}, a.code, '', i.number, '', o.raw_text "
        "FROM total_override o JOIN period p ON p.id = o.period_id JOIN plan pl ON pl.id = p.plan_id "
        "JOIN action a ON a.id = o.action_id LEFT JOIN indicator i ON i.id = o.indicator_id"
    ),
    (
        f"SELECT 'responsibility', pl.code, {_PERIOD_CODE}, a.code, s.code, NULL, '', r.indicators "
        "FROM period_responsibility r JOIN period p ON p.id = r.period_id JOIN plan pl ON pl.id = p.plan_id "
        "JOIN action a ON a.id = r.action_id JOIN subdivision s ON s.id = r.subdivision_id"
    ),
)


def cell_texts() -> dict[CellKey, str]:
    """Every recorded text of the file by place: values, descriptions, typed totals, responsibilities and
    the narrative (a few bulk queries; used to record what a whole-file import changed)."""
    found: dict[CellKey, str] = {}
    for sql in _TEXT_QUERIES:
        for kind, plan, period, action, sub, column, field, text in _execute(sql).fetchall():
            found[(kind, plan, period, action, sub, column, field)] = text
    names = ", ".join(f"n.{name}" for name in NARRATIVE_FIELDS)
    rows = _execute(
        f"SELECT pl.code, {_PERIOD_CODE}, {names} FROM narrative n JOIN period p ON p.id = n.period_id "
        "JOIN plan pl ON pl.id = p.plan_id"
    ).fetchall()
    for plan, period, *texts in rows:
        for name, text in zip(NARRATIVE_FIELDS, texts, strict=True):
            if text not in ("", "[]"):
                found[("narrative", plan, period, "", "", None, name)] = text
    return found


def record_differences(before: dict[CellKey, str], after: dict[CellKey, str], source: str) -> int:
    """Record every text that differs between two :func:`cell_texts` (in the caller's transaction)."""
    now = int(dt.datetime.now(dt.UTC).timestamp())
    who = current_user()
    ids = {code: pid for pid, code in _plan_codes().items()}
    rows = []
    for key in sorted(before.keys() | after.keys(), key=repr):
        old, new = before.get(key, ""), after.get(key, "")
        if old != new:
            kind, plan, period, action, sub, column, field = key
            rows.append(
                {
                    "at": now,
                    "who": who,
                    "source": source,
                    "kind": kind,
                    "plan_id": ids.get(plan),
                    "period": period,
                    "action": action,
                    "subdivision": sub,
                    "column_no": column,
                    "field": field,
                    "old_text": old,
                    "new_text": new,
                    "note": "",
                }
            )
    for start in range(0, len(rows), 500):
        ChangeLog.insert_many(rows[start : start + 500]).execute()
    return len(rows)


def period_code_of(period_id: int) -> tuple[str, str]:
    """(plan code, period code) of a stored period, as the log names it."""
    period = Period.get_by_id(period_id)
    plan = period.plan
    if period.span_end:
        return plan.code, f"{period.year}-{period.span_end}"
    return plan.code, (f"{period.year}-S{period.semester}" if period.semester else f"{period.year}-A")


def period_changes(period_id: int) -> list[LogEntry]:
    """The changes of a stored period (and of the plan's texts), oldest first."""
    plan_code, code = period_code_of(period_id)
    return period_log(code, plan_code=plan_code)


def cell_history(period_id: int, action_id: int, subdivision_id: int, column: int) -> list[LogEntry]:
    """The changes of one cell, oldest first: a value (``column`` ≥ 1), a description (0) of a subdivision,
    or a Total cell (``subdivision_id`` 0: typed totals)."""
    plan_code, code = period_code_of(period_id)
    action = Action.get_by_id(action_id)
    if subdivision_id == 0:
        entries = period_log(code, plan_code=plan_code, action=action.code, subdivision="")
        return [e for e in entries if e.kind == "override" and (e.column or 0) == column]
    sub = Subdivision.get_by_id(subdivision_id)
    entries = period_log(code, plan_code=plan_code, action=action.code, subdivision=sub.code, column=column)
    return [e for e in entries if e.kind in ("value", "description")]
