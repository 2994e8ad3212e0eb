"""A small structural validator for the interchange JSON that reports *where* a document is wrong.

It lives in the services because the bundled plan (:mod:`.bundled`) is checked against :data:`PLAN` too.
"""

from __future__ import annotations

from typing import Any

from balti_monitor.errors import BaltiMonitorError
from balti_monitor.i18n import _


class InterchangeError(BaltiMonitorError):
    """A document that cannot be imported; ``str()`` says what is wrong and where (Romanian)."""


_TYPE_NAMES = {str: "text", int: "număr întreg", bool: "adevărat/fals", list: "listă", dict: "obiect"}

Spec = Any  # a type, (type, None) for optional, [spec] for lists, {key: spec} for objects


def check(value: Any, spec: Spec, path: str = "$") -> None:
    """Raise :class:`InterchangeError` at the first place ``value`` does not follow ``spec``."""
    if isinstance(spec, tuple):
        if value is None:
            return
        spec = spec[0]
    if isinstance(spec, dict):
        if not isinstance(value, dict):
            raise InterchangeError(
                _("{path}: se aștepta un obiect, nu {value}.").format(path=path, value=_kind(value))
            )
        for key, sub in spec.items():
            optional = isinstance(sub, tuple)
            if key not in value:
                if optional:
                    continue
                raise InterchangeError(_("{path}.{key}: câmp obligatoriu lipsă.").format(path=path, key=key))
            check(value[key], sub, f"{path}.{key}")
        return
    if isinstance(spec, list):
        if not isinstance(value, list):
            raise InterchangeError(
                _("{path}: se aștepta o listă, nu {value}.").format(path=path, value=_kind(value))
            )
        for index, item in enumerate(value):
            check(item, spec[0], f"{path}[{index}]")
        return
    if (spec is int and isinstance(value, bool)) or not isinstance(value, spec):
        raise InterchangeError(
            _("{path}: se aștepta {spec}, nu {value}.").format(
                path=path, spec=_TYPE_NAMES.get(spec, str(spec)), value=_kind(value)
            )
        )


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return _TYPE_NAMES.get(type(value), type(value).__name__)


SIGNATURE = {"name": str, "function": str}
NARRATIVE = {
    "executive_summary": str,
    "risks_intro": str,
    "risks": [str],
    "proposals_intro": str,
    "proposals": [str],
    "prepared_by_name": str,
    "prepared_by_function": str,
    "coordinated_by_name": str,
    "coordinated_by_function": str,
    "extra_signatures": [SIGNATURE],
}
VALUE = {"indicator": int, "raw_text": str}
RETURN = {
    "action": str,
    "subdivision": str,
    "description": str,
    "received_date": (str, None),
    "review_status": str,
    "status": str,
    "updated_at": str,
    "values": [VALUE],
}
OVERRIDE = {
    "action": str,
    "indicator": (int, None),
    "raw_text": str,
    "reason": str,
    "author": str,
    "created_at": str,
}
#: What a source report wrote in a Total cell (a reference, never data); optional in older files.
REFERENCE = {"action": str, "indicator": (int, None), "raw_text": str, "source": str}
PERIOD_RESPONSIBLE = {"action": str, "subdivision": str, "indicators": [int]}
ACKNOWLEDGEMENT = {"key": str, "fingerprint": str, "note": str, "author": str, "created_at": str}
#: A signed period's signature (optional: older files and unsigned periods have none).
SIGNATURE = {"sha256": str, "signed_by": str, "signed_at": str, "file_name": str}
PERIOD = {
    "year": int,
    "semester": int,
    "narrative": (NARRATIVE, None),
    "returns": [RETURN],
    "overrides": [OVERRIDE],
    # who answered which indicator in this period (absent in older files: the plan's matrix applies)
    "responsible": ([PERIOD_RESPONSIBLE], None),
    "acknowledgements": ([ACKNOWLEDGEMENT], None),
    "references": ([REFERENCE], None),
    "signature": (SIGNATURE, None),
}
INDICATOR = {
    "number": int,
    "text": str,
    "aggregation": str,
    "gender_split": bool,
    "placeholder": bool,
    "annual_rule": (str, None),  # chosen by hand (absent: inferred from the text)
}
TERM = {"kind": str, "due": str}  # an action's term set by hand; "due" is an ISO date or ""
RESPONSIBLE = {"subdivision": str, "indicators": [int]}
ACTION = {
    "code": str,
    "parent": (str, None),
    "title": str,
    "title_placeholder": bool,
    "deadline": str,
    "frequency": str,
    "gender_perspective": bool,
    "responsible_text": str,
    "all_subdivisions": bool,
    "other_responsible": [str],
    "indicators_placeholder": bool,
    "extra": dict,
    "indicators": [INDICATOR],
    "responsible": [RESPONSIBLE],
    "term": (TERM, None),  # set by hand (absent: read from "deadline")
}
PRIORITY = {"number": str, "title": str, "title_placeholder": bool, "actions": [ACTION]}
PLAN = {
    "code": str,
    "title": str,
    "short_title": str,
    "approving_act": str,
    "first_year": int,
    "last_year": int,
    "kind": str,
    "extra": dict,
    "priorities": [PRIORITY],
    "periods": [PERIOD],
}
SUBDIVISION = {"code": str, "name": str, "active": bool, "aliases": [str]}
#: One record of the audit trail (optional: older files have no log).
LOG_ENTRY = {
    "at": int,
    "who": str,
    "source": str,
    "kind": str,
    "plan": str,
    "period": str,
    "action": str,
    "subdivision": str,
    "column_no": (int, None),
    "field": str,
    "old_text": str,
    "new_text": str,
    "note": str,
}
DOCUMENT = {
    "format": str,
    "version": int,
    "subdivisions": [SUBDIVISION],
    "plans": [PLAN],
    "change_log": ([LOG_ENTRY], None),
}
