"""Editing a plan that has signed periods: which signed reports print it, the confirmation an edit needs,
and whether the plan changed after a period was signed.

A signed period keeps the SHA-256 of its report and the lock triggers refuse every write to its *data*;
the plan itself (priorities, actions, indicators, the plan's columns) is not the period's data and is
legitimately amended over the plan's five years. But the report of a period prints the plan, so a new
export of a signed period after an amendment is no longer the signed document. Therefore:

* every plan-editing write (:mod:`~balti_monitor.services.plan_edit`, ``plan_order``, ``plan_delete``,
  the declared columns of :mod:`~balti_monitor.services.plans`) on a plan with signed periods is refused with
  :class:`SignedPlanEdit` unless the caller passes ``confirm_signed=True`` (the GUI asks the user first,
  naming :func:`signed_periods_printing`); the inverse of a confirmed write carries the confirmation, so
  undo and redo do not ask again;
* every plan-editing write is recorded in the change log (kind ``plan``, field ``structure``, the item in
  ``note``), in the write's transaction (:func:`record_plan_edit`): with the triggers' records of the action
  titles and indicator texts, the log says when the plan last changed;
* signing a period keeps the :func:`plan_fingerprint` of the plan it printed (in ``Plan.extra``, like the
  forms' key: no schema change), so :func:`plan_amended_after_signature` tells exactly, for the export's
  pre-flight, whether a new export would print another plan (an edit undone is no amendment) and, from
  the log, when it last changed. A signature made before the fingerprints existed falls back to the log
  alone: a plan edit recorded after the signature.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from balti_monitor.db.models import (
    Action,
    ActionColumnValue,
    AuditContext,
    ChangeLog,
    GroupColumn,
    Indicator,
    Period,
    PeriodSignature,
    Plan,
    PlanColumn,
    Priority,
)
from balti_monitor.i18n import _
from balti_monitor.services.audit import current_user
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.periods import key_of

#: the change log's field for a plan-editing write (kind ``plan``)
STRUCTURE_FIELD = "structure"
#: key in ``Plan.extra``: period code -> :func:`plan_fingerprint` of the plan when the period was signed
SIGNED_PLAN_KEY = "signed_plan"


@dataclass(frozen=True, slots=True)
class SignedPeriod:
    """A signed period whose report prints the plan: its code ("2023-S1"), its name in the interface's
    language ("semestrul I al anului 2023") and who signed when."""

    period_id: int
    code: str
    shown: str
    signed_by: str
    signed_at: str


class SignedPlanEdit(ServiceError):
    """A plan-editing write on a plan with signed periods, not confirmed; nothing was changed.

    ``periods``: the signed periods whose reports print the plan (what the question names).
    """

    def __init__(self, message: str, periods: tuple[SignedPeriod, ...]) -> None:
        super().__init__(message)
        self.periods = periods


def plan_of_item(kind: str, item_id: int) -> int | None:
    """The plan of a priority, action, indicator or declared column (None when it no longer exists)."""
    if kind == "priority":
        row = Priority.select(Priority.plan).where(Priority.id == item_id).tuples().first()
    elif kind == "action":
        row = Action.select(Priority.plan).join(Priority).where(Action.id == item_id).tuples().first()
    elif kind == "indicator":
        row = (
            Indicator.select(Priority.plan)
            .join(Action)
            .join(Priority)
            .where(Indicator.id == item_id)
            .tuples()
            .first()
        )
    elif kind == "column":
        row = PlanColumn.select(PlanColumn.plan).where(PlanColumn.id == item_id).tuples().first()
    else:
        raise ValueError(kind)
    return None if row is None else int(row[0])


def signed_periods_printing(
    plan_id: int | None = None, kind: str | None = None, item_id: int | None = None
) -> tuple[SignedPeriod, ...]:
    """The signed periods whose reports print the plan ``plan_id``, or the item ``kind``/``item_id``, in
    chronological order.

    A period's report prints every item of its plan (the export's default includes the actions without
    returns, and the plan table prints them all), so an item is printed by every signed period of its plan.
    """
    if plan_id is None:
        if kind is None or item_id is None:
            raise ValueError("a plan or an item is needed")
        plan_id = plan_of_item(kind, item_id)
        if plan_id is None:
            return ()
    query = (
        PeriodSignature.select(PeriodSignature, Period)
        .join(Period)
        .where(Period.plan == plan_id)
        .order_by(Period.year, Period.semester, Period.span_end)
    )
    found = []
    for sig in query:
        key = key_of(sig.period)
        found.append(SignedPeriod(sig.period.id, key.code, key.shown, sig.signed_by, sig.signed_at))
    return tuple(found)


def periods_text(periods: tuple[SignedPeriod, ...]) -> str:
    """The periods as a question names them: "semestrul I al anului 2023 (2023-S1), …"."""
    return ", ".join(f"{p.shown} ({p.code})" for p in periods)


def refusal(periods: tuple[SignedPeriod, ...]) -> SignedPlanEdit:
    """The refusal of an unconfirmed plan edit (in the interface's language)."""
    return SignedPlanEdit(
        _(
            "Planul are perioade semnate: {periods}. Modificarea planului trebuie confirmată: documentele "
            "semnate rămân cum au fost semnate, dar un export nou al acestor perioade ar arăta planul "
            "modificat și nu ar mai corespunde semnăturii."
        ).format(periods=periods_text(periods)),
        periods,
    )


def check_plan_edit(plan_id: int | None, confirmed: bool) -> None:
    """Before a plan-editing write: refuse (:class:`SignedPlanEdit`) when the plan has signed periods and
    the write is not confirmed. ``plan_id`` None (the item is gone) does nothing: the write refuses on its
    own."""
    if plan_id is None or confirmed:
        return
    periods = signed_periods_printing(plan_id)
    if periods:
        raise refusal(periods)


def record_plan_edit(plan_id: int, note: str, action: str = "", column: int | None = None) -> None:
    """Record a plan-editing write in the change log, in the write's transaction (kind ``plan``, field
    :data:`STRUCTURE_FIELD`; ``note`` says what, in Romanian like the rest of the log; ``action`` the
    action's code and ``column`` the indicator's number, if any). Who and from where come from the
    ``audit_context`` row :func:`~balti_monitor.services.audit.recording` set, as for the triggers."""
    context = AuditContext.get_or_none(AuditContext.id == 1)
    ChangeLog.create(
        at=int(dt.datetime.now(dt.UTC).timestamp()),
        who=context.who if context is not None and context.who else current_user(),
        source=context.source if context is not None else "",
        kind="plan",
        plan_id=plan_id,
        period="",
        action=action,
        column_no=column,
        field=STRUCTURE_FIELD,
        note=note,
    )


def _rows(query: Any, skip: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    return [{k: v for k, v in row.items() if k not in skip} for row in query.dicts()]


_ACTION_SKIP = ("id", "priority", "parent", "position", "code")


def _action_row(a: Action, number: dict[int, str], code: dict[int, str], rank: dict[int, int]) -> list[Any]:
    """An action as the fingerprint sees it: its place by codes and rank, then every stored field."""
    fields = [
        json.dumps(v, sort_keys=True, default=str)
        for k, v in sorted(a.__data__.items())
        if k not in _ACTION_SKIP
    ]
    return [number[a.priority_id], code.get(a.parent_id or 0, ""), rank[a.id], a.code, *fields]


def plan_fingerprint(plan_id: int) -> str:
    """The SHA-256 of what a report prints of the plan: its own texts, priorities, actions, indicators,
    declared columns (and groups' column sets) and the items' texts in them, in order, named by codes and
    numbers rather than ids (so the same plan gives the same fingerprint after a JSON export and import)."""
    plan = Plan.get_by_id(plan_id)
    priorities = list(
        Priority.select().where(Priority.plan == plan_id).order_by(Priority.position, Priority.id)
    )
    number = {p.id: p.number for p in priorities}
    actions = list(
        Action.select().join(Priority).where(Priority.plan == plan_id).order_by(Action.position, Action.id)
    )
    code = {a.id: a.code for a in actions}
    rank: dict[int, int] = {}  # the place among its siblings (positions may have gaps)
    seen: dict[tuple[int, int], int] = {}
    for a in actions:
        siblings = (a.priority_id, a.parent_id or 0)
        rank[a.id] = seen[siblings] = seen.get(siblings, 0) + 1
    columns = list(PlanColumn.select().where(PlanColumn.plan == plan_id).order_by(PlanColumn.position))
    key = {c.id: c.key for c in columns}
    indicators = (
        Indicator.select()
        .join(Action)
        .join(Priority)
        .where(Priority.plan == plan_id)
        .order_by(Indicator.number)
    )
    content = {
        "plan": [plan.code, plan.title, plan.short_title, plan.approving_act, plan.kind],
        "priorities": [[p.number, p.title, bool(p.title_placeholder)] for p in priorities],
        "actions": sorted(_action_row(a, number, code, rank) for a in actions),
        "indicators": sorted(
            [code[i.action_id], i.number, i.text, i.aggregation, bool(i.gender_split), bool(i.placeholder)]
            for i in indicators
        ),
        "columns": [
            [c.key, c.label, c.number, c.source, c.format, c.merge, bool(c.in_plan), bool(c.in_report)]
            for c in columns
        ],
        "groups": sorted(
            [number[g["priority"]], g["position"], key[g["column"]], g["label"]]
            for g in _rows(GroupColumn.select().where(GroupColumn.column.in_(list(key))), ("id",))
        )
        if key
        else [],
        "texts": sorted(
            [code[v["action"]], key[v["column"]], v["raw_text"]]
            for v in _rows(ActionColumnValue.select().where(ActionColumnValue.column.in_(list(key))), ("id",))
        )
        if key
        else [],
    }
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def remember_signed_plan(period_id: int) -> None:
    """Keep the fingerprint of the plan a period's signed report printed (call in the signing's
    transaction)."""
    period = Period.get_by_id(period_id)
    plan = Plan.get_by_id(period.plan_id)
    extra = dict(plan.extra or {})
    prints = dict(extra.get(SIGNED_PLAN_KEY) or {})
    prints[key_of(period).code] = plan_fingerprint(plan.id)
    extra[SIGNED_PLAN_KEY] = prints
    Plan.update(extra=extra).where(Plan.id == plan.id).execute()


@dataclass(frozen=True, slots=True)
class PlanAmendment:
    """The plan of a signed period is no longer the one its signed report printed; ``last_edit``: when the
    plan last changed after the signature (local time), None when the change log does not say."""

    last_edit: dt.datetime | None


def plan_amended_after_signature(period_id: int) -> PlanAmendment | None:
    """Whether a new export of a signed period would print another plan than the signed report (None: not
    signed, or the same plan — an edit undone included)."""
    sig = PeriodSignature.get_or_none(PeriodSignature.period == period_id)
    if sig is None:
        return None
    period = Period.get_by_id(period_id)
    code = key_of(period).code
    stored = (Plan.get_by_id(period.plan_id).extra or {}).get(SIGNED_PLAN_KEY, {}).get(code)
    last_edit = _last_edit_after(sig, period, code)
    if stored is not None:
        return None if plan_fingerprint(period.plan_id) == stored else PlanAmendment(last_edit)
    return None if last_edit is None else PlanAmendment(last_edit)


def _last_edit_after(sig: PeriodSignature, period: Period, code: str) -> dt.datetime | None:
    """When the period's plan last changed after its signature, from the change log (local time)."""
    signed = (
        ChangeLog.select(ChangeLog.id)
        .where(
            (ChangeLog.kind == "sign") & (ChangeLog.plan_id == period.plan_id) & (ChangeLog.period == code)
        )
        .order_by(ChangeLog.id.desc())
        .first()
    )
    later = ChangeLog.select(ChangeLog.at).where(
        (ChangeLog.kind == "plan") & (ChangeLog.plan_id == period.plan_id)
    )
    if signed is not None:
        later = later.where(ChangeLog.id > signed.id)
    else:  # a signature without its record (an older file): its own time, local
        try:
            since = dt.datetime.fromisoformat(sig.signed_at).timestamp()
        except ValueError:
            return None
        later = later.where(ChangeLog.at > int(since))
    stamps = [row.at for row in later]
    return dt.datetime.fromtimestamp(max(stamps)) if stamps else None
