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
  ``note``), in its own transaction (:func:`record_plan_edit`): with the triggers' records of the action
  titles and indicator texts, the log says when the plan last changed;
* :func:`plan_amended_after_signature` compares that with the period's signature record, for the export's
  pre-flight.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from balti_monitor.db.models import (
    Action,
    AuditContext,
    ChangeLog,
    Indicator,
    Period,
    PeriodSignature,
    PlanColumn,
    Priority,
)
from balti_monitor.i18n import _
from balti_monitor.services.audit import current_user
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.periods import key_of

#: the change log's field for a plan-editing write (kind ``plan``)
STRUCTURE_FIELD = "structure"


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


def plan_amended_after_signature(period_id: int) -> dt.datetime | None:
    """When the plan of a signed period last changed after the signature (local time), or None: the
    period is not signed, or its plan has not changed since (as far as the change log records it)."""
    sig = PeriodSignature.get_or_none(PeriodSignature.period == period_id)
    if sig is None:
        return None
    period = Period.get_by_id(period_id)
    code = key_of(period).code
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
