"""Reading the facts out of one reported indicator value, without ever changing the value itself.

A subdivision reports one raw text per progress indicator ("10 funcționari", "4 angajați (3F/1B)",
"cca. 2520 ore de instruire", "Realizat", "-", ""). The raw text is sacred: :func:`parse_value` returns it
unchanged in :attr:`ParsedValue.raw` and derives, beside it, a state, at most one quantity with its unit, an
optional women/men split, an approximation flag and a qualitative status. The parser never raises, whatever
the input (control characters, megabytes of text, emoji, bidi marks, template syntax), and every regular
expression is bounded so that hostile input cannot make it slow.

Rules, and why
--------------

Invisible characters and markup
    Zero-width spaces, bidi marks, BOMs and soft hyphens are ignored; control characters, lone surrogates and
    exotic spaces (no-break, thin) count as plain spacing; simple HTML tags (``<p>``, ``</p>``, ``<br/>``)
    and ``&nbsp;`` count as spacing too. Cells converted from Word/HTML carry such debris (the seed report
    has "<p>-</p>" and "<p>60 persoane</p>"), and reading "<p>-</p>" as text would make a dash "reported".

States
    * ``MISSING`` - empty, or nothing but the invisible characters and markup above: nothing was reported.
    * ``NOT_APPLICABLE`` - only dashes (``-``, ``--``, ``—``, ``–`` in any number, with spaces or a final dot)
      or a whole-cell phrase such as "Nu este cazul", "Nu e cazul", "Nu se aplică", "Neaplicabil", "N/A",
      "Nescadent". The report uses "-" for "not applicable / not reported"; the domain notes (§1.5, §6.3) insist
      it must stay distinct from a reported zero, so a dash never becomes 0.
    * ``ZERO`` - the single quantity is 0 ("0", "0 cazuri", "0 contest ații", "f-0; b-0"): a reported zero.
    * ``REPORTED`` - everything else: a number > 0, a status word, free text. Several zeros in one cell
      ("0 refuzuri, 0 contestații") are several quantities, hence ``REPORTED`` with no quantity (see below).

Numbers (Romanian conventions, read from a diacritic- and case-folded copy; only ASCII digits count)
    * Thousands are grouped by a space, a non-breaking or a thin space ("44 000", "1 008", "169 875") or by a
      dot followed by exactly three digits ("1.500" = 1500, as Romanian writes it). A group needs a non-zero
      head of 1-3 digits and exactly three digits per group, so "0 500" is two numbers.
    * The decimal separator is a comma ("426,1"); a dot followed by 1, 2 or 4+ digits is also read as a
      decimal point ("1.5"). Mixed English forms such as "1,234.5" are ambiguous and are not read at all.
    * Numbers glued to letters ("COVID-19", "A4", "nr.325") are part of a word, not quantities.
    * Not quantities, because they identify rather than count: dates ("17.07.2023", "03ianuarie 2023",
      "17 martie 2022", "iunie 2023", "anul 2023"); legal and document references (after "nr.", "art.",
      "alin.", "pct.", "lit.", "HG", "Legea/Legii", "decizia", "dispoziția", "anexa", "acțiunea", "indicatorul",
      "№" …); slash pairs ("201/2009", "2/33", "124/0", "63/C"); clock times ("10:30"); list labels at the
      start of a line ("1. Registrul …"); URLs and e-mail addresses; ranges ("10-15", "2023-2027",
      "de la 1 până la 9", "între 5 și 10"). A range is an interval, not one figure, so "Aproximativ 10-15
      titluri" has no quantity (the report's Total turned it into "15 titluri" - exactly the silent
      conversion the tool must not make).
    * Exactly one remaining number, with nothing but approximation markers before it, is *the* quantity.
      Several remaining numbers ("97 rapoarte 3 inițiative 1 sondaj", "3 tipuri de servicii, 1167 servicii")
      are several distinct figures, not a single one: quantity ``None``, state ``REPORTED``; a total cannot
      add them without a human decision. Text before the number ("La lucrări – de la 1 până la 9",
      "Activități – 333 Beneficiari – 70 004", "au parvenit 995 plângeri") also gives no quantity: the
      leading words usually say *what* is counted or qualify it, so the figure is not a plain count.
    * Number words ("un million", "trei funcții") are free text; they are not converted.

Unit
    The text after the quantity, with whitespace collapsed, the F/B split and HTML markup removed, trailing
    ``.,;:`` trimmed and a unit wholly wrapped in parentheses unwrapped ("46 (contracte)" -> "contracte").
    Otherwise verbatim: "683 de decizii" keeps "de decizii" because "683 de decizii" is the correct Romanian
    phrase for display; :func:`unit_key` skips the linking "de" when comparing. "426,1 mii lei" keeps
    "mii lei" and the quantity is *not* scaled, since the report writes the figure that way. ``None`` when
    there is no quantity or nothing follows it.

Women / men (F/B)
    * "(3F/1B)", "(12F/ 6B)", "3 F / 1 B", "12F, 6B", "12 femei și 6 bărbați" (either order), and
      "f-11; b-0", "F: 3, B: 1", "femei - 12, bărbați - 6": women and men as integers.
    * "(femei)" / "(F)" after a quantity means all are women, "(bărbați)" / "(B)" all men; a quantity whose
      unit starts with "femei"/"bărbați" ("3 femei") likewise.
    * A split that is the whole cell ("f-11; b-0") gives quantity = women + men, so that the figure can be
      summed; a written total ("18 persoane (12F/ 6B)") is kept as written even when it differs from the sum -
      a mismatch is a finding for the checks, not something the parser corrects.
    * More than one split in a cell is ambiguous: women and men stay ``None``.

Approximation
    ``approximate`` is set when "cca.", "circa", "aprox.", "aproximativ", "cel puțin", "minim(um)",
    "maxim(um)", "peste", "mai mult/puțin de(cât)", "până/pînă la", "în jur de", "~", "≈", "<", ">", "≤", "≥"
    stands directly before a figure, a range or a number word - wherever in the cell it is ("4 categorii …,
    Circa 4600 servicii"). The quantity is still the written figure; approximations are stored as a flag,
    never folded into an exact number (domain notes §6.5.4). "până la" inside "de la 1 până la 9" is a range,
    not an approximation.

Status (qualitative cells only)
    Only a cell without a quantity gets a status, and only when it is a symbol ("+", "✓" = done, "✗" = not
    done), "Da"/"OK"/"Nu", or a short phrase (at most six words) containing a status word, matched case- and
    diacritic-insensitively (ş/ș, ţ/ț alike). Long narratives get no status: a participle deep inside a
    sentence does not state the outcome of the indicator.
    * ``NOT_DONE`` - a negated participle ("Nerealizat", "Neinițiat", "neaprobat") or "nu" together with a
      status word ("Nu a fost aprobat"); the bare word "Nu". Checked first, because negation wins.
    * ``IN_PROGRESS`` - "în proces (de realizare)", "în curs", "în derulare", "în desfășurare", "inițiat",
      "demarat", "parțial (realizat)": work started but not finished ("Concurs inițiat").
    * ``DONE`` - "Realizat/realizată/realizate", "+", "Da", "funcțional(ă)", "stabilit", "aprobat", "creat",
      "instituit", "desemnat", "elaborat", "publicat", "implementat", "finalizat" … ("Mecanism stabilit",
      "cod aprobat", "Pagina-web funcțională").
    A quantity cell ("1 pagină-web funcțională") expresses its outcome by the number and has no status.

``ParsedValue.achieved`` is true for a reported zero and for any reported value whose status is not
``IN_PROGRESS``/``NOT_DONE``; it is false for missing and not-applicable cells.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache
from itertools import islice
from typing import Final

from balti_monitor.domain.text import fold_key


class ValueState(StrEnum):
    """Whether anything was reported in a cell, and of which kind."""

    REPORTED = "reported"
    ZERO = "zero"
    NOT_APPLICABLE = "not_applicable"
    MISSING = "missing"


class Status(StrEnum):
    """The qualitative meaning of a status word ("Realizat", "În proces", "Nerealizat")."""

    DONE = "done"
    IN_PROGRESS = "in_progress"
    NOT_DONE = "not_done"


@dataclass(frozen=True, slots=True)
class ParsedValue:
    """The facts derived from one raw indicator value; ``raw`` is the untouched input."""

    raw: str
    state: ValueState
    quantity: Decimal | None = None
    unit: str | None = None
    women: int | None = None
    men: int | None = None
    approximate: bool = False
    status: Status | None = None

    @property
    def achieved(self) -> bool:
        """True for a reported zero or a reported value whose status is not in progress / not done."""
        if self.state is ValueState.ZERO:
            return True
        if self.state is ValueState.REPORTED:
            return self.status not in (Status.IN_PROGRESS, Status.NOT_DONE)
        return False


# --------------------------------------------------------------------------------------------------------
# Character cleaning and folding (length-preserving, so positions in the folded copy index the original)
# --------------------------------------------------------------------------------------------------------

_LINE_BREAKS: Final = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
_DASH_CHARS: Final = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\ufe58\ufe63\uff0d")
_IGNORED: Final = " "  # filler for markup and F/B splits: behaves like whitespace
_TEXT: Final = "\x01"  # filler for dates, references, URLs: behaves like a word (not a number)
_RANGE: Final = "\x02"  # filler for ranges: a word that an approximation marker may qualify


@lru_cache(maxsize=8192)
def _clean_char(ch: str) -> str | None:
    """Drop invisible format characters; turn control characters and odd spaces into plain spacing."""
    category = unicodedata.category(ch)
    if category == "Cf":
        return None
    if ch in _LINE_BREAKS:
        return "\n"
    if category in ("Cc", "Cs") or ch.isspace():
        return " "
    return ch


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    """One character -> one character: no diacritics (ș/ş -> s, ț/ţ -> t), lower case, dashes -> '-'."""
    if ch in _DASH_CHARS:
        return "-"
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    if len(base) != 1:
        return ch
    lower = base.lower()
    return lower if len(lower) == 1 else base


def _translate(text: str, convert: Callable[[str], str | None]) -> str:
    """Apply a per-character conversion through ``str.translate`` (fast even for megabytes of text)."""
    return text.translate({ord(ch): convert(ch) for ch in set(text)})


# --------------------------------------------------------------------------------------------------------
class _LazyPattern:
    """A regular expression compiled on its first use, so importing this module compiles nothing (every
    command line call and the GUI's start import it; most never parse a value)."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern."""
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled

    def search(self, text: str) -> re.Match[str] | None:
        """``re.Pattern.search``."""
        return self.compiled.search(text)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        """``re.Pattern.fullmatch``."""
        return self.compiled.fullmatch(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """``re.Pattern.finditer``."""
        return self.compiled.finditer(text)


# Patterns (applied to the folded copy; every repetition that could meet hostile input is bounded)
# --------------------------------------------------------------------------------------------------------

_NUM_BODY: Final = (
    r"(?:[1-9][0-9]{0,2}(?:\ [0-9]{3})+(?:,[0-9]+)?"  # 44 000 / 1 008 / 1 234,5
    r"|[1-9][0-9]{0,2}(?:\.[0-9]{3})+(?:,[0-9]+)?"  # 1.500 / 1.234,5
    r"|[0-9]+(?:[.,][0-9]+)?)"  # 2520 / 426,1 / 1.5
)
_NUM: Final = rf"(?<![\w/])(?<![0-9][.,])(?<![^\W\d_]-){_NUM_BODY}(?![0-9]|[.,][0-9])"
_NUMBER: Final = _LazyPattern(_NUM)
_DOT_THOUSANDS: Final = _LazyPattern(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+(?:,[0-9]+)?")

_TAGS: Final = _LazyPattern(r"</?[a-z][a-z0-9]{0,20}(?:\s[^<>]{0,300})?/?>|&nbsp;")
_URLS: Final = _LazyPattern(
    r"(?:https?://|ftp://|www\.)\S{1,2000}|(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}"
)

_GENDER_WORD: Final = r"(?:femei|femeie|f|barbati|barbat|b)"
_SPLIT_NUM_FIRST: Final = (
    rf"(?<![\w.,])([0-9]{{1,7}})\s{{0,3}}({_GENDER_WORD})(?!\w)\s{{0,3}}"
    rf"(?:/|,|;|\+|-|\bsi\b)\s{{0,3}}([0-9]{{1,7}})\s{{0,3}}({_GENDER_WORD})(?!\w)"
)
_SPLIT_WORD_FIRST: Final = (
    rf"(?<!\w)({_GENDER_WORD})\s{{0,3}}[-:=]?\s{{0,3}}([0-9]{{1,7}})(?![0-9])\s{{0,3}}"
    rf"(?:/|,|;|\bsi\b)\s{{0,3}}({_GENDER_WORD})\s{{0,3}}[-:=]?\s{{0,3}}([0-9]{{1,7}})(?![0-9.,])"
)
_SPLIT: Final = _LazyPattern(
    rf"\(?\s{{0,3}}(?:{_SPLIT_NUM_FIRST}|{_SPLIT_WORD_FIRST})\s{{0,3}}\)?",
)
_ALL_ONE_GENDER: Final = _LazyPattern(rf"\(\s{{0,3}}({_GENDER_WORD})\s{{0,3}}\)")

_MONTHS: Final = (
    r"(?:ianuarie|februarie|martie|aprilie|iunie|iulie|august|septembrie|octombrie|noiembrie|decembrie)"
)
_DATES: Final = _LazyPattern(
    r"(?<![\w.,/])[0-9]{1,2}[./-][0-9]{1,2}[./-][0-9]{2,4}(?![0-9])"  # 17.07.2023, 03/01/23
    r"|(?<![\w.,/])[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?![0-9])"  # 2023-07-17
    rf"|(?<![\w.,/])[0-9]{{1,2}}\s{{0,3}}(?:{_MONTHS}(?!\w)(?:\s{{0,3}}[0-9]{{4}}(?![0-9]))?"  # 17 martie 2022
    r"|mai\s{0,3}[0-9]{4}(?![0-9]))"  # "5 mai" alone may be "5 more …"
    rf"|(?<!\w)(?:{_MONTHS}|mai)\s{{0,3}}[0-9]{{4}}(?![0-9])"  # iunie 2023
    r"|(?<!\w)(?:anul|anului|anii|anilor|an)\s{1,3}[0-9]{4}(?![0-9])"  # anul 2023
)
_REFERENCES: Final = _LazyPattern(
    r"(?:(?<!\w)(?:nr|no|art|articolul|alin|aliniatul|pct|punctul|lit|cap|capitolul|anexa|anexei|"
    r"hg|hp|hcm|legea|legii|lege|decizia|deciziei|dispozitia|dispozitiei|ordinul|ordinului|"
    r"hotararea|hotararii|actiunea|actiunii|indicatorul|indicatorului|indicator|prioritatea)"
    r"|№)\.?\s{0,3}(?:nr\.?\s{0,3})?[0-9]+(?:[./-][0-9]+){0,6}(?:\s{0,2}/\s{0,2}[^\W_]{1,10})?"
)
_LIST_LABELS: Final = _LazyPattern(r"(?:^|(?<=[\n;]))[ \t]{0,10}[0-9]{1,2}[.)](?=[ \t]{1,10}\S)")
_WORD_RANGES: Final = _LazyPattern(
    rf"(?<!\w)de\s{{1,3}}la\s{{1,3}}{_NUM}\s{{1,3}}(?:(?:pana|pina)\s{{1,3}})?la\s{{1,3}}{_NUM}"
    rf"|(?<!\w)intre\s{{1,3}}{_NUM}\s{{1,3}}si\s{{1,3}}{_NUM}"
)
_NUMBER_RANGES: Final = _LazyPattern(rf"{_NUM}\s{{0,3}}(?:-|\.\.\.|…)\s{{0,3}}{_NUM}")
_SLASH_PAIRS: Final = _LazyPattern(r"(?<![\w/])[0-9]+(?:\s{0,2}/\s{0,2}[^\W_]{1,10}){1,5}")
_TIMES: Final = _LazyPattern(r"(?<![\w:])[0-9]{1,2}:[0-9]{2}(?![\w:])")

_HEDGE: Final = (
    r"(?:(?:cca|circa|aprox|aproximativ|cel\s{1,3}putin|minim|minimum|maxim|maximum|peste|"
    r"mai\s{1,3}(?:mult|putin)\s{1,3}(?:de|decat)|pana\s{1,3}la|pina\s{1,3}la|in\s{1,3}jur\s{1,3}de)"
    r"(?!\w)|~|≈|≤|≥|<|>)"
)
_NUMBER_WORDS: Final = (
    r"(?:un|o|una|unu|doi|doua|trei|patru|cinci|sase|sapte|opt|noua|zece|douazeci|treizeci|"
    r"suta|sute|mie|mii|milion|million|milioane)"
)
_APPROXIMATE: Final = _LazyPattern(
    rf"(?<!\w){_HEDGE}(?:[\s.:]{{0,5}}{_HEDGE}){{0,3}}[\s.:]{{0,5}}"
    rf"(?:[0-9]|{_RANGE}|{_NUMBER_WORDS}(?!\w))"
)
_CLEAN_PREFIX: Final = _LazyPattern(rf"[\s.]*(?:{_HEDGE}[\s.:]*)*")
_PREFIX_LIMIT: Final = 120

_NOT_APPLICABLE_PHRASES: Final = frozenset(
    {
        "nu este cazul",
        "nu e cazul",
        "nu i cazul",
        "nu a fost cazul",
        "nu se aplica",
        "nu este aplicabil",
        "nu e aplicabil",
        "neaplicabil",
        "n/a",
        "n a",
        "nescadent",
        "nescadenta",
        "nu este scadent",
        "nu e scadent",
    }
)
_DONE_SYMBOLS: Final = frozenset({"+", "✓", "✔", "☑"})
_NOT_DONE_SYMBOLS: Final = frozenset({"✗", "✘"})
_DONE_STEMS: Final = (
    r"(?:realizat|indeplinit|executat|finalizat|efectuat|implementat|functional|operational|stabilit|"
    r"aprobat|adoptat|creat|instituit|constituit|desemnat|elaborat|asigurat|publicat|plasat|semnat|"
    r"actualizat|desfasurat|organizat|definitivat)"
)
_DONE_WORD: Final = _LazyPattern(rf"{_DONE_STEMS}(?:a|e|i|ii)?")
_NEGATED_WORD: Final = _LazyPattern(rf"ne(?:{_DONE_STEMS}|initiat|demarat)(?:a|e|i|ii)?")
_IN_PROGRESS_WORD: Final = _LazyPattern(r"(?:initiat|demarat)(?:a|e|i)?|partial[ae]?")
_IN_PROGRESS_PHRASE: Final = _LazyPattern(
    r"\bin (?:proces|curs|derulare|desfasurare|lucru|implementare|executare|realizare)\b"
)
_STATUS_MAX_WORDS: Final = 6


# --------------------------------------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------------------------------------


class _Cell:
    """Two same-length views of a cleaned value: original characters and the folded working copy."""

    def __init__(self, cleaned: str) -> None:
        self.original = cleaned
        self.work = _translate(cleaned, _fold_char)

    def mask(self, pattern: _LazyPattern, filler: str, *, in_original: bool = False) -> list[re.Match[str]]:
        """Overwrite every match of ``pattern`` in the working copy (and optionally the original)."""
        found: list[re.Match[str]] = []

        def replace(match: re.Match[str]) -> str:
            found.append(match)
            return filler * (match.end() - match.start())

        self.work = pattern.compiled.sub(replace, self.work)
        if in_original and found:
            pieces: list[str] = []
            position = 0
            for match in found:
                pieces.append(self.original[position : match.start()])
                pieces.append(filler * (match.end() - match.start()))
                position = match.end()
            pieces.append(self.original[position:])
            self.original = "".join(pieces)
        return found


def _to_decimal(token: str) -> Decimal:
    """A folded number token ("44 000", "1.500", "426,1", "1.5") as a Decimal."""
    if " " in token:
        token = token.replace(" ", "")
    elif _DOT_THOUSANDS.fullmatch(token):
        token = token.replace(".", "")
    return Decimal(token.replace(",", "."))


def _unit_from(tail: str) -> str | None:
    """The unit text after a quantity: whitespace collapsed, trimmed, a wholly parenthesised unit unwrapped."""
    text = " ".join(tail.split()).lstrip(":;, ").rstrip(".,;: ")
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1 and text.count(")") == 1:
        text = text[1:-1].strip().rstrip(".,;: ")
    return text or None


def _split_of(match: re.Match[str]) -> tuple[int, int] | None:
    """(women, men) from one F/B split match, or None when both parts name the same gender."""
    groups = match.groups()
    if groups[0] is not None:
        first_number, first_word, second_number, second_word = groups[0], groups[1], groups[2], groups[3]
    else:
        first_word, first_number, second_word, second_number = groups[4], groups[5], groups[6], groups[7]
    first_is_woman = first_word.startswith("f")
    second_is_woman = second_word.startswith("f")
    if first_is_woman == second_is_woman:
        return None
    if first_is_woman:
        return int(first_number), int(second_number)
    return int(second_number), int(first_number)


def _status_of(work: str, words: list[str]) -> Status | None:
    """The qualitative status of a cell without a quantity (see the module docstring)."""
    symbol = work.strip(" \n.!")
    if symbol in _DONE_SYMBOLS:
        return Status.DONE
    if symbol in _NOT_DONE_SYMBOLS:
        return Status.NOT_DONE
    if words in (["da"], ["ok"]):
        return Status.DONE
    if words == ["nu"]:
        return Status.NOT_DONE
    if not words or len(words) > _STATUS_MAX_WORDS:
        return None
    negated = any(_NEGATED_WORD.fullmatch(word) for word in words)
    in_progress = _IN_PROGRESS_PHRASE.search(" ".join(words)) is not None or any(
        _IN_PROGRESS_WORD.fullmatch(word) for word in words
    )
    done = any(_DONE_WORD.fullmatch(word) for word in words)
    if negated or ("nu" in words and (in_progress or done)):
        return Status.NOT_DONE
    if in_progress:
        return Status.IN_PROGRESS
    if done:
        return Status.DONE
    return None


LONG_TEXT: Final = 5000


def parse_value(raw: str) -> ParsedValue:
    """Derive the state, quantity, unit, F/B split, approximation and status of one raw value.

    Never raises and never changes ``raw``; the rules are documented in the module docstring.
    A text longer than :data:`LONG_TEXT` characters is prose, not a figure: it is classified without the
    pattern work (which would cost seconds on a pasted megabyte).
    """
    if len(raw) > LONG_TEXT:
        state = ValueState.REPORTED if raw.strip() else ValueState.MISSING
        return ParsedValue(raw=raw, state=state)
    cell = _Cell(_translate(raw, _clean_char))
    cell.mask(_TAGS, _IGNORED, in_original=True)
    visible_work = cell.work
    if not visible_work.strip():
        return ParsedValue(raw=raw, state=ValueState.MISSING)

    phrase = re.sub(r"[^\w/+]+", " ", visible_work).strip()
    if phrase in _NOT_APPLICABLE_PHRASES or re.fullmatch(r"[\s.]*-[\s.\-]*", visible_work):
        return ParsedValue(raw=raw, state=ValueState.NOT_APPLICABLE)

    cell.mask(_URLS, _TEXT)
    splits = cell.mask(_SPLIT, _IGNORED, in_original=True)
    one_gender = cell.mask(_ALL_ONE_GENDER, _IGNORED, in_original=True)
    for pattern in (_DATES, _REFERENCES, _LIST_LABELS):
        cell.mask(pattern, _TEXT)
    cell.mask(_WORD_RANGES, _RANGE)
    cell.mask(_NUMBER_RANGES, _RANGE)
    cell.mask(_SLASH_PAIRS, _TEXT)
    cell.mask(_TIMES, _TEXT)

    women: int | None = None
    men: int | None = None
    if len(splits) + len(one_gender) == 1 and splits:
        pair = _split_of(splits[0])
        if pair is not None:
            women, men = pair

    quantity: Decimal | None = None
    unit: str | None = None
    numbers = list(islice(_NUMBER.finditer(cell.work), 2))  # one figure or several: two are enough to know
    if len(numbers) == 1:
        number = numbers[0]
        prefix = cell.work[: number.start()]
        if len(prefix) <= _PREFIX_LIMIT and _CLEAN_PREFIX.fullmatch(prefix):
            quantity = _to_decimal(number.group())
            unit = _unit_from(cell.original[number.end() :])
    elif not numbers and women is not None and men is not None and re.fullmatch(r"[\s.;:,]*", cell.work):
        quantity = Decimal(women + men)

    if quantity is not None and women is None and quantity == quantity.to_integral_value():
        gender = ""
        if len(one_gender) == 1 and not splits:
            gender = one_gender[0].group(1)[0]
        elif unit is not None and not one_gender and not splits:
            first_word = fold_key(unit).split(" ")[0]
            if first_word in ("femei", "femeie", "barbati", "barbat"):
                gender = first_word[0]
        if gender == "f":
            women, men = int(quantity), 0
        elif gender == "b":
            women, men = 0, int(quantity)

    approximate = _APPROXIMATE.search(cell.work) is not None
    status: Status | None = None
    if quantity is None:
        words = re.findall(r"[^\W\d_]+", visible_work)
        status = _status_of(visible_work, words)

    state = ValueState.ZERO if quantity is not None and quantity == 0 else ValueState.REPORTED
    return ParsedValue(
        raw=raw,
        state=state,
        quantity=quantity,
        unit=unit,
        women=women,
        men=men,
        approximate=approximate,
        status=status,
    )


# --------------------------------------------------------------------------------------------------------
# Units and display
# --------------------------------------------------------------------------------------------------------

_PLURAL_ENDINGS: Final = ("urile", "uri", "ele", "ile", "ii", "ie", "iu", "e", "i", "a", "u")
_MIN_STEM: Final = 2


def unit_key(unit: str | None) -> str:
    """A comparison key for units: first word, folded, Romanian singular/plural endings removed.

    "conflict"/"conflicte", "caz"/"cazuri", "persoană"/"persoane", "registru"/"registre", "decizie"/"decizii",
    "cerere"/"cereri", "raport"/"rapoarte" give the same key; a leading linking "de" ("de decizii") is
    skipped; "mii lei" and "lei" differ because their first words differ. ``""`` for ``None`` or no word.
    """
    if not unit:
        return ""
    words: list[str] = re.findall(r"%|[^\W_]+", fold_key(unit))
    while words and words[0] == "de":
        words.pop(0)
    if not words:
        return ""
    word = words[0].replace("oa", "o")  # raport/rapoarte, catalog/cataloage
    for ending in _PLURAL_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            return word[: -len(ending)]
    return word


_GROUPING_FROM: Final = 10_000


def format_quantity(q: Decimal) -> str:
    """Romanian display of a quantity: "44 000", "426,1", "3358", "169 875".

    The integer part is grouped by thousands with a space only from 10 000 upwards (the report writes
    "2520" but "44 000"); the decimal separator is a comma; trailing zeros are dropped.
    Raises ``ValueError`` for NaN or infinity, which no parsed value ever holds.
    """
    if not q.is_finite():
        raise ValueError(f"not a finite quantity: {q}")
    sign = "-" if q < 0 else ""
    text = format(abs(q).normalize(), "f")
    integer, _dot, fraction = text.partition(".")
    if abs(q) >= _GROUPING_FROM:
        head = len(integer) % 3 or 3
        groups = [integer[:head]] + [integer[i : i + 3] for i in range(head, len(integer), 3)]
        integer = " ".join(groups)
    fraction = fraction.rstrip("0")
    return f"{sign}{integer},{fraction}" if fraction else f"{sign}{integer}"
