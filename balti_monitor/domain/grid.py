"""Plain data describing one action's grid for one period: the input of totals and checks.

Services build these from the database in bulk; the rules in :mod:`totals` and :mod:`checks` read them
without touching the database, which keeps them fast and testable.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from balti_monitor.domain.values import ParsedValue

if TYPE_CHECKING:
    from balti_monitor.domain.annual import AnnualCell
    from balti_monitor.domain.terms import Term


class Aggregation(StrEnum):
    """How an indicator's Total cell is obtained from the subdivisions' values."""

    SUM = "sum"  # independent counts: add them (women and men too)
    MAX = "max"  # one shared object (a register, a web page): the largest figure
    DISTINCT = "distinct"  # several subdivisions report the same objects: the common figure
    STATUS = "status"  # qualitative: "Realizat" when every applicable subdivision reports it done
    MANUAL = "manual"  # free text: the specialist writes the total


class AnnualRule(StrEnum):
    """How an indicator's annual value follows from its two semesters (see :mod:`annual`)."""

    SUM = "sum"  # counts of things done in each semester: S1 + S2
    LAST = "last"  # states ("pagină funcțională", statuses): the latest semester's value
    MAX = "max"  # the larger of the two
    MEAN = "mean"  # averages ("numărul mediu de operatori economici"): the mean of the two
    MANUAL = "manual"  # not derived: the subdivision sends the annual figure


class Frequency(StrEnum):
    """How often an action's indicators are verified."""

    SEMESTER = "semester"
    ANNUAL = "annual"
    AS_NEEDED = "as_needed"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class IndicatorDef:
    """One numbered progress indicator of an action."""

    number: int
    text: str
    aggregation: Aggregation = Aggregation.SUM
    gender_split: bool = False
    id: int = 0
    #: the annual rule chosen for this indicator; ``None``: inferred from its text and Total rule
    annual_rule: AnnualRule | None = None


#: Totals transcribed from an existing report (the demo) are kept as overrides so the checks show that
#: report's own errors; their reason starts with this. They do not answer a finding - a Total the specialist
#: types with a reason does.
TRANSCRIBED_REASON = "Total scris în raportul original"


@dataclass(frozen=True, slots=True)
class OverrideDef:
    """A Total cell typed by the specialist instead of the computed one (kept with who and why)."""

    raw_text: str
    reason: str = ""
    author: str = ""

    @property
    def answers_findings(self) -> bool:
        """Typed by the specialist with a reason (not transcribed): it answers why the rule cannot compute."""
        return bool(self.reason.strip()) and not self.reason.startswith(TRANSCRIBED_REASON)


@dataclass(frozen=True, slots=True)
class GridRow:
    """One subdivision's row: its return (if any) for the period and the indicators it answers."""

    subdivision_id: int
    subdivision_name: str
    applicable: frozenset[int]
    has_return: bool
    description: str = ""
    values: Mapping[int, ParsedValue] = field(default_factory=dict)
    responsible: bool = True
    return_id: int | None = None


@dataclass(frozen=True, slots=True)
class WholeProgress:
    """The progress of the action as a whole in the period (kinds whose progress is per action)."""

    return_id: int
    description: str = ""
    status: str = ""  # raw
    meaning: str = ""  # domain.kinds.StatusMeaning value, "" when empty or unknown


@dataclass(frozen=True, slots=True)
class ActionGrid:
    """Everything needed to compute and check one action's Total row for one period."""

    code: str
    indicators: tuple[IndicatorDef, ...]
    rows: tuple[GridRow, ...]
    overrides: Mapping[int | None, OverrideDef] = field(default_factory=dict)
    action_id: int = 0
    title: str = ""
    # acknowledged findings of this period: finding key -> (fingerprint of the data it was computed from, note)
    acknowledged: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    #: What a source report wrote in the Total row (indicator number, ``None`` = counts cell): a reference
    #: the checks compare against, never data and never exported.
    references: Mapping[int | None, str] = field(default_factory=dict)
    #: Annual periods only: per (subdivision id, indicator number) the two semesters, the derived and the
    #: subdivision's own annual value (:class:`balti_monitor.domain.annual.AnnualCell`).
    annual: Mapping[tuple[int, int], AnnualCell] = field(default_factory=dict)
    #: The largest quantity each (subdivision id, indicator number) reported in earlier semesters: what the
    #: outlier check compares a new value with.
    history_max: Mapping[tuple[int, int], Decimal] = field(default_factory=dict)
    #: When the action falls due (the term set by hand, else the plan's term text read by
    #: :func:`balti_monitor.domain.terms.parse_term`; None: unknown) and the period the grid is of.
    term: Term | None = None
    year: int = 0
    semester: int = 0
    #: The plan's kind reports progress per action (``docs/plan_kinds.md``): no subdivision rows, no Total
    #: row; ``leaf`` is an item that is reported (no sub-actions); ``statuses`` whether the kind has a
    #: status vocabulary; ``whole`` the action's entry for the period, if written.
    progress_by_action: bool = False
    leaf: bool = True
    statuses: tuple[str, ...] = ()
    whole: WholeProgress | None = None

    def indicator(self, number: int) -> IndicatorDef:
        """The indicator with this number."""
        for ind in self.indicators:
            if ind.number == number:
                return ind
        raise KeyError(number)
