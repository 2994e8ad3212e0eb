"""Filling a :class:`~balti_monitor.export.register.RegisterTable` from the store: a plan's own table
(``period`` None: the columns printed in the plan) or its progress report for one period (the columns
printed in the report). Columns, group headings, the numbered row and the merges come from the plan's
declared columns and its kind (``docs/plan_kinds.md``). Only reads the database; a handful of bulk queries.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from balti_monitor.db.models import (
    Action,
    ActionColumnValue,
    GroupColumn,
    Indicator,
    Period,
    Plan,
    PlanColumn,
    Priority,
    Return,
    ReturnLink,
    Value,
)
from balti_monitor.domain.kinds import ItemTexts, KindColumn, PlanKind, cell_text
from balti_monitor.export.options import ExportError
from balti_monitor.export.register import (
    Link,
    RegisterCell,
    RegisterRow,
    RegisterTable,
    group_row,
    header_row,
)
from balti_monitor.i18n import _
from balti_monitor.services.kinds import find_kind


@dataclass(frozen=True)
class _Progress:
    status: str
    description: str
    links: tuple[Link, ...]
    values: tuple[str, ...]


def _columns(plan: Plan, kind: PlanKind | None, in_report: bool) -> list[KindColumn]:
    stored = list(PlanColumn.select().where(PlanColumn.plan == plan).order_by(PlanColumn.position))
    if stored:
        return [
            KindColumn(c.key, c.label, c.number, c.source, c.format, c.merge, c.in_plan, c.in_report)
            for c in stored
            if (c.in_report if in_report else c.in_plan)
        ]
    if kind is None:
        raise ExportError(
            _("Planul „{code}” nu are coloane declarate și tipul lui („{kind}”) nu este cunoscut.").format(
                code=plan.code, kind=plan.kind
            )
        )
    return [c for c in kind.columns if (c.in_report if in_report else c.in_plan)]


def _spans(keys: list[str], table_keys: list[str]) -> list[int] | None:
    """Spans of a group's own columns over the table's (a missing column is covered by the one before it)."""
    positions = [table_keys.index(k) for k in keys if k in table_keys]
    if len(positions) != len(keys) or positions != sorted(positions) or not positions:
        return None
    positions[0] = 0
    positions.append(len(table_keys))
    return [positions[i + 1] - positions[i] for i in range(len(keys))]


def period_title(period: Period) -> str:
    """ "semestrul I al anului 2020", "anul 2023", "perioada 2017-2019"."""
    if period.span_end:
        return f"perioada {period.year}-{period.span_end}"
    if period.semester:
        return f"semestrul {'I' * period.semester} al anului {period.year}"
    return f"anul {period.year}"


def plan_register(plan_id: int, period_id: int | None = None) -> RegisterTable:
    """The register of a plan (``period_id`` None) or of its progress in one period."""
    plan = Plan.get_by_id(plan_id)
    kind = find_kind(plan.kind)
    period = None if period_id is None else Period.get_by_id(period_id)
    columns = _columns(plan, kind, in_report=period is not None)
    if not columns:
        raise ExportError(_("Planul „{code}” nu are coloane de tipărit.").format(code=plan.code))
    keys = [c.key for c in columns]
    own_columns = bool(kind and kind.groups.own_columns)
    heading = kind.groups.heading if kind else "{title}"
    numbered = bool(kind and kind.numbered_row) and any(c.number for c in columns)

    priorities = list(Priority.select().where(Priority.plan == plan).order_by(Priority.position))
    actions = list(
        Action.select().join(Priority).where(Priority.plan == plan).order_by(Action.priority, Action.position)
    )
    by_id = {a.id: a for a in actions}
    children: dict[int, list[Action]] = defaultdict(list)
    for a in actions:
        if a.parent_id is not None:
            children[a.parent_id].append(a)
    indicators: dict[int, list[str]] = defaultdict(list)
    for ind in (
        Indicator.select().where(Indicator.action << list(by_id)).order_by(Indicator.action, Indicator.number)
    ):
        indicators[ind.action_id].append(str(ind.text))
    column_ids = {c.id: c.key for c in PlanColumn.select().where(PlanColumn.plan == plan)}
    values: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for v in ActionColumnValue.select().where(ActionColumnValue.column << list(column_ids)):
        values[v.action_id].append((column_ids[v.column_id], str(v.raw_text)))
    group_columns: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for g in (
        GroupColumn.select(GroupColumn, PlanColumn)
        .join(PlanColumn)
        .where(GroupColumn.priority << [p.id for p in priorities])
        .order_by(GroupColumn.priority, GroupColumn.position)
    ):
        group_columns[g.priority_id].append((g.column.key, str(g.label)))
    progress: dict[int, _Progress] = {}
    last_change: dt.datetime | None = None
    if period is not None:
        returns = list(Return.select().where((Return.period == period) & Return.subdivision.is_null(True)))
        links: dict[int, list[Link]] = defaultdict(list)
        for link in (
            ReturnLink.select()
            .where(ReturnLink.ret << [r.id for r in returns])
            .order_by(ReturnLink.ret, ReturnLink.position)
        ):
            links[link.return_id].append(Link(str(link.text), str(link.url)))
        typed: dict[int, list[str]] = defaultdict(list)
        for value in (
            Value.select().where(Value.ret << [r.id for r in returns]).order_by(Value.ret, Value.indicator)
        ):
            typed[value.return_id].append(str(value.raw_text))
        for r in returns:
            progress[r.action_id] = _Progress(
                str(r.status), str(r.description), tuple(links[r.id]), tuple(typed[r.id])
            )
            if r.updated_at and (last_change is None or r.updated_at > last_change):
                last_change = r.updated_at

    def texts(action: Action) -> ItemTexts:
        found = progress.get(action.id)
        return ItemTexts(
            code=str(action.code),
            title=str(action.title),
            indicators=tuple(indicators[action.id]),
            deadline=str(action.deadline),
            responsible=str(action.responsible_text),
            columns=tuple(values[action.id]),
            description=found.description if found else "",
            status=found.status if found else "",
            links=tuple((link.text, link.url) for link in found.links) if found else (),
            values=tuple(enumerate(found.values, start=1)) if found else (),
        )

    def cell(column: KindColumn, item: Action, span: int) -> RegisterCell:
        """One cell: the kind's definition of the column's text (``domain.kinds.cell_text``); the progress
        cell keeps its parts so the status prints bold and the links as hyperlinks."""
        own = texts(item)
        if column.source == "progress":
            found = progress.get(item.id)
            if found is None:
                return RegisterCell(span=span)
            return RegisterCell(
                text=found.description, status=found.status.strip(), links=found.links, span=span
            )
        parent = by_id.get(item.parent_id) if item.parent_id is not None else None
        return RegisterCell(text=cell_text(column, own, texts(parent) if parent else None), span=span)

    rows: list[RegisterRow] = []
    if not own_columns:
        rows.append(header_row([c.label for c in columns]))
        if numbered:
            rows.append(RegisterRow("numbers", tuple(RegisterCell(text=c.number) for c in columns)))
    for priority in priorities:
        rows.append(group_row(heading.format(number=priority.number, title=priority.title)))
        group_keys = [k for k, _ in group_columns.get(priority.id, [])]
        spans = _spans(group_keys, keys) if group_keys else None
        shown = [(k, label) for k, label in group_columns.get(priority.id, [])] if spans else []
        if own_columns:
            if spans:
                rows.append(header_row([label for _, label in shown], spans))
            else:
                rows.append(header_row([c.label for c in columns]))
        leaves = [a for a in actions if a.priority_id == priority.id and not children.get(a.id)]
        previous_parent: int | None = None
        for item in leaves:
            same_parent = item.parent_id is not None and item.parent_id == previous_parent
            previous_parent = item.parent_id
            printed = [c for c in columns if c.key in group_keys] if spans else columns
            item_spans = spans or [1] * len(columns)
            cells: list[RegisterCell] = []
            for column, span in zip(printed, item_spans, strict=True):
                if same_parent and column.merge == "down" and column.source.startswith("parent_"):
                    cells.append(RegisterCell(merged_above=True, span=span))
                    continue
                cells.append(cell(column, item, span))
            rows.append(RegisterRow("item", tuple(cells)))

    title = [str(plan.title)]
    if plan.approving_act:
        title.insert(0, f"aprobat prin {plan.approving_act}")
    if period is not None:
        title.append(f"Progresul realizării: {period_title(period)}")
    return RegisterTable(
        columns=tuple(c.label for c in columns),
        rows=tuple(rows),
        title=tuple(title),
        document_title=" — ".join(title[-2:]) if period is not None else str(plan.title),
        when=last_change,
    )
