"""Qt-free helpers the desktop application needs beyond the other service modules.

Everything here follows the service rules: reads are bulk queries, writes validate first, run in one
transaction and return a :class:`ChangeSet`; refusals raise :class:`ServiceError` with a Romanian message.

* :func:`plan_outline` - priorities and actions of a plan with the header fields the tree and the action
  header show, in three queries (the GUI keeps it and never queries on a tree click).
* :func:`responsibility_state` / :func:`apply_responsibilities` - the whole "who answers for this action and
  for which indicators" state of an action, and bringing an action to a given state in one transaction (the
  responsibility dialog and its undo use these).
* :func:`subdivision_state` / :func:`delete_unused_subdivision` - the undo of "create a subdivision".
* :func:`delete_empty_period` - the undo of "create the next period".
* :func:`with_gender_split` - writing the women/men split into a raw indicator value.
* :func:`short_title` - the short form of a long action title for the tree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from balti_monitor.db.models import (
    Action,
    Indicator,
    Narrative,
    Period,
    Priority,
    Responsibility,
    Return,
    Subdivision,
    TotalOverride,
    database,
)
from balti_monitor.domain.text import fold_key
from balti_monitor.domain.values import parse_value
from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.responsibilities import (
    add_responsible,
    remove_responsible,
    responsibilities,
    set_applicable,
)
from balti_monitor.services.subdivisions import aliases_of


@dataclass(frozen=True, slots=True)
class IndicatorInfo:
    """One indicator as the action header lists it."""

    number: int
    text: str
    aggregation: str
    gender_split: bool
    placeholder: bool


@dataclass(frozen=True, slots=True)
class ActionInfo:
    """The header of an action as the plan states it (what the tree and the action header show)."""

    id: int
    code: str
    title: str
    title_placeholder: bool
    deadline: str
    responsible_text: str
    other_responsible: tuple[str, ...]
    all_subdivisions: bool
    indicators: tuple[IndicatorInfo, ...]
    search_key: str

    @property
    def short_title(self) -> str:
        """The title shortened for the tree."""
        return short_title(self.title)


@dataclass(frozen=True, slots=True)
class PriorityInfo:
    """A priority with its actions, in plan order."""

    id: int
    number: str
    title: str
    title_placeholder: bool
    actions: tuple[ActionInfo, ...]


def plan_outline(plan_id: int) -> list[PriorityInfo]:
    """The plan's priorities and actions (with indicators) in plan order, in three queries."""
    priorities = list(Priority.select().where(Priority.plan == plan_id).order_by(Priority.position))
    ids = [p.id for p in priorities]
    actions = list(
        Action.select().where(Action.priority.in_(ids)).order_by(Action.priority, Action.position)
        if ids
        else []
    )
    indicators: dict[int, list[IndicatorInfo]] = {}
    if actions:
        query = (
            Indicator.select()
            .where(Indicator.action.in_([a.id for a in actions]))
            .order_by(Indicator.action, Indicator.number)
        )
        for ind in query:
            indicators.setdefault(ind.action_id, []).append(
                IndicatorInfo(ind.number, ind.text, ind.aggregation, ind.gender_split, ind.placeholder)
            )
    by_priority: dict[int, list[ActionInfo]] = {}
    for action in actions:
        inds = tuple(indicators.get(action.id, []))
        words = " ".join([action.code, action.title, action.responsible_text, *(i.text for i in inds)])
        by_priority.setdefault(action.priority_id, []).append(
            ActionInfo(
                id=action.id,
                code=action.code,
                title=action.title,
                title_placeholder=action.title_placeholder,
                deadline=action.deadline,
                responsible_text=action.responsible_text,
                other_responsible=tuple(action.other_responsible or ()),
                all_subdivisions=action.all_subdivisions,
                indicators=inds,
                search_key=fold_key(words),
            )
        )
    return [
        PriorityInfo(p.id, p.number, p.title, p.title_placeholder, tuple(by_priority.get(p.id, [])))
        for p in priorities
    ]


def matches_filter(info: ActionInfo, query: str) -> bool:
    """Whether an action matches a filter typed in the tree's search box.

    A query that looks like a code ("1.1", "2.") matches codes that start with it; otherwise every word
    of the query must occur in the action's code, title, responsible text or indicator texts (case- and
    diacritic-insensitive, ş/ș alike).
    """
    query = query.strip()
    if not query:
        return True
    if re.fullmatch(r"\d+(\.\d*)?", query):
        return info.code.startswith(query)
    words = fold_key(query).split()
    return all(word in info.search_key for word in words)


def short_title(title: str, limit: int = 72) -> str:
    """A title cut at a word boundary near ``limit`` characters, with an ellipsis when cut."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    cut = title[:limit].rsplit(" ", 1)[0].rstrip(" ,;:.-–")
    return f"{cut}…"


# --------------------------------------------------------------------------------------------------------
# Responsibilities as a whole
# --------------------------------------------------------------------------------------------------------

ResponsibilityState = list[tuple[int, list[int]]]


def responsibility_state(action_id: int) -> ResponsibilityState:
    """The responsible subdivisions of an action in grid order, each with the indicators it answers."""
    return [(r.subdivision_id, sorted(r.indicators or [])) for r in responsibilities(action_id)]


def apply_responsibilities(action_id: int, target: Sequence[tuple[int, Sequence[int]]]) -> ChangeSet:
    """Bring an action's responsibilities to ``target`` (order, membership, indicators), all or nothing.

    Returns of subdivisions that stop being responsible are kept (the grid still shows them).
    """
    wanted = [(sid, sorted(set(numbers))) for sid, numbers in target]
    if len({sid for sid, _ in wanted}) != len(wanted):
        raise ServiceError("O subdiviziune apare de două ori în lista celor responsabile.")
    for _, numbers in wanted:
        if not numbers:
            raise ServiceError("Alegeți cel puțin un indicator la care răspunde fiecare subdiviziune.")
    with database.atomic():
        current = responsibility_state(action_id)
        wanted_ids = {sid for sid, _ in wanted}
        for sid, _ in current:
            if sid not in wanted_ids:
                remove_responsible(action_id, sid)
        current_ids = {sid for sid, _ in current}
        current_numbers = dict(current)
        for sid, numbers in wanted:
            if sid not in current_ids:
                add_responsible(action_id, sid, numbers)
            elif current_numbers[sid] != numbers:
                set_applicable(action_id, sid, numbers)
        _reorder(action_id, [sid for sid, _ in wanted])
    return ChangeSet(actions=frozenset({action_id}), plan_structure=True)


def _reorder(action_id: int, order: list[int]) -> None:
    """Renumber positions so the responsibilities follow ``order`` (positions 1..n without gaps)."""
    rows = {r.subdivision_id: r for r in responsibilities(action_id)}
    for position, sid in enumerate(order, start=1):
        row = rows[sid]
        if row.position != position:
            row.position = position
            row.save()


# --------------------------------------------------------------------------------------------------------
# Subdivisions
# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SubdivisionState:
    """Everything the subdivision dialog edits about one subdivision."""

    code: str
    name: str
    aliases: tuple[str, ...]
    active: bool


def subdivision_state(subdivision_id: int) -> SubdivisionState:
    """The current state of one subdivision (for the dialog and for undo)."""
    sub = Subdivision.get_or_none(Subdivision.id == subdivision_id)
    if sub is None:
        raise ServiceError("Subdiviziunea nu există.")
    return SubdivisionState(sub.code, sub.name, tuple(aliases_of(subdivision_id)), sub.active)


def subdivision_in_use(subdivision_id: int) -> bool:
    """Whether a subdivision answers for an action or has any return."""
    return bool(
        Responsibility.select().where(Responsibility.subdivision == subdivision_id).exists()
        or Return.select().where(Return.subdivision == subdivision_id).exists()
    )


def delete_unused_subdivision(subdivision_id: int) -> ChangeSet:
    """Delete a subdivision that no action and no return refers to (the undo of creating it)."""
    if subdivision_in_use(subdivision_id):
        raise ServiceError(
            "Subdiviziunea este folosită (responsabilă de acțiuni sau cu informații prezentate) și nu poate "
            "fi ștearsă; o puteți marca inactivă."
        )
    Subdivision.delete().where(Subdivision.id == subdivision_id).execute()
    return ChangeSet(subdivisions=True, plan_structure=True)


# --------------------------------------------------------------------------------------------------------
# Periods
# --------------------------------------------------------------------------------------------------------


def period_is_empty(period_id: int) -> bool:
    """Whether a period holds no return, no narrative and no Total override."""
    return not (
        Return.select().where(Return.period == period_id).exists()
        or Narrative.select().where(Narrative.period == period_id).exists()
        or TotalOverride.select().where(TotalOverride.period == period_id).exists()
    )


def delete_empty_period(period_id: int) -> ChangeSet:
    """Delete a period that holds nothing yet (the undo of creating it)."""
    if not period_is_empty(period_id):
        raise ServiceError("Perioada conține deja date și nu poate fi ștearsă.")
    Period.delete().where(Period.id == period_id).execute()
    return ChangeSet(periods=True)


# --------------------------------------------------------------------------------------------------------
# Values
# --------------------------------------------------------------------------------------------------------

_WRITTEN_SPLIT = re.compile(
    r"\s*\(\s*\d{1,7}\s*[FfBb]\s*[/,;]\s*\d{1,7}\s*[FfBb]\s*\)"
    r"|\s*\(\s*(?:femei|bărbați|barbati|F|B)\s*\)"
)


def with_gender_split(raw: str, women: int, men: int) -> str:
    """``raw`` with its women/men split written as "(xF/yB)".

    A split already written in parentheses is replaced; otherwise the split is appended. An empty value
    becomes "xF/yB" (whose quantity is their sum). The result always parses back to ``women``/``men``.
    """
    if women < 0 or men < 0:
        raise ServiceError("Numărul de femei sau de bărbați nu poate fi negativ.")
    split = f"{women}F/{men}B"
    base = _WRITTEN_SPLIT.sub("", raw).rstrip()
    text = f"{base} ({split})" if base.strip() else split
    parsed = parse_value(text)
    if parsed.women != women or parsed.men != men:
        # The text keeps a split written in another form ("f-11; b-0"): two splits would be ambiguous.
        raise ServiceError(
            "Valoarea conține deja repartizarea femei/bărbați scrisă altfel; modificați-o direct în text."
        )
    return text
