"""The items of a plan as the editor sees them: the kinds of items, what the editor edits of each (plain
frozen dataclasses), reading them (:func:`fields_of`, :func:`label_of`), cleaning and validating typed fields
(with the Romanian refusals), and the change-log record every plan edit writes (:func:`record_edit`).

The writes themselves are in :mod:`~balti_monitor.services.plan_edit` (add, edit),
:mod:`~balti_monitor.services.plan_order` (move, renumber) and :mod:`~balti_monitor.services.plan_delete`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Literal

from balti_monitor.db.models import Action, Indicator, PlanColumn, Priority
from balti_monitor.domain.text import fold_key
from balti_monitor.i18n import N_, _, report_texts
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.plan_signatures import record_plan_edit
from balti_monitor.services.plans import action_column_values, plan_columns
from balti_monitor.services.values import text_problem

ItemKind = Literal["priority", "action", "indicator", "column"]


KINDS: tuple[ItemKind, ...] = ("priority", "action", "indicator", "column")


AGGREGATIONS = ("sum", "max", "distinct", "status", "manual")


@dataclass(frozen=True, slots=True)
class PriorityFields:
    """What the editor edits of a priority (a group of actions)."""

    number: str
    title: str
    title_placeholder: bool = False


@dataclass(frozen=True, slots=True)
class ActionFields:
    """What the editor edits of an action or a sub-action."""

    code: str
    title: str
    deadline: str = ""
    responsible_text: str = ""
    title_placeholder: bool = False
    indicators_placeholder: bool = False
    columns: tuple[tuple[str, str], ...] = ()  # (key, text) in the plan's declared columns


@dataclass(frozen=True, slots=True)
class ColumnFields:
    """What the editor edits of a declared column of the plan (its key stays: files and groups name it)."""

    label: str
    number: str = ""
    in_plan: bool = True
    in_report: bool = True
    key: str = ""  # given by the program when the column is added (from the label)


@dataclass(frozen=True, slots=True)
class IndicatorFields:
    """What the editor edits of an indicator (its number follows from its place)."""

    text: str
    aggregation: str = "sum"
    gender_split: bool = False
    placeholder: bool = False


Fields = PriorityFields | ActionFields | IndicatorFields | ColumnFields


def fields_of(kind: ItemKind, item_id: int) -> Fields:
    """The current fields of an item (for the editor and for undo)."""
    if kind == "priority":
        p = get_item(Priority, item_id, N_("Prioritatea"))
        return PriorityFields(p.number, p.title, p.title_placeholder)
    if kind == "action":
        a = get_item(Action, item_id, N_("Acțiunea"))
        plan_id = plan_of_priority(a.priority_id)
        values = action_column_values(item_id)
        columns = tuple(
            (c.key, values.get(c.key, ""))
            for c in plan_columns(plan_id)
            if c.is_declared and c.id is not None
        )
        return ActionFields(
            a.code,
            a.title,
            a.deadline,
            a.responsible_text,
            a.title_placeholder,
            a.indicators_placeholder,
            columns,
        )
    if kind == "column":
        c = get_item(PlanColumn, item_id, N_("Coloana"))
        return ColumnFields(c.label, c.number, bool(c.in_plan), bool(c.in_report), c.key)
    i = get_item(Indicator, item_id, N_("Indicatorul"))
    return IndicatorFields(i.text, i.aggregation, i.gender_split, i.placeholder)


def label_of(kind: ItemKind, item_id: int) -> str:
    """How the item is named in questions and messages ("Acțiunea 1.3", "Indicatorul 2 al acțiunii 1.3")."""
    if kind == "priority":
        return _("Prioritatea {number}").format(number=get_item(Priority, item_id, N_("Prioritatea")).number)
    if kind == "action":
        a = get_item(Action, item_id, N_("Acțiunea"))
        if a.parent_id:
            return _("Subacțiunea {code}").format(code=a.code)
        return _("Acțiunea {code}").format(code=a.code)
    if kind == "column":
        return _("Coloana „{label}”").format(label=get_item(PlanColumn, item_id, N_("Coloana")).label)
    i = get_item(Indicator, item_id, N_("Indicatorul"))
    return _("Indicatorul {number} al acțiunii {code}").format(
        number=i.number, code=Action.get_by_id(i.action_id).code
    )


TABLE: dict[ItemKind, str] = {
    "priority": "priority",
    "action": "action",
    "indicator": "indicator",
    "column": "plan_column",
}


MODEL: dict[ItemKind, Any] = {
    "priority": Priority,
    "action": Action,
    "indicator": Indicator,
    "column": PlanColumn,
}


def get_item(model: Any, item_id: int, label: str) -> Any:
    """The row of ``model`` with this id, or a Romanian refusal naming what no longer exists."""
    row = model.get_or_none(model.id == item_id)
    if row is None:
        raise ServiceError(_("{label} nu mai există în plan.").format(label=_(label)))
    return row


def parent_is(parent_id: int | None) -> Any:
    """The condition "the action's parent is ``parent_id``" (None: a top-level action)."""
    return Action.parent.is_null() if parent_id is None else (Action.parent == parent_id)


def plan_of_priority(priority_id: int) -> int:
    """The plan of a priority."""
    return int(Priority.get_by_id(priority_id).plan_id)


def _check_text(label: str, text: str, *, required: bool = True) -> str:
    if required and not text.strip():
        raise ServiceError(_("Completați {label}.").format(label=_(label)))
    problem = text_problem(text)
    if problem:
        raise ServiceError(problem)
    return text


def clean_priority(fields: PriorityFields) -> PriorityFields:
    """A priority's typed fields checked (number and title required), the number trimmed."""
    number = _check_text(N_("numărul priorității"), fields.number).strip()
    title = _check_text(N_("titlul priorității"), fields.title)
    return replace(fields, number=number, title=title)


def clean_action(fields: ActionFields) -> ActionFields:
    """An action's typed fields checked (code and title required, no spaces in the code)."""
    code = _check_text(N_("codul acțiunii"), fields.code).strip()
    if any(c.isspace() for c in code):
        raise ServiceError(_("Codul acțiunii „{code}” nu poate conține spații.").format(code=code))
    _check_text(N_("titlul acțiunii"), fields.title)
    _check_text(N_("termenul"), fields.deadline, required=False)
    _check_text(N_("responsabilii"), fields.responsible_text, required=False)
    return replace(fields, code=code)


def clean_column(fields: ColumnFields) -> ColumnFields:
    """A column's typed fields checked (label required), label and number trimmed."""
    label = _check_text(N_("denumirea coloanei"), fields.label).strip()
    number = _check_text(N_("numărul coloanei"), fields.number, required=False).strip()
    return replace(fields, label=label, number=number)


def column_key(plan_id: int, label: str) -> str:
    """A key for a new column: the label folded to a-z, 0-9 and _, unique in the plan."""
    key = re.sub(r"[^a-z0-9]+", "_", fold_key(label)).strip("_")[:40] or "coloana"
    if key[0].isdigit():
        key = f"c_{key}"
    taken = {c.key for c in PlanColumn.select(PlanColumn.key).where(PlanColumn.plan == plan_id)}
    candidate, n = key, 2
    while candidate in taken:
        candidate, n = f"{key}_{n}", n + 1
    return candidate


def clean_indicator(fields: IndicatorFields) -> IndicatorFields:
    """An indicator's typed fields checked (text required, a known Total rule)."""
    _check_text(N_("textul indicatorului"), fields.text)
    if fields.aggregation not in AGGREGATIONS:
        raise ServiceError(_("Regulă de totalizare necunoscută: „{rule}”.").format(rule=fields.aggregation))
    return fields


def check_priority_number(plan_id: int, number: str, item_id: int | None) -> None:
    """Refuse a priority number another priority of the plan has."""
    clash = Priority.get_or_none(
        (Priority.plan == plan_id) & (Priority.number == number) & (Priority.id != (item_id or 0))
    )
    if clash is not None:
        raise ServiceError(_("Planul are deja o prioritate cu numărul „{number}”.").format(number=number))


def check_action_code(plan_id: int, code: str, item_id: int | None) -> None:
    """Refuse an action code another action of the plan has."""
    clash = (
        Action.select()
        .join(Priority)
        .where((Priority.plan == plan_id) & (Action.code == code) & (Action.id != (item_id or 0)))
        .first()
    )
    if clash is not None:
        raise ServiceError(_("Planul are deja o acțiune cu codul „{code}”.").format(code=code))


ADDED, EDITED, MOVED = N_("adăugare"), N_("modificare"), N_("mutare")


DELETED, RESTORED, RENUMBERED = N_("ștergere"), N_("readucere"), N_("renumerotarea indicatorilor")


def record_edit(kind: ItemKind, item_id: int, plan_id: int, operation: str) -> None:
    """Record a plan-editing write in the change log: "Acțiunea 1.3: ștergere" (Romanian, like the log)."""
    action, column = "", None
    if kind == "action":
        action = Action.get_by_id(item_id).code
    elif kind == "indicator":
        ind = Indicator.get_by_id(item_id)
        action, column = Action.get_by_id(ind.action_id).code, int(ind.number)
    with report_texts():
        note = f"{label_of(kind, item_id)}: {_(operation)}"
    record_plan_edit(plan_id, note, action, column)
