"""Who has not sent: the completeness of a period's returns, subdivision by action.

Each cell of the overview is one subdivision's return for one action it answers in the period
(``effective_responsibilities``): ``missing`` (nothing written), ``partial`` (some answered indicators
empty), ``received`` (every answered indicator has a value), ``needs_correction`` or ``accepted`` (the
review status set by the specialist). Beside each subdivision: its return form's state, read through
:mod:`balti_monitor.services.form_status`. "Lista restanțierilor" is what each subdivision still owes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast

import peewee as pw

from balti_monitor.db.models import Action, Indicator, Period, Priority, Return, Subdivision, Value, database
from balti_monitor.i18n import N_, _, ngettext, report_texts
from balti_monitor.services.applicability import effective_responsibilities
from balti_monitor.services.changes import ChangeSet, Focus
from balti_monitor.services.editing import REVIEW_STATUSES, set_review_status
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.form_status import STATE_LABELS, form_statuses

MISSING, PARTIAL, RECEIVED, NEEDS_CORRECTION, ACCEPTED = (
    "missing",
    "partial",
    "received",
    "needs_correction",
    "accepted",
)
STATES = (MISSING, PARTIAL, NEEDS_CORRECTION, RECEIVED, ACCEPTED)
STATE_LABELS_RO = {
    MISSING: N_("lipsă"),
    PARTIAL: N_("parțial"),
    RECEIVED: N_("primit"),
    NEEDS_CORRECTION: N_("de corectat"),
    ACCEPTED: N_("acceptat"),
}
#: states a subdivision still owes something for
OWED = (MISSING, PARTIAL, NEEDS_CORRECTION)


@dataclass(frozen=True, slots=True)
class ReturnState:
    """One subdivision's return for one action."""

    action_id: int
    action_code: str
    subdivision_id: int
    state: str
    missing_indicators: tuple[int, ...] = ()

    @property
    def label(self) -> str:
        """Romanian name of the state."""
        return _(STATE_LABELS_RO[self.state])


@dataclass(frozen=True, slots=True)
class SubdivisionLine:
    """A subdivision of the overview with its form's state and its counts."""

    id: int
    code: str
    name: str
    form_state: str  # Romanian label, "" when no form was generated
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Completeness:
    """The overview of a period: rows (subdivisions), columns (actions), cells, counts."""

    period_id: int
    period_code: str
    actions: list[tuple[int, str]]  # (id, code) in plan order, only actions someone answers
    subdivisions: list[SubdivisionLine]
    cells: dict[tuple[int, int], ReturnState]  # (subdivision id, action id)
    action_counts: dict[int, dict[str, int]]

    def owed(self, subdivision_id: int) -> list[ReturnState]:
        """What a subdivision still owes (missing, partial, to correct), in plan order."""
        return [
            cell
            for action_id, _code in self.actions
            if (cell := self.cells.get((subdivision_id, action_id))) is not None and cell.state in OWED
        ]

    def total(self, state: str) -> int:
        """How many returns of the period are in ``state``."""
        return sum(1 for cell in self.cells.values() if cell.state == state)


def _code(period: Period) -> str:
    if period.span_end:
        return f"{period.year}-{period.span_end}"
    return f"{period.year}-S{period.semester}" if period.semester else f"{period.year}-A"


def period_completeness(period_id: int) -> Completeness:
    """The completeness overview of a period (a few bulk queries)."""
    period = Period.get_or_none(Period.id == period_id)
    if period is None:
        raise ServiceError(_("Perioada nu mai există."))
    responsible = effective_responsibilities(period)
    actions = [
        (a.id, a.code)
        for a in Action.select(Action.id, Action.code)
        .join(Priority)
        .where(Priority.plan == period.plan_id)
        .order_by(Priority.position, Action.position)
        if responsible.get(a.id)
    ]
    returns = {(r.action_id, r.subdivision_id): r for r in Return.select().where(Return.period == period)}
    filled: dict[tuple[int, int], set[int]] = {}
    query = (
        Value.select(Return.action, Return.subdivision, Indicator.number)
        .join(Return)
        .switch(Value)
        .join(Indicator)
        .where((Return.period == period) & (pw.fn.trim(Value.raw_text) != ""))
        .tuples()
    )
    rows: Iterable[tuple[int, int, int]] = cast(Any, query)
    for action_id, sub_id, number in rows:
        filled.setdefault((action_id, sub_id), set()).add(number)
    cells: dict[tuple[int, int], ReturnState] = {}
    code_of = dict(actions)
    for action_id in code_of:
        for sub_id, numbers in responsible[action_id]:
            ret = returns.get((action_id, sub_id))
            have = filled.get((action_id, sub_id), set())
            owed = tuple(sorted(n for n in numbers if n not in have))
            if ret is None or (not have and not ret.description.strip()):
                state = MISSING
                owed = tuple(sorted(numbers))
            elif ret.review_status == NEEDS_CORRECTION:
                state = NEEDS_CORRECTION
            elif ret.review_status == ACCEPTED:
                state = ACCEPTED
            elif owed:
                state = PARTIAL
            else:
                state = RECEIVED
            cells[(sub_id, action_id)] = ReturnState(action_id, code_of[action_id], sub_id, state, owed)
    forms = {row.subdivision_id: row for row in form_statuses(period)}
    sub_ids = {sub_id for sub_id, _a in cells}
    lines = []
    for sub in (
        Subdivision.select().where(Subdivision.id.in_(sub_ids)).order_by(Subdivision.position, Subdivision.id)
    ):
        form = forms.get(sub.id)
        counts = Counter(cell.state for (sid, _a), cell in cells.items() if sid == sub.id)
        lines.append(
            SubdivisionLine(
                sub.id,
                sub.code,
                sub.name,
                _(STATE_LABELS[form.state]) if form is not None and form.state is not None else "",
                {state: counts.get(state, 0) for state in STATES},
            )
        )
    action_counts = {}
    for action_id, _c in actions:
        counts = Counter(cell.state for (_s, aid), cell in cells.items() if aid == action_id)
        action_counts[action_id] = {state: counts.get(state, 0) for state in STATES}
    return Completeness(period.id, _code(period), actions, lines, cells, action_counts)


def overdue_text(overview: Completeness, deadline: str = "") -> dict[int, str]:
    """ "Lista restanțierilor" as plain text, one message per subdivision that owes something (to paste
    into an e-mail). In Romanian whatever the interface language: it goes to the subdivisions, like the
    return forms (``i18n.report_texts``)."""
    with report_texts():
        return _overdue_text(overview, deadline)


def _overdue_text(overview: Completeness, deadline: str) -> dict[int, str]:
    messages = {}
    for line in overview.subdivisions:
        owed = overview.owed(line.id)
        if not owed:
            continue
        head = _("{name} ({code}) — perioada {period_code}").format(
            name=line.name, code=line.code, period_code=overview.period_code
        )
        if deadline.strip():
            head += _(", termen: {deadline}").format(deadline=deadline.strip())
        items = [
            _("  • acțiunea {action_code}: {cell}").format(
                action_code=cell.action_code, cell=describe_owed(cell)
            )
            for cell in owed
        ]
        messages[line.id] = "\n".join([head, *items])
    return messages


def describe_owed(cell: ReturnState) -> str:
    """What is owed for one return, in Romanian."""
    if cell.state == MISSING:
        return _("informația nu a fost prezentată")
    if cell.state == NEEDS_CORRECTION:
        return _("informația trebuie corectată")
    numbers = ", ".join(str(n) for n in cell.missing_indicators)
    return ngettext(
        "lipsește valoarea indicatorului {numbers}",
        "lipsesc valorile indicatorilor {numbers}",
        min(len(cell.missing_indicators), 2),  # a list: singular for one item only (not Russian's 21)
    ).format(numbers=numbers)


# --- the review status as an undoable write --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SetReviewStatus:
    """Mark a return received / needs correction / accepted; the inverse puts the previous status back."""

    period_id: int
    action_id: int
    subdivision_id: int
    status: str

    @property
    def show_first(self) -> int:
        """The period of the return."""
        return self.period_id

    def apply(self) -> ChangeSet:
        """Validate, snapshot, write (one transaction)."""
        if self.status not in REVIEW_STATUSES:
            raise ServiceError(_("Stare necunoscută „{status}”.").format(status=self.status))
        with database.atomic():
            ret = Return.get_or_none(
                (Return.period == self.period_id)
                & (Return.action == self.action_id)
                & (Return.subdivision == self.subdivision_id)
            )
            if ret is None:
                raise ServiceError(_("Subdiviziunea nu a prezentat încă informația pentru această acțiune."))
            previous = ret.review_status
            changes = set_review_status(self.period_id, self.action_id, self.subdivision_id, self.status)
        return ChangeSet(
            actions=changes.actions,
            inverse=SetReviewStatus(self.period_id, self.action_id, self.subdivision_id, previous),
            focus=Focus(self.period_id, self.action_id, self.subdivision_id),
        )
