"""Several plans in one file, each of its kind: choosing a plan by code, its kind, its declared columns and
its items' values in them (``docs/plan_kinds.md``).

A plan's columns are its ``plan_column`` rows when it has any, else its kind's columns. Reads take ids and
return plain dataclasses; the one write here, :class:`SetColumnValue`, is a ``Write`` with its inverse.
"""

from __future__ import annotations

from dataclasses import dataclass

from balti_monitor.db.models import (
    Action,
    ActionColumnValue,
    GroupColumn,
    Plan,
    PlanColumn,
    Priority,
    database,
)
from balti_monitor.domain.kinds import KindColumn, PlanKind
from balti_monitor.i18n import _, ngettext
from balti_monitor.services.changes import ChangeSet, Focus
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.kinds import DEFAULT_KIND, find_kind, get_kind
from balti_monitor.services.periods import PeriodKey, PlanInfo, next_period_key, period_infos, plan_infos
from balti_monitor.services.plan_signatures import check_plan_edit, record_plan_edit
from balti_monitor.services.values import text_problem


def plan_codes() -> list[str]:
    """The codes of the file's plans, in the order they were installed."""
    return [p.code for p in plan_infos()]


def select_plan(code: str | None) -> PlanInfo:
    """The plan named ``code``; without a code, the file's only plan.

    Refusals (Romanian, listing the plans of the file): no plan at all, several plans and no code, an
    unknown code.
    """
    plans = plan_infos()
    if code is None:
        if len(plans) == 1:
            return plans[0]
        if not plans:
            raise ServiceError(_("Fișierul nu conține niciun plan."))
        raise ServiceError(
            ngettext(
                "Fișierul conține {n} plan; alegeți unul cu --plan COD (planuri: {codes}).",
                "Fișierul conține {n} planuri; alegeți unul cu --plan COD (planuri: {codes}).",
                len(plans),
            ).format(n=len(plans), codes=", ".join(p.code for p in plans))
        )
    wanted = code.strip()
    for plan in plans:
        if plan.code == wanted:
            return plan
    folded = wanted.casefold()
    matches = [p for p in plans if p.code.casefold() == folded]
    if len(matches) == 1:
        return matches[0]
    known = ", ".join(p.code for p in plans) or _("niciunul")
    raise ServiceError(
        _("Planul „{code}” nu există în acest fișier (planuri: {known}).").format(code=wanted, known=known)
    )


def plan_kind(plan_id: int) -> PlanKind:
    """The kind of a plan (a plan of an unknown kind is read as the ``pla`` kind)."""
    plan = Plan.get_or_none(Plan.id == plan_id)
    if plan is None:
        raise ServiceError(_("Planul nu mai există."))
    return find_kind(plan.kind) or get_kind(DEFAULT_KIND)


@dataclass(frozen=True, slots=True)
class ColumnInfo:
    """One column of a plan (stored: ``id`` set; from the kind: ``id`` None), in display order."""

    id: int | None
    key: str
    label: str
    number: str
    source: str
    format: str
    merge: str
    in_plan: bool
    in_report: bool

    @property
    def is_declared(self) -> bool:
        """Whether the cell text is the item's value of this column (source ``column``)."""
        return self.source == "column"

    def as_kind_column(self) -> KindColumn:
        """The same column as the domain describes it."""
        return KindColumn(
            self.key,
            self.label,
            self.number,
            self.source,
            self.format,
            self.merge,
            self.in_plan,
            self.in_report,
        )


def _info(row: PlanColumn) -> ColumnInfo:
    return ColumnInfo(
        row.id,
        row.key,
        row.label,
        row.number,
        row.source,
        row.format,
        row.merge,
        bool(row.in_plan),
        bool(row.in_report),
    )


def _from_kind(column: KindColumn) -> ColumnInfo:
    return ColumnInfo(
        None,
        column.key,
        column.label,
        column.number,
        column.source,
        column.format,
        column.merge,
        column.in_plan,
        column.in_report,
    )


def plan_columns(plan_id: int) -> list[ColumnInfo]:
    """The plan's columns in order: its declared columns, or its kind's when it declares none."""
    rows = list(PlanColumn.select().where(PlanColumn.plan == plan_id).order_by(PlanColumn.position))
    if rows:
        return [_info(r) for r in rows]
    return [_from_kind(c) for c in plan_kind(plan_id).columns]


def group_columns(priority_id: int) -> list[ColumnInfo]:
    """A group's columns in order (its own set, with its own labels, or its plan's)."""
    priority = Priority.get_or_none(Priority.id == priority_id)
    if priority is None:
        raise ServiceError(_("Grupul nu mai există."))
    own = list(
        GroupColumn.select(GroupColumn, PlanColumn)
        .join(PlanColumn)
        .where(GroupColumn.priority == priority_id)
        .order_by(GroupColumn.position)
    )
    if not own:
        return plan_columns(priority.plan_id)
    found = []
    for item in own:
        base = _info(item.column)
        found.append(
            ColumnInfo(
                base.id,
                base.key,
                item.label,
                base.number,
                base.source,
                base.format,
                base.merge,
                base.in_plan,
                base.in_report,
            )
        )
    return found


def column_values(plan_id: int) -> dict[int, dict[str, str]]:
    """Every item's values of the plan's declared columns: action id → column key → raw text (one query)."""
    query = (
        ActionColumnValue.select(ActionColumnValue, PlanColumn)
        .join(PlanColumn)
        .where(PlanColumn.plan == plan_id)
    )
    found: dict[int, dict[str, str]] = {}
    for value in query:
        found.setdefault(value.action_id, {})[value.column.key] = value.raw_text
    return found


def action_column_values(action_id: int) -> dict[str, str]:
    """One item's values of its plan's declared columns (column key → raw text)."""
    query = (
        ActionColumnValue.select(ActionColumnValue, PlanColumn)
        .join(PlanColumn)
        .where(ActionColumnValue.action == action_id)
    )
    return {value.column.key: value.raw_text for value in query}


def _plan_of_action(action_id: int) -> int:
    row = Action.select(Priority.plan).join(Priority).where(Action.id == action_id).tuples().first()
    if row is None:
        raise ServiceError(_("Acțiunea nu mai există."))
    return int(row[0])


def write_column_value(action_id: int, key: str, text: str) -> str:
    """Write an item's text in a declared column of its plan ("" removes it), inside the caller's
    transaction, without the confirmation or the record of a plan edit (the caller's write does both);
    returns the previous text."""
    problem = text_problem(text)
    if problem:
        raise ServiceError(problem)
    plan_id = _plan_of_action(action_id)
    column = PlanColumn.get_or_none((PlanColumn.plan == plan_id) & (PlanColumn.key == key))
    if column is None or column.source != "column":
        raise ServiceError(_("Planul nu are coloana declarată „{key}”.").format(key=key))
    row = ActionColumnValue.get_or_none(
        (ActionColumnValue.action == action_id) & (ActionColumnValue.column == column.id)
    )
    previous = "" if row is None else str(row.raw_text)
    if not text:
        if row is not None:
            row.delete_instance()
    elif row is None:
        ActionColumnValue.create(action=action_id, column=column.id, raw_text=text)
    elif previous != text:
        row.raw_text = text
        row.save()
    return previous


@dataclass(frozen=True, slots=True)
class SetColumnValue:
    """Write an item's text in one of its plan's declared columns ("" removes it). On a plan with signed
    periods only with ``confirm_signed`` (:mod:`balti_monitor.services.plan_signatures`)."""

    action_id: int
    key: str
    text: str
    confirm_signed: bool = False

    @property
    def show_first(self) -> None:
        """Plan data: no period to show first."""
        return None

    def apply(self) -> ChangeSet:
        """Validate, keep the previous text for the inverse and write, in one transaction."""
        problem = text_problem(self.text)
        if problem:
            raise ServiceError(problem)
        with database.atomic():
            plan_id = _plan_of_action(self.action_id)
            check_plan_edit(plan_id, self.confirm_signed)
            previous = write_column_value(self.action_id, self.key, self.text)
            code = Action.get_by_id(self.action_id).code
            record_plan_edit(plan_id, f"Acțiunea {code}: coloana „{self.key}”", code)
        return ChangeSet(
            plan_structure=True,
            inverse=SetColumnValue(self.action_id, self.key, previous, self.confirm_signed),
            focus=Focus(action_id=self.action_id),
        )


def declare_kind_columns(plan_id: int) -> list[ColumnInfo]:
    """Give a plan that declares no columns its kind's columns as its own (then editable); call inside a
    transaction. Returns the plan's columns."""
    if not PlanColumn.select().where(PlanColumn.plan == plan_id).exists():
        for position, column in enumerate(plan_kind(plan_id).columns, start=1):
            PlanColumn.create(plan=plan_id, position=position, **column.as_dict())
    return plan_columns(plan_id)


def column_value_counts(plan_id: int) -> dict[str, int]:
    """How many items have a text in each declared column of the plan (what deleting the column loses)."""
    query = (
        ActionColumnValue.select(ActionColumnValue, PlanColumn)
        .join(PlanColumn)
        .where(PlanColumn.plan == plan_id)
    )
    counts: dict[str, int] = {}
    for value in query:
        counts[value.column.key] = counts.get(value.column.key, 0) + 1
    return counts


def new_column(key: str, label: str, *, number: str = "", in_report: bool = True) -> ColumnInfo:
    """A declared column to add (source ``column``: the items carry its texts)."""
    return ColumnInfo(None, key, label, number, "column", "text", "none", True, in_report)


@dataclass(frozen=True, slots=True)
class SetPlanColumns:
    """Replace a plan's declared columns with ``columns`` (in order): a column with an ``id`` keeps its
    items' texts, one without is added, a stored column left out is deleted with its texts and its place in
    groups' column sets. ``()`` removes them all (the kind's columns apply again).

    ``restore_values`` (action id, column id, text) and ``restore_groups`` (group id, column id, position,
    label) are filled by the inverse: an undo re-creates deleted columns under their ids with their texts.
    """

    plan_id: int
    columns: tuple[ColumnInfo, ...]
    restore_values: tuple[tuple[int, int, str], ...] = ()
    restore_groups: tuple[tuple[int, int, int, str], ...] = ()
    confirm_signed: bool = False  # the user confirmed editing a plan with signed periods

    @property
    def show_first(self) -> None:
        """Plan data: no period to show first."""
        return None

    def _validate(self) -> None:
        from balti_monitor.domain.kinds import KindError, check_columns, column_from

        try:
            checked = [
                column_from(c.as_kind_column().as_dict(), _("coloana {index}").format(index=index))
                for index, c in enumerate(self.columns, start=1)
            ]
            check_columns(checked, _("coloanele"))
        except KindError as exc:
            raise ServiceError(_("Coloanele planului nu pot fi salvate: {value}").format(value=exc)) from exc
        for column in self.columns:
            problem = text_problem(column.label) or text_problem(column.number)
            if problem:
                raise ServiceError(problem)

    def apply(self) -> ChangeSet:
        """Validate, snapshot the columns, their texts and group sets for the inverse, and write."""
        self._validate()
        with database.atomic():
            if Plan.get_or_none(Plan.id == self.plan_id) is None:
                raise ServiceError(_("Planul nu mai există."))
            check_plan_edit(self.plan_id, self.confirm_signed)
            record_plan_edit(self.plan_id, "Coloanele planului")
            stored = list(
                PlanColumn.select().where(PlanColumn.plan == self.plan_id).order_by(PlanColumn.position)
            )
            stored_ids = {c.id for c in stored}
            for column in self.columns:
                if column.id is not None and column.id in stored_ids:
                    continue
                if column.id is not None and PlanColumn.get_or_none(PlanColumn.id == column.id) is not None:
                    raise ServiceError(_("O coloană aparține altui plan."))
            kept = {c.id for c in self.columns if c.id is not None}
            gone = [c.id for c in stored if c.id not in kept]
            lost_values = tuple(
                (v.action_id, v.column_id, v.raw_text)
                for v in ActionColumnValue.select()
                .where(ActionColumnValue.column.in_(gone))
                .order_by(ActionColumnValue.id)
            )
            lost_groups = tuple(
                (g.priority_id, g.column_id, g.position, g.label)
                for g in GroupColumn.select().where(GroupColumn.column.in_(gone)).order_by(GroupColumn.id)
            )
            previous = tuple(_info(c) for c in stored)
            if gone:
                PlanColumn.delete().where(PlanColumn.id.in_(gone)).execute()  # texts and group places cascade
            # positions first moved out of the way, so a reorder never meets itself
            PlanColumn.update(position=PlanColumn.position + 100000).where(
                PlanColumn.plan == self.plan_id
            ).execute()
            for position, column in enumerate(self.columns, start=1):
                fields = column.as_kind_column().as_dict()
                if column.id is not None and column.id in stored_ids:
                    PlanColumn.update(position=position, **fields).where(PlanColumn.id == column.id).execute()
                else:
                    ids = {} if column.id is None else {"id": column.id}
                    PlanColumn.create(plan=self.plan_id, position=position, **fields, **ids)
            for action_id, column_id, text in self.restore_values:
                ActionColumnValue.create(action=action_id, column=column_id, raw_text=text)
            for priority_id, column_id, position, label in self.restore_groups:
                GroupColumn.create(priority=priority_id, column=column_id, position=position, label=label)
        return ChangeSet(
            plan_structure=True,
            inverse=SetPlanColumns(self.plan_id, previous, lost_values, lost_groups, self.confirm_signed),
        )


def next_period_of(plan_id: int) -> PeriodKey:
    """The period "Perioadă nouă" creates for a plan, by its kind's granularity: the semester after the
    latest semester (``pla``), the year after the latest year, or for a kind reported over a span of years
    the whole plan first, then a span of the same length after the latest one."""
    plan = Plan.get_or_none(Plan.id == plan_id)
    if plan is None:
        raise ServiceError(_("Planul nu mai există."))
    granularity = plan_kind(plan_id).progress.period
    periods = period_infos(plan_id)
    if granularity == "year":
        years = sorted(p.year for p in periods if not p.semester and not p.span_end)
        return PeriodKey(years[-1] + 1 if years else plan.first_year, 0)
    if granularity == "span":
        spans = sorted((p.year, p.span_end) for p in periods if p.span_end)
        if not spans:
            return PeriodKey(plan.first_year, 0, max(plan.last_year, plan.first_year + 1))
        first, last = spans[-1]
        return PeriodKey(first, 0, last).next()
    return next_period_key(plan.first_year, periods)


@dataclass(frozen=True, slots=True)
class SetGroupColumns:
    """Give a group its own column set: (column key, label as the group's header prints it) in order;
    ``()`` makes it use its plan's columns again. The keys name the plan's stored columns."""

    priority_id: int
    columns: tuple[tuple[str, str], ...]
    confirm_signed: bool = False  # the user confirmed editing a plan with signed periods

    @property
    def show_first(self) -> None:
        """Plan data: no period to show first."""
        return None

    def apply(self) -> ChangeSet:
        """Validate, keep the previous set for the inverse and write, in one transaction."""
        for _key, label in self.columns:
            problem = text_problem(label)
            if problem:
                raise ServiceError(problem)
        keys = [key for key, _ in self.columns]
        if len(set(keys)) != len(keys):
            raise ServiceError(_("O coloană apare de două ori în coloanele grupului."))
        with database.atomic():
            priority = Priority.get_or_none(Priority.id == self.priority_id)
            if priority is None:
                raise ServiceError(_("Grupul nu mai există."))
            check_plan_edit(priority.plan_id, self.confirm_signed)
            record_plan_edit(priority.plan_id, f"Prioritatea {priority.number}: coloanele grupului")
            stored = {c.key: c.id for c in PlanColumn.select().where(PlanColumn.plan == priority.plan_id)}
            missing = [key for key in keys if key not in stored]
            if missing:
                raise ServiceError(
                    _(
                        "Planul nu are coloana „{key}”; coloanele unui grup sunt dintre coloanele planului."
                    ).format(key=missing[0])
                )
            key_of = {cid: key for key, cid in stored.items()}
            previous = tuple(
                (key_of[g.column_id], g.label)
                for g in GroupColumn.select()
                .where(GroupColumn.priority == self.priority_id)
                .order_by(GroupColumn.position)
            )
            GroupColumn.delete().where(GroupColumn.priority == self.priority_id).execute()
            for position, (key, label) in enumerate(self.columns, start=1):
                GroupColumn.create(
                    priority=self.priority_id, column=stored[key], position=position, label=label
                )
        return ChangeSet(
            plan_structure=True, inverse=SetGroupColumns(self.priority_id, previous, self.confirm_signed)
        )
