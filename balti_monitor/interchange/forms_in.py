"""Return forms coming back: compare recognised forms with the database, preview, apply all or nothing.

Files are opened and recognised by :mod:`forms_read`. Here each form's rows are checked against the plan
(refused, nothing of the file applied: unknown or contradictory row keys, rows of actions or indicators
that no longer exist, values that cannot be stored) and classified against the database with the
fingerprint the form recorded at generation (three-way): new, changed, cleared, unchanged, kept (the form
left the row as it was, the app changed it since: the app's value stays) or conflict (both the app and the
form changed it: the app's value stays unless the user accepts the form's). The result is the use case's
:class:`~balti_monitor.services.forms_import.ImportPreview`; writing it (``apply_import``, one
transaction with undo and redo payloads) is a service, re-exported here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from balti_monitor.db.models import (
    Action,
    Period,
    Plan,
    Priority,
    Subdivision,
    database,
)
from balti_monitor.domain.checks import Finding
from balti_monitor.i18n import _, ngettext
from balti_monitor.interchange.forms_common import (
    FORM_SHEET,
    SignedRow,
    fingerprint,
    normalize,
    parse_row_key,
)
from balti_monitor.interchange.forms_read import (
    MSG_TAMPERED,
    FormRefused,
    RawForm,
    SheetRow,
    compose_value,
    identify_form,
    read_workbook,
)
from balti_monitor.services.comments import answer_targets, period_comments
from balti_monitor.services.editing import DESCRIPTION_COLUMN, validate_cell
from balti_monitor.services.forms_import import (
    APPLIED_KINDS,
    KIND_LABELS,
    CellChange,
    CellRef,
    CellRestore,
    ChangeKind,
    FormAnswer,
    FormFile,
    ImportPreview,
    ImportResult,
    RefusedFile,
    apply_import,
    edits_by_action,
    restore_cells,
)
from balti_monitor.services.forms_import import findings_delta as import_findings_delta
from balti_monitor.services.values import text_problem

__all__ = [  # the use case's types and functions, re-exported for the callers that preview and apply
    "APPLIED_KINDS",
    "KIND_LABELS",
    "CellChange",
    "CellRef",
    "CellRestore",
    "ChangeKind",
    "FormAnswer",
    "FormFile",
    "ImportPreview",
    "ImportResult",
    "RefusedFile",
    "apply_import",
    "compare_forms",
    "findings_delta",
    "preview_import",
    "read_forms",
    "restore_cells",
]
from balti_monitor.services.periods import PeriodRef, key_of, stored_period

# ------------------------------------------------------------------------------------------------------
# Comparing a recognised form with the database
# ------------------------------------------------------------------------------------------------------


class _Lookups:
    """What comparing forms reads from the database, read once per preview (not once per form): the plan's
    actions and indicators, and the stored texts and form statuses of the period, with a few set queries."""

    def __init__(self) -> None:
        self._plans: dict[int, tuple[dict[str, Action], set[tuple[int, int]]]] = {}
        self._texts: dict[int, dict[int, dict[tuple[int, int], str]]] = {}
        self._form_ids: dict[int, dict[int, str]] = {}

    def plan_cells(self, plan: Plan) -> tuple[dict[str, Action], set[tuple[int, int]]]:
        """{action code: action} and {(action id, indicator number)} of the plan."""
        found = self._plans.get(plan.id)
        if found is None:
            actions = {a.code: a for a in Action.select().join(Priority).where(Priority.plan == plan)}
            ids = [a.id for a in actions.values()]
            numbers = {
                (int(a), int(n))
                for a, n in _sql(
                    f"SELECT action_id, number FROM indicator WHERE action_id IN ({','.join('?' * len(ids)) or 'NULL'})",
                    ids,
                )
            }
            found = self._plans[plan.id] = (actions, numbers)
        return found

    def current_texts(self, period: Period, subdivision_id: int) -> dict[tuple[int, int], str]:
        """{(action id, column): stored text} for one subdivision's returns in the period."""
        by_sub = self._texts.get(period.id)
        if by_sub is None:
            by_sub = self._texts[period.id] = defaultdict(dict)
            for action_id, sub_id, description in _sql(
                'SELECT action_id, subdivision_id, description FROM "return" WHERE period_id = ?', [period.id]
            ):
                by_sub[int(sub_id)][(int(action_id), DESCRIPTION_COLUMN)] = str(description)
            for action_id, sub_id, number, raw in _sql(
                'SELECT r.action_id, r.subdivision_id, i.number, v.raw_text FROM value v JOIN "return" r '
                "ON r.id = v.return_id JOIN indicator i ON i.id = v.indicator_id WHERE r.period_id = ?",
                [period.id],
            ):
                by_sub[int(sub_id)][(int(action_id), int(number))] = str(raw)
        return by_sub.get(subdivision_id, {})

    def latest_form_id(self, period: Period, subdivision_id: int) -> str:
        """The id of the latest form generated for the subdivision ("" when none)."""
        ids = self._form_ids.get(period.id)
        if ids is None:
            rows = _sql("SELECT subdivision_id, form_id FROM form_status WHERE period_id = ?", [period.id])
            ids = self._form_ids[period.id] = {int(s): str(f or "") for s, f in rows}
        return ids.get(subdivision_id, "")


def _sql(query: str, params: list[Any]) -> Any:
    return database.execute_sql(query, params)  # type: ignore[no-untyped-call]


def _compare(
    raw: RawForm, path: Path, plan: Plan, period: Period, sub: Subdivision, lookups: _Lookups
) -> FormFile:
    actions, numbers = lookups.plan_cells(plan)
    signed = {row.key: row for row in raw.signed}
    targets: dict[str, CellRef] = {}
    gone: list[str] = []
    for key in signed:
        parsed = parse_row_key(key)
        if parsed is None:
            raise FormRefused(_(MSG_TAMPERED))
        code, number = parsed
        action = actions.get(code)
        if action is None or (number is not None and (action.id, number) not in numbers):
            gone.append(
                _("{code} · indicatorul {number}").format(code=code, number=number)
                if number is not None
                else _("acțiunea {code}").format(code=code)
            )
            continue
        targets[key] = CellRef(action.id, sub.id, DESCRIPTION_COLUMN if number is None else number)
    if gone:
        raise FormRefused(
            _(
                "Formularul nu mai corespunde planului ({gone} nu mai există); generați un formular nou."
            ).format(gone=", ".join(gone[:3]))
        )

    problems: list[str] = []
    warnings: list[str] = []
    by_key: dict[str, tuple[SheetRow, str]] = {}
    for row in raw.rows:
        if row.key not in signed:
            raise FormRefused(
                _(
                    "Rândul {sheet_row} din foaia „{FORM_SHEET}” are un identificator ascuns necunoscut („{key}”): identificatorii formularului au fost modificați."
                ).format(sheet_row=row.sheet_row, FORM_SHEET=FORM_SHEET, key=row.key[:40])
            )
        label = _row_label(row.key)
        # The text is kept verbatim (raw text is sacred); a cell of only spaces is an empty cell.
        text, problem = compose_value(row.value if row.value.strip() else "", row.women, row.men)
        if problem:
            problems.append(
                _("rândul {sheet_row} ({value} · {label}): {problem}").format(
                    sheet_row=row.sheet_row, value=row.key.split("#")[0], label=label, problem=problem
                )
            )
            continue
        warnings.extend(
            _("rândul {sheet_row} ({label}): {w}").format(sheet_row=row.sheet_row, label=label, w=w)
            for w in row.warnings
        )
        earlier = by_key.get(row.key)
        if earlier is not None:
            if normalize(earlier[1]) == normalize(text) or not normalize(text):
                continue
            if earlier[1]:
                problems.append(
                    _(
                        "rândul {sheet_row} repetă rândul {sheet_row2} ({value} · {label}) cu altă valoare; păstrați un singur rând."
                    ).format(
                        sheet_row=row.sheet_row,
                        sheet_row2=earlier[0].sheet_row,
                        value=row.key.split("#")[0],
                        label=label,
                    )
                )
                continue
        by_key[row.key] = (row, text)
        issue = validate_cell(targets[row.key].column, text or None)
        if issue:
            problems.append(
                _("rândul {sheet_row} ({value} · {label}): {issue}").format(
                    sheet_row=row.sheet_row, value=row.key.split("#")[0], label=label, issue=issue
                )
            )
    if problems:
        more = _(" (și încă {value})").format(value=len(problems) - 5) if len(problems) > 5 else ""
        raise FormRefused(
            _("Formularul are valori care nu pot fi importate: {items}{more}.").format(
                items="; ".join(p.rstrip(".") for p in problems[:5]), more=more
            )
        )
    missing = [key for key in signed if key not in by_key]
    if missing:
        example = ", ".join(f"{k.split('#')[0]} · {_row_label(k)}" for k in missing[:3])
        warnings.append(
            ngettext(
                "{n_missing} rând al formularului lipsește din foaia „{FORM_SHEET}” ({example}); valoarea lui rămâne neschimbată.",
                "{n_missing} rânduri ale formularului lipsesc din foaia „{FORM_SHEET}” ({example}); valorile lor rămân neschimbate.",
                len(missing),
            ).format(n_missing=len(missing), FORM_SHEET=FORM_SHEET, example=example)
        )
    if raw.stray:
        rows_text = ", ".join(str(n) for n in raw.stray[:5]) + (", …" if len(raw.stray) > 5 else "")
        warnings.append(
            ngettext(
                "{n} rând cu date în afara formularului a fost ignorat (rândul {rows_text} al foii).",
                "{n} rânduri cu date în afara formularului au fost ignorate (rândurile {rows_text} ale foii).",
                len(raw.stray),
            ).format(n=len(raw.stray), rows_text=rows_text)
        )
    latest = lookups.latest_form_id(period, sub.id)
    if latest and latest != raw.header["form_id"]:
        warnings.append(
            _("formularul nu este ultimul generat pentru această subdiviziune; verificați modificările.")
        )

    current = lookups.current_texts(period, sub.id)
    changes: list[CellChange] = []
    for key, (row, incoming) in by_key.items():
        ref = targets[key]
        stored = current.get((ref.action_id, ref.column), "")
        kind = _classify(normalize(stored), normalize(incoming), signed[key])
        if kind is None:
            continue
        changes.append(
            CellChange(
                ref,
                kind,
                key.split("#")[0],
                sub.name,
                _row_label(key),
                stored,
                incoming,
                path.name,
                row.sheet_row,
            )
        )
    order = {key: i for i, key in enumerate(signed)}
    changes.sort(key=lambda c: order.get(_key_of(c), 0))
    answers = _answers(raw, targets, period, warnings)
    return FormFile(
        path=path,
        subdivision_id=sub.id,
        subdivision_code=sub.code,
        subdivision_name=sub.name,
        period_code=raw.header["period"],
        plan_code=raw.header["plan"],
        form_id=raw.header["form_id"],
        generated_at=raw.header["generated_at"],
        changes=tuple(changes),
        warnings=tuple(warnings),
        answers=tuple(answers),
    )


def _answers(
    raw: RawForm, targets: dict[str, CellRef], period: Period, warnings: list[str]
) -> list[FormAnswer]:
    """The answers typed beside the rows' "Observații", each with the follow-ups it goes to (the cell's open
    ones, else its latest). The answer column is outside the signed area on purpose: it is free text for the
    comments, never data of the period; its row is still recognised by its signed key."""
    found: list[FormAnswer] = []
    seen: set[str] = set()
    texts: dict[int, str] = {}
    for row in raw.rows:
        if not row.answer or row.key in seen or row.key not in targets:
            continue
        seen.add(row.key)
        ref = targets[row.key]
        problem = text_problem(row.answer)
        if problem:
            warnings.append(
                _("răspunsul de la rândul {sheet_row} nu poate fi păstrat: {problem}").format(
                    sheet_row=row.sheet_row, problem=problem
                )
            )
            continue
        ids = answer_targets(period.id, ref.action_id, ref.subdivision_id, ref.column)
        if not ids:
            warnings.append(
                _(
                    "răspunsul de la rândul {sheet_row} ({key}) nu corespunde niciunei observații a primăriei (observația a fost ștearsă?); nu se păstrează."
                ).format(sheet_row=row.sheet_row, key=_row_label(row.key))
            )
            continue
        if not texts:
            texts = {c.id: c.text for c in period_comments(period.id)}
        question = "\n".join(texts.get(i, "") for i in ids)
        found.append(
            FormAnswer(
                ref, row.key.split("#")[0], _row_label(row.key), question, row.answer, ids, row.sheet_row
            )
        )
    return found


def _key_of(change: CellChange) -> str:
    number = None if change.ref.column == DESCRIPTION_COLUMN else change.ref.column
    return f"{change.action_code}#{'D' if number is None else number}"


def _row_label(key: str) -> str:
    parsed = parse_row_key(key)
    if parsed is None or parsed[1] is None:
        return "Descriere"
    return f"Indicatorul {parsed[1]}"


def _classify(current: str, incoming: str, signed: SignedRow) -> ChangeKind | None:
    """Three-way comparison of the database now, the form, and the form's base (its fingerprint)."""
    if not signed.shown and not incoming:
        return None  # the stored text was not shown in the form: an empty cell means "keep it"
    if incoming == current:
        return ChangeKind.UNCHANGED
    if fingerprint(incoming) == signed.base:
        return ChangeKind.KEPT
    if fingerprint(current) == signed.base:
        if not current:
            return ChangeKind.NEW
        return ChangeKind.CLEARED if not incoming else ChangeKind.CHANGED
    return ChangeKind.CONFLICT


# ------------------------------------------------------------------------------------------------------
# Preview
# ------------------------------------------------------------------------------------------------------


def findings_delta(
    period: Period, changes: Sequence[CellChange]
) -> tuple[tuple[Finding, ...], tuple[Finding, ...]]:
    """The findings writing ``changes`` would add and clear, computed in memory (nothing is written)."""
    return import_findings_delta(period, edits_by_action(changes))


Progress = Callable[[int, int, str], None]  # (done, total, file name): a plain callback, no Qt
ReadForm = tuple[Path, "RawForm | FormRefused"]


def read_forms(
    paths: Sequence[Path | str], progress: Progress | None = None, cancelled: Callable[[], bool] | None = None
) -> list[ReadForm] | None:
    """Open and parse each file (no database: the part a worker thread runs); per file the parsed form or
    why it is refused. None when ``cancelled`` said stop."""
    read: list[ReadForm] = []
    total = len(paths)
    for done, item in enumerate(paths):
        if cancelled is not None and cancelled():
            return None
        path = Path(item)
        if progress is not None:
            progress(done, total, path.name)
        try:
            read.append((path, read_workbook(path)))
        except FormRefused as exc:
            read.append((path, exc))
    if progress is not None:
        progress(total, total, "")
    return read


def compare_forms(read: Sequence[ReadForm], period: PeriodRef | None = None) -> ImportPreview:
    """Compare parsed forms with the database (the preview's findings computed in memory); nothing is
    changed. ``period`` as in :func:`preview_import`."""
    files: list[FormFile] = []
    refused: list[RefusedFile] = []
    target = period if period is None or isinstance(period, Period) else stored_period(period.id)
    by_form: dict[str, str] = {}
    by_sub: dict[int, str] = {}
    lookups = _Lookups()
    known: dict[tuple[str, Any], Any] = {}
    for path, raw in read:
        try:
            if isinstance(raw, FormRefused):
                raise raw
            plan, found, sub = identify_form(raw, target, known)
            form = _compare(raw, path, plan, found, sub, lookups)
            if form.form_id in by_form:
                raise FormRefused(
                    _("Același formular a fost selectat de două ori (și ca „{by_form}”).").format(
                        by_form=by_form[form.form_id]
                    )
                )
            if form.subdivision_id in by_sub:
                raise FormRefused(
                    _(
                        "Pentru {subdivision_name} a fost selectat deja formularul „{by_sub}”; importați formularele aceleiași subdiviziuni pe rând."
                    ).format(subdivision_name=form.subdivision_name, by_sub=by_sub[form.subdivision_id])
                )
        except FormRefused as exc:
            refused.append(RefusedFile(path, str(exc)))
            continue
        target = found
        by_form[form.form_id] = path.name
        by_sub[form.subdivision_id] = path.name
        files.append(form)
    if target is None:
        return ImportPreview(None, None, tuple(files), tuple(refused))
    pending = [c for f in files for c in f.changes if c.kind in APPLIED_KINDS]
    added, cleared = findings_delta(target, pending)
    return ImportPreview(target.id, key_of(target).code, tuple(files), tuple(refused), added, cleared)


def preview_import(
    paths: Sequence[Path | str], period: PeriodRef | None = None, progress: Progress | None = None
) -> ImportPreview:
    """Read the files and compare them with the database; nothing is changed.

    ``period`` is the period the user is working on (forms of another period are refused); without it the
    period of the first recognised form is used and forms of other periods are refused. The two steps
    (:func:`read_forms`, :func:`compare_forms`) are separate so the application can read in a worker.
    """
    read = read_forms(paths, progress)
    assert read is not None  # no cancel callback
    return compare_forms(read, period)
