"""Plan kinds as data: the description of a family of plans (columns, groups, progress shape, report layout)
and the status vocabulary of its progress.

Pure: a kind description (the parsed JSON of ``data/kinds/<code>.json``, documented in
``docs/plan_kinds.md``) in, a :class:`PlanKind` out, or a :class:`KindError` with a Romanian message
naming the place that is wrong. Reading the files is :mod:`balti_monitor.services.kinds`' business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from balti_monitor.domain.text import fold_key
from balti_monitor.errors import BaltiMonitorError
from balti_monitor.i18n import N_, _

FORMAT = "balti-monitor-kind"
VERSION = 1

#: Where a column's cell text comes from (``docs/plan_kinds.md``).
SOURCES = frozenset(
    {
        "code",
        "title",
        "code_title",
        "parent_code",
        "parent_title",
        "parent_code_title",
        "indicators",
        "deadline",
        "responsible",
        "column",
        "progress",
        "progress_description",
        "progress_status",
        "progress_values",
    }
)
#: Sources whose text belongs to a period's progress, not to the plan.
PROGRESS_SOURCES = frozenset({"progress", "progress_description", "progress_status", "progress_values"})
FORMATS = frozenset({"text", "lines"})
MERGES = frozenset({"none", "down"})
LAYOUTS = frozenset({"action_blocks", "register"})
PROGRESS_BY = frozenset({"subdivision", "action"})
PERIOD_KINDS = frozenset({"semester", "year", "span"})
_KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


class KindError(BaltiMonitorError):
    """A kind description that cannot be used; the message is Romanian and says where."""


class StatusMeaning(StrEnum):
    """What a status word means."""

    DONE = "done"
    IN_PROGRESS = "in_progress"
    STARTED = "started"
    NOT_STARTED = "not_started"
    NOT_DONE = "not_done"


#: Romanian names of the meanings (for messages and pickers; translated where shown: ``_(label)``).
MEANING_LABELS: dict[StatusMeaning, str] = {
    StatusMeaning.DONE: N_("realizată"),
    StatusMeaning.IN_PROGRESS: N_("în proces de realizare"),
    StatusMeaning.STARTED: N_("inițiată"),
    StatusMeaning.NOT_STARTED: N_("neinițiată"),
    StatusMeaning.NOT_DONE: N_("nerealizată"),
}


@dataclass(frozen=True, slots=True)
class KindColumn:
    """One column of a kind's table (or of a plan's declared columns: same shape)."""

    key: str
    label: str
    number: str
    source: str
    format: str = "text"
    merge: str = "none"
    in_plan: bool = True
    in_report: bool = True

    @property
    def is_declared(self) -> bool:
        """Whether the cell text is the item's value of a declared column (not a built-in field)."""
        return self.source == "column"

    @property
    def is_progress(self) -> bool:
        """Whether the cell text belongs to a period's progress."""
        return self.source in PROGRESS_SOURCES

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape (every key, in the documented order)."""
        return {
            "key": self.key,
            "label": self.label,
            "number": self.number,
            "source": self.source,
            "format": self.format,
            "merge": self.merge,
            "in_plan": self.in_plan,
            "in_report": self.in_report,
        }


@dataclass(frozen=True, slots=True)
class StatusWord:
    """One entry of a status vocabulary: a meaning and the words that say it (the first is offered)."""

    meaning: StatusMeaning
    words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ProgressShape:
    """How a period's progress is entered for a kind."""

    by: str  # "subdivision" or "action"
    values: bool
    totals: bool
    period: str  # "semester", "year" or "span"
    statuses: tuple[StatusWord, ...]

    @property
    def by_action(self) -> bool:
        """One return per (action, period) for the action as a whole."""
        return self.by == "action"

    @property
    def has_statuses(self) -> bool:
        """Whether the kind has a status vocabulary."""
        return bool(self.statuses)

    def status_choices(self) -> list[str]:
        """The words a status picker offers, one per meaning, in the vocabulary's order."""
        return [entry.words[0] for entry in self.statuses]


@dataclass(frozen=True, slots=True)
class GroupShape:
    """How the groups (priorities, objectives) of a kind are named and headed."""

    label: str
    heading: str
    own_columns: bool

    def heading_text(self, number: str, title: str) -> str:
        """The text of a group's heading row."""
        return self.heading.replace("{number}", number).replace("{title}", title)


@dataclass(frozen=True, slots=True)
class PlanKind:
    """A validated kind description."""

    code: str
    name: str
    description: str
    groups: GroupShape
    sub_actions: bool
    numbered_row: bool
    report_layout: str
    columns: tuple[KindColumn, ...]
    progress: ProgressShape

    def column(self, key: str) -> KindColumn | None:
        """The column with ``key``, if any."""
        return next((c for c in self.columns if c.key == key), None)

    @property
    def declared_columns(self) -> tuple[KindColumn, ...]:
        """The columns whose values the items carry (source ``column``)."""
        return tuple(c for c in self.columns if c.is_declared)

    def parse_status(self, raw: str) -> ParsedStatus:
        """The meaning of a status raw text in this kind's vocabulary."""
        return parse_status(raw, self.progress.statuses)


@dataclass(frozen=True, slots=True)
class ParsedStatus:
    """A status as written (``raw``, kept verbatim) and its meaning (None: empty or not in the vocabulary)."""

    raw: str
    meaning: StatusMeaning | None

    @property
    def known(self) -> bool:
        """Whether the word was found in the vocabulary."""
        return self.meaning is not None

    @property
    def empty(self) -> bool:
        """Whether nothing was written."""
        return not self.raw.strip()


def status_key(text: str) -> str:
    """The comparison key of a status: its first non-empty line, folded (case, diacritics, ş/ș, punctuation)."""
    for line in text.splitlines():
        if line.strip():
            return fold_key(line)
    return ""


def parse_status(raw: str, vocabulary: tuple[StatusWord, ...]) -> ParsedStatus:
    """The meaning of ``raw`` (first line compared whole with every word of ``vocabulary``); raw kept."""
    key = status_key(raw)
    if key:
        for entry in vocabulary:
            if any(fold_key(word) == key for word in entry.words):
                return ParsedStatus(raw, entry.meaning)
    return ParsedStatus(raw, None)


# ------------------------------------------------------------------------------------------ validation


def _need(obj: dict[str, Any], key: str, kind: type, path: str) -> Any:
    if key not in obj:
        raise KindError(_("{path}.{key}: câmp obligatoriu lipsă.").format(path=path, key=key))
    value = obj[key]
    if (kind is not bool and isinstance(value, bool)) or not isinstance(value, kind):
        names = {
            str: N_("text"),
            bool: N_("adevărat/fals"),
            list: N_("listă"),
            dict: N_("obiect"),
            int: N_("număr întreg"),
        }
        expected = names.get(kind)
        raise KindError(
            _("{path}.{key}: se aștepta {expected}.").format(
                path=path, key=key, expected=str(kind) if expected is None else _(expected)
            )
        )
    return value


def _one_of(value: str, allowed: frozenset[str], path: str) -> str:
    if value not in allowed:
        raise KindError(
            _("{path}: valoarea „{value}” nu este permisă (se poate: {allowed}).").format(
                path=path, value=value, allowed=", ".join(sorted(allowed))
            )
        )
    return value


def column_from(obj: Any, path: str) -> KindColumn:
    """One column of a kind description or of a plan's declared columns (validated)."""
    if not isinstance(obj, dict):
        raise KindError(_("{path}: se aștepta un obiect.").format(path=path))
    key = _need(obj, "key", str, path)
    if not _KEY.match(key):
        raise KindError(
            _(
                "{path}.key: cheia „{key}” trebuie să înceapă cu o literă mică și să conțină doar litere mici "
                "fără diacritice, cifre și „_” (cel mult 40)."
            ).format(path=path, key=key)
        )
    label = _need(obj, "label", str, path)
    if not label.strip():
        raise KindError(_("{path}.label: coloana „{key}” nu are denumire.").format(path=path, key=key))
    column = KindColumn(
        key=key,
        label=label,
        number=_need(obj, "number", str, path),
        source=_one_of(_need(obj, "source", str, path), SOURCES, path + ".source"),
        format=_one_of(_need(obj, "format", str, path), FORMATS, path + ".format"),
        merge=_one_of(_need(obj, "merge", str, path), MERGES, path + ".merge"),
        in_plan=_need(obj, "in_plan", bool, path),
        in_report=_need(obj, "in_report", bool, path),
    )
    if column.is_progress and column.in_plan:
        raise KindError(
            _("{path}.in_plan: coloana de progres „{label}” nu poate apărea în tabelul planului.").format(
                path=path, label=label
            )
        )
    return column


def check_columns(columns: list[KindColumn], path: str) -> None:
    """Keys unique; a declared column's key names its value."""
    seen: set[str] = set()
    for index, column in enumerate(columns):
        if column.key in seen:
            raise KindError(
                _("{path}[{index}].key: cheia „{key}” apare de două ori.").format(
                    path=path, index=index, key=column.key
                )
            )
        seen.add(column.key)


def load_kind(document: Any, *, expected_code: str | None = None) -> PlanKind:
    """Validate a kind description (parsed JSON) and return it; :class:`KindError` says what and where."""
    path = "$"
    if not isinstance(document, dict):
        raise KindError(_("$: descrierea tipului de plan trebuie să fie un obiect JSON."))
    if document.get("format") != FORMAT:
        raise KindError(_("$.format: se aștepta „{format}”.").format(format=FORMAT))
    if document.get("version") != VERSION:
        raise KindError(
            _("$.version: versiunea {value!r} nu este cunoscută (se citește {version}).").format(
                value=document.get("version"), version=VERSION
            )
        )
    code = _need(document, "code", str, path)
    if not _KEY.match(code):
        raise KindError(
            _("$.code: codul „{code}” trebuie să conțină doar litere mici, cifre și „_”.").format(code=code)
        )
    if expected_code is not None and code != expected_code:
        raise KindError(
            _("$.code: codul „{code}” diferă de numele fișierului („{expected}”).").format(
                code=code, expected=expected_code
            )
        )
    groups_obj = _need(document, "groups", dict, path)
    groups = GroupShape(
        label=_need(groups_obj, "label", str, "$.groups"),
        heading=_need(groups_obj, "heading", str, "$.groups"),
        own_columns=_need(groups_obj, "own_columns", bool, "$.groups"),
    )
    if "{title}" not in groups.heading:
        # "{title}" is the literal placeholder the heading must contain, not a field of the message
        raise KindError(_("$.groups.heading: titlul rândului de grup trebuie să conțină „{title}”."))
    raw_columns = _need(document, "columns", list, path)
    if not raw_columns:
        raise KindError(_("$.columns: tipul de plan trebuie să aibă cel puțin o coloană."))
    columns = [column_from(item, f"$.columns[{i}]") for i, item in enumerate(raw_columns)]
    check_columns(columns, "$.columns")
    progress = _progress(_need(document, "progress", dict, path))
    layout = _one_of(_need(document, "report_layout", str, path), LAYOUTS, "$.report_layout")
    if layout == "action_blocks" and progress.by_action:
        raise KindError(_("$.report_layout: raportul pe blocuri de acțiuni cere progres pe subdiviziuni."))
    return PlanKind(
        code=code,
        name=_need(document, "name", str, path),
        description=_need(document, "description", str, path),
        groups=groups,
        sub_actions=_need(document, "sub_actions", bool, path),
        numbered_row=_need(document, "numbered_row", bool, path),
        report_layout=layout,
        columns=tuple(columns),
        progress=progress,
    )


def _progress(obj: dict[str, Any]) -> ProgressShape:
    path = "$.progress"
    by = _one_of(_need(obj, "by", str, path), PROGRESS_BY, path + ".by")
    values = _need(obj, "values", bool, path)
    totals = _need(obj, "totals", bool, path)
    if totals and not values:
        raise KindError(
            _("{path}.totals: rândul „Total” cere valori pe indicatori („values”: true).").format(path=path)
        )
    period = _one_of(_need(obj, "period", str, path), PERIOD_KINDS, path + ".period")
    statuses: list[StatusWord] = []
    seen_words: dict[str, str] = {}
    seen_meanings: set[StatusMeaning] = set()
    for index, entry in enumerate(_need(obj, "statuses", list, path)):
        e_path = f"{path}.statuses[{index}]"
        if not isinstance(entry, dict):
            raise KindError(_("{path}: se aștepta un obiect.").format(path=e_path))
        meaning_text = _need(entry, "meaning", str, e_path)
        try:
            meaning = StatusMeaning(meaning_text)
        except ValueError:
            allowed = ", ".join(m.value for m in StatusMeaning)
            raise KindError(
                _("{path}.meaning: sensul „{meaning}” nu există (se poate: {allowed}).").format(
                    path=e_path, meaning=meaning_text, allowed=allowed
                )
            ) from None
        if meaning in seen_meanings:
            raise KindError(
                _("{path}.meaning: sensul „{meaning}” apare de două ori.").format(
                    path=e_path, meaning=meaning_text
                )
            )
        seen_meanings.add(meaning)
        words = _need(entry, "words", list, e_path)
        if not words or not all(isinstance(w, str) and w.strip() for w in words):
            raise KindError(_("{path}.words: se aștepta o listă de cuvinte, nevidă.").format(path=e_path))
        for word in words:
            key = fold_key(word)
            if key in seen_words and seen_words[key] != meaning_text:
                raise KindError(
                    _("{path}.words: cuvântul „{word}” are deja alt sens.").format(path=e_path, word=word)
                )
            seen_words[key] = meaning_text
        statuses.append(StatusWord(meaning, tuple(words)))
    return ProgressShape(by=by, values=values, totals=totals, period=period, statuses=tuple(statuses))


# --------------------------------------------------------------------------------------------- cell texts


@dataclass(frozen=True, slots=True)
class ItemTexts:
    """What a row of a plan's table is made of: an item's own texts (``columns``: its declared columns'
    texts by key) and, for progress columns, its progress in the period."""

    code: str
    title: str
    indicators: tuple[str, ...] = ()
    deadline: str = ""
    responsible: str = ""
    columns: tuple[tuple[str, str], ...] = ()
    description: str = ""
    status: str = ""
    links: tuple[tuple[str, str], ...] = ()  # (text, url)
    values: tuple[tuple[int, str], ...] = ()  # (indicator number, raw text)

    def column(self, key: str) -> str:
        """The text of the declared column ``key`` ("" when empty)."""
        return next((text for k, text in self.columns if k == key), "")


def code_title(code: str, title: str) -> str:
    """Code and title in one cell ("1.1 Adoptarea …"); the code is left out when the title starts with it."""
    if not code or title.lstrip().startswith(code.rstrip(".")):
        return title
    return f"{code} {title}"


def cell_text(column: KindColumn, item: ItemTexts, parent: ItemTexts | None = None) -> str:
    """The text of ``column`` in the row of ``item`` (``parent``: its parent action, for a sub-action), by
    the column's ``source`` (``docs/plan_kinds.md``). Verbatim: nothing is trimmed or re-worded; lines
    of a list (indicators, links) are joined with a line break."""
    owner = parent or item
    source = column.source
    if source == "code":
        return item.code
    if source == "title":
        return item.title
    if source == "code_title":
        return code_title(item.code, item.title)
    if source == "parent_code":
        return owner.code
    if source == "parent_title":
        return owner.title
    if source == "parent_code_title":
        return code_title(owner.code, owner.title)
    if source == "indicators":
        return "\n".join(item.indicators)
    if source == "deadline":
        return item.deadline
    if source == "responsible":
        return item.responsible
    if source == "column":
        return item.column(column.key)
    if source == "progress_description":
        return item.description
    if source == "progress_status":
        return item.status
    if source == "progress_values":
        return "\n".join(text for _, text in item.values if text.strip())
    # "progress": the status on its first line, the description, then the links
    parts = [
        item.status.strip(),
        item.description,
        *(url if text == url else f"{text} {url}" for text, url in item.links),
    ]
    return "\n".join(part for part in parts if part)
