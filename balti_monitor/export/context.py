"""The data of the Word report: :func:`build_context` turns a plan and a period into plain dicts/lists.

Pure with respect to the document: no docx, no jinja, no writes (it only reads through the services).
Every string is already :func:`~balti_monitor.export.text.printable`; descriptions stay one string with
``\\n`` between paragraphs (the renderer turns them into Word paragraphs, bullets and links).

Shape (the names the template uses, see ``templates/README.md``)::

    report:     {kind, title, generated_on, changed_at,   # changed_at: datetime of the period's last change
                 version, version_line}               # 1 and "" until a signature is withdrawn (then 2, …)
    plan:       {code, title, title_genitive, short_title, approving_act}
    period:     {code, label, year, semester}
    narrative:  {summary: [str], risks_intro, risks: [str], proposals_intro, proposals: [str]}
    signatures: {prepared, coordinated, others: [str]}
    priorities: [{number, title, actions: [action]}]
    action:     {code, title, deadline, responsible, indicators: [{number, text}], columns: [{number}],
                 rows: [{name, description, cells: [str], has_return, responsible, missing}],
                 counts, totals: [str], has_returns, overridden,
                 problems: [{indicator, message}],   # Total cells left blank: not computable, no override
                 review: [{row, column, text}]}      # review-copy comments (row None = Total row)
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from peewee import fn

from balti_monitor.db.models import Period, Plan, Priority, Return, TotalOverride, database
from balti_monitor.domain.checks import Finding, override_differs
from balti_monitor.domain.grid import ActionGrid
from balti_monitor.domain.totals import ActionTotals, compute_totals
from balti_monitor.export.options import ExportError, ExportOptions
from balti_monitor.export.text import keep_numbers_together, printable
from balti_monitor.i18n import _, report_texts
from balti_monitor.services.annual import year_semesters
from balti_monitor.services.grids import load_grids, plan_actions
from balti_monitor.services.narrative import NarrativeData, get_narrative
from balti_monitor.services.periods import PeriodRef, key_of, stored_period
from balti_monitor.services.preflight import Preflight, preflight, unresolved_findings
from balti_monitor.services.results import ActionResult, action_result
from balti_monitor.services.signing import report_version

Context = dict[str, Any]

_GENITIVE = (("Planul ", "Planului "), ("Programul ", "Programului "), ("Strategia ", "Strategiei "))


def genitive_title(title: str) -> str:
    """The title in the genitive: "Planul local …" → "Planului local …" ("implementarea Planului …")."""
    for nominative, genitive in _GENITIVE:
        if title.startswith(nominative):
            return genitive + title[len(nominative) :]
    return title


def report_kind(semester: int) -> str:
    """The report's kind word: "semestrial" for a semester, "anual" for a whole year."""
    return "semestrial" if semester else "anual"


def normalise_priorities(plan: Plan, wanted: set[str] | None) -> set[str] | None:
    """The priority numbers asked for, as the plan spells them; a Romanian error for unknown ones."""
    if wanted is None:
        return None
    known = {p.number.strip().upper(): p.number for p in Priority.select().where(Priority.plan == plan)}
    chosen: set[str] = set()
    unknown: list[str] = []
    for item in wanted:
        key = item.strip().upper()
        if key in known:
            chosen.add(known[key])
        else:
            unknown.append(item)
    if unknown:
        names = ", ".join(sorted(unknown))
        listed = ", ".join(known.values())
        raise ExportError(
            _("Prioritatea „{names}” nu există în plan (priorități: {listed}).").format(
                names=names, listed=listed
            )
        )
    if not chosen:
        raise ExportError(_("Nu a fost aleasă nicio prioritate pentru raport."))
    return chosen


def _signature(name: str, function: str) -> str:
    return ", ".join(part for part in (printable(name).strip(), printable(function).strip()) if part)


def narrative_context(data: NarrativeData) -> tuple[Context, Context]:
    """The narrative and signature blocks of the context."""
    summary = [line.strip() for line in printable(data.executive_summary).split("\n") if line.strip()]
    narrative = {
        "summary": summary,
        "risks_intro": printable(data.risks_intro).strip(),
        "risks": [printable(r).strip() for r in data.risks if r.strip()],
        "proposals_intro": printable(data.proposals_intro).strip(),
        "proposals": [printable(p).strip() for p in data.proposals if p.strip()],
    }
    others = [_signature(s.get("name", ""), s.get("function", "")) for s in data.extra_signatures]
    signatures = {
        "prepared": _signature(data.prepared_by_name, data.prepared_by_function),
        "coordinated": _signature(data.coordinated_by_name, data.coordinated_by_function),
        "others": [line for line in others if line],
    }
    return narrative, signatures


def _cell_text(text: str) -> str:
    return keep_numbers_together(printable(text))


def review_comments(grid: ActionGrid, totals: ActionTotals, findings: list[Finding]) -> list[Context]:
    """The review copy's Word comments of one action: every manual Total (its reason and the computed value)
    and every finding, each on its cell (``row`` = index in the rows, ``None`` = the Total row; ``column`` 0 =
    name, 1 = description/counts, 2 + i = indicator i+1)."""
    comments: list[Context] = []
    for total in totals.indicators:
        ov = total.override
        if ov is None:
            continue
        computed = total.text or (f"nu se calculează: {total.problem}" if total.problem else "(gol)")
        by = f" de {ov.author}" if ov.author else ""
        differs = " (diferă)" if override_differs(total, ov) else ""
        comments.append(
            {
                "row": None,
                "column": 1 + total.number,
                "text": printable(
                    f"Total introdus manual{by}. Motivul: {ov.reason or '—'}. Calculat: {computed}{differs}."
                ),
            }
        )
    if totals.counts_override is not None:
        ov = totals.counts_override
        by = f" de {ov.author}" if ov.author else ""
        comments.append(
            {
                "row": None,
                "column": 1,
                "text": printable(
                    f"Introdus manual{by}. Motivul: {ov.reason or '—'}. Calculat: {totals.counts.sentence()}"
                ),
            }
        )
    row_of = {row.subdivision_id: i for i, row in enumerate(grid.rows)}
    for finding in findings:
        row = row_of.get(finding.subdivision_id) if finding.subdivision_id is not None else None
        if finding.indicator is not None:
            column = 1 + finding.indicator
        else:
            column = 0 if row is not None and not grid.rows[row].has_return else 1
        comments.append(
            {"row": row, "column": column, "text": printable(f"{finding.location()}: {finding.message}")}
        )
    return comments


def action_context(
    action: Any, grid: ActionGrid, totals: ActionTotals, findings: list[Finding] | None = None
) -> Context:
    """One action: header, indicator list, one row per subdivision and the Total row.

    A responsible subdivision without a return is a row with ``missing`` set (the template prints its name
    and "Nu a prezentat informația" across the row). ``findings`` (review copy only) become ``review``.
    """
    numbers = [ind.number for ind in grid.indicators]
    rows = []
    for row in grid.rows:
        cells = []
        for number in numbers:
            value = row.values.get(number)
            cells.append(_cell_text(value.raw) if value is not None else "")
        rows.append(
            {
                "name": printable(row.subdivision_name),
                "description": printable(row.description),
                "cells": cells,
                "has_return": row.has_return,
                "responsible": row.responsible,
                "missing": not row.has_return,
            }
        )
    responsible = printable(action.responsible_text).strip()
    if not responsible:
        names = [printable(r.subdivision_name) for r in grid.rows if r.responsible]
        names += [printable(str(o)) for o in (action.other_responsible or [])]
        responsible = "; ".join(names)
    totals_shown = [_cell_text(t.shown) for t in totals.indicators]
    columns: list[dict[str, Any]] = [{"number": n} for n in numbers]
    if not columns:
        # Never a zero-width column group (gridSpan 0 is invalid): one empty indicator column instead.
        columns = [{"number": "–"}]
        totals_shown = [""]
        for item in rows:
            item["cells"] = [""]
    return {
        "code": printable(action.code),
        "title": printable(action.title),
        "title_placeholder": bool(action.title_placeholder),
        "deadline": printable(action.deadline).strip(),
        "responsible": responsible,
        "indicators": [{"number": ind.number, "text": printable(ind.text)} for ind in grid.indicators],
        "columns": columns,
        "rows": rows,
        "counts": _cell_text(totals.counts_shown),
        "totals": totals_shown,
        "has_returns": any(r.has_return for r in grid.rows),
        "overridden": bool(grid.overrides),
        "problems": [
            {"indicator": t.number, "message": t.problem}
            for t in totals.indicators
            if t.problem is not None and t.override is None
        ],
        "review": review_comments(grid, totals, findings) if findings is not None else [],
    }


def chart_annex(plan: Plan, code: str, annual: bool) -> list[dict[str, Any]]:
    """The annex's charts as PNG bytes with their captions: the plan in this period (actions per priority)
    and the subdivisions' completeness over the periods of the same kind."""
    import tempfile
    from pathlib import Path

    from balti_monitor.export.charts import completeness_png, overview_png
    from balti_monitor.services.trends import plan_overview

    overviews = plan_overview(plan.id, annual=annual)
    charts: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="balti-anexa-") as folder:
        current = next((o for o in overviews if o.code == code), None)
        if current is not None:
            path = overview_png(current, Path(folder) / "ansamblu.png")
            charts.append(
                {
                    "caption": f"Figura 1. Acțiunile planului pe priorități în perioada {code}",
                    "png": path.read_bytes(),
                }
            )
        path = completeness_png(overviews, Path(folder) / "completitudine.png")
        charts.append(
            {
                "caption": f"Figura {len(charts) + 1}. Ponderea subdiviziunilor care au prezentat informația, pe perioade",
                "png": path.read_bytes(),
            }
        )
    return charts


def _add_semester_columns(
    item: Context, grid: ActionGrid, totals: ActionTotals, semesters: list[ActionGrid | None]
) -> None:
    """Turn an annual action's one column per indicator into three: S1 | S2 | An (values and Totals)."""
    numbers = [ind.number for ind in grid.indicators]
    if not numbers:
        return
    semester_totals = [compute_totals(g) if g is not None else None for g in semesters]
    columns: list[dict[str, Any]] = []
    for number in numbers:
        columns += [{"number": f"{number} {label}"} for label in ("S1", "S2", "An")]
    item["columns"] = columns
    for row, source in zip(item["rows"], grid.rows, strict=True):
        cells: list[str] = []
        for position, number in enumerate(numbers):
            cell = grid.annual.get((source.subdivision_id, number))
            for value in (cell.s1 if cell else None, cell.s2 if cell else None):
                cells.append(_cell_text(value.raw) if value is not None else "")
            cells.append(row["cells"][position])
        row["cells"] = cells
    shown: list[str] = []
    for position, number in enumerate(numbers):
        for found in semester_totals:
            shown.append(_cell_text(found.by_number(number).shown) if found is not None else "")
        shown.append(item["totals"][position])
    item["totals"] = shown
    del totals


def last_change(period: Period) -> dt.datetime:
    """When the period's data last changed (latest return or manual total); the period's end without data.

    The document's created/modified dates: the same data always gives the same document."""
    stamps = [
        Return.select(fn.MAX(Return.updated_at)).where(Return.period == period).scalar(),
        TotalOverride.select(fn.MAX(TotalOverride.created_at)).where(TotalOverride.period == period).scalar(),
    ]
    found: list[dt.datetime] = []
    for stamp in stamps:
        value = stamp if isinstance(stamp, dt.datetime) else _as_datetime(stamp) if stamp else None
        if value is not None:
            found.append(value)
    if found:
        return max(found).replace(microsecond=0)
    key = key_of(period)
    month = 6 if key.semester == 1 else 12
    day = 30 if month == 6 else 31
    return dt.datetime(key.year, month, day, 0, 0, 0)


def _as_datetime(value: Any) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None


def build_context(plan: Plan, period: Period, options: ExportOptions | None = None) -> Context:
    """Everything the report prints for ``period`` of ``plan``, as plain data (reads only)."""
    options = options or ExportOptions()
    if period.plan_id != plan.id:
        raise ExportError(_("Perioada aleasă nu aparține planului acestui raport."))
    wanted = normalise_priorities(plan, options.priorities)
    with report_texts():  # the report is Romanian whatever the interface language (findings, counts, states)
        return _build_context(plan, period, options, wanted)


def _build_context(plan: Plan, period: Period, options: ExportOptions, wanted: set[str] | None) -> Context:
    key = key_of(period)
    with database.atomic():  # one consistent snapshot; nothing is written
        priorities = list(Priority.select().where(Priority.plan == plan).order_by(Priority.position))
        if wanted is not None:
            priorities = [p for p in priorities if p.number in wanted]
        chosen = {p.id for p in priorities}
        actions = [a for a in plan_actions(plan.id) if a.priority_id in chosen]
        grids = load_grids(period, [a.id for a in actions])
        semester_grids: list[dict[int, ActionGrid]] = []
        if key.semester == 0 and options.semester_columns:
            semesters = year_semesters(period)
            for number in (1, 2):
                found = semesters.get(number)
                semester_grids.append(load_grids(found, [a.id for a in actions]) if found is not None else {})
        narrative_data = get_narrative(period)
        changed_at = last_change(period)
        version = report_version(period.id)
        if version.unsigned_at is not None:  # a new version is dated no earlier than the withdrawal
            changed_at = max(changed_at, version.unsigned_at)

    by_priority: dict[int, list[Context]] = {p.id: [] for p in priorities}
    results: dict[int, ActionResult] = {a.id: action_result(grids[a.id]) for a in actions}
    open_findings = unresolved_findings(results) if options.review else {}
    for action in actions:
        grid = grids[action.id]
        result = results[action.id]
        findings = open_findings.get(action.id, []) if options.review else None
        item = action_context(action, grid, result.totals, findings)
        if semester_grids:
            _add_semester_columns(item, grid, result.totals, [g.get(action.id) for g in semester_grids])
        if not options.include_empty_actions and not item["has_returns"]:
            continue
        by_priority[action.priority_id].append(item)

    priority_items = []
    for priority in priorities:
        items = by_priority[priority.id]
        if not items and not options.include_empty_actions:
            continue
        priority_items.append(
            {
                "number": printable(priority.number),
                "title": printable(priority.title),
                "title_placeholder": bool(priority.title_placeholder),
                "actions": items,
            }
        )

    narrative, signatures = narrative_context(narrative_data)
    annex = chart_annex(plan, key.code, key.semester == 0) if options.chart_annex else []
    kind = report_kind(key.semester)
    plan_title = printable(plan.title)
    if key.semester:
        title = f"Raport {kind} privind implementarea {genitive_title(plan_title)}, perioada de raport – {key.label}"
    else:
        title = f"Raport anual privind implementarea {genitive_title(plan_title)} în anul {key.year}"
    return {
        "report": {
            "kind": kind,
            "title": title,
            "generated_on": dt.date.today().strftime("%d.%m.%Y"),
            "changed_at": changed_at,
            "version": version.number,
            "version_line": version.line,
        },
        "plan": {
            "code": printable(plan.code),
            "title": plan_title,
            "title_genitive": genitive_title(plan_title),
            "short_title": printable(plan.short_title),
            "approving_act": printable(plan.approving_act),
        },
        "period": {"code": key.code, "label": key.label, "year": key.year, "semester": key.semester},
        "narrative": narrative,
        "signatures": signatures,
        "annex": annex,  # [{caption, png}]: charts the renderer appends after the signatures
        "priorities": priority_items,
    }


def context_actions(context: Context) -> list[Context]:
    """Every action of a context, in report order."""
    return [action for priority in context["priorities"] for action in priority["actions"]]


def export_preflight(plan: Plan, period: Period, options: ExportOptions | None = None) -> Preflight:
    """The pre-flight of an export with these options (priorities as the user typed them)."""
    options = options or ExportOptions()
    wanted = normalise_priorities(plan, options.priorities)
    return preflight(period, wanted, options.include_empty_actions)


def period_context(period: PeriodRef, options: ExportOptions | None = None) -> Context:
    """:func:`build_context` for a period given by reference (the GUI holds a ``PeriodInfo``, not a row)."""
    stored = stored_period(period.id)
    return build_context(stored.plan, stored, options)


def period_preflight(period: PeriodRef, options: ExportOptions | None = None) -> Preflight:
    """:func:`export_preflight` for a period given by reference."""
    stored = stored_period(period.id)
    return export_preflight(stored.plan, stored, options)
