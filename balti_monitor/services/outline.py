"""The plan's outline for the tree and the action header: priorities, actions, indicators, in three queries.

The GUI loads it once per plan (and again after a ``ChangeSet`` with ``plan_structure``) and never queries on
a tree click.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from balti_monitor.db.models import Action, Indicator, Priority
from balti_monitor.domain.text import fold_key
from balti_monitor.services.plans import column_values, plan_columns


@dataclass(frozen=True, slots=True)
class IndicatorInfo:
    """One indicator as the action header lists it."""

    number: int
    text: str
    aggregation: str
    gender_split: bool
    placeholder: bool
    id: int = 0  # the indicator's row (the plan editor names what it edits by it)


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
    #: the parent action of a sub-action (kinds with sub-actions), None for an action
    parent_id: int | None = None
    #: the item's texts in the plan's declared columns, (column key, raw text) in column order
    columns: tuple[tuple[str, str], ...] = ()
    #: 0 an action, 1 its sub-action, … (the outline lists each action followed by its sub-actions)
    depth: int = 0

    def column(self, key: str) -> str:
        """The item's text in the declared column ``key`` ("" when empty)."""
        return next((text for k, text in self.columns if k == key), "")

    @property
    def shown_title(self) -> str:
        """The title without the code it repeats ("1.1. Evaluarea …" of item 1.1 shows "Evaluarea …"); the
        stored title stays as written."""
        return display_title(self.code, self.title)

    @property
    def short_title(self) -> str:
        """The title shortened for the tree."""
        return short_title(self.shown_title)


@dataclass(frozen=True, slots=True)
class PriorityInfo:
    """A priority with its actions, in plan order."""

    id: int
    number: str
    title: str
    title_placeholder: bool
    actions: tuple[ActionInfo, ...]


def plan_outline(plan_id: int) -> list[PriorityInfo]:
    """The plan's priorities and actions (with indicators) in plan order, in three queries.

    A priority's actions are listed depth first: each action followed by its sub-actions (``parent_id``,
    ``depth``), siblings in their order.
    """
    priorities = list(Priority.select().where(Priority.plan == plan_id).order_by(Priority.position))
    ids = [p.id for p in priorities]
    actions = list(
        Action.select().where(Action.priority.in_(ids)).order_by(Action.priority, Action.position, Action.id)
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
                IndicatorInfo(
                    ind.number, ind.text, ind.aggregation, ind.gender_split, ind.placeholder, ind.id
                )
            )
    order = [c.key for c in plan_columns(plan_id) if c.is_declared]
    texts = column_values(plan_id)
    by_priority: dict[int, list[ActionInfo]] = {}
    for action in actions:
        inds = tuple(indicators.get(action.id, []))
        own = texts.get(action.id, {})
        columns = tuple((key, own[key]) for key in order if key in own)
        words = " ".join(
            [
                action.code,
                action.title,
                action.responsible_text,
                *(i.text for i in inds),
                *(t for _, t in columns),
            ]
        )
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
                parent_id=action.parent_id,
                columns=columns,
            )
        )
    return [
        PriorityInfo(p.id, p.number, p.title, p.title_placeholder, _depth_first(by_priority.get(p.id, [])))
        for p in priorities
    ]


def _depth_first(actions: list[ActionInfo]) -> tuple[ActionInfo, ...]:
    """Actions (in their order) rearranged so each is followed by its sub-actions, with their depth."""
    ids = {a.id for a in actions}
    children: dict[int | None, list[ActionInfo]] = {}
    for action in actions:
        parent = action.parent_id if action.parent_id in ids else None
        children.setdefault(parent, []).append(action)
    ordered: list[ActionInfo] = []

    def walk(parent: int | None, depth: int) -> None:
        for action in children.get(parent, []):
            ordered.append(replace(action, depth=depth) if depth else action)
            walk(action.id, depth + 1)

    walk(None, 0)
    return tuple(ordered)


def display_title(code: str, title: str) -> str:
    """``title`` without a leading repetition of ``code`` ("1.1. Evaluarea" → "Evaluarea" for 1.1; "1.10 …"
    is not 1.1's); the title itself when that would leave nothing."""
    bare = code.strip().rstrip(".")
    if not bare:
        return title
    match = re.match(rf"\s*{re.escape(bare)}\.?(?=\s)\s*", title)
    if match is None or not title[match.end() :].strip():
        return title
    return title[match.end() :]


def short_title(title: str, limit: int = 72) -> str:
    """A title cut at a word boundary near ``limit`` characters, with an ellipsis when cut."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    cut = title[:limit].rsplit(" ", 1)[0].rstrip(" ,;:.-–")
    return f"{cut}…"
