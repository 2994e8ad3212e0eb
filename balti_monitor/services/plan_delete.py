"""Deleting a plan item and putting it back: what a deletion loses (:func:`item_contents`, which the editor
shows before deleting data, and :func:`back_up_before_deleting`), :class:`DeleteItem` (the item, everything
under it and the rows that name an indicator by its number) and its inverse :class:`RestoreRows` (every row
back under its former id, the numbers and places as they were).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from balti_monitor.db.models import Indicator, database
from balti_monitor.i18n import N_, _, ngettext
from balti_monitor.services.backup import auto_backup
from balti_monitor.services.changes import ChangeSet, Focus
from balti_monitor.services.plan_fields import (
    DELETED,
    MODEL,
    RESTORED,
    TABLE,
    ItemKind,
    get_item,
    label_of,
    record_edit,
)
from balti_monitor.services.plan_order import max_number, renumber_indicators, set_positions, sibling_places
from balti_monitor.services.plan_rows import (
    Rows,
    column_value,
    delete_rows,
    dump_list,
    freeze,
    has_raw_text,
    insert_rows,
    json_list,
    select_rows,
    set_column,
    subtree,
    table_columns,
)
from balti_monitor.services.plan_signatures import check_plan_edit, plan_of_item

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


def item_contents(kind: ItemKind, item_id: int) -> ItemContents:
    """What deleting the item loses (counts of data rows under it) and which numbers it changes."""
    rows = subtree(TABLE[kind], item_id)
    extra: dict[str, list[tuple[Any, ...]]] = {}
    if kind == "indicator":
        extra = indicator_side_rows(item_id)[0]
    counts: dict[str, int] = {}
    everything = [(t, list(r.values())) for t, r in rows.items()] + list(extra.items())
    for table, table_rows in everything:
        if table in STRUCTURE_TABLES:
            continue
        if table == "value":  # a value row with no text is not data (a return's empty cell)
            table_rows = [r for r in table_rows if has_raw_text(r)]
        counts[table] = counts.get(table, 0) + len(table_rows)
    renumbered = ""
    if kind == "indicator":
        ind = Indicator.get_by_id(item_id)
        last = max_number(ind.action_id)
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


def indicator_side_rows(
    indicator_id: int,
) -> tuple[dict[str, list[tuple[Any, ...]]], tuple[tuple[str, int, str, Any], ...]]:
    """Rows of the action that name the indicator by its number: comments on its column and
    responsibilities answering only it (deleted with it), and the number lists that lose it (updated)."""
    ind = Indicator.get_by_id(indicator_id)
    rows: dict[str, list[tuple[Any, ...]]] = {}
    comments = select_rows("cell_comment", "action_id = ? AND column_no = ?", (ind.action_id, ind.number))
    if comments:
        rows["cell_comment"] = comments
    updates: list[tuple[str, int, str, Any]] = []
    for table in ("responsibility", "period_responsibility"):
        columns = table_columns(table)
        for row in select_rows(table, "action_id = ?", (ind.action_id,)):
            value = row[columns.index("indicators")]
            numbers = json_list(value)
            if ind.number not in numbers:
                continue
            if numbers == [ind.number]:
                rows.setdefault(table, []).append(tuple(row))
            else:
                updates.append((table, int(row[0]), "indicators", value))
    return rows, tuple(updates)


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
        table = TABLE[self.kind]
        with database.atomic():
            row = get_item(MODEL[self.kind], self.item_id, N_("Elementul"))
            plan_id = plan_of_item(self.kind, self.item_id)
            check_plan_edit(plan_id, self.confirm_signed)
            if plan_id is not None:  # named while it exists
                record_edit(self.kind, self.item_id, plan_id, DELETED)
            siblings = () if self.kind == "indicator" else tuple(sibling_places(self.kind, self.item_id))
            rows = subtree(table, self.item_id)
            for other in self.also:
                for other_table, other_rows in subtree(table, other).items():
                    rows.setdefault(other_table, {}).update(other_rows)
            updates: tuple[tuple[str, int, str, Any], ...] = ()
            renumber: tuple[tuple[int, int], ...] = ()
            actions: frozenset[int] = frozenset()
            if self.kind == "indicator":
                side, updates = indicator_side_rows(self.item_id)
                for side_table, side_rows in side.items():
                    for values in side_rows:
                        rows.setdefault(side_table, {})[values[0]] = values
                action_id = row.action_id
                number = row.number
                actions = frozenset({action_id})
            elif self.kind == "action":
                actions = frozenset(int(r[0]) for r in rows.get("action", {}).values())
            snapshot = freeze(rows)
            delete_rows(snapshot)
            if self.kind == "indicator":
                for side_table, rid, column, _old in updates:
                    current = column_value(side_table, rid, column)
                    kept = [n for n in json_list(current) if n != number]
                    set_column(side_table, rid, column, dump_list(kept))
                last = max_number(action_id)
                renumber = tuple((n, n - 1) for n in range(number + 1, last + 1))
                if renumber:
                    renumber_indicators(action_id, dict(renumber))
            if self.positions:
                set_positions(self.kind, self.positions)
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
                model = MODEL[self.kind]
                ids = [i for i, _ in self.positions if i != self.item_id and i not in self.also]
                siblings = tuple(
                    (r.id, r.position)
                    for r in model.select(model.id, model.position).where(model.id.in_(ids))
                )
            if self.action_id is not None and self.renumber:
                renumber_indicators(self.action_id, dict(self.renumber))
            insert_rows(self.rows)
            for table, rid, column, old in self.updates:
                set_column(table, rid, column, old)
            if self.positions:
                set_positions(self.kind, self.positions)
            if plan_id is not None:
                record_edit(self.kind, self.item_id, plan_id, RESTORED)
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
        table = TABLE[self.kind]
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
