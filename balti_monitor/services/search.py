"""Search everything the user typed and the plan, in every period (the full-text index of
:mod:`balti_monitor.db.search_index`).

Diacritics do not matter ("sesizari" finds "sesizări"), words match by their beginning ("sesiz" finds
"sesizările"), every word must occur. Hits come best first, each with its period, action, subdivision,
where in the grid (the description, an indicator, the period's narrative, the plan's text) and a snippet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from balti_monitor.db.models import Action, Period, PlanColumn, Subdivision, database, is_postgresql
from balti_monitor.db.pg_functions import fold
from balti_monitor.db.search_index import (
    KIND_ACTION,
    KIND_COLUMN,
    KIND_DESCRIPTION,
    KIND_INDICATOR,
    KIND_NARRATIVE,
    KIND_VALUE,
    TABLE,
    ensure_search_index,
)
from balti_monitor.i18n import _
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.periods import key_of

MAX_HITS = 200
SNIPPET_WORDS = 12
MARK_OPEN, MARK_CLOSE = "«", "»"
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One place where the text occurs.

    Attributes:
        kind: "descriere", "valoare", "raport" (the period's narrative), "plan" (an action's title or an
            indicator's text).
        period_id / period_code: the period (None and "" for the plan's texts).
        action_id / action_code: the action (None and "" for the narrative).
        subdivision_id / subdivision: the subdivision (None and "" when not a return).
        column: 0 for a description, the indicator's number for a value or an indicator's text, None else.
        where: in Romanian: "descriere", "Indicator 2", "textul raportului", "planul: titlul acțiunii" …
        snippet: the text around the match, the matched words between « ».
    """

    kind: str
    period_id: int | None
    period_code: str
    action_id: int | None
    action_code: str
    subdivision_id: int | None
    subdivision: str
    column: int | None
    where: str
    snippet: str

    def line(self) -> str:
        """The hit on one line (the command line's output): period, action, subdivision, where, snippet."""
        parts = [
            self.period_code or "-",
            self.action_code or "-",
            self.subdivision or "-",
            self.where,
            self.snippet,
        ]
        return "\t".join(part.replace("\t", " ").replace("\n", " ") for part in parts)


#: At most this many spellings of one word with е/ё are searched (2 ** 3: three letters that may be either).
MAX_YO_SPELLINGS = 8


def yo_spellings(word: str) -> list[str]:
    """The spellings of a Russian word with every е/ё either way ("отчет" → отчет, отчёт): Russian texts
    write ё or е freely, and the index folds the Latin diacritics only. The word as typed comes first; past
    three such letters, only all-е and all-ё are added."""
    lower = word.lower()
    places = [i for i, ch in enumerate(lower) if ch in "её"]
    if not places:
        return [word]
    plain = lower.replace("ё", "е")
    if 2 ** len(places) > MAX_YO_SPELLINGS:
        found = [word, plain, lower.replace("е", "ё")]
    else:
        found = [word]
        for mask in range(2 ** len(places)):
            letters = list(plain)
            for bit, place in enumerate(places):
                if mask >> bit & 1:
                    letters[place] = "ё"
            found.append("".join(letters))
    return list(dict.fromkeys(s for s in found if s.lower() == s or s == word))


def match_expression(text: str) -> str:
    """The FTS5 query for what the user typed: every word, each as a prefix (quotes keep FTS5's operators
    and punctuation out of it); a word with е or ё matches either spelling (:func:`yo_spellings`). Diacritics
    of the Latin letters (ș ț ă â î, ş ţ) are folded by the index itself."""

    def term(word: str) -> str:
        # A one-letter word as a prefix would match nearly every text: it is taken as a whole word.
        forms = [f'"{form}"*' if len(form) > 1 else f'"{form}"' for form in yo_spellings(word)]
        return forms[0] if len(forms) == 1 else "(" + " OR ".join(forms) + ")"

    return " AND ".join(term(word) for word in _WORD.findall(text))


def search(text: str, period_id: int | None = None, limit: int = MAX_HITS) -> list[SearchHit]:
    """Where ``text`` occurs, best first (at most ``limit`` hits); ``period_id`` keeps that period's
    returns and narrative (the plan's texts, the same in every period, are kept too)."""
    expression = match_expression(text)
    if not expression:
        raise ServiceError(_("Scrieți cel puțin un cuvânt de căutat."))
    if is_postgresql():
        rows = _server_rows(text, period_id, limit)
    else:
        rows = _file_rows(expression, period_id, limit)
    if not rows:
        return []
    return _hits(rows)


def _file_rows(expression: str, period_id: int | None, limit: int) -> list[tuple[Any, ...]]:
    """The hits in the file's FTS5 index, best first."""
    ensure_search_index(database)
    sql = (
        f"SELECT kind, period_id, action_id, subdivision_id, column_no, "
        f"snippet({TABLE}, 0, ?, ?, '…', {SNIPPET_WORDS}) FROM {TABLE} WHERE {TABLE} MATCH ?"
    )
    params: list[object] = [MARK_OPEN, MARK_CLOSE, expression]
    if period_id is not None:
        sql += " AND (period_id = ? OR period_id IS NULL)"
        params.append(period_id)
    sql += " ORDER BY rank LIMIT ?"
    params.append(limit)
    rows: list[tuple[Any, ...]] = database.execute_sql(sql, params).fetchall()  # type: ignore[no-untyped-call]
    return rows


def _server_rows(text: str, period_id: int | None, limit: int) -> list[tuple[Any, ...]]:
    """The hits on a server: every word at the beginning of a word of the folded text (diacritics and case
    off, like FTS5's ``remove_diacritics 2``), the texts with more occurrences first; snippets made here."""
    words = [fold(w) for w in _WORD.findall(text)]
    patterns = [rf"\m{re.escape(w)}" + ("" if len(w) > 1 else r"\M") for w in words]
    sql = f"SELECT kind, period_id, action_id, subdivision_id, column_no, body FROM {TABLE} WHERE "
    sql += " AND ".join("folded ~ %s" for _ in patterns)
    params: list[object] = list(patterns)
    if period_id is not None:
        sql += " AND (period_id = %s OR period_id IS NULL)"
        params.append(period_id)
    sql += " ORDER BY kind, id LIMIT %s"
    params.append(limit)
    found = database.execute_sql(sql, params).fetchall()  # type: ignore[no-untyped-call]
    return [(*row[:5], _snippet(str(row[5]), words)) for row in found]


def _snippet(body: str, words: list[str]) -> str:
    """About :data:`SNIPPET_WORDS` words of ``body`` around the first match, the matched words marked."""
    parts = re.split(r"(\w+)", body)  # odd indexes: the words
    places = list(range(1, len(parts), 2))
    if not places:
        return body

    def hit(index: int) -> bool:
        folded = fold(parts[index])
        return any(folded == w if len(w) == 1 else folded.startswith(w) for w in words)

    first = next((n for n, i in enumerate(places) if hit(i)), 0)
    start = max(0, first - SNIPPET_WORDS // 2)
    stop = min(len(places), start + SNIPPET_WORDS)
    shown = [
        f"{MARK_OPEN}{parts[i]}{MARK_CLOSE}" if i % 2 and hit(i) else parts[i]
        for i in range(places[start], places[stop - 1] + 1)
    ]
    prefix = "…" if start > 0 else ""
    suffix = "…" if stop < len(places) else ""
    return prefix + "".join(shown) + suffix


def _hits(rows: list[tuple[Any, ...]]) -> list[SearchHit]:
    periods = {p.id: key_of(p).code for p in Period.select()}
    action_ids = {row[2] for row in rows if row[2] is not None}
    actions = {
        a.id: a.code for a in Action.select(Action.id, Action.code).where(Action.id.in_(list(action_ids)))
    }
    subdivisions = {s.id: s.name for s in Subdivision.select(Subdivision.id, Subdivision.name)}
    column_ids = [row[4] for row in rows if row[0] == KIND_COLUMN and row[4] is not None]
    column_labels = {
        c.id: c.label
        for c in PlanColumn.select(PlanColumn.id, PlanColumn.label).where(PlanColumn.id.in_(column_ids))
    }
    hits: list[SearchHit] = []
    for kind, period, action, subdivision, column, snippet in rows:
        if kind == KIND_DESCRIPTION:
            name, where = "descriere", _("descriere")
        elif kind == KIND_VALUE:
            name, where = "valoare", _("Indicator {column}").format(column=column)
        elif kind == KIND_NARRATIVE:
            name, where = "raport", _("textul raportului")
        elif kind == KIND_ACTION:
            name, where = "plan", _("planul: titlul acțiunii")
        elif kind == KIND_INDICATOR:
            name, where = "plan", _("planul: Indicator {column}").format(column=column)
        elif kind == KIND_COLUMN:
            name, where = "plan", _("planul: {label}").format(label=column_labels.get(column, _("o coloană")))
        else:
            continue
        hits.append(
            SearchHit(
                kind=name,
                period_id=period,
                period_code=periods.get(period, "") if period is not None else "",
                action_id=action,
                action_code=actions.get(action, "") if action is not None else "",
                subdivision_id=subdivision,
                subdivision=subdivisions.get(subdivision, "") if subdivision is not None else "",
                column=column if kind in (KIND_DESCRIPTION, KIND_VALUE, KIND_INDICATOR) else None,
                where=where,
                snippet=" ".join(str(snippet).split()),
            )
        )
    return hits
