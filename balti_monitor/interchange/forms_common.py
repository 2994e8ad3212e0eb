"""What the return forms going out (:mod:`forms_out`) and coming back (:mod:`forms_in`) share.

* The layout contract: sheet names, the hidden "_id" sheet, row keys ("1.13#2" for indicator 2 of action
  1.13, "1.13#D" for its description) and the hidden column-id row that lets the reader find its columns
  by identifier rather than by position.
* The signature: an HMAC-SHA256 over the form's identifiers and its row keys (with a fingerprint of the
  text each row held when the form was generated), keyed by a secret kept in the plan
  (``Plan.extra["forms_secret"]``), so a changed identifier or row key is detected on the way back.
* Text normalisation used to compare what came back with what is stored, and the visible escape of the
  characters a cell cannot hold.

The form-status workflow (database writes, undo snapshots) and the signing key's storage are services
(:mod:`balti_monitor.services.form_status`); they are re-exported here for the modules that read both.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from balti_monitor.db.models import Period
from balti_monitor.services.form_status import (
    SECRET_KEY,
    STATE_LABELS,
    FormState,
    FormStatusRow,
    StatusSnapshot,
    count_phrase,
    ensure_plan_secret,
    form_statuses,
    plan_secret,
    record_state,
    restore_status,
    set_form_state,
    snapshot_status,
    subdivisions_with_forms,
)
from balti_monitor.services.forms_import import normalize
from balti_monitor.services.periods import PeriodKey, key_of

__all__ = [  # the services re-exported (see the module docstring)
    "SECRET_KEY",
    "STATE_LABELS",
    "FormState",
    "FormStatusRow",
    "StatusSnapshot",
    "count_phrase",
    "ensure_plan_secret",
    "form_statuses",
    "normalize",
    "plan_secret",
    "record_state",
    "restore_status",
    "set_form_state",
    "snapshot_status",
    "subdivisions_with_forms",
]

FORM_FORMAT = "balti-monitor-retur"
FORM_VERSION = 1
ID_SHEET = "_id"
FORM_SHEET = "Retur"
COVER_SHEET = "Instrucțiuni"
COLUMN_MARKER = "#col"  # first cell of the hidden row naming the form sheet's columns
DESCRIPTION = "D"  # row-key suffix of the "measures taken" row of an action
EXCEL_CELL_LIMIT = 32_767  # characters a cell can hold in Excel

# Column identifiers of the form sheet (written into the hidden column-id row).
COL_KEY = "key"
COL_CODE = "code"
COL_LABEL = "label"
COL_VALUE = "value"
COL_WOMEN = "women"
COL_MEN = "men"
COL_PREVIOUS = "previous"
COL_QUESTION = "question"  # the open follow-ups on the row ("Observații"), read-only
COL_ANSWER = "answer"  # the subdivision's answer to them, read back and stored on the comments

# Header fields of the "_id" sheet, in the order they are written; all of them are signed.
HEADER_FIELDS = ("format", "version", "plan", "period", "subdivision", "form_id", "generated_at", "key_id")

# Characters an .xlsx cell (XML 1.0) cannot hold: C0 controls but tab, line feed and carriage return; lone
# surrogates; U+FFFE and U+FFFF. They travel in a form as a visible escape, the report's ``[U+000B]`` rule.
_NOT_IN_CELL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ESCAPE = re.compile(r"\[U\+([0-9A-F]{4,6})\]")


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


def to_cell(text: str) -> str:
    """The text as written into a form cell: every character a cell cannot hold becomes a visible escape
    (a vertical tab is ``[U+000B]``); a ``[U+…]`` the text itself contains gets its bracket escaped
    (``[U+005B]U+000B]``), so :func:`from_cell` gives back exactly the text, whatever it holds."""
    text = _ESCAPE.sub(lambda m: "[U+005B]" + m.group(0)[1:], text)
    return _NOT_IN_CELL.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)


def from_cell(text: str) -> str:
    """The text a form cell stands for: the inverse of :func:`to_cell` (``[U+000B]`` is a vertical tab)."""

    def char(match: re.Match[str]) -> str:
        code = int(match.group(1), 16)
        return chr(code) if code <= 0x10FFFF else match.group(0)

    return _ESCAPE.sub(char, text)


def excel_safe(text: str) -> str:
    """The text as a cell can hold it (see :func:`to_cell`); kept for the cover's and the id sheet's cells."""
    return to_cell(text)


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
    # Bytes, not str: compare_digest refuses (TypeError) a str with non-ASCII characters, which a tampered
    # signature cell may hold.
    given = signature.strip().lower().encode("utf-8", "surrogatepass")
    return hmac.compare_digest(sign(secret, header, rows).encode("ascii"), given)


def key_id(secret: bytes) -> str:
    """A public fingerprint of the secret: tells "another database" apart from "tampered"."""
    return hashlib.sha256(b"balti-monitor-forms-key:" + secret).hexdigest()[:16]


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


def period_code(period: Period) -> str:
    """ "2023-S1"."""
    return key_of(period).code
