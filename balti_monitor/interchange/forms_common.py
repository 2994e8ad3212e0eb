"""What the return forms going out (:mod:`forms_out`) and coming back (:mod:`forms_in`) share.

* The layout contract: sheet names, the hidden "_id" sheet, row keys ("1.13#2" for indicator 2 of action
  1.13, "1.13#D" for its description) and the hidden column-id row that lets the reader find its columns
  by identifier rather than by position.
* The signature: an HMAC-SHA256 over the form's identifiers and its row keys (with a fingerprint of the
  text each row held when the form was generated), keyed by a secret kept in the plan
  (``Plan.extra["forms_secret"]``), so a changed identifier or row key is detected on the way back.
* Text normalisation used to compare what came back with what is stored.
* The per-subdivision form status of a period (generated / sent / received / imported / needs correction).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import re
import secrets
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from balti_monitor.db.forms_models import FormStatus
from balti_monitor.db.models import Period, Plan, Return, Subdivision, database
from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.periods import PeriodKey, key_of

FORM_FORMAT = "balti-monitor-retur"
FORM_VERSION = 1
ID_SHEET = "_id"
FORM_SHEET = "Retur"
COVER_SHEET = "Instrucțiuni"
COLUMN_MARKER = "#col"  # first cell of the hidden row naming the form sheet's columns
DESCRIPTION = "D"  # row-key suffix of the "measures taken" row of an action
EXCEL_CELL_LIMIT = 32_767  # characters a cell can hold in Excel
SECRET_KEY = "forms_secret"  # key in Plan.extra

# Column identifiers of the form sheet (written into the hidden column-id row).
COL_KEY = "key"
COL_CODE = "code"
COL_LABEL = "label"
COL_VALUE = "value"
COL_WOMEN = "women"
COL_MEN = "men"
COL_PREVIOUS = "previous"

# Header fields of the "_id" sheet, in the order they are written; all of them are signed.
HEADER_FIELDS = ("format", "version", "plan", "period", "subdivision", "form_id", "generated_at", "key_id")

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # characters an .xlsx cell cannot hold


class FormState(StrEnum):
    """Where a subdivision's return form of a period stands."""

    GENERATED = "generated"
    SENT = "sent"
    RECEIVED = "received"
    IMPORTED = "imported"
    NEEDS_CORRECTION = "needs_correction"


STATE_LABELS: dict[FormState, str] = {
    FormState.GENERATED: "Formular generat",
    FormState.SENT: "Trimis",
    FormState.RECEIVED: "Primit",
    FormState.IMPORTED: "Importat",
    FormState.NEEDS_CORRECTION: "De corectat",
}


# ------------------------------------------------------------------------------------------------------
# Row keys and text
# ------------------------------------------------------------------------------------------------------


def row_key(action_code: str, number: int | None) -> str:
    """The hidden key of a form row: "1.13#2" (indicator 2) or "1.13#D" (the description)."""
    return f"{action_code}#{DESCRIPTION if number is None else number}"


def parse_row_key(key: str) -> tuple[str, int | None] | None:
    """(action code, indicator number or None for the description), or None if not a row key."""
    code, sep, tail = key.rpartition("#")
    if not sep or not code:
        return None
    if tail == DESCRIPTION:
        return code, None
    if tail.isdigit() and tail.isascii():
        return code, int(tail)
    return None


def excel_safe(text: str) -> str:
    """The text without the control characters an .xlsx cell cannot store."""
    return _ILLEGAL.sub("", text)


def normalize(text: str | None) -> str:
    """The text as compared between form and database: NFC, Unix line ends, no cell-illegal characters,
    no leading/trailing whitespace. ``None`` (no value) is the empty text."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", excel_safe(text)).strip()


def fingerprint(text: str | None) -> str:
    """A short digest of a normalised text: what the form remembers of a cell at generation time."""
    return hashlib.sha256(normalize(text).encode("utf-8")).hexdigest()[:32]


# ------------------------------------------------------------------------------------------------------
# Signature
# ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SignedRow:
    """A row as recorded in the "_id" sheet: its key, the fingerprint of the text the database held when the
    form was generated, and whether the form showed that text (not when prefilling was turned off or the
    text is too long for a cell: an empty value cell then means "keep what is stored")."""

    key: str
    base: str
    shown: bool


def sign(secret: bytes, header: Mapping[str, str], rows: Iterable[SignedRow]) -> str:
    """HMAC-SHA256 over the header fields and the rows (order-independent), hex."""
    document = {
        "header": [[name, header.get(name, "")] for name in HEADER_FIELDS],
        "rows": sorted([r.key, r.base, "1" if r.shown else "0"] for r in rows),
    }
    payload = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return hmac.new(secret, payload, hashlib.sha256).hexdigest()


def signature_matches(
    secret: bytes, header: Mapping[str, str], rows: Sequence[SignedRow], signature: str
) -> bool:
    """Constant-time check of a form's signature."""
    return hmac.compare_digest(sign(secret, header, rows), signature.strip().lower())


def key_id(secret: bytes) -> str:
    """A public fingerprint of the secret: tells "another database" apart from "tampered"."""
    return hashlib.sha256(b"balti-monitor-forms-key:" + secret).hexdigest()[:16]


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


# ------------------------------------------------------------------------------------------------------
# Periods
# ------------------------------------------------------------------------------------------------------


def previous_key(key: PeriodKey) -> PeriodKey:
    """The semester (or year) before."""
    if key.semester == 2:
        return PeriodKey(key.year, 1)
    if key.semester == 1:
        return PeriodKey(key.year - 1, 2)
    return PeriodKey(key.year - 1, 0)


def period_bounds(key: PeriodKey) -> tuple[dt.date, dt.date]:
    """First and last day of a period."""
    if key.semester == 1:
        return dt.date(key.year, 1, 1), dt.date(key.year, 6, 30)
    if key.semester == 2:
        return dt.date(key.year, 7, 1), dt.date(key.year, 12, 31)
    return dt.date(key.year, 1, 1), dt.date(key.year, 12, 31)


def default_deadline(key: PeriodKey) -> dt.date:
    """The default date for sending the forms back: the 10th day after the period ends, so the report can
    be compiled by the 15th of the following month (domain notes §1.6; configurable per generation)."""
    return period_bounds(key)[1] + dt.timedelta(days=10)


def format_date(day: dt.date) -> str:
    """Romanian numeric date: 15.07.2023."""
    return day.strftime("%d.%m.%Y")


# ------------------------------------------------------------------------------------------------------
# Form status of a period
# ------------------------------------------------------------------------------------------------------


def ensure_forms_table() -> None:
    """Create the form-status table in a file made before it existed (a no-op once the schema has it)."""
    database.create_tables([FormStatus], safe=True)


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
        return STATE_LABELS[self.state] if self.state is not None else "Negenerat"

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


def subdivisions_with_forms(period: Period) -> list[Subdivision]:
    """Subdivisions that get a form for the period: responsible for an action of the plan, or already
    holding a return in the period; in display order."""
    from balti_monitor.services.applicability import effective_responsibilities

    responsible = {sid for rows in effective_responsibilities(period).values() for sid, _ in rows}
    reported = Return.select(Return.subdivision).where(Return.period == period)
    ids = responsible | {r.subdivision_id for r in reported}
    if not ids:
        return []
    return list(
        Subdivision.select()
        .where(Subdivision.id.in_(list(ids)))
        .order_by(Subdivision.position, Subdivision.name)
    )


def form_statuses(period: Period) -> list[FormStatusRow]:
    """The form status of every subdivision that gets a form (and of any other with a stored status)."""
    ensure_forms_table()
    stored = {s.subdivision_id: s for s in FormStatus.select().where(FormStatus.period == period)}
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


def _status_row(period: Period, subdivision_id: int) -> FormStatus | None:
    return FormStatus.get_or_none((FormStatus.period == period) & (FormStatus.subdivision == subdivision_id))


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
    ensure_forms_table()
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
        raise ServiceError(f"Stare necunoscută a formularului: „{state}”.") from None
    if Subdivision.get_or_none(Subdivision.id == subdivision_id) is None:
        raise ServiceError("Subdiviziunea nu există.")
    with database.atomic():
        record_state(period, subdivision_id, wanted, note=note)
    return ChangeSet()


def snapshot_status(period: Period, subdivision_id: int) -> StatusSnapshot:
    """The stored status of one subdivision's form, for undo."""
    ensure_forms_table()
    row = _status_row(period, subdivision_id)
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


def restore_status(period: Period, snap: StatusSnapshot) -> None:
    """Put a form status back as a snapshot recorded it."""
    ensure_forms_table()
    row = _status_row(period, snap.subdivision_id)
    if not snap.exists:
        if row is not None:
            row.delete_instance()
        return
    if row is None:
        row = FormStatus(period=period, subdivision=snap.subdivision_id)
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


def period_code(period: Period) -> str:
    """ "2023-S1"."""
    return key_of(period).code


def count_phrase(n: int, one: str, many: str) -> str:
    """Romanian counted noun: "1 acțiune", "3 acțiuni", "22 de acțiuni"."""
    if n == 1:
        return f"1 {one}"
    if n % 100 >= 20 or (n and n % 100 == 0):
        return f"{n} de {many}"
    return f"{n} {many}"
