"""Editing the plan itself: priorities (groups), actions, sub-actions and indicators, each edit an undoable
:class:`~balti_monitor.services.changes.Write`. This module holds the writes that add and edit items
(:class:`AddPriority`, :class:`AddAction`, :class:`AddIndicator`, :class:`AddColumn`, :class:`EditItem`);
the fields they take are in :mod:`~balti_monitor.services.plan_fields`, moving and renumbering in
:mod:`~balti_monitor.services.plan_order`, deleting and restoring in :mod:`~balti_monitor.services.plan_delete`
(over the row snapshots of :mod:`~balti_monitor.services.plan_rows`).

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
data (:func:`~balti_monitor.services.plan_delete.item_contents`) is deleted only after the user confirmed;
:func:`~balti_monitor.services.plan_delete.back_up_before_deleting` writes the automatic backup first (it
cannot run inside the write's transaction).

A plan with signed periods is edited only when the write says ``confirm_signed=True``
(:mod:`balti_monitor.services.plan_signatures`: the signed reports print the plan); the inverse of a write
carries its confirmation, so undo and redo do not ask again. Every write records itself in the change log.
"""

from __future__ import annotations

from dataclasses import dataclass

from balti_monitor.db.models import Action, Indicator, Plan, PlanColumn, Priority, database
from balti_monitor.i18n import N_, _
from balti_monitor.services.changes import ChangeSet, Focus
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.plan_delete import DeleteItem
from balti_monitor.services.plan_fields import (
    ADDED,
    EDITED,
    ActionFields,
    ColumnFields,
    Fields,
    IndicatorFields,
    ItemKind,
    PriorityFields,
    check_action_code,
    check_priority_number,
    clean_action,
    clean_column,
    clean_indicator,
    clean_priority,
    column_key,
    fields_of,
    get_item,
    parent_is,
    plan_of_priority,
    record_edit,
)
from balti_monitor.services.plan_order import make_room, max_number
from balti_monitor.services.plan_signatures import check_plan_edit, plan_of_item
from balti_monitor.services.plans import declare_kind_columns, write_column_value


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
        fields = clean_priority(self.fields)
        with database.atomic():
            get_item(Plan, self.plan_id, N_("Planul"))
            check_plan_edit(self.plan_id, self.confirm_signed)
            check_priority_number(self.plan_id, fields.number, None)
            query = Priority.select().where(Priority.plan == self.plan_id)
            before, position = make_room(list(query.order_by(Priority.position)), self.after_id)
            row = Priority.create(
                plan=self.plan_id,
                number=fields.number,
                title=fields.title,
                title_placeholder=fields.title_placeholder,
                position=position,
            )
            record_edit("priority", row.id, self.plan_id, ADDED)
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
        fields = clean_action(self.fields)
        with database.atomic():
            priority = get_item(Priority, self.priority_id, N_("Prioritatea"))
            check_plan_edit(priority.plan_id, self.confirm_signed)
            if self.parent_id is not None:
                parent = get_item(Action, self.parent_id, N_("Acțiunea-părinte"))
                if parent.priority_id != self.priority_id:
                    raise ServiceError(
                        _("Subacțiunea trebuie să fie în aceeași prioritate ca acțiunea-părinte.")
                    )
            check_action_code(priority.plan_id, fields.code, None)
            siblings = list(
                Action.select()
                .where((Action.priority == self.priority_id) & parent_is(self.parent_id))
                .order_by(Action.position)
            )
            before, position = make_room(siblings, self.after_id)
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
            record_edit("action", row.id, priority.plan_id, ADDED)
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
        fields = clean_indicator(self.fields)
        with database.atomic():
            get_item(Action, self.action_id, N_("Acțiunea"))
            plan_id = plan_of_item("action", self.action_id)
            check_plan_edit(plan_id, self.confirm_signed)
            row = Indicator.create(
                action=self.action_id,
                number=max_number(self.action_id) + 1,
                text=fields.text,
                aggregation=fields.aggregation,
                gender_split=fields.gender_split,
                placeholder=fields.placeholder,
            )
            if plan_id is not None:
                record_edit("indicator", row.id, plan_id, ADDED)
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
        fields = clean_column(self.fields)
        with database.atomic():
            get_item(Plan, self.plan_id, N_("Planul"))
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
            before, position = make_room(existing, self.after_id)
            if declared:
                before = ()
            row = PlanColumn.create(
                plan=self.plan_id,
                position=position,
                key=fields.key or column_key(self.plan_id, fields.label),
                label=fields.label,
                number=fields.number,
                source="column",
                in_plan=fields.in_plan,
                in_report=fields.in_report,
            )
            record_edit("column", row.id, self.plan_id, ADDED)
        return ChangeSet(
            plan_structure=True,
            inverse=DeleteItem(
                "column", row.id, positions=before, also=declared, confirm_signed=self.confirm_signed
            ),
            new_id=row.id,
        )


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
                fields_p = clean_priority(self.fields)
                row_p = Priority.get_by_id(self.item_id)
                check_priority_number(row_p.plan_id, fields_p.number, self.item_id)
                Priority.update(
                    number=fields_p.number, title=fields_p.title, title_placeholder=fields_p.title_placeholder
                ).where(Priority.id == self.item_id).execute()
            elif isinstance(self.fields, ActionFields) and self.kind == "action":
                fields_a = clean_action(self.fields)
                row_a = Action.get_by_id(self.item_id)
                check_action_code(plan_of_priority(row_a.priority_id), fields_a.code, self.item_id)
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
                fields_c = clean_column(self.fields)
                PlanColumn.update(
                    label=fields_c.label,
                    number=fields_c.number,
                    in_plan=fields_c.in_plan,
                    in_report=fields_c.in_report,
                ).where(PlanColumn.id == self.item_id).execute()
            elif isinstance(self.fields, IndicatorFields) and self.kind == "indicator":
                fields_i = clean_indicator(self.fields)
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
                record_edit(self.kind, self.item_id, plan_id, EDITED)
        actions = frozenset({action_id}) if action_id is not None else frozenset()
        return ChangeSet(
            actions,
            plan_structure=True,
            inverse=EditItem(self.kind, self.item_id, previous, self.confirm_signed),
            focus=Focus(action_id=action_id),
        )
