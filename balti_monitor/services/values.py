"""Writing one value: parse the raw text, validate, store raw and parsed facts side by side."""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import Any

from balti_monitor.domain.values import ParsedValue, Status, ValueState, parse_value
from balti_monitor.i18n import N_, _, ngettext
from balti_monitor.services.errors import ServiceError

MAX_VALUE_LENGTH = 20_000
_SURROGATE = re.compile("[\ud800-\udfff]")
INVALID_CHARACTER = N_(
    "Textul conține un caracter invalid (o jumătate de pereche UTF-16), care nu poate fi păstrat."
)
_NEGATIVE = re.compile(r"^\s*[-−]\d")  # "-5 acte"; "- 5" or "-" alone are a dash, not a sign
MAX_DESCRIPTION_LENGTH = 2_000_000


#: The largest count of women or men a value row holds (a 64-bit integer in the file and on a server).
MAX_PEOPLE = 2**63 - 1


def validate_value(raw: str) -> str | None:
    """A Romanian reason to refuse a value, or None if it can be stored."""
    if len(raw) > MAX_VALUE_LENGTH:
        return ngettext(
            "Valoarea este prea lungă ({n_raw} caracter; maximum {MAX_VALUE_LENGTH}).",
            "Valoarea este prea lungă ({n_raw} caractere; maximum {MAX_VALUE_LENGTH}).",
            len(raw),
        ).format(n_raw=len(raw), MAX_VALUE_LENGTH=MAX_VALUE_LENGTH)
    if "\x00" in raw or _SURROGATE.search(raw):
        return text_problem(raw)
    parsed = parse_short_cached(raw)
    if _NEGATIVE.match(raw) or (parsed.quantity is not None and parsed.quantity < 0):
        return _("Valoarea unui indicator nu poate fi negativă.")
    if (parsed.women is not None and parsed.women < 0) or (parsed.men is not None and parsed.men < 0):
        return _("Numărul de femei sau de bărbați nu poate fi negativ.")
    if max(parsed.women or 0, parsed.men or 0) > MAX_PEOPLE:
        return _(
            "Numărul de femei sau de bărbați este prea mare pentru a fi păstrat (cel mult {limit})."
        ).format(limit=MAX_PEOPLE)
    return None


def validate_description(text: str) -> str | None:
    """A Romanian reason to refuse a description, or None."""
    if len(text) > MAX_DESCRIPTION_LENGTH:
        return _("Descrierea este prea lungă.")
    if "\x00" in text or _SURROGATE.search(text):
        return text_problem(text)
    return None


NUL_CHARACTER = N_("Textul conține un caracter nul (U+0000), care nu poate fi păstrat.")


def text_problem(text: str) -> str | None:
    """The one rule for every text field (values, descriptions, names, aliases, narrative, reasons): a NUL
    character or a lone UTF-16 surrogate is refused, with this Romanian reason; None when it can be stored."""
    if "\x00" in text:
        return _(NUL_CHARACTER)
    if _SURROGATE.search(text):
        return _(INVALID_CHARACTER)
    return None


def has_invalid_character(text: str) -> bool:
    """True when ``text`` holds a lone UTF-16 surrogate, which no file format here can store."""
    return _SURROGATE.search(text) is not None


def parse_short_cached(raw: str) -> ParsedValue:
    """:func:`parse_value`, remembered for short texts (the same value is validated, previewed and written;
    a bulk import parses each text once). A long text is prose, parsed quickly and not worth the memory."""
    return _parse_short(raw) if len(raw) <= 200 else parse_value(raw)


_parse_short = functools.lru_cache(maxsize=4096)(parse_value)


def parsed_columns(raw: str) -> dict[str, Any]:
    """The Value columns derived from a raw text."""
    parsed = parse_short_cached(raw)
    return {
        "raw_text": raw,
        "state": parsed.state.value,
        "quantity": None if parsed.quantity is None else str(parsed.quantity),
        "unit": parsed.unit,
        "women": parsed.women,
        "men": parsed.men,
        "approximate": parsed.approximate,
        "status": None if parsed.status is None else parsed.status.value,
    }


def from_columns(
    raw: str,
    state: str,
    quantity: str | None,
    unit: str | None,
    women: int | None,
    men: int | None,
    approximate: bool,
    status: str | None,
) -> ParsedValue:
    """Rebuild the parsed value from stored columns, without parsing again."""
    return ParsedValue(
        raw=raw,
        state=ValueState(state),
        quantity=None if quantity is None else Decimal(quantity),
        unit=unit,
        women=women,
        men=men,
        approximate=bool(approximate),
        status=None if status is None else Status(status),
    )


_WRITTEN_SPLIT = re.compile(
    r"\s*\(\s*\d{1,7}\s*[FfBb]\s*[/,;]\s*\d{1,7}\s*[FfBb]\s*\)"
    r"|\s*\(\s*(?:femei|bărbați|barbati|F|B)\s*\)"
)


def with_gender_split(raw: str, women: int, men: int) -> str:
    """``raw`` with its women/men split written as "(xF/yB)".

    A split already written in parentheses is replaced; otherwise the split is appended. An empty value
    becomes "xF/yB" (whose quantity is their sum). The result always parses back to ``women``/``men``.
    """
    if women < 0 or men < 0:
        raise ServiceError(_("Numărul de femei sau de bărbați nu poate fi negativ."))
    split = f"{women}F/{men}B"
    base = _WRITTEN_SPLIT.sub("", raw).rstrip()
    text = f"{base} ({split})" if base.strip() else split
    parsed = parse_value(text)
    if parsed.women != women or parsed.men != men:
        # The text keeps a split written in another form ("f-11; b-0"): two splits would be ambiguous.
        raise ServiceError(
            _("Valoarea conține deja repartizarea femei/bărbați scrisă altfel; modificați-o direct în text.")
        )
    return text
