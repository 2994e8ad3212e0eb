"""Editing the plan itself: priorities (groups), actions, sub-actions and indicators, each edit an undoable
:class:`~balti_monitor.services.changes.Write`.

What each edit does to the numbers the report prints:

* **Codes of actions and numbers of priorities are what the plan states**: the user types them (a new item
  gets the next free one as a suggestion) and moving or deleting an item never changes the code of another.
  Up/Down change only the order in which the plan lists the items.
* **Indicator numbers are the columns of an action's grid** (1..N within the action: the responsibilities,
  the return forms and the comments name indicators by that number; the report prints it). A new indicator
  is added last, with the next number. Moving an indicator up or down swaps its number with its neighbour's;
  deleting one renumbers the indicators after it down by one. The values entered stay with *their*
  indicator (they are linked to the indicator, not to its number) and the responsibilities and comments
  follow the new numbers; the editor says which numbers change before it does so, so nothing is renumbered
  silently.

Deleting an item deletes everything under it (sub-actions, indicators, and the data entered for them). The
write snapshots every row it deletes (found by walking the schema's ``ON DELETE CASCADE`` foreign keys, so
tables added later are covered) and its inverse puts them back under their former ids. An item that holds
data (:func:`item_contents`) is deleted only after the user confirmed; :func:`back_up_before_deleting` writes
the automatic backup first (it cannot run inside the write's transaction).

A plan with signed periods is edited only when the write says ``confirm_signed=True``
(:mod:`balti_monitor.services.plan_signatures`: the signed reports print the plan); the inverse of a write
carries its confirmation, so undo and redo do not ask again. Every write records itself in the change log.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from balti_monitor.db.models import Action, Indicator, Plan, PlanColumn, Priority, database
from balti_monitor.domain.text import fold_key
from balti_monitor.i18n import N_, _, ngettext, report_texts
from balti_monitor.services.backup import auto_backup
from balti_monitor.services.changes import ChangeSet, Focus
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.plan_signatures import check_plan_edit, plan_of_item, record_plan_edit
from balti_monitor.services.plans import (
    action_column_values,
    declare_kind_columns,
    plan_columns,
    write_column_value,
)
from balti_monitor.services.values import text_problem

ItemKind = Literal["priority", "action", "indicator", "column"]
KINDS: tuple[ItemKind, ...] = ("priority", "action", "indicator", "column")
AGGREGATIONS = ("sum", "max", "distinct", "status", "manual")

#: tables whose rows are the plan's structure; rows of any other table under a deleted item are data
STRUCTURE_TABLES = frozenset(
    {
        "priority",
        "action",
        "indicator",
        "responsibility",
        "period_responsibility",
        "action_term",
        "indicator_annual_rule",
    }
)


def _data_line(table: str, n: int) -> str:
    """One line of what a deletion loses: "• 3 valori ale indicatorilor;" (counted in the interface
    language)."""
    if table == "return":
        text = ngettext("• {n} informație a unei subdiviziuni;", "• {n} informații ale subdiviziunilor;", n)
    elif table == "value":
        text = ngettext("• {n} valoare a unui indicator;", "• {n} valori ale indicatorilor;", n)
    elif table == "total_override":
        text = ngettext("• {n} total introdus manual;", "• {n} totaluri introduse manual;", n)
    elif table == "reference_total":
        text = ngettext(
            "• {n} total de referință dintr-un raport;", "• {n} totaluri de referință din rapoarte;", n
        )
    elif table == "cell_comment":
        text = ngettext("• {n} comentariu;", "• {n} comentarii;", n)
    elif table == "action_column_value":
        text = ngettext(
            "• {n} text în coloanele planului;",
            "• {n} texte ale elementelor în coloanele planului;",
            n,
        )
    elif table == "return_link":
        text = ngettext("• {n} legătură a progresului;", "• {n} legături ale progresului;", n)
    else:
        return f"• {n} {table};"
    return text.format(n=n)


# -- plain descriptions --------------------------------------------------------------------------------------
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


@dataclass(frozen=True, slots=True)
class ItemContents:
    """What deleting an item loses besides the structure: counts of rows by kind of data."""

    label: str
    counts: tuple[tuple[str, int], ...]
    renumbered: str = ""

    @property
    def has_data(self) -> bool:
        """Something was entered for the item (returns, values, totals, comments …)."""
        return any(n for _, n in self.counts)

    def describe(self) -> str:
        """What is lost, in the interface language."""
        lines = [f"{self.label}:"]
        for table, count in self.counts:
            if count:
                lines.append(_data_line(table, count))
        if len(lines) == 1:
            lines = [_("{label} nu are date introduse.").format(label=self.label)]
        if self.renumbered:
            lines.append(self.renumbered)
        return "\n".join(lines)


# -- reading ----------------------------------------------------------------------------------------------------
Fields = PriorityFields | ActionFields | IndicatorFields | ColumnFields


def fields_of(kind: ItemKind, item_id: int) -> Fields:
    """The current fields of an item (for the editor and for undo)."""
    if kind == "priority":
        p = _get(Priority, item_id, N_("Prioritatea"))
        return PriorityFields(p.number, p.title, p.title_placeholder)
    if kind == "action":
        a = _get(Action, item_id, N_("Acțiunea"))
        plan_id = _plan_of_priority(a.priority_id)
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
        c = _get(PlanColumn, item_id, N_("Coloana"))
        return ColumnFields(c.label, c.number, bool(c.in_plan), bool(c.in_report), c.key)
    i = _get(Indicator, item_id, N_("Indicatorul"))
    return IndicatorFields(i.text, i.aggregation, i.gender_split, i.placeholder)


def label_of(kind: ItemKind, item_id: int) -> str:
    """How the item is named in questions and messages ("Acțiunea 1.3", "Indicatorul 2 al acțiunii 1.3")."""
    if kind == "priority":
        return _("Prioritatea {number}").format(number=_get(Priority, item_id, N_("Prioritatea")).number)
    if kind == "action":
        a = _get(Action, item_id, N_("Acțiunea"))
        if a.parent_id:
            return _("Subacțiunea {code}").format(code=a.code)
        return _("Acțiunea {code}").format(code=a.code)
    if kind == "column":
        return _("Coloana „{label}”").format(label=_get(PlanColumn, item_id, N_("Coloana")).label)
    i = _get(Indicator, item_id, N_("Indicatorul"))
    return _("Indicatorul {number} al acțiunii {code}").format(
        number=i.number, code=Action.get_by_id(i.action_id).code
    )


def item_contents(kind: ItemKind, item_id: int) -> ItemContents:
    """What deleting the item loses (counts of data rows under it) and which numbers it changes."""
    rows = _subtree(_TABLE[kind], item_id)
    extra: dict[str, list[tuple[Any, ...]]] = {}
    if kind == "indicator":
        extra = _indicator_side_rows(item_id)[0]
    counts: dict[str, int] = {}
    everything = [(t, list(r.values())) for t, r in rows.items()] + list(extra.items())
    for table, table_rows in everything:
        if table in STRUCTURE_TABLES:
            continue
        if table == "value":  # a value row with no text is not data (a return's empty cell)
            table_rows = [r for r in table_rows if _raw_text(r)]
        counts[table] = counts.get(table, 0) + len(table_rows)
    renumbered = ""
    if kind == "indicator":
        ind = Indicator.get_by_id(item_id)
        last = _max_number(ind.action_id)
        if ind.number < last:
            renumbered = _(
                "Indicatorii {first}–{last} ai acțiunii primesc numerele {new_first}–{new_last} "
                "(valorile introduse rămân la indicatorii lor)."
            ).format(first=ind.number + 1, last=last, new_first=ind.number, new_last=last - 1)
    order = ["return", "value", "total_override", "reference_total", "cell_comment"]
    ordered = sorted(counts.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order else 99, kv[0]))
    return ItemContents(label_of(kind, item_id), tuple(ordered), renumbered)


def back_up_before_deleting(kind: ItemKind, item_id: int) -> Path | None:
    """Write an automatic backup when the item holds data (before its deletion; outside any transaction).

    Returns the copy (None when the item holds no data or the file is in memory); raises ``ServiceError``
    when the copy cannot be written: then the item must not be deleted.
    """
    if not item_contents(kind, item_id).has_data:
        return None
    return auto_backup("stergereplan")


def suggested_priority_number(plan_id: int) -> str:
    """The roman number after the plan's last priority ("VII" after "VI")."""
    numbers = [p.number for p in Priority.select().where(Priority.plan == plan_id)]
    values = [_from_roman(n) for n in numbers]
    return _to_roman(max([v for v in values if v] or [0]) + 1)


def suggested_action_code(priority_id: int, parent_id: int | None) -> str:
    """The next free code among the siblings ("2.4" after "2.3"; "1.13.1" for the first sub-action of 1.13)."""
    siblings = list(
        Action.select()
        .where((Action.priority == priority_id) & _parent_is(parent_id))
        .order_by(Action.position)
    )
    taken = {
        a.code
        for a in Action.select(Action.code)
        .join(Priority)
        .where(Priority.plan == _plan_of_priority(priority_id))
    }
    if parent_id is not None:
        prefix = Action.get_by_id(parent_id).code + "."
    elif siblings:
        prefix = siblings[-1].code.rsplit(".", 1)[0] + "." if "." in siblings[-1].code else ""
    else:
        prefix = f"{Priority.get_by_id(priority_id).position}."
    last = 0
    for a in siblings:
        match = re.search(r"(\d+)$", a.code)
        if match and a.code.startswith(prefix):
            last = max(last, int(match.group(1)))
    n = last + 1
    while f"{prefix}{n}" in taken:
        n += 1
    return f"{prefix}{n}"


# -- writes: add ------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class AddPriority:
    """Add a priority to a plan, after ``after_id`` (None: last)."""

    plan_id: int
    fields: PriorityFields
    after_id: int | None = None
    confirm_signed: bool = False  # the user confirmed editing a plan with signed periods

    @property
    def show_first(self) -> None:
        """The plan holds for every period."""
        return None

    def apply(self) -> ChangeSet:
        """Add it; the inverse deletes it and puts the other priorities' places back."""
        fields = _clean_priority(self.fields)
        with database.atomic():
            _get(Plan, self.plan_id, N_("Planul"))
            check_plan_edit(self.plan_id, self.confirm_signed)
            _check_priority_number(self.plan_id, fields.number, None)
            query = Priority.select().where(Priority.plan == self.plan_id)
            before, position = _make_room(list(query.order_by(Priority.position)), self.after_id)
            row = Priority.create(
                plan=self.plan_id,
                number=fields.number,
                title=fields.title,
                title_placeholder=fields.title_placeholder,
                position=position,
            )
            _record("priority", row.id, self.plan_id, _ADDED)
        return ChangeSet(
            plan_structure=True,
            inverse=DeleteItem("priority", row.id, positions=before, confirm_signed=self.confirm_signed),
            new_id=row.id,
        )


@dataclass(frozen=True, slots=True)
class AddAction:
    """Add an action to a priority (``parent_id`` None) or a sub-action under an action, after the sibling
    ``after_id`` (None: last)."""

    priority_id: int
    parent_id: int | None
    fields: ActionFields
    after_id: int | None = None
    confirm_signed: bool = False  # the user confirmed editing a plan with signed periods

    @property
    def show_first(self) -> None:
        """The plan holds for every period."""
        return None

    def apply(self) -> ChangeSet:
        """Add it; the inverse deletes it and puts its siblings' places back."""
        fields = _clean_action(self.fields)
        with database.atomic():
            priority = _get(Priority, self.priority_id, N_("Prioritatea"))
            check_plan_edit(priority.plan_id, self.confirm_signed)
            if self.parent_id is not None:
                parent = _get(Action, self.parent_id, N_("Acțiunea-părinte"))
                if parent.priority_id != self.priority_id:
                    raise ServiceError(
                        _("Subacțiunea trebuie să fie în aceeași prioritate ca acțiunea-părinte.")
                    )
            _check_action_code(priority.plan_id, fields.code, None)
            siblings = list(
                Action.select()
                .where((Action.priority == self.priority_id) & _parent_is(self.parent_id))
                .order_by(Action.position)
            )
            before, position = _make_room(siblings, self.after_id)
            row = Action.create(
                priority=self.priority_id,
                parent=self.parent_id,
                code=fields.code,
                title=fields.title,
                title_placeholder=fields.title_placeholder,
                deadline=fields.deadline,
                responsible_text=fields.responsible_text,
                indicators_placeholder=fields.indicators_placeholder,
                position=position,
            )
            for key, text in fields.columns:
                if text:
                    write_column_value(row.id, key, text)
            _record("action", row.id, priority.plan_id, _ADDED)
        return ChangeSet(
            frozenset({row.id}),
            plan_structure=True,
            inverse=DeleteItem("action", row.id, positions=before, confirm_signed=self.confirm_signed),
            focus=Focus(action_id=row.id),
            new_id=row.id,
        )


@dataclass(frozen=True, slots=True)
class AddIndicator:
    """Add an indicator to an action, last (the next number)."""

    action_id: int
    fields: IndicatorFields
    confirm_signed: bool = False  # the user confirmed editing a plan with signed periods

    @property
    def show_first(self) -> None:
        """The plan holds for every period."""
        return None

    def apply(self) -> ChangeSet:
        """Add it; the inverse deletes it."""
        fields = _clean_indicator(self.fields)
        with database.atomic():
            _get(Action, self.action_id, N_("Acțiunea"))
            plan_id = plan_of_item("action", self.action_id)
            check_plan_edit(plan_id, self.confirm_signed)
            row = Indicator.create(
                action=self.action_id,
                number=_max_number(self.action_id) + 1,
                text=fields.text,
                aggregation=fields.aggregation,
                gender_split=fields.gender_split,
                placeholder=fields.placeholder,
            )
            if plan_id is not None:
                _record("indicator", row.id, plan_id, _ADDED)
        return ChangeSet(
            frozenset({self.action_id}),
            plan_structure=True,
            inverse=DeleteItem("indicator", row.id, confirm_signed=self.confirm_signed),
            focus=Focus(action_id=self.action_id),
            new_id=row.id,
        )


@dataclass(frozen=True, slots=True)
class AddColumn:
    """Add a column of the plan's own (source ``column``: each item's text), after ``after_id`` (None:
    last). A plan that still used its kind's columns gets them declared first (undone with it)."""

    plan_id: int
    fields: ColumnFields
    after_id: int | None = None
    confirm_signed: bool = False  # the user confirmed editing a plan with signed periods

    @property
    def show_first(self) -> None:
        """The plan holds for every period."""
        return None

    def apply(self) -> ChangeSet:
        """Add it; the inverse deletes it (and the columns declared for it)."""
        fields = _clean_column(self.fields)
        with database.atomic():
            _get(Plan, self.plan_id, N_("Planul"))
            check_plan_edit(self.plan_id, self.confirm_signed)
            existing = list(
                PlanColumn.select().where(PlanColumn.plan == self.plan_id).order_by(PlanColumn.position)
            )
            declared: tuple[int, ...] = ()
            if not existing:
                declared = tuple(c.id for c in declare_kind_columns(self.plan_id) if c.id is not None)
                existing = list(
                    PlanColumn.select().where(PlanColumn.plan == self.plan_id).order_by(PlanColumn.position)
                )
            if any(c.label.strip().casefold() == fields.label.casefold() for c in existing):
                raise ServiceError(_("Planul are deja o coloană „{label}”.").format(label=fields.label))
            before, position = _make_room(existing, self.after_id)
            if declared:
                before = ()
            row = PlanColumn.create(
                plan=self.plan_id,
                position=position,
                key=fields.key or _column_key(self.plan_id, fields.label),
                label=fields.label,
                number=fields.number,
                source="column",
                in_plan=fields.in_plan,
                in_report=fields.in_report,
            )
            _record("column", row.id, self.plan_id, _ADDED)
        return ChangeSet(
            plan_structure=True,
            inverse=DeleteItem(
                "column", row.id, positions=before, also=declared, confirm_signed=self.confirm_signed
            ),
            new_id=row.id,
        )


# -- writes: edit -----------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class EditItem:
    """Bring an item to ``fields`` (a priority's number and title, an action's code, title, term and
    responsible, an indicator's text and Total rule). A placeholder is filled by saving it with its flag
    off (the editor clears the flag when the text is typed over)."""

    kind: ItemKind
    item_id: int
    fields: Fields
    confirm_signed: bool = False  # the user confirmed editing a plan with signed periods

    @property
    def show_first(self) -> None:
        """The plan holds for every period."""
        return None

    def apply(self) -> ChangeSet:
        """Save; the inverse brings back the previous fields."""
        with database.atomic():
            previous = fields_of(self.kind, self.item_id)
            plan_id = plan_of_item(self.kind, self.item_id)
            check_plan_edit(plan_id, self.confirm_signed)
            action_id: int | None = None
            if isinstance(self.fields, PriorityFields) and self.kind == "priority":
                fields_p = _clean_priority(self.fields)
                row_p = Priority.get_by_id(self.item_id)
                _check_priority_number(row_p.plan_id, fields_p.number, self.item_id)
                Priority.update(
                    number=fields_p.number, title=fields_p.title, title_placeholder=fields_p.title_placeholder
                ).where(Priority.id == self.item_id).execute()
            elif isinstance(self.fields, ActionFields) and self.kind == "action":
                fields_a = _clean_action(self.fields)
                row_a = Action.get_by_id(self.item_id)
                _check_action_code(_plan_of_priority(row_a.priority_id), fields_a.code, self.item_id)
                Action.update(
                    code=fields_a.code,
                    title=fields_a.title,
                    deadline=fields_a.deadline,
                    responsible_text=fields_a.responsible_text,
                    title_placeholder=fields_a.title_placeholder,
                    indicators_placeholder=fields_a.indicators_placeholder,
                ).where(Action.id == self.item_id).execute()
                action_id = self.item_id
                before = dict(previous.columns) if isinstance(previous, ActionFields) else {}
                for key, text in fields_a.columns:
                    if before.get(key, "") != text:
                        write_column_value(self.item_id, key, text)
            elif isinstance(self.fields, ColumnFields) and self.kind == "column":
                fields_c = _clean_column(self.fields)
                PlanColumn.update(
                    label=fields_c.label,
                    number=fields_c.number,
                    in_plan=fields_c.in_plan,
                    in_report=fields_c.in_report,
                ).where(PlanColumn.id == self.item_id).execute()
            elif isinstance(self.fields, IndicatorFields) and self.kind == "indicator":
                fields_i = _clean_indicator(self.fields)
                Indicator.update(
                    text=fields_i.text,
                    aggregation=fields_i.aggregation,
                    gender_split=fields_i.gender_split,
                    placeholder=fields_i.placeholder,
                ).where(Indicator.id == self.item_id).execute()
                action_id = Indicator.get_by_id(self.item_id).action_id
            else:
                raise ServiceError(_("Câmpurile nu corespund elementului editat."))
            if plan_id is not None:
                _record(self.kind, self.item_id, plan_id, _EDITED)
        actions = frozenset({action_id}) if action_id is not None else frozenset()
        return ChangeSet(
            actions,
            plan_structure=True,
            inverse=EditItem(self.kind, self.item_id, previous, self.confirm_signed),
            focus=Focus(action_id=action_id),
        )


# -- writes: order --------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class MoveItem:
    """Move an item one place up (``delta`` -1) or down (+1) among its siblings.

    Priorities and actions change only their order (codes stay); an indicator swaps its number with its
    neighbour's (its values stay with it; responsibilities and comments follow the numbers).
    """

    kind: ItemKind
    item_id: int
    delta: int
    confirm_signed: bool = False  # the user confirmed editing a plan with signed periods

    @property
    def show_first(self) -> None:
        """The plan holds for every period."""
        return None

    def apply(self) -> ChangeSet:
        """Move; refused at either end. The inverse puts the order back."""
        if self.delta not in (-1, 1):
            raise ServiceError(_("Elementul se mută cu câte un loc."))
        with database.atomic():
            if self.kind == "indicator":
                ind = _get(Indicator, self.item_id, N_("Indicatorul"))
                other = ind.number + self.delta
                if (
                    not Indicator.select()
                    .where((Indicator.action == ind.action_id) & (Indicator.number == other))
                    .exists()
                ):
                    raise ServiceError(_(_END_MESSAGE[self.delta]))
                mapping = ((ind.number, other), (other, ind.number))
                return replace(  # Renumber checks the confirmation and records the move
                    Renumber(ind.action_id, mapping, self.confirm_signed).apply(),
                    inverse=MoveItem(self.kind, self.item_id, -self.delta, self.confirm_signed),
                )
            siblings = _siblings(self.kind, self.item_id)
            plan_id = plan_of_item(self.kind, self.item_id)
            check_plan_edit(plan_id, self.confirm_signed)
            ids = [s for s, _ in siblings]
            at = ids.index(self.item_id)
            to = at + self.delta
            if not 0 <= to < len(ids):
                raise ServiceError(_(_END_MESSAGE[self.delta]))
            ids[at], ids[to] = ids[to], ids[at]
            _set_positions(self.kind, tuple((sid, n + 1) for n, sid in enumerate(ids)))
            if plan_id is not None:
                _record(self.kind, self.item_id, plan_id, _MOVED)
        focus = Focus(action_id=self.item_id) if self.kind == "action" else None
        inverse = SetPositions(self.kind, tuple(siblings), self.confirm_signed)
        return ChangeSet(plan_structure=True, inverse=inverse, focus=focus)


_END_MESSAGE = {-1: N_("Elementul este deja primul."), 1: N_("Elementul este deja ultimul.")}


@dataclass(frozen=True, slots=True)
class SetPositions:
    """Give priorities or actions these places (the undo of a move)."""

    kind: ItemKind
    positions: tuple[tuple[int, int], ...]
    confirm_signed: bool = False  # the user confirmed editing a plan with signed periods

    @property
    def show_first(self) -> None:
        """The plan holds for every period."""
        return None

    def apply(self) -> ChangeSet:
        """Set the places; the inverse sets the previous ones."""
        with database.atomic():
            model = _MODEL[self.kind]
            ids = [i for i, _ in self.positions]
            previous = tuple(
                (r.id, r.position) for r in model.select(model.id, model.position).where(model.id.in_(ids))
            )
            if len(previous) != len(ids):
                raise ServiceError(_("Elementele planului s-au schimbat între timp."))
            plan_id = plan_of_item(self.kind, ids[0]) if ids else None
            check_plan_edit(plan_id, self.confirm_signed)
            _set_positions(self.kind, self.positions)
            if plan_id is not None:
                _record(self.kind, ids[0], plan_id, _MOVED)
        return ChangeSet(plan_structure=True, inverse=SetPositions(self.kind, previous, self.confirm_signed))


@dataclass(frozen=True, slots=True)
class Renumber:
    """Give indicators of one action new numbers (``mapping``: old → new), with the responsibilities'
    number lists and the comments' columns following; values stay with their indicators."""

    action_id: int
    mapping: tuple[tuple[int, int], ...]
    confirm_signed: bool = False  # the user confirmed editing a plan with signed periods

    @property
    def show_first(self) -> None:
        """The plan holds for every period."""
        return None

    def apply(self) -> ChangeSet:
        """Renumber; the inverse applies the reverse mapping."""
        with database.atomic():
            _get(Action, self.action_id, N_("Acțiunea"))
            plan_id = plan_of_item("action", self.action_id)
            check_plan_edit(plan_id, self.confirm_signed)
            _renumber(self.action_id, dict(self.mapping))
            if plan_id is not None:
                _record("action", self.action_id, plan_id, _RENUMBERED)
        back = tuple((new, old) for old, new in self.mapping)
        return ChangeSet(
            frozenset({self.action_id}),
            plan_structure=True,
            inverse=Renumber(self.action_id, back, self.confirm_signed),
            focus=Focus(action_id=self.action_id),
        )


# -- writes: delete and restore -----------------------------------------------------------------------------
Rows = tuple[tuple[str, tuple[str, ...], tuple[tuple[Any, ...], ...]], ...]
"""Snapshot of deleted rows: (table, columns, rows) in the order they are put back."""


@dataclass(frozen=True, slots=True)
class DeleteItem:
    """Delete an item and everything under it (sub-actions, indicators, the data entered for them).

    ``positions``: places to give the remaining siblings afterwards (the undo of an add). Deleting an
    indicator renumbers the ones after it down by one. The GUI asks first when :func:`item_contents` finds
    data, and calls :func:`back_up_before_deleting`.
    """

    kind: ItemKind
    item_id: int
    positions: tuple[tuple[int, int], ...] = ()
    also: tuple[int, ...] = ()  # further rows of the same table deleted with it (columns declared by an add)
    confirm_signed: bool = False  # the user confirmed editing a plan with signed periods

    @property
    def show_first(self) -> None:
        """The plan holds for every period."""
        return None

    def apply(self) -> ChangeSet:
        """Delete; the inverse puts every deleted row back under its id."""
        table = _TABLE[self.kind]
        with database.atomic():
            row = _get(_MODEL[self.kind], self.item_id, N_("Elementul"))
            plan_id = plan_of_item(self.kind, self.item_id)
            check_plan_edit(plan_id, self.confirm_signed)
            if plan_id is not None:  # named while it exists
                _record(self.kind, self.item_id, plan_id, _DELETED)
            siblings = () if self.kind == "indicator" else tuple(_siblings(self.kind, self.item_id))
            rows = _subtree(table, self.item_id)
            for other in self.also:
                for other_table, other_rows in _subtree(table, other).items():
                    rows.setdefault(other_table, {}).update(other_rows)
            updates: tuple[tuple[str, int, str, Any], ...] = ()
            renumber: tuple[tuple[int, int], ...] = ()
            actions: frozenset[int] = frozenset()
            if self.kind == "indicator":
                side, updates = _indicator_side_rows(self.item_id)
                for side_table, side_rows in side.items():
                    for values in side_rows:
                        rows.setdefault(side_table, {})[values[0]] = values
                action_id = row.action_id
                number = row.number
                actions = frozenset({action_id})
            elif self.kind == "action":
                actions = frozenset(int(r[0]) for r in rows.get("action", {}).values())
            snapshot = _freeze(rows)
            _delete_rows(snapshot)
            if self.kind == "indicator":
                for side_table, rid, column, _old in updates:
                    current = _column_value(side_table, rid, column)
                    kept = [n for n in _json_list(current) if n != number]
                    _set_column(side_table, rid, column, _dump_list(kept))
                last = _max_number(action_id)
                renumber = tuple((n, n - 1) for n in range(number + 1, last + 1))
                if renumber:
                    _renumber(action_id, dict(renumber))
            if self.positions:
                _set_positions(self.kind, self.positions)
        return ChangeSet(
            actions,
            plan_structure=True,
            inverse=RestoreRows(
                self.kind,
                self.item_id,
                snapshot,
                updates,
                tuple((new, old) for old, new in renumber),
                action_id if self.kind == "indicator" else None,
                siblings,
                self.also,
                self.confirm_signed,
            ),
        )


@dataclass(frozen=True, slots=True)
class RestoreRows:
    """Put back rows a :class:`DeleteItem` deleted (the undo of a deletion or the redo of an add)."""

    kind: ItemKind
    item_id: int
    rows: Rows
    updates: tuple[tuple[str, int, str, Any], ...] = ()
    renumber: tuple[tuple[int, int], ...] = ()
    action_id: int | None = None
    positions: tuple[tuple[int, int], ...] = field(default=())
    also: tuple[int, ...] = ()
    confirm_signed: bool = False  # the user confirmed editing a plan with signed periods

    @property
    def show_first(self) -> None:
        """The plan holds for every period."""
        return None

    def apply(self) -> ChangeSet:
        """Insert the rows (parents first), give back renumbered numbers, lists and places."""
        with database.atomic():
            plan_id = self._plan_id()
            check_plan_edit(plan_id, self.confirm_signed)
            siblings: tuple[tuple[int, int], ...] = ()
            if self.kind != "indicator" and self.positions:
                model = _MODEL[self.kind]
                ids = [i for i, _ in self.positions if i != self.item_id and i not in self.also]
                siblings = tuple(
                    (r.id, r.position)
                    for r in model.select(model.id, model.position).where(model.id.in_(ids))
                )
            if self.action_id is not None and self.renumber:
                _renumber(self.action_id, dict(self.renumber))
            _insert_rows(self.rows)
            for table, rid, column, old in self.updates:
                _set_column(table, rid, column, old)
            if self.positions:
                _set_positions(self.kind, self.positions)
            if plan_id is not None:
                _record(self.kind, self.item_id, plan_id, _RESTORED)
        actions: frozenset[int] = frozenset()
        focus = None
        if self.kind == "indicator" and self.action_id is not None:
            actions = frozenset({self.action_id})
            focus = Focus(action_id=self.action_id)
        elif self.kind == "action":
            actions = frozenset(int(r[0]) for t, _c, rs in self.rows if t == "action" for r in rs)
            focus = Focus(action_id=self.item_id)
        return ChangeSet(
            actions,
            plan_structure=True,
            inverse=DeleteItem(
                self.kind,
                self.item_id,
                positions=siblings,
                also=self.also,
                confirm_signed=self.confirm_signed,
            ),
            focus=focus,
        )

    def _plan_id(self) -> int | None:
        """The plan the rows go back into (from the item's own row: its plan, priority or action)."""
        if self.action_id is not None:
            return plan_of_item("action", self.action_id)
        table = _TABLE[self.kind]
        for name, columns, rows in self.rows:
            if name != table:
                continue
            for row in rows:
                if row[0] != self.item_id:
                    continue
                if "plan_id" in columns:
                    return int(row[columns.index("plan_id")])
                if "priority_id" in columns:
                    return plan_of_item("priority", int(row[columns.index("priority_id")]))
        return None


# -- helpers ----------------------------------------------------------------------------------------------------
_ADDED, _EDITED, _MOVED = N_("adăugare"), N_("modificare"), N_("mutare")
_DELETED, _RESTORED, _RENUMBERED = N_("ștergere"), N_("readucere"), N_("renumerotarea indicatorilor")


def _record(kind: ItemKind, item_id: int, plan_id: int, operation: str) -> None:
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


_TABLE: dict[ItemKind, str] = {
    "priority": "priority",
    "action": "action",
    "indicator": "indicator",
    "column": "plan_column",
}
_MODEL: dict[ItemKind, Any] = {
    "priority": Priority,
    "action": Action,
    "indicator": Indicator,
    "column": PlanColumn,
}


def _sql(query: str, params: Sequence[Any] = ()) -> Any:
    return database.execute_sql(query, params)  # type: ignore[no-untyped-call]


def _get(model: Any, item_id: int, label: str) -> Any:
    row = model.get_or_none(model.id == item_id)
    if row is None:
        raise ServiceError(_("{label} nu mai există în plan.").format(label=_(label)))
    return row


def _parent_is(parent_id: int | None) -> Any:
    return Action.parent.is_null() if parent_id is None else (Action.parent == parent_id)


def _plan_of_priority(priority_id: int) -> int:
    return int(Priority.get_by_id(priority_id).plan_id)


def _check_text(label: str, text: str, *, required: bool = True) -> str:
    if required and not text.strip():
        raise ServiceError(_("Completați {label}.").format(label=_(label)))
    problem = text_problem(text)
    if problem:
        raise ServiceError(problem)
    return text


def _clean_priority(fields: PriorityFields) -> PriorityFields:
    number = _check_text(N_("numărul priorității"), fields.number).strip()
    title = _check_text(N_("titlul priorității"), fields.title)
    return replace(fields, number=number, title=title)


def _clean_action(fields: ActionFields) -> ActionFields:
    code = _check_text(N_("codul acțiunii"), fields.code).strip()
    if any(c.isspace() for c in code):
        raise ServiceError(_("Codul acțiunii „{code}” nu poate conține spații.").format(code=code))
    _check_text(N_("titlul acțiunii"), fields.title)
    _check_text(N_("termenul"), fields.deadline, required=False)
    _check_text(N_("responsabilii"), fields.responsible_text, required=False)
    return replace(fields, code=code)


def _clean_column(fields: ColumnFields) -> ColumnFields:
    label = _check_text(N_("denumirea coloanei"), fields.label).strip()
    number = _check_text(N_("numărul coloanei"), fields.number, required=False).strip()
    return replace(fields, label=label, number=number)


def _column_key(plan_id: int, label: str) -> str:
    """A key for a new column: the label folded to a-z, 0-9 and _, unique in the plan."""
    key = re.sub(r"[^a-z0-9]+", "_", fold_key(label)).strip("_")[:40] or "coloana"
    if key[0].isdigit():
        key = f"c_{key}"
    taken = {c.key for c in PlanColumn.select(PlanColumn.key).where(PlanColumn.plan == plan_id)}
    candidate, n = key, 2
    while candidate in taken:
        candidate, n = f"{key}_{n}", n + 1
    return candidate


def _clean_indicator(fields: IndicatorFields) -> IndicatorFields:
    _check_text(N_("textul indicatorului"), fields.text)
    if fields.aggregation not in AGGREGATIONS:
        raise ServiceError(_("Regulă de totalizare necunoscută: „{rule}”.").format(rule=fields.aggregation))
    return fields


def _check_priority_number(plan_id: int, number: str, item_id: int | None) -> None:
    clash = Priority.get_or_none(
        (Priority.plan == plan_id) & (Priority.number == number) & (Priority.id != (item_id or 0))
    )
    if clash is not None:
        raise ServiceError(_("Planul are deja o prioritate cu numărul „{number}”.").format(number=number))


def _check_action_code(plan_id: int, code: str, item_id: int | None) -> None:
    clash = (
        Action.select()
        .join(Priority)
        .where((Priority.plan == plan_id) & (Action.code == code) & (Action.id != (item_id or 0)))
        .first()
    )
    if clash is not None:
        raise ServiceError(_("Planul are deja o acțiune cu codul „{code}”.").format(code=code))


def _siblings(kind: ItemKind, item_id: int) -> list[tuple[int, int]]:
    """(id, position) of the item and its siblings, in plan order."""
    if kind == "priority":
        p = _get(Priority, item_id, N_("Prioritatea"))
        query = Priority.select(Priority.id, Priority.position).where(Priority.plan == p.plan_id)
        return [(r.id, r.position) for r in query.order_by(Priority.position, Priority.id)]
    if kind == "column":
        c = _get(PlanColumn, item_id, N_("Coloana"))
        columns = PlanColumn.select(PlanColumn.id, PlanColumn.position).where(PlanColumn.plan == c.plan_id)
        return [(r.id, r.position) for r in columns.order_by(PlanColumn.position, PlanColumn.id)]
    a = _get(Action, item_id, N_("Acțiunea"))
    actions = Action.select(Action.id, Action.position).where(
        (Action.priority == a.priority_id) & _parent_is(a.parent_id)
    )
    return [(r.id, r.position) for r in actions.order_by(Action.position, Action.id)]


def _make_room(siblings: Sequence[Any], after_id: int | None) -> tuple[tuple[tuple[int, int], ...], int]:
    """Shift the siblings after ``after_id`` one place down; returns their places before and the new place."""
    before = tuple((s.id, s.position) for s in siblings)
    if after_id is None or not siblings:
        return before, (max((s.position for s in siblings), default=0) + 1)
    ids = [s.id for s in siblings]
    if after_id not in ids:
        raise ServiceError(_("Elementul după care se adaugă nu mai există."))
    at = ids.index(after_id) + 1
    positions: list[tuple[int, int]] = []
    for n, s in enumerate(siblings):
        positions.append((s.id, n + 1 if n < at else n + 2))
    model = type(siblings[0])
    kind: ItemKind = "priority" if model is Priority else "column" if model is PlanColumn else "action"
    _set_positions(kind, tuple(positions))
    return before, at + 1


def _set_positions(kind: ItemKind, positions: Iterable[tuple[int, int]]) -> None:
    model = _MODEL[kind]
    for item_id, position in positions:
        model.update(position=position).where(model.id == item_id).execute()


def _max_number(action_id: int) -> int:
    numbers = [i.number for i in Indicator.select(Indicator.number).where(Indicator.action == action_id)]
    return max(numbers, default=0)


def _json_list(value: Any) -> list[int]:
    if value is None:
        return []
    loaded = json.loads(value) if isinstance(value, str) else value
    return [int(n) for n in loaded]


def _dump_list(numbers: list[int]) -> str:
    return json.dumps(numbers, ensure_ascii=False, sort_keys=True)


def _column_value(table: str, row_id: int, column: str) -> Any:
    found = _sql(f'SELECT "{column}" FROM "{table}" WHERE id = ?', (row_id,)).fetchone()
    return None if found is None else found[0]


def _set_column(table: str, row_id: int, column: str, value: Any) -> None:
    _sql(f'UPDATE "{table}" SET "{column}" = ? WHERE id = ?', (value, row_id))


def _renumber(action_id: int, mapping: dict[int, int]) -> None:
    """Give the action's indicators new numbers and make the responsibilities and comments follow."""
    mapping = {old: new for old, new in mapping.items() if old != new}
    if not mapping:
        return
    rows = {
        i.number: i.id
        for i in Indicator.select(Indicator.id, Indicator.number).where(
            (Indicator.action == action_id) & Indicator.number.in_(list(mapping))
        )
    }
    for old in mapping:  # through negative numbers: the pair (action, number) is unique
        if old in rows:
            Indicator.update(number=-old).where(Indicator.id == rows[old]).execute()
    for old, new in mapping.items():
        if old in rows:
            Indicator.update(number=new).where(Indicator.id == rows[old]).execute()
    for table in ("responsibility", "period_responsibility"):
        for rid, value in _sql(
            f'SELECT id, indicators FROM "{table}" WHERE action_id = ?', (action_id,)
        ).fetchall():
            numbers = _json_list(value)
            moved = [mapping.get(n, n) for n in numbers]
            if moved != numbers:
                _set_column(table, rid, "indicators", _dump_list(moved))
    comments = _sql(
        "SELECT id, column_no FROM cell_comment WHERE action_id = ? AND column_no >= 1", (action_id,)
    ).fetchall()
    for rid, column in comments:
        if column in mapping:
            _set_column("cell_comment", rid, "column_no", mapping[column])


def _indicator_side_rows(
    indicator_id: int,
) -> tuple[dict[str, list[tuple[Any, ...]]], tuple[tuple[str, int, str, Any], ...]]:
    """Rows of the action that name the indicator by its number: comments on its column and
    responsibilities answering only it (deleted with it), and the number lists that lose it (updated)."""
    ind = Indicator.get_by_id(indicator_id)
    rows: dict[str, list[tuple[Any, ...]]] = {}
    comments = _sql(
        "SELECT * FROM cell_comment WHERE action_id = ? AND column_no = ?", (ind.action_id, ind.number)
    ).fetchall()
    if comments:
        rows["cell_comment"] = [tuple(r) for r in comments]
    updates: list[tuple[str, int, str, Any]] = []
    for table in ("responsibility", "period_responsibility"):
        for row in _sql(f'SELECT * FROM "{table}" WHERE action_id = ?', (ind.action_id,)):
            columns = _columns(table)
            value = row[columns.index("indicators")]
            numbers = _json_list(value)
            if ind.number not in numbers:
                continue
            if numbers == [ind.number]:
                rows.setdefault(table, []).append(tuple(row))
            else:
                updates.append((table, int(row[0]), "indicators", value))
    return rows, tuple(updates)


def _raw_text(row: tuple[Any, ...]) -> bool:
    columns = _columns("value")
    return bool(str(row[columns.index("raw_text")] or "").strip())


def _columns(table: str) -> tuple[str, ...]:
    return tuple(r[1] for r in _sql(f'PRAGMA table_info("{table}")'))


def _cascade_children() -> dict[str, list[tuple[str, str]]]:
    """referenced table → [(child table, child column)] over every ``ON DELETE CASCADE`` foreign key."""
    children: dict[str, list[tuple[str, str]]] = {}
    tables = [
        r[0]
        for r in _sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    for table in tables:
        for fk in _sql(f'PRAGMA foreign_key_list("{table}")'):
            referenced, column, on_delete = fk[2], fk[3], str(fk[6]).upper()
            if on_delete == "CASCADE":
                children.setdefault(referenced, []).append((table, column))
    return children


def _subtree(table: str, row_id: int) -> dict[str, dict[int, tuple[Any, ...]]]:
    """Every row a deletion of ``table``/``row_id`` removes (itself and its cascade), by table, parents
    first (breadth first), each row as its raw stored values."""
    children = _cascade_children()
    found: dict[str, dict[int, tuple[Any, ...]]] = {}
    first = _sql(f'SELECT * FROM "{table}" WHERE id = ?', (row_id,)).fetchone()
    if first is None:
        return found
    found[table] = {row_id: tuple(first)}
    queue: list[tuple[str, list[int]]] = [(table, [row_id])]
    while queue:
        parent, ids = queue.pop(0)
        for child, column in children.get(parent, []):
            marks = ", ".join("?" for _ in ids)
            new: list[int] = []
            for row in _sql(f'SELECT * FROM "{child}" WHERE "{column}" IN ({marks})', ids):
                bucket = found.setdefault(child, {})
                if row[0] not in bucket:
                    bucket[row[0]] = tuple(row)
                    new.append(int(row[0]))
            if new:
                queue.append((child, new))
    return found


def _table_order() -> list[str]:
    """Tables ordered so that a referenced table comes before the tables referring to it."""
    children = _cascade_children()
    parents: dict[str, set[str]] = {}
    for referenced, kids in children.items():
        for child, _column in kids:
            if child != referenced:
                parents.setdefault(child, set()).add(referenced)
    tables = sorted(set(children) | set(parents))
    order: list[str] = []
    seen: set[str] = set()

    def visit(name: str) -> None:
        if name in seen:
            return
        seen.add(name)
        for parent in sorted(parents.get(name, ())):
            visit(parent)
        order.append(name)

    for name in tables:
        visit(name)
    return order


def _freeze(rows: dict[str, dict[int, tuple[Any, ...]]]) -> Rows:
    order = _table_order()
    frozen = []
    for table in sorted(rows, key=lambda t: (order.index(t) if t in order else len(order), t)):
        frozen.append((table, _columns(table), tuple(rows[table].values())))
    return tuple(frozen)


def _delete_rows(rows: Rows) -> None:
    """Delete the snapshot's rows, children first (the cascade would do it, row by row is explicit)."""
    for table, _columns_of, table_rows in reversed(rows):
        ids = [r[0] for r in table_rows]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            _sql(f'DELETE FROM "{table}" WHERE id IN ({marks})', chunk)


def _insert_rows(rows: Rows) -> None:
    """Insert the snapshot's rows (parents first) under their former ids."""
    for table, columns, table_rows in rows:
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" for _ in columns)
        for row in table_rows:
            _sql(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', row)


_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]  # fmt: skip


def _to_roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _from_roman(text: str) -> int:
    text = text.strip().upper()
    if not text or any(c not in "IVXLCDM" for c in text):
        return int(text) if text.isdigit() else 0
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for n, c in enumerate(text):
        v = values[c]
        total += -v if n + 1 < len(text) and values[text[n + 1]] > v else v
    return total
