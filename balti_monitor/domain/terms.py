"""Deadlines: reading an action's term ("Termenul de realizare") into when it falls due, and an action's
due state in a period.

The term text is never changed; :func:`parse_term` reads it or says it cannot (``None``) - it never
guesses. The grammar (folded: no diacritics, lower case):

* ``permanent, cu verificarea anuală …`` / ``anual`` / ``anual, trimestrul IV`` -> **annual**: due at the
  end of every year (the second semester and the annual period), in progress in the first semester;
* ``permanent, cu verificarea semestrială …`` / ``permanent`` / ``semestrial`` / ``trimestrial`` ->
  **semester**: due at the end of every period;
* ``după necesitate`` / ``la necesitate`` / ``ori de câte ori este necesar`` -> **as needed**: never due,
  always in progress;
* a date: ``până la 31.12.2024`` / ``31.12.2024`` / ``iunie 2025`` / ``trimestrul IV, 2023`` /
  ``semestrul I 2024`` / ``2025`` / ``2023-2024`` (the end of the last year) -> **deadline**: not yet due
  (*nescadent*) in the periods that end before it, due from the period in which it falls.

Anything else (an empty term, a copy-paste error in the plan) is *unparsed* and is listed for the user to
set by hand.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from balti_monitor.domain.text import fold_key
from balti_monitor.i18n import N_, _


class TermKind(StrEnum):
    """How an action falls due."""

    SEMESTER = "semester"  # at the end of every period
    ANNUAL = "annual"  # at the end of every year
    DEADLINE = "deadline"  # once, at a date
    AS_NEEDED = "as_needed"  # never: always in progress


KIND_LABELS: dict[TermKind, str] = {
    TermKind.SEMESTER: N_("semestrial (la sfârșitul fiecărei perioade)"),
    TermKind.ANNUAL: N_("anual (la sfârșitul fiecărui an)"),
    TermKind.DEADLINE: N_("la o dată"),
    TermKind.AS_NEEDED: N_("după necesitate (în desfășurare)"),
}


@dataclass(frozen=True, slots=True)
class Term:
    """When an action is due: a kind and, for a deadline, the date."""

    kind: TermKind
    due: dt.date | None = None

    def describe(self) -> str:
        """Romanian: "anual (la sfârșitul fiecărui an)", "la 31.12.2024"."""
        if self.kind is TermKind.DEADLINE and self.due is not None:
            return _("la {date}").format(date=self.due.strftime("%d.%m.%Y"))
        return _(KIND_LABELS[self.kind])


_MONTHS = {
    "ianuarie": 1,
    "februarie": 2,
    "martie": 3,
    "aprilie": 4,
    "mai": 5,
    "iunie": 6,
    "iulie": 7,
    "august": 8,
    "septembrie": 9,
    "octombrie": 10,
    "noiembrie": 11,
    "decembrie": 12,
}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_BEFORE = r"(?:(?:pana|pina) (?:la|in) |in |pe |la )?"
_VERIFICATION = re.compile(
    r"^permanent, cu verificarea (anuala|semestriala)( a indicatorilor de progres)?(, inclusiv din perspectiva de gen)?$"
)
_DATE = re.compile(rf"^{_BEFORE}(\d{{1,2}})[./](\d{{1,2}})[./](\d{{4}})$")
_MONTH = re.compile(rf"^{_BEFORE}(?:luna )?({'|'.join(_MONTHS)}),? (\d{{4}})$")
_QUARTER = re.compile(rf"^{_BEFORE}(?:trimestrul|trim\.) (i|ii|iii|iv),? (?:anul )?(\d{{4}})$")
_SEMESTER = re.compile(rf"^{_BEFORE}semestrul (i|ii),? (?:anul )?(\d{{4}})$")
_YEARS = re.compile(rf"^{_BEFORE}(?:anii |anul )?(\d{{4}})(?:-(\d{{4}}))?$")
_ANNUAL = frozenset(
    {"anual", "anual, trimestrul iv", "annual", "in fiecare an", "anual, pana la 31 decembrie"}
)
_SEMESTRIAL = frozenset(
    {"permanent", "semestrial", "trimestrial", "lunar", "continuu", "permanent, semestrial"}
)
_AS_NEEDED = frozenset({"dupa necesitate", "la necesitate", "ori de cate ori este necesar", "dupa caz"})


def _end_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def parse_term(text: str) -> Term | None:
    """When the term falls due, or ``None`` when the text does not follow the grammar (never a guess)."""
    key = fold_key(text)
    if not key:
        return None
    match = _VERIFICATION.match(key)
    if match:
        return Term(TermKind.ANNUAL if match.group(1) == "anuala" else TermKind.SEMESTER)
    if key in _ANNUAL:
        return Term(TermKind.ANNUAL)
    if key in _SEMESTRIAL:
        return Term(TermKind.SEMESTER)
    if key in _AS_NEEDED:
        return Term(TermKind.AS_NEEDED)
    match = _DATE.match(key)
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            return Term(TermKind.DEADLINE, dt.date(year, month, day))
        except ValueError:
            return None  # 31.02.2024: not a date
    match = _MONTH.match(key)
    if match:
        return Term(TermKind.DEADLINE, _end_of_month(int(match.group(2)), _MONTHS[match.group(1)]))
    match = _QUARTER.match(key)
    if match:
        return Term(TermKind.DEADLINE, _end_of_month(int(match.group(2)), _ROMAN[match.group(1)] * 3))
    match = _SEMESTER.match(key)
    if match:
        return Term(TermKind.DEADLINE, _end_of_month(int(match.group(2)), 6 * _ROMAN[match.group(1)]))
    match = _YEARS.match(key)
    if match:
        first = int(match.group(1))
        last = int(match.group(2)) if match.group(2) else first
        if last < first:
            return None
        return Term(TermKind.DEADLINE, dt.date(last, 12, 31))
    return None


class DueState(StrEnum):
    """An action's standing at the end of a period."""

    ACHIEVED = "achieved"  # due and achieved
    OVERDUE = "overdue"  # due and not achieved: "nerealizat, termen depășit"
    NOT_DUE = "not_due"  # "nescadent": its deadline comes later
    ONGOING = "ongoing"  # permanent / as needed: not due at the end of this period
    UNKNOWN = "unknown"  # the term could not be read and was not set by hand


DUE_LABELS: dict[DueState, str] = {
    DueState.ACHIEVED: N_("scadentă, realizată"),
    DueState.OVERDUE: N_("nerealizat, termen depășit"),
    DueState.NOT_DUE: N_("nescadent"),
    DueState.ONGOING: N_("în desfășurare"),
    DueState.UNKNOWN: N_("termen nestabilit"),
}


def period_end(year: int, semester: int) -> dt.date:
    """The last day of a period (a year ends on 31 December)."""
    return dt.date(year, 6, 30) if semester == 1 else dt.date(year, 12, 31)


def is_due(term: Term | None, year: int, semester: int) -> DueState | None:
    """Whether the action falls due at the end of the period: ``None`` when it does (then achieved or not
    decides), else the state it has regardless of what was reported."""
    if term is None:
        return DueState.UNKNOWN
    if term.kind is TermKind.AS_NEEDED:
        return DueState.ONGOING
    if term.kind is TermKind.ANNUAL:
        return None if semester != 1 else DueState.ONGOING
    if term.kind is TermKind.SEMESTER:
        return None
    assert term.due is not None
    return None if period_end(year, semester) >= term.due else DueState.NOT_DUE


def due_state(term: Term | None, year: int, semester: int, achieved: bool) -> DueState:
    """The action's state at the end of the period, given whether every responsible subdivision achieved
    every indicator it answers."""
    fixed = is_due(term, year, semester)
    if fixed is not None:
        return fixed
    return DueState.ACHIEVED if achieved else DueState.OVERDUE
