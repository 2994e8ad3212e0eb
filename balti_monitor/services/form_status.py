"""The return forms' status workflow: where each subdivision's form of a period stands (generated, sent,
received, imported, needs correction), with the time of each step, the snapshots undo puts back, and the
forms signing key kept in the plan.

These are database use cases; the workbook format (layout, signature, reading) lives in
``balti_monitor.interchange``, which calls this module — never the other way round. Nothing here imports Qt.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from balti_monitor.db.models import FormStatus, Period, Plan, Return, Subdivision, database
from balti_monitor.i18n import N_, _
from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.periods import PeriodRef

SECRET_KEY = "forms_secret"  # key in Plan.extra


class FormState(StrEnum):
    """Where a subdivision's return form of a period stands."""

    GENERATED = "generated"
    SENT = "sent"
    RECEIVED = "received"
    IMPORTED = "imported"
    NEEDS_CORRECTION = "needs_correction"


STATE_LABELS: dict[FormState, str] = {
    FormState.GENERATED: N_("Formular generat"),
    FormState.SENT: N_("Trimis"),
    FormState.RECEIVED: N_("Primit"),
    FormState.IMPORTED: N_("Importat"),
    FormState.NEEDS_CORRECTION: N_("De corectat"),
}


def plan_secret(plan: Plan) -> bytes | None:
    """The plan's forms secret, or None when no form was ever generated from this plan."""
    extra = plan.extra or {}
    value = extra.get(SECRET_KEY)
    if not isinstance(value, str):
        return None
    try:
        return bytes.fromhex(value)
    except ValueError:
        return None


def ensure_plan_secret(plan: Plan) -> bytes:
    """The plan's forms secret, created (and saved in ``Plan.extra``) on first use."""
    existing = plan_secret(plan)
    if existing is not None:
        return existing
    secret = secrets.token_bytes(32)
    extra = dict(plan.extra or {})
    extra[SECRET_KEY] = secret.hex()
    plan.extra = extra
    plan.save()
    return secret


@dataclass(frozen=True, slots=True)
class FormStatusRow:
    """What the GUI shows for one subdivision's form of a period."""

    subdivision_id: int
    code: str
    name: str
    state: FormState | None  # None: no form generated yet
    file_name: str = ""
    generated_at: dt.datetime | None = None
    sent_at: dt.datetime | None = None
    received_at: dt.datetime | None = None
    imported_at: dt.datetime | None = None
    correction_at: dt.datetime | None = None
    note: str = ""

    @property
    def label(self) -> str:
        """ "Formular generat", "Trimis" … or "Negenerat"."""
        return _(STATE_LABELS[self.state]) if self.state is not None else _("Negenerat")

    @property
    def changed_at(self) -> dt.datetime | None:
        """When the current state was reached."""
        return {
            None: None,
            FormState.GENERATED: self.generated_at,
            FormState.SENT: self.sent_at,
            FormState.RECEIVED: self.received_at,
            FormState.IMPORTED: self.imported_at,
            FormState.NEEDS_CORRECTION: self.correction_at,
        }[self.state]


@dataclass(frozen=True, slots=True)
class StatusSnapshot:
    """A stored form status as it was (for undo); ``exists`` False means "no row"."""

    subdivision_id: int
    exists: bool
    status: str = ""
    form_id: str = ""
    file_name: str = ""
    generated_at: dt.datetime | None = None
    sent_at: dt.datetime | None = None
    received_at: dt.datetime | None = None
    imported_at: dt.datetime | None = None
    correction_at: dt.datetime | None = None
    note: str = ""


def subdivisions_with_forms(period: PeriodRef) -> list[Subdivision]:
    """Subdivisions that get a form for the period: responsible for an action of the plan, or already
    holding a return in the period; in display order."""
    from balti_monitor.services.applicability import effective_responsibilities

    responsible = {sid for rows in effective_responsibilities(period).values() for sid, _ in rows}
    reported = Return.select(Return.subdivision).where(Return.period == period.id)
    ids = responsible | {r.subdivision_id for r in reported}
    if not ids:
        return []
    return list(
        Subdivision.select()
        .where(Subdivision.id.in_(list(ids)))
        .order_by(Subdivision.position, Subdivision.name)
    )


def form_statuses(period: PeriodRef) -> list[FormStatusRow]:
    """The form status of every subdivision that gets a form (and of any other with a stored status)."""
    stored = {s.subdivision_id: s for s in FormStatus.select().where(FormStatus.period == period.id)}
    subs = subdivisions_with_forms(period)
    known = {s.id for s in subs}
    extra = [sid for sid in stored if sid not in known]
    if extra:
        subs += list(Subdivision.select().where(Subdivision.id.in_(extra)).order_by(Subdivision.position))
    rows: list[FormStatusRow] = []
    for sub in subs:
        st = stored.get(sub.id)
        if st is None:
            rows.append(FormStatusRow(sub.id, sub.code, sub.name, None))
            continue
        rows.append(
            FormStatusRow(
                sub.id,
                sub.code,
                sub.name,
                FormState(st.status),
                st.file_name,
                st.generated_at,
                st.sent_at,
                st.received_at,
                st.imported_at,
                st.correction_at,
                st.note,
            )
        )
    return rows


def _status_row(period: PeriodRef, subdivision_id: int) -> FormStatus | None:
    return FormStatus.get_or_none(
        (FormStatus.period == period.id) & (FormStatus.subdivision == subdivision_id)
    )


_STAMP_FIELD = {
    FormState.GENERATED: "generated_at",
    FormState.SENT: "sent_at",
    FormState.RECEIVED: "received_at",
    FormState.IMPORTED: "imported_at",
    FormState.NEEDS_CORRECTION: "correction_at",
}


def record_state(
    period: Period,
    subdivision_id: int,
    state: FormState,
    *,
    form_id: str | None = None,
    file_name: str | None = None,
    note: str | None = None,
    when: dt.datetime | None = None,
) -> None:
    """Store a new state with its time stamp (the earlier stamps stay)."""
    now = when or dt.datetime.now().replace(microsecond=0)
    row = _status_row(period, subdivision_id)
    if row is None:
        row = FormStatus(period=period, subdivision=subdivision_id)
    row.status = state.value
    setattr(row, _STAMP_FIELD[state], now)
    if state is FormState.IMPORTED and row.received_at is None:
        row.received_at = now
    if form_id is not None:
        row.form_id = form_id
    if file_name is not None:
        row.file_name = file_name
    if note is not None:
        row.note = note
    row.updated_at = now
    row.save()


def set_form_state(
    period: Period, subdivision_id: int, state: FormState | str, note: str | None = None
) -> ChangeSet:
    """Mark a subdivision's form sent / received / imported / needs correction (the GUI's buttons)."""
    try:
        wanted = FormState(state)
    except ValueError:
        raise ServiceError(_("Stare necunoscută a formularului: „{state}”.").format(state=state)) from None
    if Subdivision.get_or_none(Subdivision.id == subdivision_id) is None:
        raise ServiceError(_("Subdiviziunea nu există."))
    with database.atomic():
        record_state(period, subdivision_id, wanted, note=note)
    return ChangeSet()


def snapshot_status(period: PeriodRef, subdivision_id: int) -> StatusSnapshot:
    """The stored status of one subdivision's form, for undo."""
    return _snapshot(subdivision_id, _status_row(period, subdivision_id))


def snapshot_statuses(period: PeriodRef, subdivision_ids: Sequence[int]) -> tuple[StatusSnapshot, ...]:
    """The stored statuses of several subdivisions' forms (one query), in the order given."""
    rows = {
        r.subdivision_id: r
        for r in FormStatus.select().where(
            (FormStatus.period == period.id) & (FormStatus.subdivision.in_(list(subdivision_ids)))
        )
    }
    return tuple(_snapshot(sid, rows.get(sid)) for sid in subdivision_ids)


def _snapshot(subdivision_id: int, row: FormStatus | None) -> StatusSnapshot:
    if row is None:
        return StatusSnapshot(subdivision_id, exists=False)
    return StatusSnapshot(
        subdivision_id,
        True,
        row.status,
        row.form_id,
        row.file_name,
        row.generated_at,
        row.sent_at,
        row.received_at,
        row.imported_at,
        row.correction_at,
        row.note,
    )


def restore_status(period: PeriodRef, snap: StatusSnapshot) -> None:
    """Put a form status back as a snapshot recorded it."""
    row = _status_row(period, snap.subdivision_id)
    if not snap.exists:
        if row is not None:
            row.delete_instance()
        return
    if row is None:
        row = FormStatus(period=period.id, subdivision=snap.subdivision_id)
    row.status = snap.status
    row.form_id = snap.form_id
    row.file_name = snap.file_name
    row.generated_at = snap.generated_at
    row.sent_at = snap.sent_at
    row.received_at = snap.received_at
    row.imported_at = snap.imported_at
    row.correction_at = snap.correction_at
    row.note = snap.note
    row.updated_at = dt.datetime.now().replace(microsecond=0)
    row.save()


def count_phrase(n: int, one: str, many: str) -> str:
    """Romanian counted noun: "1 acțiune", "3 acțiuni", "22 de acțiuni"."""
    if n == 1:
        return f"1 {one}"
    if n % 100 >= 20 or (n and n % 100 == 0):
        return f"{n} de {many}"
    return f"{n} {many}"
