"""Romanian text helpers: comparison keys that fold the cedilla/comma and case/diacritic variants.

Raw text is never changed by these helpers; they only build keys for matching and searching.
"""

from __future__ import annotations

import re
import unicodedata

_CEDILLA_TO_COMMA = str.maketrans("şţŞŢ", "șțȘȚ")
_DASHES = str.maketrans({"–": "-", "—": "-", "‑": "-", "‐": "-", "−": "-"})
_SPACES = re.compile(r"\s+")


def comma_below(text: str) -> str:
    """Return ``text`` with the cedilla letters ş/ţ replaced by the correct Romanian ș/ț."""
    return text.translate(_CEDILLA_TO_COMMA)


def strip_diacritics(text: str) -> str:
    """Remove every combining mark (ă→a, ș→s, î→i, ş→s …)."""
    decomposed = unicodedata.normalize("NFKD", comma_below(text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold_key(text: str) -> str:
    """A search/match key: no diacritics, lower case, one space, unified dashes, trimmed punctuation."""
    key = strip_diacritics(text).translate(_DASHES).casefold()
    key = re.sub(r"\s*-\s*", "-", key)
    key = re.sub(r"\s*,\s*", ", ", key)
    key = _SPACES.sub(" ", key).strip()
    return key.strip(" .;:,")
