"""Reporting periods: "2023-S1" codes, the next period, creating periods and deleting an empty one."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Protocol

from balti_monitor.db.models import Narrative, Period, Plan, Return, TotalOverride, database
from balti_monitor.i18n import _
from balti_monitor.services.applicability import materialize
from balti_monitor.services.changes import ChangeSet, Focus
from balti_monitor.services.errors import ServiceError

_CODE = re.compile(r"^\s*(\d{4})\s*-\s*(S[12]|A|AN)\s*$", re.IGNORECASE)
_YEAR = re.compile(r"^\s*(\d{4})\s*$")
_SPAN = re.compile(r"^\s*(\d{4})\s*[-–—]\s*(\d{4})\s*$")
_ROMAN = {1: "I", 2: "II"}


@dataclass(frozen=True, slots=True)
class PeriodKey:
    """Year and semester (0 = the whole year); ``span_end`` the last year of a span of years ("2017-2019":
    year 2017, semester 0, span_end 2019), 0 otherwise."""

    year: int
    semester: int
    span_end: int = 0

    @property
    def is_span(self) -> bool:
        """Whether the period spans several years."""
        return self.span_end > 0

    @property
    def code(self) -> str:
        """ "2023-S1", "2023-A" for a year, "2017-2019" for a span."""
        if self.span_end:
            return f"{self.year}-{self.span_end}"
        return f"{self.year}-S{self.semester}" if self.semester else f"{self.year}-A"

    @property
    def label(self) -> str:
        """ "semestrul I al anului 2023" as the report writes it."""
        if self.span_end:
            return f"anii {self.year}-{self.span_end}"
        if self.semester:
            return f"semestrul {_ROMAN[self.semester]} al anului {self.year}"
        return f"anul {self.year}"

    @property
    def shown(self) -> str:
        """The period as the interface names it, in the interface's language ("semestrul I al anului 2023",
        "I полугодие 2023 года"); :attr:`label` stays the report's Romanian words."""
        if self.span_end:
            return _("anii {first}-{last}").format(first=self.year, last=self.span_end)
        if self.semester:
            return _("semestrul {number} al anului {year}").format(
                number=_ROMAN[self.semester], year=self.year
            )
        return _("anul {year}").format(year=self.year)

    def next(self) -> PeriodKey:
        """The following semester (or year, or span of the same length)."""
        if self.span_end:
            length = self.span_end - self.year + 1
            return PeriodKey(self.span_end + 1, 0, self.span_end + length)
        if self.semester == 1:
            return PeriodKey(self.year, 2)
        if self.semester == 2:
            return PeriodKey(self.year + 1, 1)
        return PeriodKey(self.year + 1, 0)


class PeriodRef(Protocol):
    """A period as services read it: a stored row or a :class:`PeriodInfo`."""

    @property
    def id(self) -> int:
        """The period's id."""
        ...

    @property
    def plan_id(self) -> int:
        """The id of the period's plan."""
        ...

    @property
    def year(self) -> int:
        """The year."""
        ...

    @property
    def semester(self) -> int:
        """1, 2, or 0 for the whole year."""
        ...


def period_id_of(period: PeriodRef | int) -> int:
    """The id of a period given as a stored row, a :class:`PeriodInfo` or an id."""
    return period if isinstance(period, int) else period.id


@dataclass(frozen=True, slots=True)
class PeriodInfo:
    """A stored period as the GUI holds it (a plain copy: no database object leaves the services)."""

    id: int
    plan_id: int
    year: int
    semester: int
    span_end: int = 0

    @property
    def key(self) -> PeriodKey:
        """Year and semester (and the last year of a span)."""
        return PeriodKey(self.year, self.semester, self.span_end)


@dataclass(frozen=True, slots=True)
class PlanInfo:
    """A stored plan as the GUI holds it."""

    id: int
    code: str
    title: str
    short_title: str
    first_year: int
    last_year: int
    kind: str = "pla"


def parse_period_code(code: str) -> PeriodKey:
    """Parse "2023-S1", "2023-s2", "2023-A" (or "2023") or a span of years "2017-2019"; a clear Romanian
    error otherwise."""
    span = _SPAN.match(code)
    if span:
        first, last = int(span.group(1)), int(span.group(2))
        if last <= first:
            raise ServiceError(
                _("Perioada „{code}”: ultimul an trebuie să fie după primul (de exemplu 2017-2019).").format(
                    code=code
                )
            )
        return PeriodKey(first, 0, last)
    year_only = _YEAR.match(code)
    if year_only:
        return PeriodKey(int(year_only.group(1)), 0)
    match = _CODE.match(code)
    if not match:
        raise ServiceError(
            _(
                "Perioadă necunoscută „{code}”: scrieți de forma 2023-S1, 2023-S2, 2023-A (anual) sau 2017-2019 "
                "(mai mulți ani)."
            ).format(code=code)
        )
    year = int(match.group(1))
    kind = match.group(2).upper()
    return PeriodKey(year, 0 if kind.startswith("A") else int(kind[1]))


def key_of(period: PeriodRef) -> PeriodKey:
    """The key of a stored period."""
    return PeriodKey(period.year, period.semester, getattr(period, "span_end", 0))


def find_period(plan: Plan, key: PeriodKey) -> Period:
    """The stored period, or a Romanian error naming the ones that exist."""
    period = Period.get_or_none(
        (Period.plan == plan)
        & (Period.year == key.year)
        & (Period.semester == key.semester)
        & (Period.span_end == key.span_end)
    )
    if period is None:
        known = ", ".join(key_of(p).code for p in list_periods(plan)) or "niciuna"
        raise ServiceError(
            _("Perioada {code} nu există în acest fișier (există: {known}).").format(
                code=key.code, known=known
            )
        )
    return period


def list_periods(plan: Plan) -> list[Period]:
    """Periods of a plan, oldest first."""
    return list(Period.select().where(Period.plan == plan).order_by(Period.year, Period.semester))


def create_period(plan: Plan, key: PeriodKey, *, period_id: int | None = None) -> tuple[Period, ChangeSet]:
    """Create a period inside the plan's years; refuses duplicates and years outside the plan.

    ``period_id`` re-creates a period deleted by an undo under its former id.
    """
    if not plan.first_year <= key.year <= plan.last_year:
        raise ServiceError(
            _("Anul {year} este în afara planului ({first_year}-{last_year}).").format(
                year=key.year, first_year=plan.first_year, last_year=plan.last_year
            )
        )
    if key.span_end and (key.semester or not key.year < key.span_end <= plan.last_year):
        raise ServiceError(
            _("Perioada {code} este în afara planului ({first_year}-{last_year}).").format(
                code=key.code, first_year=plan.first_year, last_year=plan.last_year
            )
        )
    existing = Period.get_or_none(
        (Period.plan == plan)
        & (Period.year == key.year)
        & (Period.semester == key.semester)
        & (Period.span_end == key.span_end)
    )
    if existing is not None:
        raise ServiceError(_("Perioada {code} există deja.").format(code=key.code))
    ids = {} if period_id is None else {"id": period_id}
    with database.atomic():
        period = Period.create(plan=plan, year=key.year, semester=key.semester, span_end=key.span_end, **ids)
        materialize(period)  # the period starts from the responsibilities in force before it
        carried = carry_narrative(period)
    return period, ChangeSet(periods=True, narrative=carried)


#: What a new period takes over from the previous period's narrative: the signatories and the fixed intro
#: sentences (never the summary, the risks or the proposals, which are the period's own).
CARRIED_NARRATIVE_FIELDS = (
    "risks_intro",
    "proposals_intro",
    "prepared_by_name",
    "prepared_by_function",
    "coordinated_by_name",
    "coordinated_by_function",
    "extra_signatures",
)


def _order(year: int, semester: int) -> int:
    """Chronological order of periods: S1, S2, then the year (written after its second semester)."""
    return year * 3 + (semester or 3)


def previous_narrative(period: Period) -> Narrative | None:
    """The narrative of the latest earlier period of the same plan that has one."""
    here = _order(period.year, period.semester)
    candidates = [
        n
        for n in Narrative.select(Narrative, Period).join(Period).where(Period.plan == period.plan_id)
        if _order(n.period.year, n.period.semester) < here
    ]
    candidates.sort(key=lambda n: _order(n.period.year, n.period.semester))
    return candidates[-1] if candidates else None


def carry_narrative(period: Period) -> bool:
    """Start a new period's narrative with the previous one's signatories and intro sentences."""
    source = previous_narrative(period)
    if source is None or Narrative.select().where(Narrative.period == period.id).exists():
        return False
    values = {name: getattr(source, name) for name in CARRIED_NARRATIVE_FIELDS}
    if not any(values.values()):
        return False
    Narrative.create(period=period.id, **values)
    return True


def _only_carried_narrative(period_id: int) -> bool:
    """The period's narrative holds nothing but what :func:`carry_narrative` copied into it."""
    row = Narrative.get_or_none(Narrative.period == period_id)
    if row is None:
        return True
    if row.executive_summary or row.risks or row.proposals:
        return False
    source = previous_narrative(row.period)
    if source is None:
        return False
    return all(getattr(row, name) == getattr(source, name) for name in CARRIED_NARRATIVE_FIELDS)


def next_period_key(first_year: int, periods: Iterable[PeriodRef]) -> PeriodKey:
    """The period "Perioadă nouă" creates: the semester after the latest semester of ``periods`` (annual
    periods do not count), or the first semester of the plan's first year when there is none."""
    semesters = sorted((p.year, p.semester) for p in periods if p.semester)
    return PeriodKey(*semesters[-1]).next() if semesters else PeriodKey(first_year, 1)


def create_next_period(plan: Plan) -> tuple[Period, ChangeSet]:
    """Create the semester after the latest one (or the plan's first semester)."""
    return create_period(plan, next_period_key(plan.first_year, list_periods(plan)))


def _period_info(period: Period) -> PeriodInfo:
    return PeriodInfo(period.id, period.plan_id, period.year, period.semester, period.span_end)


def _plan_info(plan: Plan) -> PlanInfo:
    return PlanInfo(
        plan.id, plan.code, plan.title, plan.short_title, plan.first_year, plan.last_year, plan.kind
    )


def plan_infos() -> list[PlanInfo]:
    """Every plan in the file, in the order they were installed."""
    return [_plan_info(p) for p in Plan.select().order_by(Plan.id)]


def plan_info(plan_id: int) -> PlanInfo | None:
    """One plan, or None when it does not exist (any more)."""
    plan = Plan.get_or_none(Plan.id == plan_id)
    return None if plan is None else _plan_info(plan)


def period_infos(plan_id: int) -> list[PeriodInfo]:
    """Periods of a plan, oldest first."""
    query = Period.select().where(Period.plan == plan_id).order_by(Period.year, Period.semester)
    return [_period_info(p) for p in query]


def period_info(period_id: int) -> PeriodInfo | None:
    """One period, or None when it does not exist (any more)."""
    period = Period.get_or_none(Period.id == period_id)
    return None if period is None else _period_info(period)


def stored_period(period_id: int) -> Period:
    """The stored row of a period, for the export and forms entry points that still take one."""
    period = Period.get_or_none(Period.id == period_id)
    if period is None:
        raise ServiceError(_("Perioada nu mai există."))
    return period


def create_period_in(plan_id: int, key: PeriodKey) -> tuple[PeriodInfo, ChangeSet]:
    """:func:`create_period` by plan id, returning the new period as a :class:`PeriodInfo`."""
    plan = Plan.get_or_none(Plan.id == plan_id)
    if plan is None:
        raise ServiceError(_("Planul nu mai există."))
    period, changes = create_period(plan, key)
    return _period_info(period), changes


def period_is_empty(period_id: int) -> bool:
    """Whether a period holds no return, no narrative (but what was carried over from the previous period)
    and no Total override."""
    return not (
        Return.select().where(Return.period == period_id).exists()
        or not _only_carried_narrative(period_id)
        or TotalOverride.select().where(TotalOverride.period == period_id).exists()
    )


def delete_empty_period(period_id: int) -> ChangeSet:
    """Delete a period that holds nothing yet (the undo of creating it)."""
    if not period_is_empty(period_id):
        raise ServiceError(_("Perioada conține deja date și nu poate fi ștearsă."))
    Period.delete().where(Period.id == period_id).execute()
    return ChangeSet(periods=True)


@dataclass(frozen=True, slots=True)
class CreatePeriod:
    """Create a period of a plan ("Perioadă nouă"); ``period_id`` re-creates one under its former id."""

    plan_id: int
    key: PeriodKey
    period_id: int | None = None

    @property
    def show_first(self) -> None:
        """The period does not exist yet."""
        return None

    def apply(self) -> ChangeSet:
        """Create the period; the inverse deletes it again while it is still empty."""
        with database.atomic():
            plan = Plan.get_or_none(Plan.id == self.plan_id)
            if plan is None:
                raise ServiceError(_("Planul nu mai există."))
            period, changes = create_period(plan, self.key, period_id=self.period_id)
        return replace(
            changes, inverse=DeleteEmptyPeriod(period.id), focus=Focus(period.id), new_id=period.id
        )


@dataclass(frozen=True, slots=True)
class DeleteEmptyPeriod:
    """Delete a period that holds nothing (the undo of :class:`CreatePeriod`)."""

    period_id: int

    @property
    def show_first(self) -> None:
        """Nothing to show: the period goes away."""
        return None

    def apply(self) -> ChangeSet:
        """Delete the period (refused when data was entered into it); the inverse re-creates it."""
        with database.atomic():
            period = Period.get_or_none(Period.id == self.period_id)
            if period is None:
                raise ServiceError(_("Perioada nu mai există."))
            inverse = CreatePeriod(period.plan_id, key_of(period), self.period_id)
            changes = delete_empty_period(self.period_id)
        return replace(changes, inverse=inverse)
