"""Return forms going out: what goes into each subdivision's form, and the run that writes them.

One Excel workbook per subdivision and period (``Retur_DRU_2023-S1.xlsx``), ready to e-mail. This module
decides what each form holds (:class:`FormContent`, from :mod:`forms_content`) and writes the files; the
sheets themselves are built by :mod:`forms_layout`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from balti_monitor.db.models import Period, Plan, Return, Subdivision, database
from balti_monitor.domain.grid import ActionGrid, Aggregation, GridRow
from balti_monitor.domain.text import fold_key
from balti_monitor.domain.values import ValueState
from balti_monitor.i18n import N_, _, ngettext
from balti_monitor.interchange.forms_common import (
    EXCEL_CELL_LIMIT,
    FormState,
    default_deadline,
    ensure_plan_secret,
    format_date,
    period_bounds,
    previous_key,
    record_state,
    row_key,
    subdivisions_with_forms,
    to_cell,
)
from balti_monitor.interchange.forms_content import FormAction, FormContent, FormRow
from balti_monitor.interchange.forms_layout import build_workbook
from balti_monitor.services.comments import CommentInfo, form_followups
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.grids import load_grids, plan_actions
from balti_monitor.services.periods import PeriodRef, key_of, stored_period

# ------------------------------------------------------------------------------------------------------
# What goes into a form
# ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FormsOutOptions:
    """Choices for a generation run."""

    deadline: dt.date | None = None  # default: 10 days after the period ends
    include_previous: bool = False  # read-only column with last period's values
    all_indicators: bool = False  # every indicator of each action, not only the assigned ones
    prefill_current: bool = True  # show what is stored now, so a returned form can correct it
    overwrite: bool = False  # replace existing files of the same name
    subdivision_ids: frozenset[int] | None = None  # default: every subdivision that gets a form
    contact: str = ""  # "who to ask", printed on the cover


@dataclass(frozen=True, slots=True)
class GeneratedForm:
    """One workbook written."""

    subdivision_id: int
    code: str
    name: str
    path: Path
    form_id: str
    actions: int
    indicators: int
    prefilled: int  # rows showing a value already stored
    previous_values: int  # rows showing last period's value
    questions: int = 0  # rows asking back an open follow-up ("Observații")


@dataclass(frozen=True, slots=True)
class SkippedSubdivision:
    """A subdivision that got no form, and why (Romanian)."""

    subdivision_id: int
    name: str
    reason: str


@dataclass(frozen=True, slots=True)
class FormsOutResult:
    """What a generation run produced."""

    period_code: str
    directory: Path
    deadline: dt.date
    previous_code: str | None
    forms: tuple[GeneratedForm, ...]
    skipped: tuple[SkippedSubdivision, ...] = field(default_factory=tuple)
    previous_missing: bool = False  # previous values were asked for but that period does not exist

    def summary_lines(self) -> list[str]:
        """A Romanian summary, one line per form."""
        n = len(self.forms)
        lines = [
            ngettext(
                "A fost generat {n} formular pentru perioada {code} în dosarul „{directory}”.",
                "Au fost generate {n} formulare pentru perioada {code} în dosarul „{directory}”.",
                n,
            ).format(n=n, code=self.period_code, directory=self.directory),
            _("Termenul de returnare: {deadline}.").format(deadline=format_date(self.deadline)),
        ]
        if self.previous_code:
            lines.append(
                _("Valorile perioadei {code} apar pentru informare.").format(code=self.previous_code)
            )
        elif self.previous_missing:
            lines.append(
                _("Perioada precedentă nu există în fișier; formularele nu au coloana de referință.")
            )
        for form in self.forms:
            parts = [
                ngettext("{n} acțiune", "{n} acțiuni", form.actions).format(n=form.actions),
                ngettext("{n} indicator", "{n} indicatori", form.indicators).format(n=form.indicators),
            ]
            if form.prefilled:
                parts.append(
                    ngettext("{n} rând precompletat", "{n} rânduri precompletate", form.prefilled).format(
                        n=form.prefilled
                    )
                )
            if form.questions:
                parts.append(
                    ngettext(
                        "{n} observație de clarificat", "{n} observații de clarificat", form.questions
                    ).format(n=form.questions)
                )
            lines.append(f"  {form.path.name} — {form.name}: {', '.join(parts)}")
        for skipped in self.skipped:
            lines.append(
                _("  fără formular: {name} ({reason})").format(name=skipped.name, reason=_(skipped.reason))
            )
        return lines


def _is_numeric(text: str, aggregation: Aggregation) -> bool:
    """Indicators counting something ("numărul de …") expect a figure."""
    folded = fold_key(text)
    return folded.startswith(("numarul ", "numar ")) or (
        aggregation is Aggregation.SUM and not folded.startswith("[")
    )


def _row_of(grid: ActionGrid | None, subdivision_id: int) -> GridRow | None:
    if grid is None:
        return None
    return next((r for r in grid.rows if r.subdivision_id == subdivision_id), None)


def _question(comments: list[CommentInfo] | None) -> str:
    """The "Observații" cell of a form row: its open follow-ups, one per line (dated when several)."""
    if not comments:
        return ""
    if len(comments) == 1:
        return comments[0].text
    return "\n".join(f"{c.created_at:%d.%m.%Y}: {c.text}" for c in comments)


def _indicator_numbers(grid: ActionGrid, row: GridRow, all_indicators: bool) -> list[int]:
    every = [ind.number for ind in grid.indicators]
    if all_indicators:
        return every
    # Indicators outside the assignment appear only when something meaningful is stored for them (a "-"
    # filler is not); rows left out of a form are never touched by its import.
    reported = {n for n, v in row.values.items() if v.state in (ValueState.REPORTED, ValueState.ZERO)}
    if row.responsible:
        assigned = set(row.applicable) or set(every)
        return [n for n in every if n in assigned or n in reported]
    return [n for n in every if n in reported]


class _PeriodData:
    """The grids of a period (and of the one before, when asked), loaded once for all subdivisions."""

    def __init__(self, period: Period, options: FormsOutOptions) -> None:
        self.period = period
        self.key = key_of(period)
        self.plan: Plan = Plan.get_by_id(period.plan_id)
        self.actions = plan_actions(self.plan.id)
        self.grids = load_grids(period)
        self.previous_grids: dict[int, ActionGrid] = {}
        self.previous_code: str | None = None
        self.previous_missing = False
        if options.include_previous:
            prev_key = previous_key(self.key)
            prev = Period.get_or_none(
                (Period.plan == self.plan)
                & (Period.year == prev_key.year)
                & (Period.semester == prev_key.semester)
            )
            if prev is None:
                self.previous_missing = True
            else:
                self.previous_grids = load_grids(prev)
                self.previous_code = prev_key.code

    def content(self, subdivision: Subdivision, options: FormsOutOptions) -> FormContent:
        actions: list[FormAction] = []
        followups = form_followups(self.period.id, subdivision.id)
        for action in self.actions:
            grid = self.grids.get(action.id)
            row = _row_of(grid, subdivision.id)
            if grid is None or row is None or not (row.responsible or row.has_return):
                continue
            asked = {column for (action_id, column) in followups if action_id == action.id}
            prev_row = (
                _row_of(self.previous_grids.get(action.id), subdivision.id) if self.previous_code else None
            )
            rows = [
                FormRow(
                    key=row_key(grid.code, None),
                    action_code=grid.code,
                    number=None,
                    label="Măsurile întreprinse (descriere)",
                    current=row.description,
                    prefill=options.prefill_current and len(to_cell(row.description)) <= EXCEL_CELL_LIMIT,
                    previous=None if not self.previous_code else (prev_row.description if prev_row else ""),
                    question=_question(followups.get((action.id, 0))),
                )
            ]
            assigned = set(row.applicable) if row.responsible else set()
            numbers = _indicator_numbers(grid, row, options.all_indicators)
            # an indicator asked about is in the form even when it would be left out (its answer comes back)
            numbers = [i.number for i in grid.indicators if i.number in numbers or i.number in asked]
            for number in numbers:
                ind = grid.indicator(number)
                value = row.values.get(number)
                prev_value = prev_row.values.get(number) if prev_row else None
                rows.append(
                    FormRow(
                        key=row_key(grid.code, number),
                        action_code=grid.code,
                        number=number,
                        label=f"Indicatorul {number}: {ind.text}",
                        current=value.raw if value is not None else "",
                        prefill=options.prefill_current
                        and (value is None or len(to_cell(value.raw)) <= EXCEL_CELL_LIMIT),
                        previous=None if not self.previous_code else (prev_value.raw if prev_value else ""),
                        gender_split=ind.gender_split,
                        numeric=_is_numeric(ind.text, ind.aggregation),
                        assigned=row.responsible and (not assigned or number in assigned),
                        question=_question(followups.get((action.id, number))),
                    )
                )
            actions.append(FormAction(grid.code, grid.title, str(action.deadline or ""), tuple(rows)))
        start, end = period_bounds(self.key)
        return FormContent(
            plan_code=self.plan.code,
            plan_title=self.plan.title,
            period_code=self.key.code,
            period_label=self.key.label,
            period_start=start,
            period_end=end,
            subdivision_id=subdivision.id,
            subdivision_code=subdivision.code,
            subdivision_name=subdivision.name,
            deadline=options.deadline or default_deadline(self.key),
            previous_code=self.previous_code,
            actions=tuple(actions),
        )


def form_content(period: Period, subdivision_id: int, options: FormsOutOptions | None = None) -> FormContent:
    """What one subdivision's form for the period holds (what the GUI can preview before generating)."""
    options = options or FormsOutOptions()
    sub = Subdivision.get_or_none(Subdivision.id == subdivision_id)
    if sub is None:
        raise ServiceError(_("Subdiviziunea nu există."))
    return _PeriodData(period, options).content(sub, options)


# ------------------------------------------------------------------------------------------------------
# Generation run
# ------------------------------------------------------------------------------------------------------

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


_PREFIX, _SUFFIX = "Retur_", ".xlsx"


def form_file_name(subdivision_code: str, period_code: str, subdivision_id: int | None = None) -> str:
    """ "Retur_DRU_2023-S1.xlsx" (characters unsafe in file names replaced); with ``subdivision_id``
    "Retur_DRU_2023-S1_7.xlsx", for two codes that fold to the same name. The one home of the rule."""
    code = _UNSAFE.sub("_", fold_key(subdivision_code).upper()) or "SUBDIVIZIUNE"
    tail = "" if subdivision_id is None else f"_{subdivision_id}"
    return f"{_PREFIX}{code}_{period_code}{tail}{_SUFFIX}"


def is_form_file_name(name: str, period_code: str) -> bool:
    """Whether ``name`` is what :func:`form_file_name` gives for some subdivision of the period."""
    pattern = rf"{re.escape(_PREFIX)}[A-Za-z0-9_-]+_{re.escape(period_code)}(_\d+)?{re.escape(_SUFFIX)}"
    return re.fullmatch(pattern, name) is not None


def existing_forms(directory: Path, period_code: str) -> list[Path]:
    """The period's form files already in ``directory`` (what a new generation there would replace)."""
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if is_form_file_name(p.name, period_code))


def _targets(period: Period, options: FormsOutOptions) -> tuple[list[Subdivision], list[SkippedSubdivision]]:
    candidates = subdivisions_with_forms(period)
    skipped: list[SkippedSubdivision] = []
    if options.subdivision_ids is not None:
        wanted = set(options.subdivision_ids)
        known = {s.id for s in candidates}
        for sid in sorted(wanted - known):
            sub = Subdivision.get_or_none(Subdivision.id == sid)
            if sub is None:
                raise ServiceError(_("Subdiviziunea nu există."))
            skipped.append(SkippedSubdivision(sid, sub.name, N_("nu răspunde de nicio acțiune a planului")))
        return [s for s in candidates if s.id in wanted], skipped
    chosen: list[Subdivision] = []
    for sub in candidates:
        has_returns = Return.select().where((Return.period == period) & (Return.subdivision == sub)).exists()
        if not sub.active and not has_returns:
            skipped.append(SkippedSubdivision(sub.id, sub.name, N_("subdiviziune inactivă")))
            continue
        chosen.append(sub)
    return chosen, skipped


Progress = Callable[[int, int, str], None]  # (done, total, what): a plain callback, no Qt
Cancelled = Callable[[], bool]  # asked between files; True stops the run cleanly


@dataclass(frozen=True, slots=True)
class FormsPlan:
    """A generation run decided from the database (:func:`prepare_forms`), ready to be written."""

    period_id: int
    directory: Path
    options: FormsOutOptions
    contents: tuple[FormContent, ...]
    paths: tuple[Path, ...]
    secret: bytes
    skipped: tuple[SkippedSubdivision, ...]
    period_code: str
    previous_code: str | None
    previous_missing: bool
    deadline: dt.date


@dataclass(frozen=True, slots=True)
class WrittenForm:
    """One workbook written under a temporary name, not yet renamed into place."""

    content: FormContent
    temporary: Path
    path: Path
    form_id: str


def prepare_forms(period: PeriodRef, directory: Path, options: FormsOutOptions | None = None) -> FormsPlan:
    """Decide a generation run: what each form holds and where it goes (reads the database; creates the
    plan's signing key on first use). Refuses (ServiceError, nothing written) when a file of the same name
    exists and ``overwrite`` is off. ``period``: a stored row or a ``PeriodInfo``."""
    if not isinstance(period, Period):
        period = stored_period(period.id)
    options = options or FormsOutOptions()
    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise ServiceError(_("„{directory}” nu este un dosar.").format(directory=directory))
    data = _PeriodData(period, options)
    subs, skipped = _targets(period, options)
    contents: list[FormContent] = []
    for sub in subs:
        content = data.content(sub, options)
        if not content.actions:
            skipped.append(SkippedSubdivision(sub.id, sub.name, "nu răspunde de nicio acțiune a planului"))
            continue
        contents.append(content)
    names = [form_file_name(c.subdivision_code, c.period_code) for c in contents]
    if len(set(names)) != len(names):  # two codes that fold to the same file name
        names = [
            n if names.count(n) == 1 else form_file_name(c.subdivision_code, c.period_code, c.subdivision_id)
            for n, c in zip(names, contents, strict=True)
        ]
    paths = [directory / n for n in names]
    existing = [p.name for p in paths if p.exists()]
    if existing and not options.overwrite:
        shown = ", ".join(existing[:5]) + (" …" if len(existing) > 5 else "")
        raise ServiceError(
            ngettext(
                "În dosarul „{directory}” există deja {n_existing} formular cu același nume ({shown}). Alegeți alt dosar sau confirmați înlocuirea lui.",
                "În dosarul „{directory}” există deja {n_existing} formulare cu aceleași nume ({shown}). Alegeți alt dosar sau confirmați înlocuirea lor.",
                len(existing),
            ).format(directory=directory, n_existing=len(existing), shown=shown)
        )
    with database.atomic():
        secret = ensure_plan_secret(data.plan)
    return FormsPlan(
        period_id=period.id,
        directory=directory,
        options=options,
        contents=tuple(contents),
        paths=tuple(paths),
        secret=secret,
        skipped=tuple(skipped),
        period_code=data.key.code,
        previous_code=data.previous_code,
        previous_missing=data.previous_missing,
        deadline=options.deadline or default_deadline(data.key),
    )


def write_form_files(
    plan: FormsPlan,
    generated_at: dt.datetime,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> list[WrittenForm] | None:
    """Build and save every workbook under a temporary name beside its final one (no database: this is
    the part a worker thread runs). None when ``cancelled`` said stop; on a stop or a failure no file is
    left behind."""
    written: list[WrittenForm] = []
    total = len(plan.contents)
    try:
        plan.directory.mkdir(parents=True, exist_ok=True)
        for done, (content, path) in enumerate(zip(plan.contents, plan.paths, strict=True)):
            if cancelled is not None and cancelled():
                _remove(written)
                return None
            if progress is not None:
                progress(done, total, content.subdivision_name)
            form_id = uuid.uuid4().hex
            wb = build_workbook(
                content,
                secret=plan.secret,
                form_id=form_id,
                generated_at=generated_at,
                include_previous=plan.options.include_previous,
                contact=plan.options.contact,
            )
            tmp = path.with_name(f".{path.name}.tmp")
            written.append(WrittenForm(content, tmp, path, form_id))
            wb.save(tmp)
    except OSError as exc:
        _remove(written)
        raise ServiceError(
            _("Formularele nu au putut fi scrise în „{directory}”: {value}").format(
                directory=plan.directory, value=exc.strerror or exc
            )
        ) from exc
    except BaseException:
        _remove(written)
        raise
    if progress is not None:
        progress(total, total, "")
    return written


def _remove(written: list[WrittenForm]) -> None:
    for item in written:
        item.temporary.unlink(missing_ok=True)


def commit_forms(plan: FormsPlan, written: list[WrittenForm], generated_at: dt.datetime) -> FormsOutResult:
    """Record every form as generated and rename the files into place, in one transaction (on a failure
    the files are removed and nothing is recorded)."""
    period = Period.get_by_id(plan.period_id)
    forms: list[GeneratedForm] = []
    try:
        with database.atomic():
            for item in written:
                content = item.content
                forms.append(
                    GeneratedForm(
                        content.subdivision_id,
                        content.subdivision_code,
                        content.subdivision_name,
                        item.path,
                        item.form_id,
                        len(content.actions),
                        content.indicator_count,
                        sum(1 for row in content.rows if row.prefill and row.current.strip()),
                        sum(1 for row in content.rows if (row.previous or "").strip()),
                        content.questions,
                    )
                )
                record_state(
                    period,
                    content.subdivision_id,
                    FormState.GENERATED,
                    form_id=item.form_id,
                    file_name=item.path.name,
                    when=generated_at,
                )
            for item in written:
                os.replace(item.temporary, item.path)
    except OSError as exc:
        raise ServiceError(
            _("Formularele nu au putut fi scrise în „{directory}”: {value}").format(
                directory=plan.directory, value=exc.strerror or exc
            )
        ) from exc
    finally:
        _remove(written)
    return FormsOutResult(
        period_code=plan.period_code,
        directory=plan.directory,
        deadline=plan.deadline,
        previous_code=plan.previous_code,
        forms=tuple(forms),
        skipped=plan.skipped,
        previous_missing=plan.previous_missing,
    )


def generate_forms(
    period: Period,
    directory: Path,
    options: FormsOutOptions | None = None,
    progress: Progress | None = None,
) -> FormsOutResult:
    """Write one form per subdivision of the period into ``directory`` and mark them "generated".

    Refuses (ServiceError, nothing written) when a file of the same name exists and ``overwrite`` is off.
    The three steps (:func:`prepare_forms`, :func:`write_form_files`, :func:`commit_forms`) are separate so
    the application can run the middle one, the slow one without database access, in a worker thread.
    """
    plan = prepare_forms(period, directory, options)
    generated_at = dt.datetime.now().replace(microsecond=0)
    written = write_form_files(plan, generated_at, progress)
    assert written is not None  # no cancel callback
    return commit_forms(plan, written, generated_at)
