"""Text rules of the Word export: characters XML cannot carry, descriptions split into paragraphs, URLs.

Nothing here changes stored data: the database keeps every character as typed; only the exported copy
is made printable.

* Line ends ``\\r\\n`` and ``\\r`` become ``\\n`` (they are line ends, not content).
* Characters XML 1.0 cannot carry, i.e. the control characters other than tab and line feed (U+0000-U+001F
  except U+0009/U+000A), the C1 controls U+007F-U+009F, lone surrogates and U+FFFE/U+FFFF, are replaced
  *visibly* by ``[U+XXXX]`` (for example a vertical tab pasted from Word prints as ``[U+000B]``), so the
  specialist can find and fix them in the program.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
#: Characters people type (or paste from Word) as a bullet at the start of a line.
BULLET_MARKERS = "-–—•·▪◦●○■□►‣⁃➢*"
_BULLET = re.compile(rf"^\s*(?P<marker>[{re.escape(BULLET_MARKERS)}])\s+(?P<text>\S.*)$")
#: "1." / "1)" (up to two digits) followed by a space: a numbered list line.
_NUMBERED = re.compile(r"^\s*(?P<marker>\d{1,2}[.)])\s+(?P<text>\S.*)$")
#: A digit group of three after a space inside a number ("44 000", "1 008", "169 875").
_THOUSANDS = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")
NBSP = "\u00a0"
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"«»“”„]+", re.IGNORECASE)
_TRAILING = ".,;:!?'’)]}"


def visible_marker(ch: str) -> str:
    """How a character XML cannot carry is printed: ``[U+000B]``."""
    return f"[U+{ord(ch):04X}]"


def printable(text: str) -> str:
    """``text`` with unified line ends and every character XML cannot carry replaced visibly."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _NOT_XML.search(text) is None:
        return text
    return _NOT_XML.sub(lambda m: visible_marker(m.group()), text)


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a paragraph: plain text, or a web address (``url`` is the link target)."""

    text: str
    url: str | None = None


def keep_numbers_together(text: str) -> str:
    """``text`` with a no-break space inside numbers written with thousands groups ("44 000"), so a number
    never wraps across two lines. Export copy only: the stored text keeps its ordinary spaces."""
    return _THOUSANDS.sub(NBSP, text) if " " in text else text


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph of a description; ``bullet`` for list lines ("- …", "• …", "1. …"), whose ``marker`` is
    printed as written before the text, with a hanging indent."""

    segments: tuple[Segment, ...]
    bullet: bool = False
    marker: str = ""

    @property
    def text(self) -> str:
        """The paragraph's text as printed."""
        return "".join(s.text for s in self.segments)


def link_target(shown: str) -> str:
    """The hyperlink target of an address as written (``www.`` gets ``http://``; IRIs are %-encoded)."""
    target = shown if "://" in shown else f"http://{shown}"
    return quote(target, safe=":/?#[]@!$&'()*+,;=%~")


def _trim_url(candidate: str) -> str:
    while candidate and candidate[-1] in _TRAILING:
        if candidate[-1] == ")" and candidate.count("(") >= candidate.count(")"):
            break
        candidate = candidate[:-1]
    return candidate


def split_urls(line: str) -> tuple[Segment, ...]:
    """Split a line into text and web-address segments (the text is kept exactly)."""
    segments: list[Segment] = []
    pos = 0
    for match in _URL.finditer(line):
        shown = _trim_url(match.group())
        if len(shown) <= len("www.") or shown.lower() in ("http://", "https://"):
            continue
        start, end = match.start(), match.start() + len(shown)
        if start > pos:
            segments.append(Segment(line[pos:start]))
        segments.append(Segment(shown, link_target(shown)))
        pos = end
    if pos < len(line):
        segments.append(Segment(line[pos:]))
    return tuple(segments)


def list_marker(line: str) -> tuple[str, str] | None:
    """``(marker, text)`` when ``line`` is a list line ("- x", "• x", "○ x", "– x", "1. x", "1) x"), else None."""
    match = _BULLET.match(line) or _NUMBERED.match(line)
    if match is None:
        return None
    return match.group("marker"), match.group("text").rstrip()


def description_blocks(text: str) -> list[Block]:
    """A description as printed: one paragraph per non-empty line, list lines, URLs as links.

    Every line is its own paragraph (never merged with its neighbours). A line starting with one of
    :data:`BULLET_MARKERS` ("-", "–", "•", "○", "●", "*" …) or a number "1." / "1)" followed by a space is a
    list paragraph: the marker is kept as written and the text hangs after it. Numbers with thousands groups
    get no-break spaces. ``text`` must already be :func:`printable`.
    """
    blocks: list[Block] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        item = list_marker(line)
        if item is not None:
            marker, rest = item
            blocks.append(Block(_with_nbsp(split_urls(rest)), bullet=True, marker=marker))
        else:
            blocks.append(Block(_with_nbsp(split_urls(line.strip()))))
    return blocks


def _with_nbsp(segments: tuple[Segment, ...]) -> tuple[Segment, ...]:
    return tuple(s if s.url else Segment(keep_numbers_together(s.text)) for s in segments)
