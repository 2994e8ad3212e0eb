"""The forms-import use case: the preview's data (what each form row would do), the findings an import
would add or clear, and the import itself (one transaction, with its undo and redo).

``interchange.forms_in`` reads the workbooks and compares them with the database, producing the
:class:`ImportPreview` defined here; :func:`apply_import` writes it. Nothing here imports the file formats
(``interchange``) or Qt.

The preview must not write (it runs without the single-writer lock, from a read-only session): the grids
of the touched actions are loaded once, the incoming cell texts are applied to those plain data in memory
(the pure domain: parsing, totals, checks), and the findings before and after are compared.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from balti_monitor.db.models import Period, Subdivision, database
from balti_monitor.db.pg_driver import executemany
from balti_monitor.domain.checks import Finding
from balti_monitor.domain.grid import ActionGrid, GridRow
from balti_monitor.domain.values import ParsedValue, ValueState
from balti_monitor.i18n import N_, _, ngettext
from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.comments import set_replies
from balti_monitor.services.editing import DESCRIPTION_COLUMN, CellEdit, validate_cell
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.form_status import (
    FormState,
    StatusSnapshot,
    record_state,
    restore_status,
    snapshot_statuses,
)
from balti_monitor.services.grids import load_grids
from balti_monitor.services.results import action_result
from balti_monitor.services.values import parse_short_cached


def normalize(text: str | None) -> str:
    """The text as compared between form and database: NFC, Unix line ends, no leading/trailing
    whitespace. ``None`` (no value) is the empty text. Only for comparing: what is stored stays verbatim."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text).strip()


class ChangeKind(StrEnum):
    """How one form row compares with the database."""

    NEW = "new"  # the database has nothing, the form has a value
    CHANGED = "changed"  # the form changed the stored value
    CLEARED = "cleared"  # the form emptied a stored value
    UNCHANGED = "unchanged"  # same text
    KEPT = "kept"  # the form left the row as generated; the app changed it since: the app's value stays
    CONFLICT = "conflict"  # both the app and the form changed it since the form was generated


KIND_LABELS: dict[ChangeKind, str] = {
    ChangeKind.NEW: N_("nou"),
    ChangeKind.CHANGED: N_("modificat"),
    ChangeKind.CLEARED: N_("șters"),
    ChangeKind.UNCHANGED: N_("neschimbat"),
    ChangeKind.KEPT: N_("păstrat din aplicație"),
    ChangeKind.CONFLICT: N_("conflict"),
}
APPLIED_KINDS = frozenset({ChangeKind.NEW, ChangeKind.CHANGED, ChangeKind.CLEARED})


@dataclass(frozen=True, slots=True)
class CellRef:
    """A grid cell of the period: action, subdivision, column (0 = description, N = indicator N)."""

    action_id: int
    subdivision_id: int
    column: int


@dataclass(frozen=True, slots=True)
class CellChange:
    """One form row compared with the database."""

    ref: CellRef
    kind: ChangeKind
    action_code: str
    subdivision_name: str
    label: str  # "Descriere" or "Indicatorul 3"
    current: str  # what the database holds now ("" for nothing)
    incoming: str  # what the form says (F/B composed, normalised)
    file_name: str
    sheet_row: int  # row of the "Retur" sheet, for the user to find it

    @property
    def location(self) -> str:
        """ "1.13 · Indicatorul 2 · Direcția secretariat"."""
        return f"{self.action_code} · {self.label} · {self.subdivision_name}"


@dataclass(frozen=True, slots=True)
class FormAnswer:
    """An answer typed beside the "Observații" of a form row: shown in the preview, stored on the comments."""

    ref: CellRef
    action_code: str
    label: str  # "Descriere" or "Indicatorul 3"
    question: str  # the follow-ups it answers, as the application holds them now ("" if none)
    answer: str
    comment_ids: tuple[int, ...]  # the follow-ups it is stored on (as their reply)
    sheet_row: int

    @property
    def location(self) -> str:
        """ "1.13 · Indicatorul 2"."""
        return f"{self.action_code} · {self.label}"


@dataclass(frozen=True, slots=True)
class FormFile:
    """A recognised form and how each of its rows compares with the database."""

    path: Path
    subdivision_id: int
    subdivision_code: str
    subdivision_name: str
    period_code: str
    plan_code: str
    form_id: str
    generated_at: str
    changes: tuple[CellChange, ...]
    warnings: tuple[str, ...] = field(default_factory=tuple)
    answers: tuple[FormAnswer, ...] = field(default_factory=tuple)  # answers to follow-ups

    def count(self, kind: ChangeKind) -> int:
        """Rows of one kind."""
        return sum(1 for c in self.changes if c.kind is kind)

    def summary(self) -> str:
        """ "5 rânduri noi, 1 rând modificat, 40 de rânduri neschimbate" (kinds that occur)."""
        parts = [_rows_phrase(kind, self.count(kind)) for kind in ChangeKind if self.count(kind)]
        if self.answers:
            n = len(self.answers)
            parts.append(ngettext("{n} răspuns la observații", "{n} răspunsuri la observații", n).format(n=n))
        return ", ".join(parts) or _("niciun rând")


def _rows_phrase(kind: ChangeKind, n: int) -> str:
    """ "5 rânduri noi", "1 rând modificat", "40 de rânduri neschimbate" (the language's plural forms)."""
    if kind is ChangeKind.NEW:
        text = ngettext("{n} rând nou", "{n} rânduri noi", n)
    elif kind is ChangeKind.CHANGED:
        text = ngettext("{n} rând modificat", "{n} rânduri modificate", n)
    elif kind is ChangeKind.CLEARED:
        text = ngettext("{n} rând șters", "{n} rânduri șterse", n)
    elif kind is ChangeKind.UNCHANGED:
        text = ngettext("{n} rând neschimbat", "{n} rânduri neschimbate", n)
    elif kind is ChangeKind.KEPT:
        text = ngettext("{n} rând păstrat din aplicație", "{n} rânduri păstrate din aplicație", n)
    else:
        text = ngettext("{n} conflict", "{n} conflicte", n)
    return text.format(n=n)


@dataclass(frozen=True, slots=True)
class RefusedFile:
    """A file that was not imported, and why (Romanian)."""

    path: Path
    message: str


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """What importing the selected files would do (nothing has been changed yet)."""

    period_id: int | None
    period_code: str | None
    files: tuple[FormFile, ...]
    refused: tuple[RefusedFile, ...]
    new_findings: tuple[Finding, ...] = field(default_factory=tuple)  # checks the import would add
    resolved_findings: tuple[Finding, ...] = field(default_factory=tuple)  # checks it would clear

    @property
    def changes(self) -> tuple[CellChange, ...]:
        """Every row of every recognised file."""
        return tuple(c for f in self.files for c in f.changes)

    @property
    def pending(self) -> tuple[CellChange, ...]:
        """What applying without accepting any conflict writes."""
        return tuple(c for c in self.changes if c.kind in APPLIED_KINDS)

    @property
    def conflicts(self) -> tuple[CellChange, ...]:
        """Rows changed both in the app and in the form."""
        return tuple(c for c in self.changes if c.kind is ChangeKind.CONFLICT)

    @property
    def answers(self) -> tuple[FormAnswer, ...]:
        """The answers to follow-ups of every recognised file."""
        return tuple(a for f in self.files for a in f.answers)

    @property
    def has_changes(self) -> bool:
        """Whether applying would write anything (conflicts count: the user may accept them; so do the
        answers to follow-ups, stored on their comments)."""
        return bool(self.pending or self.conflicts or self.answers)

    def count(self, kind: ChangeKind) -> int:
        """Rows of one kind over all files."""
        return sum(f.count(kind) for f in self.files)

    def summary_lines(self) -> list[str]:
        """Romanian overview: one line per file, then the refusals."""
        lines: list[str] = []
        if self.period_code:
            lines.append(_("Perioada: {period_code}.").format(period_code=self.period_code))
        for f in self.files:
            lines.append(f"✓ {f.path.name} — {f.subdivision_name}: {f.summary()}")
            lines.extend(_("    atenție: {w}").format(w=w) for w in f.warnings)
            lines.extend(
                _("    răspuns la observații, {location} (rândul {sheet_row}): „{answer}”").format(
                    location=a.location, sheet_row=a.sheet_row, answer=a.answer
                )
                for a in f.answers
            )
        for r in self.refused:
            lines.append(f"✗ {r.path.name}: {r.message}")
        return lines


@dataclass(frozen=True, slots=True)
class CellRestore:
    """Cell texts (and form statuses) to put back in one step: the undo or the redo of an import."""

    period_id: int
    cells: tuple[tuple[int, tuple[CellEdit, ...]], ...]  # (action id, edits)
    statuses: tuple[StatusSnapshot, ...] = field(default_factory=tuple)
    replies: tuple[tuple[int, str], ...] = field(default_factory=tuple)  # (comment id, reply)


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What :func:`apply_import` did."""

    changes: ChangeSet
    applied: int  # cells written
    undo: CellRestore
    redo: CellRestore
    imported_files: tuple[str, ...]


def _parsed(raw: str) -> ParsedValue:
    """The parsed value, remembered for short texts (see :func:`services.values.parse_short_cached`)."""
    return parse_short_cached(raw)


def _columns(parsed: ParsedValue) -> dict[str, Any]:
    """The Value columns of a parsed value (as :func:`services.values.parsed_columns` gives them)."""
    return {
        "raw_text": parsed.raw,
        "state": parsed.state.value,
        "quantity": None if parsed.quantity is None else str(parsed.quantity),
        "unit": parsed.unit,
        "women": parsed.women,
        "men": parsed.men,
        "approximate": parsed.approximate,
        "status": None if parsed.status is None else parsed.status.value,
    }


def edited_grid(grid: ActionGrid, edits: Iterable[CellEdit], names: Mapping[int, str]) -> ActionGrid:
    """The grid as it would be after writing ``edits`` (pure: mirrors :func:`services.editing.set_cells`).

    A row emptied of its description and values loses its return; a subdivision without a row gets one,
    not responsible, answering the indicators it reported.
    """
    rows = {row.subdivision_id: row for row in grid.rows}
    order = [row.subdivision_id for row in grid.rows]
    for edit in edits:
        row = rows.get(edit.subdivision_id)
        if row is None:
            if edit.text is None:
                continue
            row = GridRow(edit.subdivision_id, names.get(edit.subdivision_id, ""), frozenset(), False)
            order.append(edit.subdivision_id)
        values: dict[int, ParsedValue] = dict(row.values)
        description = row.description
        if edit.column == DESCRIPTION_COLUMN:
            description = edit.text or ""
        elif edit.text is None:
            values.pop(edit.column, None)
        else:
            values[edit.column] = _parsed(edit.text)
        has_return = bool(description or values)
        applicable = row.applicable
        if not row.responsible:
            applicable = frozenset(n for n, v in values.items() if v.state != ValueState.MISSING)
        rows[edit.subdivision_id] = dataclasses.replace(
            row,
            description=description if has_return else "",
            values=values if has_return else {},
            has_return=has_return,
            applicable=applicable,
        )
    return dataclasses.replace(grid, rows=tuple(rows[sid] for sid in order))


def _finding_key(f: Finding) -> tuple[Any, ...]:
    return (f.code, f.action, f.indicator, f.subdivision_id, f.message)


def findings_delta(
    period: Period, edits: Mapping[int, list[CellEdit]]
) -> tuple[tuple[Finding, ...], tuple[Finding, ...]]:
    """The findings writing ``edits`` ({action id: edits}) would add and clear, computed in memory."""
    if not edits:
        return (), ()
    grids = load_grids(period, list(edits))
    names = {s.id: str(s.name) for s in Subdivision.select(Subdivision.id, Subdivision.name)}
    before: list[Finding] = []
    after: list[Finding] = []
    for action_id, grid in grids.items():
        before.extend(action_result(grid).findings)
        after.extend(action_result(edited_grid(grid, edits[action_id], names)).findings)
    before_keys = {_finding_key(f) for f in before}
    after_keys = {_finding_key(f) for f in after}
    added = tuple(f for f in after if _finding_key(f) not in before_keys)
    cleared = tuple(f for f in before if _finding_key(f) not in after_keys)
    return added, cleared


def edits_by_action(changes: Iterable[CellChange]) -> dict[int, list[CellEdit]]:
    """The cell edits writing ``changes`` makes, grouped by action id."""
    grouped: dict[int, list[CellEdit]] = defaultdict(list)
    for c in changes:
        grouped[c.ref.action_id].append(CellEdit(c.ref.subdivision_id, c.ref.column, c.incoming or None))
    return grouped


# ------------------------------------------------------------------------------------------------------
# Set-based writing of many cells
# ------------------------------------------------------------------------------------------------------


def _sql(query: str, params: Sequence[Any] = ()) -> Any:
    return database.execute_sql(query, params)  # type: ignore[no-untyped-call]


def _many(query: str, rows: list[tuple[Any, ...]]) -> None:
    executemany(query, rows)  # the file's or the server's set-based path


def _marks(n: int) -> str:
    """``?, ?, …`` for ``IN (…)``; ``NULL`` for none (matches nothing: a server refuses ``IN ()``)."""
    return ",".join("?" * n) or "NULL"


@dataclass(slots=True)
class _Stored:
    """What the database holds for the touched cells of a period (loaded with a few set queries)."""

    returns: dict[tuple[int, int], int]  # (action id, subdivision id) -> return id
    descriptions: dict[int, str]  # return id -> description
    values: dict[tuple[int, int], str]  # (return id, indicator number) -> raw text
    indicators: dict[tuple[int, int], int]  # (action id, number) -> indicator id

    def text(self, action_id: int, subdivision_id: int, column: int) -> str | None:
        """What a cell holds (None: no return or no value), like :func:`services.editing.cell_text`."""
        ret = self.returns.get((action_id, subdivision_id))
        if ret is None:
            return None
        if column == DESCRIPTION_COLUMN:
            return self.descriptions[ret]
        return self.values.get((ret, column))


def load_stored(period_id: int, cells: Iterable[tuple[int, int]]) -> _Stored:
    """What the period holds for the (action id, subdivision id) cells given, read with a few set queries."""
    wanted = set(cells)
    action_ids = sorted({a for a, _s in wanted})
    returns: dict[tuple[int, int], int] = {}
    descriptions: dict[int, str] = {}
    for ret_id, action_id, sub_id, description in _sql(
        'SELECT id, action_id, subdivision_id, description FROM "return" WHERE period_id = ?', (period_id,)
    ):
        if (action_id, sub_id) in wanted:
            returns[(action_id, sub_id)] = int(ret_id)
            descriptions[int(ret_id)] = str(description)
    indicators = {
        (int(a), int(n)): int(i)
        for i, a, n in _sql(
            f"SELECT id, action_id, number FROM indicator WHERE action_id IN ({_marks(len(action_ids))})",
            action_ids,
        )
    }
    number_of = {i: n for (_a, n), i in indicators.items()}
    values: dict[tuple[int, int], str] = {}
    ret_ids = sorted(descriptions)
    if ret_ids:
        for ret_id, indicator_id, raw in _sql(
            f"SELECT return_id, indicator_id, raw_text FROM value WHERE return_id IN ({_marks(len(ret_ids))})",
            ret_ids,
        ):
            values[(int(ret_id), number_of.get(int(indicator_id), -1))] = str(raw)
    return _Stored(returns, descriptions, values, indicators)


_UPSERT_VALUE = (
    "INSERT INTO value (return_id, indicator_id, raw_text, state, quantity, unit, women, men, approximate, status) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (return_id, indicator_id) DO UPDATE SET "
    "raw_text = excluded.raw_text, state = excluded.state, quantity = excluded.quantity, unit = excluded.unit, "
    "women = excluded.women, men = excluded.men, approximate = excluded.approximate, status = excluded.status"
)


def write_cells(
    period: Period, edits: Sequence[tuple[int, CellEdit]], stored: _Stored | None = None
) -> ChangeSet:
    """Write many cells of a period ((action id, edit) pairs) with one statement per kind of change.

    The same result as :func:`services.editing.set_cells` for each action — a return is created for a text
    in a cell without one, an emptied return disappears, the value's parsed columns are derived again, the
    return's ``updated_at`` is set — but set-based (``executemany``) instead of several ORM round trips
    per cell. Validates every text first (:class:`ServiceError`, nothing written). Call inside a
    transaction, or it opens its own.
    """
    for _action_id, edit in edits:
        problem = validate_cell(edit.column, edit.text)
        if problem:
            raise ServiceError(problem)
    if not edits:
        return ChangeSet()
    now = dt.datetime.now().replace(microsecond=0)
    stamp, today = now.strftime("%Y-%m-%d %H:%M:%S"), now.date().isoformat()
    with database.atomic():
        stored = stored or load_stored(period.id, {(a, e.subdivision_id) for a, e in edits})
        for action_id, edit in edits:
            if edit.column != DESCRIPTION_COLUMN and (action_id, edit.column) not in stored.indicators:
                raise ServiceError(_("Acțiunea nu are indicatorul {column}.").format(column=edit.column))
        missing = sorted(
            {(a, e.subdivision_id) for a, e in edits if e.text is not None} - set(stored.returns)
        )
        if missing:
            subs = sorted({s for _a, s in missing})
            known = {
                int(r[0]) for r in _sql(f"SELECT id FROM subdivision WHERE id IN ({_marks(len(subs))})", subs)
            }
            if set(subs) - known:
                raise ServiceError(_("Subdiviziunea nu există."))
            _many(
                'INSERT INTO "return" (action_id, subdivision_id, period_id, description, received_date, '
                "review_status, status, updated_at) VALUES (?, ?, ?, '', ?, 'received', '', ?)",
                [(a, s, period.id, today, stamp) for a, s in missing],
            )
            for ret_id, a, s in _sql(
                'SELECT id, action_id, subdivision_id FROM "return" WHERE period_id = ?', (period.id,)
            ):
                if (a, s) in set(missing):
                    stored.returns[(a, s)] = int(ret_id)
                    stored.descriptions[int(ret_id)] = ""
        descriptions: dict[int, str] = {}
        upserts: dict[tuple[int, int], tuple[Any, ...]] = {}
        deletes: set[tuple[int, int]] = set()
        touched: set[int] = set()
        for action_id, edit in edits:
            ret = stored.returns.get((action_id, edit.subdivision_id))
            if ret is None:
                continue  # clearing a cell of a subdivision without a return: nothing to do
            touched.add(ret)
            if edit.column == DESCRIPTION_COLUMN:
                descriptions[ret] = edit.text or ""
                continue
            indicator = stored.indicators[(action_id, edit.column)]
            if edit.text is None:
                upserts.pop((ret, indicator), None)
                deletes.add((ret, indicator))
            else:
                deletes.discard((ret, indicator))
                c = _columns(_parsed(edit.text))
                upserts[(ret, indicator)] = (
                    ret,
                    indicator,
                    c["raw_text"],
                    c["state"],
                    c["quantity"],
                    c["unit"],
                    c["women"],
                    c["men"],
                    bool(c["approximate"]),  # stored as 0/1 in the file, a BOOLEAN on a server
                    c["status"],
                )
        _many('UPDATE "return" SET description = ? WHERE id = ?', [(d, r) for r, d in descriptions.items()])
        _many("DELETE FROM value WHERE return_id = ? AND indicator_id = ?", sorted(deletes))
        _many(_UPSERT_VALUE, list(upserts.values()))
        _many('UPDATE "return" SET updated_at = ? WHERE id = ?', [(stamp, r) for r in sorted(touched)])
        # A return emptied cell by cell disappears (so undoing a first edit restores "no return").
        _many(
            "DELETE FROM \"return\" WHERE id = ? AND description = '' AND (status = '' OR status IS NULL) "
            "AND NOT EXISTS (SELECT 1 FROM value WHERE return_id = ?)",
            [(r, r) for r in sorted(touched)],
        )
    return ChangeSet(actions=frozenset(a for a, _e in edits))


def apply_import(preview: ImportPreview, accept_conflicts: Collection[CellRef] = ()) -> ImportResult:
    """Write the preview's new, changed and cleared cells (and the accepted conflicts) in one transaction.

    Refuses (ServiceError, nothing changed) when the database changed since the preview. Every imported
    form is marked "imported". The result carries the undo and redo payloads for :func:`restore_cells`.
    """
    if preview.period_id is None or not preview.files:
        raise ServiceError(_("Niciun formular nu poate fi importat; nu s-a modificat nimic."))
    period = Period.get_or_none(Period.id == preview.period_id)
    if period is None:
        raise ServiceError(_("Perioada formularelor nu mai există."))
    accepted = set(accept_conflicts)
    chosen = [
        c
        for c in preview.changes
        if c.kind in APPLIED_KINDS or (c.kind is ChangeKind.CONFLICT and c.ref in accepted)
    ]
    undo: dict[int, list[CellEdit]] = defaultdict(list)
    redo = edits_by_action(chosen)
    imported: list[str] = []
    with database.atomic():
        stored = load_stored(period.id, {(c.ref.action_id, c.ref.subdivision_id) for c in chosen})
        for c in chosen:
            now = stored.text(c.ref.action_id, c.ref.subdivision_id, c.ref.column)
            if normalize(now) != normalize(c.current):
                raise ServiceError(
                    _(
                        "Datele s-au modificat după previzualizare ({location}); refaceți previzualizarea importului."
                    ).format(location=c.location)
                )
            undo[c.ref.action_id].append(CellEdit(c.ref.subdivision_id, c.ref.column, now))
        before = snapshot_statuses(period, [f.subdivision_id for f in preview.files])
        changes = write_cells(period, [(a, e) for a, edits in redo.items() for e in edits], stored)
        replies = [(i, a.answer) for a in preview.answers for i in a.comment_ids]
        old_replies = set_replies(replies)
        for f, snap in zip(preview.files, before, strict=True):
            touched = any(c.ref.subdivision_id == f.subdivision_id for c in chosen) or bool(f.answers)
            if touched or snap.status != FormState.IMPORTED.value:
                record_state(period, f.subdivision_id, FormState.IMPORTED, file_name=f.path.name)
                imported.append(f.path.name)
        after = snapshot_statuses(period, [f.subdivision_id for f in preview.files])
    if replies:  # the views refresh the follow-ups of the actions answered
        changes = dataclasses.replace(
            changes, actions=changes.actions | {a.ref.action_id for a in preview.answers if a.comment_ids}
        )
    return ImportResult(
        changes=changes,
        applied=len(chosen),
        undo=CellRestore(
            period.id,
            tuple((a, tuple(reversed(e))) for a, e in undo.items()),
            before,
            tuple(reversed(old_replies)),
        ),
        redo=CellRestore(period.id, tuple((a, tuple(e)) for a, e in redo.items()), after, tuple(replies)),
        imported_files=tuple(imported),
    )


def restore_cells(restore: CellRestore) -> ChangeSet:
    """Put cell texts and form statuses back in one transaction (the GUI's undo/redo of an import)."""
    period = Period.get_or_none(Period.id == restore.period_id)
    if period is None:
        raise ServiceError(_("Perioada nu mai există."))
    with database.atomic():
        changes = write_cells(period, [(a, e) for a, edits in restore.cells for e in edits])
        for snap in restore.statuses:
            restore_status(period, snap)
        set_replies(restore.replies)
    return changes
