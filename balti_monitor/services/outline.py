"""The plan's outline for the tree and the action header: priorities, actions, indicators, in three queries.

The GUI loads it once per plan (and again after a ``ChangeSet`` with ``plan_structure``) and never queries on
a tree click.
"""

from __future__ import annotations

from dataclasses import dataclass

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

    def column(self, key: str) -> str:
        """The item's text in the declared column ``key`` ("" when empty)."""
        return next((text for k, text in self.columns if k == key), "")

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
        PriorityInfo(p.id, p.number, p.title, p.title_placeholder, tuple(by_priority.get(p.id, [])))
        for p in priorities
    ]


def short_title(title: str, limit: int = 72) -> str:
    """A title cut at a word boundary near ``limit`` characters, with an ellipsis when cut."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    cut = title[:limit].rsplit(" ", 1)[0].rstrip(" ,;:.-–")
    return f"{cut}…"
