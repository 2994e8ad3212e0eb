"""The row cache of the grid: what each cell and row header shows, built from an action's result.

Pure functions of :class:`~balti_monitor.services.results.ActionResult` (no model, no view): the grid model
(:mod:`.grid_model`) keeps their output and answers ``data()`` from it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from balti_monitor import i18n
from balti_monitor.domain.annual import RULE_LABELS, AnnualCell
from balti_monitor.domain.grid import Aggregation, GridRow, IndicatorDef
from balti_monitor.domain.totals import Shortfall, applicable_numbers, row_shortfall
from balti_monitor.domain.values import ParsedValue, ValueState
from balti_monitor.services.editing import DESCRIPTION_COLUMN
from balti_monitor.services.results import ActionResult

TOOLTIP_LIMIT = 1500
LONG_VALUE = (
    300  # characters: a value longer than this is almost always a description pasted in the wrong cell
)


class CellKind(Enum):
    """How a cell looks."""

    TEXT = "text"  # a description or a reported value
    DASH = "dash"  # "-", "Nu este cazul": reported as not applicable
    MISSING = "missing"  # the subdivision answers this indicator but nothing is written
    NOT_ASSIGNED = "not_assigned"  # the subdivision does not answer this indicator
    TOTAL = "total"  # a computed Total cell
    TOTAL_OVERRIDE = "total_override"  # a Total typed by hand
    TOTAL_PROBLEM = "total_problem"  # the rule cannot compute this Total


BACKGROUNDS = {
    CellKind.MISSING: QBrush(QColor("#fdf0d5")),
    CellKind.NOT_ASSIGNED: QBrush(QColor("#c9c9c9"), Qt.BrushStyle.BDiagPattern),
    CellKind.TOTAL: QBrush(QColor("#e4ecf7")),
    CellKind.TOTAL_OVERRIDE: QBrush(QColor("#e4ecf7")),
    CellKind.TOTAL_PROBLEM: QBrush(QColor("#e4ecf7")),
}
FOREGROUNDS = {
    CellKind.DASH: QBrush(QColor("#707070")),
    CellKind.TOTAL_OVERRIDE: QBrush(QColor("#1f4f9f")),
    CellKind.TOTAL_PROBLEM: QBrush(QColor("#a04a00")),
}


def rule_short(aggregation: Aggregation) -> str:
    """The rule in two or three words (the action header)."""
    texts = {
        Aggregation.SUM: translate("GridModel", "total: sumă"),
        Aggregation.MAX: translate("GridModel", "total: cea mai mare valoare"),
        Aggregation.DISTINCT: translate("GridModel", "total: valoarea comună"),
        Aggregation.STATUS: translate("GridModel", "total: stare"),
        Aggregation.MANUAL: translate("GridModel", "total: manual"),
    }
    return texts[aggregation]


def rule_text(aggregation: Aggregation) -> str:
    """How the Total of an indicator is obtained, in Romanian."""
    texts = {
        Aggregation.SUM: translate("GridModel", "se adună valorile subdiviziunilor"),
        Aggregation.MAX: translate("GridModel", "cea mai mare valoare (același obiect)"),
        Aggregation.DISTINCT: translate(
            "GridModel", "valoarea comună (aceleași obiecte raportate de mai multe subdiviziuni)"
        ),
        Aggregation.STATUS: translate("GridModel", "„Realizat” când toate subdiviziunile l-au realizat"),
        Aggregation.MANUAL: translate("GridModel", "se completează manual"),
    }
    return texts[aggregation]


@dataclass(frozen=True, slots=True)
class Cell:
    """What one cell shows (the row cache)."""

    display: str
    edit: str | None
    kind: CellKind
    tooltip: str
    findings: tuple[str, ...] = ()
    split: tuple[int, int] | None = None
    hatched: bool = False  # a responsible subdivision's cell for an indicator it does not answer


@dataclass(frozen=True, slots=True)
class RowHead:
    """The row header: the subdivision (or the Total row)."""

    subdivision_id: int  # 0 for the Total row
    name: str
    tooltip: str
    has_return: bool
    responsible: bool


def _clip(text: str) -> str:
    return text if len(text) <= TOOLTIP_LIMIT else text[:TOOLTIP_LIMIT] + " …"


translate = QCoreApplication.translate


# ------------------------------------------------------------------------------------------------------------
# Building the row cache
# ------------------------------------------------------------------------------------------------------------


def build_rows(result: ActionResult) -> tuple[list[RowHead], list[list[Cell]], list[tuple[str, str]]]:
    grid = result.grid
    findings: dict[tuple[int, int], list[str]] = {}
    row_of = {row.subdivision_id: r for r, row in enumerate(grid.rows)}
    total_row = len(grid.rows)
    for finding in result.findings:
        column = finding.indicator or DESCRIPTION_COLUMN
        if finding.subdivision_id is not None and finding.subdivision_id in row_of:
            at = row_of[finding.subdivision_id]
        else:
            at = total_row
        findings.setdefault((at, column), []).append(finding.message)

    columns = [
        (
            translate("GridModel", "Descrierea măsurilor întreprinse"),
            translate("GridModel", "Descrierea măsurilor întreprinse de subdiviziune"),
        )
    ]
    for ind in grid.indicators:
        label = translate("GridModel", "Indicator {n}").format(n=ind.number)
        if ind.gender_split:
            label += "\n" + translate("GridModel", "(F/B)")
        tooltip = translate("GridModel", "Indicator {n}: {text}\n\nTotalul: {rule}.").format(
            n=ind.number, text=ind.text, rule=rule_text(ind.aggregation)
        )
        if ind.gender_split:
            tooltip += "\n" + translate("GridModel", "Se raportează pe sexe: femei (F) / bărbați (B).")
        columns.append((label, tooltip))

    heads: list[RowHead] = []
    cells: list[list[Cell]] = []
    for r, row in enumerate(grid.rows):
        heads.append(_row_head(row, row_shortfall(row, grid.indicators)))
        cells.append(_row_cells(r, row, grid.indicators, findings, grid.annual))
    total_name = translate("GridModel", "Total instituții responsabile")
    heads.append(RowHead(0, total_name, _total_head_tooltip(result), True, True))
    cells.append(_total_cells(result, total_row, findings))
    return heads, cells, columns


def _row_head(row: GridRow, shortfall: Shortfall | None = None) -> RowHead:
    lines = [row.subdivision_name]
    if not row.has_return:
        lines.append(translate("GridModel", "Nu a prezentat informația pentru această perioadă."))
    elif shortfall:
        lines.append(translate("GridModel", "Cu restanțe: {why}.").format(why=shortfall.sentence()))
    if not row.responsible:
        lines.append(
            translate(
                "GridModel", "Nu este responsabilă de această acțiune; informația prezentată se păstrează."
            )
        )
    return RowHead(
        row.subdivision_id, row.subdivision_name, "\n".join(lines), row.has_return, row.responsible
    )


def _row_cells(
    r: int,
    row: GridRow,
    indicators: tuple[IndicatorDef, ...],
    findings: dict[tuple[int, int], list[str]],
    annual: Mapping[tuple[int, int], AnnualCell] | None = None,
) -> list[Cell]:
    answered = applicable_numbers(row, indicators)
    found = tuple(findings.get((r, DESCRIPTION_COLUMN), ()))
    description = row.description if row.has_return else ""
    kind = CellKind.TEXT if description.strip() else CellKind.MISSING
    tip = (
        _clip(description)
        if description.strip()
        else translate("GridModel", "Descrierea măsurilor lipsește.")
    )
    if found:
        tip = "\n".join([*found, "", tip])
    cells = [Cell(description, description or None, kind, tip, found)]
    for ind in indicators:
        value = row.values.get(ind.number)
        found = tuple(findings.get((r, ind.number), ()))
        raw = value.raw if value is not None else ""
        split = (
            (value.women, value.men)
            if value is not None and value.women is not None and value.men is not None
            else None
        )
        if value is None or value.state == ValueState.MISSING:
            if ind.number in answered:
                kind, tip = CellKind.MISSING, translate("GridModel", "Valoarea lipsește.")
            else:
                kind, tip = (
                    CellKind.NOT_ASSIGNED,
                    translate("GridModel", "Subdiviziunea nu răspunde la acest indicator."),
                )
        elif value.state == ValueState.NOT_APPLICABLE:
            kind, tip = (
                CellKind.DASH,
                translate(
                    "GridModel",
                    "Raportat ca „nu este cazul” („-”); nu este zero. La numărul de subdiviziuni contează ca "
                    "nerealizat (restanță).",
                ),
            )
        else:
            kind, tip = (
                CellKind.TEXT,
                _value_tooltip(raw, value.quantity, value.unit, split, value.approximate),
            )
        hatched = row.responsible and ind.number not in answered
        if hatched and kind != CellKind.NOT_ASSIGNED:
            if kind == CellKind.DASH:
                tip = translate("GridModel", "Subdiviziunea nu răspunde la acest indicator („-”).")
            else:
                tip += "\n" + translate(
                    "GridModel", "Subdiviziunea nu răspunde la acest indicator; nu intră în Total."
                )
            kind = CellKind.NOT_ASSIGNED  # drawn hatched, whatever is written there
        year = annual.get((row.subdivision_id, ind.number)) if annual else None
        if year is not None:
            tip = "\n".join([annual_tooltip(year), "", tip])
        if found:
            tip = "\n".join([*found, "", tip])
        cells.append(Cell(raw, raw or None, kind, tip, found, split, hatched))
    return cells


def annual_tooltip(cell: AnnualCell) -> str:
    """Where an annual value comes from: the two semesters, the rule and whether the subdivision sent its own."""

    def shown(value: ParsedValue | None) -> str:
        return value.raw.strip() if value is not None and value.raw.strip() else "—"

    lines = [
        translate("GridModel", "Semestrul I: {v}").format(v=shown(cell.s1)),
        translate("GridModel", "Semestrul II: {v}").format(v=shown(cell.s2)),
        translate("GridModel", "Regula anuală: {rule}").format(rule=i18n._(RULE_LABELS[cell.rule])),
    ]
    if cell.own is not None:
        lines.append(translate("GridModel", "Cifra anuală trimisă de subdiviziune (are prioritate)."))
        if cell.derived is not None:
            lines.append(translate("GridModel", "Din semestre ar rezulta: {v}").format(v=shown(cell.derived)))
    elif cell.derived is not None:
        lines.append(
            translate(
                "GridModel", "Valoare calculată din semestre; scrieți aici cifra anuală pentru a o înlocui."
            )
        )
    elif cell.problem:
        lines.append(translate("GridModel", "Nu se poate calcula: {why}.").format(why=cell.problem))
    return "\n".join(lines)


def _value_tooltip(
    raw: str, quantity: Any, unit: str | None, split: tuple[int, int] | None, approx: bool
) -> str:
    lines = [_clip(raw)]
    if quantity is not None:
        figure = translate("GridModel", "Cifra citită: {figure}").format(
            figure=f"{quantity} {unit}" if unit else str(quantity)
        )
        if approx:
            figure += translate("GridModel", " (aproximativ)")
        lines.append(figure)
    if split is not None:
        lines.append(translate("GridModel", "Femei: {f} · Bărbați: {b}").format(f=split[0], b=split[1]))
    return "\n".join(lines)


def _total_head_tooltip(result: ActionResult) -> str:
    counts = result.totals.counts
    text = translate(
        "GridModel",
        "Rândul Total se calculează automat din rândurile subdiviziunilor.\n"
        "Cu toți indicatorii: {all}; cu restanțe: {arrears}; fără niciunul: {none}.",
    ).format(all=counts.n_all, arrears=counts.n_arrears, none=counts.n_none)
    why = _shortfalls(result)
    return f"{text}\n{why}" if why else text


def _shortfalls(result: ActionResult) -> str:
    """Which indicators each subdivision in arrears (or with none) misses or has not achieved."""
    lines = []
    for row in result.grid.rows:
        shortfall = row_shortfall(row, result.grid.indicators)
        if not row.responsible or not shortfall:
            continue
        if not row.has_return:
            why = translate("GridModel", "nu a prezentat informația")
        else:
            why = shortfall.sentence()
        lines.append(f"• {row.subdivision_name}: {why}")
    if not lines:
        return ""
    rule = translate(
        "GridModel",
        "„-” și „Nu este cazul” la un indicator de care subdiviziunea răspunde contează ca nerealizat.",
    )
    return "\n".join([translate("GridModel", "De ce:"), *lines, rule])


def _total_cells(
    result: ActionResult, total_row: int, findings: dict[tuple[int, int], list[str]]
) -> list[Cell]:
    totals = result.totals
    found = tuple(findings.get((total_row, DESCRIPTION_COLUMN), ()))
    if totals.counts_override is not None:
        ov = totals.counts_override
        kind = CellKind.TOTAL_OVERRIDE
        tip = translate("GridModel", "Introdus manual{by}. Motivul: {reason}\n\nCalculat: {computed}").format(
            by=_by(ov.author), reason=ov.reason, computed=totals.counts.sentence()
        )
    else:
        kind, tip = CellKind.TOTAL, translate("GridModel", "Calculat automat din rândurile subdiviziunilor.")
    tip = "\n".join([_clip(totals.counts_shown), "", tip])
    why = _shortfalls(result)
    if why:
        tip += "\n\n" + why
    tip += _reference_tip(result.grid.references.get(None))
    if found:
        tip = "\n".join([*found, "", tip])
    cells = [Cell(totals.counts_shown, totals.counts_shown, kind, tip, found)]
    for total in totals.indicators:
        found = tuple(findings.get((total_row, total.number), ()))
        split = (total.women, total.men) if total.women is not None and total.men is not None else None
        if total.override is not None:
            ov = total.override
            if total.text:
                computed = total.text
            elif total.problem:
                computed = translate("GridModel", "nu se calculează: {problem}").format(problem=total.problem)
            else:
                computed = translate("GridModel", "(gol)")
            kind = CellKind.TOTAL_OVERRIDE
            tip = translate(
                "GridModel", "Introdus manual{by}. Motivul: {reason}\nCalculat: {computed}"
            ).format(by=_by(ov.author), reason=ov.reason, computed=computed)
            display = ov.raw_text
        elif total.problem is not None:
            kind = CellKind.TOTAL_PROBLEM
            tip = translate(
                "GridModel", "Totalul nu se calculează automat: {problem}. Introduceți-l manual (cu motiv)."
            ).format(problem=total.problem)
            display = f"({total.problem})"
        else:
            kind = CellKind.TOTAL
            if total.contributors:
                contributors = total.contributors
                tip = translate("GridModel", "Calculat automat din %n valori.", "", contributors)
            else:
                tip = translate("GridModel", "Calculat automat; nicio valoare raportată.")
            display = total.text
        tip += _reference_tip(result.grid.references.get(total.number))
        if found:
            tip = "\n".join([*found, "", tip])
        cells.append(Cell(display, total.shown, kind, tip, found, split))
    return cells


def _reference_tip(written: str | None) -> str:
    """The source report's written Total, on hover only (a reference: never data, never exported)."""
    if written is None:
        return ""
    shown = _clip(written.strip()) or translate("GridModel", "(gol)")
    return "\n\n" + translate(
        "GridModel", "Scris în raportul original (referință, nu se exportă): „{text}”"
    ).format(text=shown)


def _by(author: str) -> str:
    return translate("GridModel", " de {author}").format(author=author) if author else ""
