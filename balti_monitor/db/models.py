"""peewee models: the plan, subdivisions, responsibilities, periods, returns, values, narratives, overrides.

``database`` is the one database every model uses: a SQLite file (:mod:`balti_monitor.db.connection` opens
it) or a PostgreSQL server (:mod:`balti_monitor.db.postgres`). It is an :class:`EngineDatabase`, peewee's
proxy that forwards to the engine opened last; typed as :class:`peewee.SqliteDatabase`, which the file is.
Decimals are stored as text so they survive exactly; JSON columns hold lists and extra plan columns (the
sibling plan formats of seeds 001-004 add columns by data, not by schema).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any, cast

import peewee as pw


class EngineDatabase(pw.DatabaseProxy):
    """The database of the models: the SQLite file, or a PostgreSQL server when :func:`use_engine` chose one.

    ``init(path)`` (what :mod:`balti_monitor.db.connection` calls) switches back to the SQLite file, so the
    file code stays as it was; every other attribute is the engine's own.
    """

    __slots__ = ("_Model", "_callbacks", "obj", "sqlite")

    def __init__(self) -> None:
        super().__init__()
        self.sqlite = pw.SqliteDatabase(None)
        self.initialize(self.sqlite)

    def init(self, database: str | None, **kwargs: Any) -> None:
        """Use the SQLite file ``database`` (closing a server connection first)."""
        if self.obj is not self.sqlite:
            if not self.obj.is_closed():
                self.obj.close()
            self.initialize(self.sqlite)
        self.sqlite.init(database, **kwargs)


_engine = EngineDatabase()
database = cast(pw.SqliteDatabase, _engine)


def use_engine(db: pw.Database) -> None:
    """Make ``db`` (a :class:`peewee.PostgresqlDatabase`) the database of every model; the previous one is
    closed."""
    current = _engine.obj
    if current is not db and not current.is_closed():
        current.close()
    _engine.initialize(db)


def is_postgresql() -> bool:
    """Whether the models work on a PostgreSQL server (else on a SQLite file)."""
    return isinstance(_engine.obj, pw.PostgresqlDatabase)


class JSONField(pw.TextField):
    """A JSON document stored as text (ensure_ascii off, so Romanian stays readable in the file)."""

    def db_value(self, value: Any) -> str | None:
        """Serialise."""
        return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)

    def python_value(self, value: Any) -> Any:
        """Deserialise."""
        return None if value is None else json.loads(value)


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class BaseModel(pw.Model):
    """Common base: all models live in the one database."""

    if TYPE_CHECKING:  # peewee adds these at run time; declared for the type checker
        id: Any

    class Meta:
        database = database
        legacy_table_names = False


class Plan(BaseModel):
    """An action plan (PLA 2023-2027 and, later, sibling plans)."""

    code = pw.CharField(unique=True)
    title = pw.TextField()
    short_title = pw.TextField(default="")
    approving_act = pw.TextField(default="")
    first_year = pw.IntegerField()
    last_year = pw.IntegerField()
    kind = pw.CharField(default="pla")  # selects the report template family
    extra = JSONField(default=dict)


class Priority(BaseModel):
    """A priority (roman number) of a plan."""

    if TYPE_CHECKING:
        plan_id: int

    plan = pw.ForeignKeyField(Plan, backref="priorities", on_delete="CASCADE")
    number = pw.CharField()
    title = pw.TextField()
    position = pw.IntegerField()
    title_placeholder = pw.BooleanField(default=False)

    class Meta:
        indexes = ((("plan", "number"), True),)


class Action(BaseModel):
    """An action (code like 1.13) with its header as the plan states it."""

    if TYPE_CHECKING:
        priority_id: int
        parent_id: int | None

    priority = pw.ForeignKeyField(Priority, backref="actions", on_delete="CASCADE")
    parent = pw.ForeignKeyField("self", null=True, backref="children", on_delete="CASCADE")
    code = pw.CharField()
    title = pw.TextField()
    title_placeholder = pw.BooleanField(default=False)
    deadline = pw.TextField(default="")
    frequency = pw.CharField(default="unknown")
    gender_perspective = pw.BooleanField(default=False)
    responsible_text = pw.TextField(default="")
    all_subdivisions = pw.BooleanField(default=False)
    other_responsible = JSONField(default=list)
    indicators_placeholder = pw.BooleanField(default=False)
    position = pw.IntegerField()
    extra = JSONField(default=dict)


class Indicator(BaseModel):
    """A numbered progress indicator of an action."""

    if TYPE_CHECKING:
        action_id: int

    action = pw.ForeignKeyField(Action, backref="indicators", on_delete="CASCADE")
    number = pw.IntegerField()
    text = pw.TextField()
    aggregation = pw.CharField(default="sum")
    gender_split = pw.BooleanField(default=False)
    placeholder = pw.BooleanField(default=False)

    class Meta:
        indexes = ((("action", "number"), True),)


class Subdivision(BaseModel):
    """A city-hall subdivision (direcție, secție, serviciu)."""

    code = pw.CharField(unique=True)
    name = pw.TextField()
    position = pw.IntegerField(default=0)
    active = pw.BooleanField(default=True)


class SubdivisionAlias(BaseModel):
    """Another spelling of a subdivision's name; ``key`` is the folded form used for matching."""

    if TYPE_CHECKING:
        subdivision_id: int

    subdivision = pw.ForeignKeyField(Subdivision, backref="aliases", on_delete="CASCADE")
    name = pw.TextField()
    key = pw.TextField(unique=True)


class Responsibility(BaseModel):
    """A subdivision answers for an action; ``indicators`` lists the indicator numbers it answers."""

    if TYPE_CHECKING:
        action_id: int
        subdivision_id: int

    action = pw.ForeignKeyField(Action, backref="responsibilities", on_delete="CASCADE")
    subdivision = pw.ForeignKeyField(Subdivision, backref="responsibilities", on_delete="CASCADE")
    position = pw.IntegerField(default=0)
    indicators = JSONField(default=list)

    class Meta:
        indexes = ((("action", "subdivision"), True),)


class Period(BaseModel):
    """A reporting period: a semester (1 or 2) of a year, or a whole year (semester 0)."""

    if TYPE_CHECKING:
        plan_id: int

    plan = pw.ForeignKeyField(Plan, backref="periods", on_delete="CASCADE")
    year = pw.IntegerField()
    semester = pw.IntegerField()

    class Meta:
        indexes = ((("plan", "year", "semester"), True),)


class Return(BaseModel):
    """One subdivision's return for one action and period."""

    if TYPE_CHECKING:
        action_id: int
        subdivision_id: int
        period_id: int

    action = pw.ForeignKeyField(Action, backref="returns", on_delete="CASCADE")
    subdivision = pw.ForeignKeyField(Subdivision, backref="returns", on_delete="CASCADE")
    period = pw.ForeignKeyField(Period, backref="returns", on_delete="CASCADE")
    description = pw.TextField(default="")
    received_date = pw.DateField(null=True)
    review_status = pw.CharField(default="received")
    status = pw.CharField(default="")  # one status per item, for status-per-item plans
    updated_at = pw.DateTimeField(default=_now)

    class Meta:
        indexes = ((("action", "subdivision", "period"), True),)


class Value(BaseModel):
    """The raw text reported for one indicator in a return, and the facts parsed from it."""

    if TYPE_CHECKING:
        return_id: int
        indicator_id: int

    ret = pw.ForeignKeyField(Return, backref="values", on_delete="CASCADE", column_name="return_id")
    indicator = pw.ForeignKeyField(Indicator, backref="values", on_delete="CASCADE")
    raw_text = pw.TextField(default="")
    state = pw.CharField(default="missing")
    quantity = pw.TextField(null=True)  # Decimal as text
    unit = pw.TextField(null=True)
    women = pw.IntegerField(null=True)
    men = pw.IntegerField(null=True)
    approximate = pw.BooleanField(default=False)
    status = pw.CharField(null=True)

    class Meta:
        indexes = ((("ret", "indicator"), True),)


class Narrative(BaseModel):
    """The free-text sections of a period's report."""

    if TYPE_CHECKING:
        period_id: int

    period = pw.ForeignKeyField(Period, backref="narrative", unique=True, on_delete="CASCADE")
    executive_summary = pw.TextField(default="")
    risks_intro = pw.TextField(default="")
    risks = JSONField(default=list)
    proposals_intro = pw.TextField(default="")
    proposals = JSONField(default=list)
    prepared_by_name = pw.TextField(default="")
    prepared_by_function = pw.TextField(default="")
    coordinated_by_name = pw.TextField(default="")
    coordinated_by_function = pw.TextField(default="")
    extra_signatures = JSONField(default=list)  # further signature lines: [{"name": …, "function": …}]


class TotalOverride(BaseModel):
    """A Total cell typed instead of the computed one; ``indicator`` NULL means the counts cell."""

    if TYPE_CHECKING:
        action_id: int
        period_id: int
        indicator_id: int | None

    action = pw.ForeignKeyField(Action, backref="overrides", on_delete="CASCADE")
    period = pw.ForeignKeyField(Period, backref="overrides", on_delete="CASCADE")
    indicator = pw.ForeignKeyField(Indicator, null=True, backref="overrides", on_delete="CASCADE")
    raw_text = pw.TextField()
    reason = pw.TextField()
    author = pw.TextField(default="")
    created_at = pw.DateTimeField(default=_now)

    class Meta:
        indexes = ((("action", "period", "indicator"), True),)


class ReferenceTotal(BaseModel):
    """What a source report (the original S1-2023 report, a past report) wrote in a Total cell, kept as a
    *reference*: compared by the checks and shown on hover, never used as data and never exported.
    ``indicator`` NULL means the counts cell; ``source`` names the document it was read from."""

    if TYPE_CHECKING:
        action_id: int
        period_id: int
        indicator_id: int | None

    action = pw.ForeignKeyField(Action, backref="references", on_delete="CASCADE")
    period = pw.ForeignKeyField(Period, backref="references", on_delete="CASCADE")
    indicator = pw.ForeignKeyField(Indicator, null=True, backref="references", on_delete="CASCADE")
    raw_text = pw.TextField()
    source = pw.TextField(default="")
    created_at = pw.DateTimeField(default=_now)

    class Meta:
        indexes = ((("action", "period", "indicator"), True),)


class FormStatus(BaseModel):
    """Where one subdivision's return form of a period stands (generated, sent, received, imported,
    needs correction), with the time each step last happened."""

    if TYPE_CHECKING:
        period_id: int
        subdivision_id: int

    period = pw.ForeignKeyField(Period, backref="form_statuses", on_delete="CASCADE")
    subdivision = pw.ForeignKeyField(Subdivision, backref="form_statuses", on_delete="CASCADE")
    status = pw.CharField(default="generated")  # generated / sent / received / imported / needs_correction
    form_id = pw.CharField(default="")  # identifier written into the latest generated workbook
    file_name = pw.TextField(default="")  # name of the latest generated (or imported) workbook
    generated_at = pw.DateTimeField(null=True)
    sent_at = pw.DateTimeField(null=True)
    received_at = pw.DateTimeField(null=True)
    imported_at = pw.DateTimeField(null=True)
    correction_at = pw.DateTimeField(null=True)
    note = pw.TextField(default="")
    updated_at = pw.DateTimeField(default=_now)

    class Meta:
        indexes = ((("period", "subdivision"), True),)


class PeriodResponsibility(BaseModel):
    """Who answers for an action in one period, and for which indicators.

    Responsibilities are valid *from a period on*: a change made while working on a period is written to
    that period and every later one (and to :class:`Responsibility`, the matrix new periods start from);
    earlier periods keep theirs, so their counts and totals do not move.
    """

    if TYPE_CHECKING:
        period_id: int
        action_id: int
        subdivision_id: int

    period = pw.ForeignKeyField(Period, backref="responsibilities", on_delete="CASCADE")
    action = pw.ForeignKeyField(Action, backref="period_responsibilities", on_delete="CASCADE")
    subdivision = pw.ForeignKeyField(Subdivision, backref="period_responsibilities", on_delete="CASCADE")
    position = pw.IntegerField(default=0)
    indicators = JSONField(default=list)

    class Meta:
        indexes = ((("period", "action", "subdivision"), True),)


class FindingAcknowledgement(BaseModel):
    """A check finding the specialist acknowledged, with a note.

    ``key`` names the finding (kind, action, indicator, subdivision); ``fingerprint`` is a digest of the data
    the finding was computed from: when that data changes the acknowledgement no longer applies and the
    finding counts as unresolved again.
    """

    if TYPE_CHECKING:
        period_id: int

    period = pw.ForeignKeyField(Period, backref="acknowledgements", on_delete="CASCADE")
    key = pw.TextField()
    fingerprint = pw.TextField()
    note = pw.TextField()
    author = pw.TextField(default="")
    created_at = pw.DateTimeField(default=_now)

    class Meta:
        indexes = ((("period", "key"), True),)


class IndicatorAnnualRule(BaseModel):
    """How an indicator's annual value follows from its two semesters, when the specialist chose it.

    Without a row the rule is inferred from the indicator's text and Total rule
    (:func:`balti_monitor.domain.annual.infer_annual_rule`).
    """

    if TYPE_CHECKING:
        indicator_id: int

    indicator = pw.ForeignKeyField(Indicator, backref="annual_rules", unique=True, on_delete="CASCADE")
    rule = pw.CharField()  # sum / last / max / mean / manual


class ActionTerm(BaseModel):
    """When an action falls due, set by hand where its term text (``Action.deadline``, never changed)
    cannot be read by :func:`balti_monitor.domain.terms.parse_term`."""

    if TYPE_CHECKING:
        action_id: int

    action = pw.ForeignKeyField(Action, backref="terms", unique=True, on_delete="CASCADE")
    kind = pw.CharField()  # permanent / annual / semester / deadline / as_needed
    due_date = pw.TextField(default="")  # ISO date for a deadline, else ""
    note = pw.TextField(default="")


class ChangeLog(BaseModel):
    """One recorded change (the audit trail), written by the triggers of :mod:`balti_monitor.db.audit` in the
    transaction of the change. Places are named by codes (period "2024-S1", action, subdivision), not ids, so
    a record survives the deletion of what it names and a JSON export/import (which writes the plan's code
    for ``plan_id``). Never updated."""

    at = pw.IntegerField()  # Unix seconds (UTC)
    who = pw.TextField(default="")
    source = pw.TextField(default="")  # typed / paste / form / json / undo / redo / restore / sign / unsign
    kind = pw.TextField()  # value / description / review / override / responsibility / narrative / plan / …
    plan_id = pw.IntegerField(null=True)  # no foreign key: a record outlives its plan
    period = pw.TextField(default="")
    action = pw.TextField(default="")
    subdivision = pw.TextField(default="")
    column_no = pw.IntegerField(null=True)  # indicator number; 0 the description; NULL none
    field = pw.TextField(default="")
    old_text = pw.TextField(default="")
    new_text = pw.TextField(default="")
    note = pw.TextField(default="")

    class Meta:
        table_name = "change_log"
        indexes = ((("period", "action"), False),)


class AuditContext(BaseModel):
    """One row: who writes and from where (``source``), read by the audit triggers; ``mode`` 1 while a JSON
    import replaces the data (the import records its own differences and checks signed periods itself)."""

    source = pw.TextField(default="")
    who = pw.TextField(default="")
    mode = pw.IntegerField(default=0)

    class Meta:
        table_name = "audit_context"


class PeriodSignature(BaseModel):
    """A signed period: the SHA-256 of the signed report, who signed and when. While it exists the
    period's data cannot change (the lock triggers of :mod:`balti_monitor.db.audit`)."""

    if TYPE_CHECKING:
        period_id: int

    period = pw.ForeignKeyField(Period, backref="signature", unique=True, on_delete="CASCADE")
    sha256 = pw.TextField()
    signed_by = pw.TextField(default="")
    signed_at = pw.TextField(default="")  # local time, ISO
    file_name = pw.TextField(default="")


class CellComment(BaseModel):
    """A comment on a value (``column`` ≥ 1), a return (``column`` 0) or a Total cell (``subdivision_id`` 0),
    optionally a follow-up to ask back ("de clarificat: 7 sau 8 acte?"), open until resolved."""

    if TYPE_CHECKING:
        period_id: int
        action_id: int

    period = pw.ForeignKeyField(Period, backref="comments", on_delete="CASCADE")
    action = pw.ForeignKeyField(Action, backref="comments", on_delete="CASCADE")
    subdivision_id = pw.IntegerField()  # 0: the Total row (no foreign key for it)
    column_no = pw.IntegerField()
    text = pw.TextField()
    follow_up = pw.BooleanField(default=True)
    resolved = pw.BooleanField(default=False)
    author = pw.TextField(default="")
    created_at = pw.DateTimeField(default=_now)
    resolved_at = pw.DateTimeField(null=True)
    reply = pw.TextField(default="")  # the subdivision's answer, come back with its return form
    replied_at = pw.DateTimeField(null=True)

    class Meta:
        table_name = "cell_comment"


ALL_MODELS: list[type[BaseModel]] = [
    Plan,
    Priority,
    Action,
    Indicator,
    Subdivision,
    SubdivisionAlias,
    Responsibility,
    Period,
    Return,
    Value,
    Narrative,
    TotalOverride,
    FormStatus,
    PeriodResponsibility,
    FindingAcknowledgement,
    ReferenceTotal,
    IndicatorAnnualRule,
    ActionTerm,
    ChangeLog,
    AuditContext,
    PeriodSignature,
    CellComment,
]
