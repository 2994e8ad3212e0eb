"""Order and numbers of the plan's items: the roman numbers of priorities and the next free codes (what a
new item is offered), places among siblings, renumbering an action's indicators (the responsibilities and
comments follow the numbers, the values stay with their indicators), and the writes that only reorder:
:class:`MoveItem`, :class:`SetPositions` (the undo of a move) and :class:`Renumber`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from balti_monitor.db.models import Action, Indicator, PlanColumn, Priority, database
from balti_monitor.i18n import N_, _
from balti_monitor.services.changes import ChangeSet, Focus
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.plan_fields import (
    MODEL,
    MOVED,
    RENUMBERED,
    ItemKind,
    get_item,
    parent_is,
    plan_of_priority,
    record_edit,
)
from balti_monitor.services.plan_rows import dump_list, json_list, set_column, sql
from balti_monitor.services.plan_signatures import check_plan_edit, plan_of_item


def suggested_priority_number(plan_id: int) -> str:
    """The roman number after the plan's last priority ("VII" after "VI")."""
    numbers = [p.number for p in Priority.select().where(Priority.plan == plan_id)]
    values = [_from_roman(n) for n in numbers]
    return _to_roman(max([v for v in values if v] or [0]) + 1)


def suggested_action_code(priority_id: int, parent_id: int | None) -> str:
    """The next free code among the siblings ("2.4" after "2.3"; "1.13.1" for the first sub-action of 1.13)."""
    siblings = list(
        Action.select()
        .where((Action.priority == priority_id) & parent_is(parent_id))
        .order_by(Action.position)
    )
    taken = {
        a.code
        for a in Action.select(Action.code)
        .join(Priority)
        .where(Priority.plan == plan_of_priority(priority_id))
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


def sibling_places(kind: ItemKind, item_id: int) -> list[tuple[int, int]]:
    """(id, position) of the item and its siblings, in plan order."""
    if kind == "priority":
        p = get_item(Priority, item_id, N_("Prioritatea"))
        query = Priority.select(Priority.id, Priority.position).where(Priority.plan == p.plan_id)
        return [(r.id, r.position) for r in query.order_by(Priority.position, Priority.id)]
    if kind == "column":
        c = get_item(PlanColumn, item_id, N_("Coloana"))
        columns = PlanColumn.select(PlanColumn.id, PlanColumn.position).where(PlanColumn.plan == c.plan_id)
        return [(r.id, r.position) for r in columns.order_by(PlanColumn.position, PlanColumn.id)]
    a = get_item(Action, item_id, N_("Acțiunea"))
    actions = Action.select(Action.id, Action.position).where(
        (Action.priority == a.priority_id) & parent_is(a.parent_id)
    )
    return [(r.id, r.position) for r in actions.order_by(Action.position, Action.id)]


def make_room(siblings: Sequence[Any], after_id: int | None) -> tuple[tuple[tuple[int, int], ...], int]:
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
    set_positions(kind, tuple(positions))
    return before, at + 1


def set_positions(kind: ItemKind, positions: Iterable[tuple[int, int]]) -> None:
    """Give items of one kind these places (id, position)."""
    model = MODEL[kind]
    for item_id, position in positions:
        model.update(position=position).where(model.id == item_id).execute()


def max_number(action_id: int) -> int:
    """The highest indicator number of an action (0 without indicators)."""
    numbers = [i.number for i in Indicator.select(Indicator.number).where(Indicator.action == action_id)]
    return max(numbers, default=0)


def renumber_indicators(action_id: int, mapping: dict[int, int]) -> None:
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
        for rid, value in sql(
            f'SELECT id, indicators FROM "{table}" WHERE action_id = ?', (action_id,)
        ).fetchall():
            numbers = json_list(value)
            moved = [mapping.get(n, n) for n in numbers]
            if moved != numbers:
                set_column(table, rid, "indicators", dump_list(moved))
    comments = sql(
        "SELECT id, column_no FROM cell_comment WHERE action_id = ? AND column_no >= 1", (action_id,)
    ).fetchall()
    for rid, column in comments:
        if column in mapping:
            set_column("cell_comment", rid, "column_no", mapping[column])


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
                ind = get_item(Indicator, self.item_id, N_("Indicatorul"))
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
            siblings = sibling_places(self.kind, self.item_id)
            plan_id = plan_of_item(self.kind, self.item_id)
            check_plan_edit(plan_id, self.confirm_signed)
            ids = [s for s, _ in siblings]
            at = ids.index(self.item_id)
            to = at + self.delta
            if not 0 <= to < len(ids):
                raise ServiceError(_(_END_MESSAGE[self.delta]))
            ids[at], ids[to] = ids[to], ids[at]
            set_positions(self.kind, tuple((sid, n + 1) for n, sid in enumerate(ids)))
            if plan_id is not None:
                record_edit(self.kind, self.item_id, plan_id, MOVED)
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
            model = MODEL[self.kind]
            ids = [i for i, _ in self.positions]
            previous = tuple(
                (r.id, r.position) for r in model.select(model.id, model.position).where(model.id.in_(ids))
            )
            if len(previous) != len(ids):
                raise ServiceError(_("Elementele planului s-au schimbat între timp."))
            plan_id = plan_of_item(self.kind, ids[0]) if ids else None
            check_plan_edit(plan_id, self.confirm_signed)
            set_positions(self.kind, self.positions)
            if plan_id is not None:
                record_edit(self.kind, ids[0], plan_id, MOVED)
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
            get_item(Action, self.action_id, N_("Acțiunea"))
            plan_id = plan_of_item("action", self.action_id)
            check_plan_edit(plan_id, self.confirm_signed)
            renumber_indicators(self.action_id, dict(self.mapping))
            if plan_id is not None:
                record_edit("action", self.action_id, plan_id, RENUMBERED)
        back = tuple((new, old) for old, new in self.mapping)
        return ChangeSet(
            frozenset({self.action_id}),
            plan_structure=True,
            inverse=Renumber(self.action_id, back, self.confirm_signed),
            focus=Focus(action_id=self.action_id),
        )


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
