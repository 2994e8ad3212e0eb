"""Deadlines of a plan's actions: the term read from the plan's text or set by hand (kept beside the text,
which never changes), each action's due state in a period, and the draft of report section III."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from balti_monitor.db.models import Action, ActionTerm, database
from balti_monitor.domain.terms import DUE_LABELS, DueState, Term, TermKind, parse_term
from balti_monitor.i18n import _
from balti_monitor.services.changes import ChangeSet, Focus
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.grids import plan_actions, terms_set_by_hand
from balti_monitor.services.outline import short_title
from balti_monitor.services.results import ActionResult


@dataclass(frozen=True, slots=True)
class TermInfo:
    """One action's term: the plan's verbatim text, what was read from it and what was set by hand."""

    action_id: int
    code: str
    title: str
    text: str
    parsed: Term | None
    manual: Term | None

    @property
    def term(self) -> Term | None:
        """The term in force: set by hand, else read from the text."""
        return self.manual if self.manual is not None else self.parsed

    @property
    def unparsed(self) -> bool:
        """The text could not be read and nothing was set by hand: the user must set it."""
        return self.term is None


def action_terms(plan_id: int) -> list[TermInfo]:
    """Every action's term, in plan order."""
    actions = plan_actions(plan_id)
    manual = terms_set_by_hand([a.id for a in actions])
    return [
        TermInfo(a.id, a.code, a.title, a.deadline, parse_term(a.deadline), manual.get(a.id)) for a in actions
    ]


def manual_term(action_id: int) -> Term | None:
    """The term set by hand for an action (None: read from the text)."""
    return terms_set_by_hand([action_id]).get(action_id)


def parse_due_date(text: str) -> dt.date:
    """A date typed by the user: "31.12.2024" (or ISO "2024-12-31"); a Romanian refusal otherwise."""
    cleaned = text.strip()
    for fmt in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    raise ServiceError(_("Data „{text}” nu este validă: scrieți-o ca 31.12.2024.").format(text=text))


def set_term(action_id: int, term: Term | None) -> ChangeSet:
    """Set an action's term by hand (None: read it from the plan's text again)."""
    action = Action.get_or_none(Action.id == action_id)
    if action is None:
        raise ServiceError(_("Acțiunea nu mai există în plan."))
    if term is not None and (term.kind is TermKind.DEADLINE) != (term.due is not None):
        raise ServiceError(_("Un termen „la o dată” cere data; celelalte termene nu au dată."))
    with database.atomic():
        ActionTerm.delete().where(ActionTerm.action == action_id).execute()
        if term is not None:
            ActionTerm.create(
                action=action_id,
                kind=term.kind.value,
                due_date=term.due.isoformat() if term.due is not None else "",
            )
    return ChangeSet(actions=frozenset({action_id}), plan_structure=True)


@dataclass(frozen=True, slots=True)
class SetActionTerm:
    """Set (or, with ``term`` None, drop) the term of an action set by hand."""

    action_id: int
    term: Term | None

    @property
    def show_first(self) -> None:
        """Not tied to a period."""
        return None

    def apply(self) -> ChangeSet:
        """Write the term; the inverse puts back the previous one."""
        with database.atomic():
            previous = manual_term(self.action_id)
            changes = set_term(self.action_id, self.term)
        return ChangeSet(
            changes.actions,
            plan_structure=True,
            inverse=SetActionTerm(self.action_id, previous),
            focus=Focus(None, self.action_id),
        )


def due_counts(results: dict[int, ActionResult]) -> dict[DueState, int]:
    """How many actions are in each due state (every state listed, zeros included)."""
    counts = dict.fromkeys(DueState, 0)
    for result in results.values():
        counts[result.due] += 1
    return counts


def due_sentence(counts: dict[DueState, int]) -> str:
    """ "Scadente și realizate: 12; nerealizate, termen depășit: 5; nescadente: 3; …" """
    order = (DueState.ACHIEVED, DueState.OVERDUE, DueState.NOT_DUE, DueState.ONGOING, DueState.UNKNOWN)
    names = {
        DueState.ACHIEVED: _("scadente și realizate"),
        DueState.OVERDUE: _("nerealizate, termen depășit"),
        DueState.NOT_DUE: _("nescadente"),
        DueState.ONGOING: _("în desfășurare"),
        DueState.UNKNOWN: _("cu termen nestabilit"),
    }
    text = "; ".join(f"{names[state]}: {counts.get(state, 0)}" for state in order)
    return text[0].upper() + text[1:] + "."


def section3_items(results: dict[int, ActionResult]) -> list[str]:
    """The draft of section III: one paragraph per action due at the end of the period and not achieved,
    with its responsible subdivisions and which of them have arrears (for the user to edit into the risks)."""
    items: list[str] = []
    for result in results.values():
        if result.due is not DueState.OVERDUE:
            continue
        grid = result.grid
        responsible = [row.subdivision_name for row in grid.rows if row.responsible]
        counts = result.totals.counts
        missing = [row.subdivision_name for row in grid.rows if row.responsible and not row.has_return]
        behind = [name for name in (*counts.arrears, *counts.none_done) if name not in missing]
        text = f"Acțiunea {grid.code} „{short_title(grid.title, 90)}” – {DUE_LABELS[DueState.OVERDUE]}"
        if responsible:
            text += f"; responsabile: {', '.join(responsible)}"
        if behind:
            text += f"; cu restanțe: {', '.join(behind)}"
        if missing:
            text += f"; fără informație: {', '.join(missing)}"
        items.append(text + ".")
    return items
