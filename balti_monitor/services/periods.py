"""Reporting periods: "2023-S1" codes, creation of the next period."""

from __future__ import annotations

import re
from dataclasses import dataclass

from balti_monitor.db.models import Period, Plan, database
from balti_monitor.services.applicability import materialize
from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.errors import ServiceError

_CODE = re.compile(r"^\s*(\d{4})\s*-\s*(S[12]|A|AN)\s*$", re.IGNORECASE)
_ROMAN = {1: "I", 2: "II"}


@dataclass(frozen=True, slots=True)
class PeriodKey:
    """Year and semester (0 = the whole year)."""

    year: int
    semester: int

    @property
    def code(self) -> str:
        """ "2023-S1", or "2023-A" for a year."""
        return f"{self.year}-S{self.semester}" if self.semester else f"{self.year}-A"

    @property
    def label(self) -> str:
        """ "semestrul I al anului 2023" as the report writes it."""
        if self.semester:
            return f"semestrul {_ROMAN[self.semester]} al anului {self.year}"
        return f"anul {self.year}"

    def next(self) -> PeriodKey:
        """The following semester (or year)."""
        if self.semester == 1:
            return PeriodKey(self.year, 2)
        if self.semester == 2:
            return PeriodKey(self.year + 1, 1)
        return PeriodKey(self.year + 1, 0)


def parse_period_code(code: str) -> PeriodKey:
    """Parse "2023-S1", "2023-s2" or "2023-A"; a clear Romanian error otherwise."""
    match = _CODE.match(code)
    if not match:
        raise ServiceError(
            f"Perioadă necunoscută „{code}”: scrieți de forma 2023-S1, 2023-S2 sau 2023-A (anual)."
        )
    year = int(match.group(1))
    kind = match.group(2).upper()
    return PeriodKey(year, 0 if kind.startswith("A") else int(kind[1]))


def key_of(period: Period) -> PeriodKey:
    """The key of a stored period."""
    return PeriodKey(period.year, period.semester)


def find_period(plan: Plan, key: PeriodKey) -> Period:
    """The stored period, or a Romanian error naming the ones that exist."""
    period = Period.get_or_none(
        (Period.plan == plan) & (Period.year == key.year) & (Period.semester == key.semester)
    )
    if period is None:
        known = ", ".join(key_of(p).code for p in list_periods(plan)) or "niciuna"
        raise ServiceError(f"Perioada {key.code} nu există în acest fișier (există: {known}).")
    return period


def list_periods(plan: Plan) -> list[Period]:
    """Periods of a plan, oldest first."""
    return list(Period.select().where(Period.plan == plan).order_by(Period.year, Period.semester))


def create_period(plan: Plan, key: PeriodKey) -> tuple[Period, ChangeSet]:
    """Create a period inside the plan's years; refuses duplicates and years outside the plan."""
    if not plan.first_year <= key.year <= plan.last_year:
        raise ServiceError(f"Anul {key.year} este în afara planului ({plan.first_year}-{plan.last_year}).")
    existing = Period.get_or_none(
        (Period.plan == plan) & (Period.year == key.year) & (Period.semester == key.semester)
    )
    if existing is not None:
        raise ServiceError(f"Perioada {key.code} există deja.")
    with database.atomic():
        period = Period.create(plan=plan, year=key.year, semester=key.semester)
        materialize(period)  # the period starts from the responsibilities in force before it
    return period, ChangeSet(periods=True)


def create_next_period(plan: Plan) -> tuple[Period, ChangeSet]:
    """Create the semester after the latest one (or the plan's first semester)."""
    periods = [p for p in list_periods(plan) if p.semester]
    key = key_of(periods[-1]).next() if periods else PeriodKey(plan.first_year, 1)
    return create_period(plan, key)
