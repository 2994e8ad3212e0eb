"""The grid of one action for the period shown: one row per responsible subdivision, then the Total row.

Column 0 is "Descrierea măsurilor întreprinse", columns 1..N are the indicators (the same numbering the
services use, so a model column *is* a service column). The row cache is built from
``services.results.action_result(grid)``; ``data()`` reads the cache only. ``setData`` validates through
the core (``editing.validate_cell``), refuses with a Romanian message (:attr:`GridModel.refused`) and
otherwise pushes an undoable :class:`~.undo.CellEditsCommand`. After every write the session hands the new
result back and :meth:`GridModel.set_result` emits ``dataChanged`` for exactly the cells that changed - the
Total row included.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QWidget

from balti_monitor.domain.checks import Finding
from balti_monitor.domain.grid import Aggregation, GridRow, IndicatorDef
from balti_monitor.domain.totals import IndicatorTotal, Shortfall, applicable_numbers, row_shortfall
from balti_monitor.domain.values import ValueState
from balti_monitor.services.applicability import period_state
from balti_monitor.services.editing import DESCRIPTION_COLUMN, CellEdit, cell_text_to_store, validate_cell
from balti_monitor.services.results import ActionResult

from .session import Session
from .undo import CellEditsCommand, ResponsibilitiesCommand

ModelIndex = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()

KIND_ROLE = Qt.ItemDataRole.UserRole + 10
FINDINGS_ROLE = Qt.ItemDataRole.UserRole + 11
GENDER_ROLE = Qt.ItemDataRole.UserRole + 12
SPLIT_ROLE = Qt.ItemDataRole.UserRole + 13
TOTAL_ROW_ROLE = Qt.ItemDataRole.UserRole + 14

TOOLTIP_LIMIT = 1500
LONG_VALUE = (
    300  # characters: a value longer than this is almost always a description pasted in the wrong cell
)

translate = QCoreApplication.translate


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


class GridModel(QAbstractTableModel):
    """The editable grid of the action shown.

    Signals:
        refused(QModelIndex, str, str): an edit was refused: cell, the text typed, the Romanian reason.
    """

    refused = Signal(QModelIndex, str, str)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.result: ActionResult | None = None
        self.period_id: int | None = None
        self._indicators: tuple[IndicatorDef, ...] = ()
        self._heads: list[RowHead] = []
        self._cells: list[list[Cell]] = []
        self._columns: list[tuple[str, str]] = []

    # -- loading ------------------------------------------------------------------------------------------
    @property
    def action_id(self) -> int | None:
        """The action shown (None when empty)."""
        return self.result.grid.action_id if self.result is not None else None

    @property
    def total_row(self) -> int:
        """Row number of the Total row."""
        return len(self._heads) - 1

    def clear(self) -> None:
        """Show nothing (no period or no action)."""
        self.beginResetModel()
        self.result = None
        self.period_id = None
        self._indicators = ()
        self._heads, self._cells, self._columns = [], [], []
        self.endResetModel()

    def set_result(self, period_id: int, result: ActionResult) -> None:
        """Show a result; the same action with the same rows only emits ``dataChanged`` for what changed."""
        heads, cells, columns = _build(result)
        same_shape = (
            self.result is not None
            and self.period_id == period_id
            and self.result.grid.action_id == result.grid.action_id
            and [h.subdivision_id for h in heads] == [h.subdivision_id for h in self._heads]
            and len(columns) == len(self._columns)
        )
        if not same_shape:
            self.beginResetModel()
            self.result, self.period_id, self._indicators = result, period_id, result.grid.indicators
            self._heads, self._cells, self._columns = heads, cells, columns
            self.endResetModel()
            return
        old_heads, old_cells, old_columns = self._heads, self._cells, self._columns
        self.result, self._indicators = result, result.grid.indicators
        self._heads, self._cells, self._columns = heads, cells, columns
        for row, (old_row, new_row) in enumerate(zip(old_cells, cells, strict=True)):
            changed = [col for col, (a, b) in enumerate(zip(old_row, new_row, strict=True)) if a != b]
            if changed:
                self.dataChanged.emit(self.index(row, min(changed)), self.index(row, max(changed)))
        changed_heads = [row for row, (a, b) in enumerate(zip(old_heads, heads, strict=True)) if a != b]
        if changed_heads:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, min(changed_heads), max(changed_heads))
        if old_columns != columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(columns) - 1)

    # -- lookups ------------------------------------------------------------------------------------------
    def cell(self, row: int, column: int) -> Cell | None:
        """The cached cell (what the delegate paints; a plain Python call, no QVariant)."""
        if 0 <= row < len(self._cells) and 0 <= column < len(self._columns):
            return self._cells[row][column]
        return None

    def row_head(self, row: int) -> RowHead:
        """The subdivision of a row (subdivision_id 0 for the Total row)."""
        return self._heads[row]

    def row_of_subdivision(self, subdivision_id: int) -> int:
        """The row of a subdivision (the Total row for 0), or -1."""
        if subdivision_id == 0:
            return self.total_row
        for row, head in enumerate(self._heads[:-1]):
            if head.subdivision_id == subdivision_id:
                return row
        return -1

    def is_total(self, index: ModelIndex) -> bool:
        """Whether the index is on the Total row."""
        return index.isValid() and index.row() == self.total_row

    def indicator(self, column: int) -> IndicatorDef | None:
        """The indicator of a column (None for the description column)."""
        return self._indicators[column - 1] if 1 <= column <= len(self._indicators) else None

    def total_of(self, column: int) -> IndicatorTotal | None:
        """The Total of an indicator column."""
        if self.result is None or not 1 <= column <= len(self._indicators):
            return None
        return self.result.totals.indicators[column - 1]

    def index_of_finding(self, finding: Finding) -> QModelIndex:
        """The cell a finding is about (a subdivision's value, its description, or a Total cell)."""
        column = finding.indicator or DESCRIPTION_COLUMN
        if finding.subdivision_id is not None:
            row = self.row_of_subdivision(finding.subdivision_id)
        else:
            row = self.total_row
        return self.index(row, column) if row >= 0 else QModelIndex()

    # -- QAbstractTableModel ------------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = NO_PARENT) -> int:
        """Override QAbstractItemModel::rowCount."""
        return 0 if parent.isValid() else len(self._heads)

    def columnCount(self, parent: ModelIndex = NO_PARENT) -> int:
        """Override QAbstractItemModel::columnCount."""
        return 0 if parent.isValid() else len(self._columns)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """Override QAbstractItemModel::flags: subdivision cells are editable, the Total row is not."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.row() == self.total_row:
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override QAbstractItemModel::data (reads the row cache only)."""
        if not index.isValid() or not (0 <= index.row() < len(self._cells)):
            return None
        if not 0 <= index.column() < len(self._columns):
            return None
        cell = self._cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.display
        if role == Qt.ItemDataRole.EditRole:
            return cell.edit if cell.edit is not None else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell.tooltip or None
        if role == Qt.ItemDataRole.BackgroundRole:
            return BACKGROUNDS.get(cell.kind)
        if role == Qt.ItemDataRole.ForegroundRole:
            return FOREGROUNDS.get(cell.kind)
        if role == Qt.ItemDataRole.FontRole:
            return self._font(index.row(), cell.kind)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if role == KIND_ROLE:
            return cell.kind.value
        if role == FINDINGS_ROLE:
            return list(cell.findings)
        if role == GENDER_ROLE:
            ind = self.indicator(index.column())
            return bool(ind and ind.gender_split)
        if role == SPLIT_ROLE:
            return cell.split
        if role == TOTAL_ROW_ROLE:
            return index.row() == self.total_row
        return None

    def _font(self, row: int, kind: CellKind) -> QFont | None:
        if row != self.total_row:
            return None
        font = QFont()
        font.setBold(True)
        font.setItalic(kind in (CellKind.TOTAL_OVERRIDE, CellKind.TOTAL_PROBLEM))
        return font

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Override QAbstractItemModel::headerData: indicators across, subdivisions down."""
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._columns):
                return None
            label, tooltip = self._columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return label
            if role == Qt.ItemDataRole.ToolTipRole:
                return tooltip
            return None
        if not 0 <= section < len(self._heads):
            return None
        head = self._heads[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return head.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return head.tooltip
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(head.subdivision_id == 0)
            font.setItalic(not head.responsible)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and head.subdivision_id and not head.has_return:
            return QBrush(QColor("#8a5a00"))
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Override QAbstractItemModel::setData: validate through the core, then an undoable edit."""
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        text = cell_text_to_store("" if value is None else str(value))
        cell = self._cells[index.row()][index.column()]
        if (text or None) == (cell.edit or None):
            return True
        head = self._heads[index.row()]
        edit = CellEdit(head.subdivision_id, index.column(), text)
        where = self.index(index.row(), index.column())
        if cell.hatched and text is not None:
            return self._include_and_write(head, index.column(), edit, where)
        return self.apply_edits([edit], self._edit_label(head, index.column()), [where], str(value))

    def is_hatched(self, row: int, column: int) -> bool:
        """Whether a cell belongs to an indicator its (responsible) subdivision does not answer."""
        cell = self.cell(row, column)
        return cell is not None and cell.hatched

    def _include_and_write(self, head: RowHead, column: int, edit: CellEdit, where: QModelIndex) -> bool:
        """A value typed into a hatched cell: ask whether the subdivision answers the indicator from this
        period on; yes writes both as one undo step, no writes nothing."""
        if self.result is None or self.period_id is None:
            return False
        problem = validate_cell(edit.column, edit.text)
        if problem:  # refused before asking: a refused value must not change who answers what
            self.refused.emit(QModelIndex(where), edit.text or "", problem)
            return False
        from . import dialogs  # the question is replaced in tests

        parent = self.parent()
        question = self.tr(
            "{name} nu răspunde de indicatorul {n}. O includeți de acum înainte?\n\n"
            "Da: răspunde de indicatorul {n} de la perioada aceasta înainte (perioadele anterioare rămân cum "
            "sunt) și valoarea se salvează. Nu: nu se scrie nimic."
        ).format(name=head.name, n=column)
        if not dialogs.confirm(
            parent if isinstance(parent, QWidget) else None,
            self.tr("Indicator la care nu răspunde"),
            question,
        ):
            self.refused.emit(
                QModelIndex(where),
                "",
                self.tr("Nu s-a scris nimic: {name} nu răspunde de indicatorul {n}.").format(
                    name=head.name, n=column
                ),
            )
            return False
        action_id = self.result.grid.action_id
        before = period_state(self.period_id, action_id)
        after = [
            (sid, sorted({*numbers, column}) if sid == head.subdivision_id else numbers)
            for sid, numbers in before
        ]
        stack = self.session.undo_stack
        label = self._edit_label(head, column)
        stack.beginMacro(label)
        try:
            command = ResponsibilitiesCommand(
                self.session,
                action_id,
                after,
                self.tr("{name} răspunde de indicatorul {n}").format(name=head.name, n=column),
                self.period_id,
            )
            stack.push(command)
            if command.error:
                return False
            return self.apply_edits([edit], label, [where], edit.text or "")
        finally:
            stack.endMacro()

    def apply_edits(
        self,
        edits: Sequence[CellEdit],
        label: str,
        indexes: Sequence[QModelIndex] | None = None,
        typed: str = "",
    ) -> bool:
        """Validate and write several cells as one undoable step (paste, clear); False when refused."""
        if self.result is None or self.period_id is None or not edits:
            return False
        for position, edit in enumerate(edits):
            problem = validate_cell(edit.column, edit.text)
            if problem:
                where = (
                    indexes[position]
                    if indexes
                    else self.index(self.row_of_subdivision(edit.subdivision_id), edit.column)
                )
                self.refused.emit(QModelIndex(where), typed or (edit.text or ""), problem)
                return False
        if not self._long_values_kept(edits, indexes, typed):
            return False
        command = CellEditsCommand(self.session, self.period_id, self.result.grid.action_id, edits, label)
        self.session.undo_stack.push(command)
        if command.error:
            where = indexes[0] if indexes else QModelIndex()
            self.refused.emit(QModelIndex(where), typed, command.error)
            return False
        return True

    def _long_values_kept(
        self, edits: Sequence[CellEdit], indexes: Sequence[QModelIndex] | None, typed: str
    ) -> bool:
        """Values are short: above LONG_VALUE characters ask whether to keep it (descriptions have no limit)."""
        long = [
            (position, edit)
            for position, edit in enumerate(edits)
            if edit.column != DESCRIPTION_COLUMN and edit.text and len(edit.text) > LONG_VALUE
        ]
        if not long:
            return True
        from . import dialogs  # the question is replaced in tests

        position, first = long[0]
        text = self.tr(
            "Valoarea are {n} de caractere: valorile sunt scurte; textul lung merge în descriere.\n\n"
            "O păstrați totuși așa?"
        ).format(n=len(first.text or ""))
        if len(long) > 1:
            text = self.tr("{k} valori au peste {limit} de caractere.").format(
                k=len(long), limit=LONG_VALUE
            ) + ("\n" + text)
        parent = self.parent()
        if dialogs.confirm(parent if isinstance(parent, QWidget) else None, self.tr("Valoare lungă"), text):
            return True
        where = indexes[position] if indexes else QModelIndex()
        self.refused.emit(
            QModelIndex(where),
            typed,
            self.tr("Nu s-a salvat: valorile sunt scurte; textul lung merge în descriere."),
        )
        return False

    def edit_for(self, index: ModelIndex, text: str | None) -> CellEdit | None:
        """The edit writing ``text`` into a cell (None for a cell that cannot be edited)."""
        if not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return None
        cleaned = cell_text_to_store(text or "")
        return CellEdit(self._heads[index.row()].subdivision_id, index.column(), cleaned)

    def current_text(self, index: ModelIndex) -> str | None:
        """What a cell holds now (None when empty)."""
        if not index.isValid():
            return None
        return self._cells[index.row()][index.column()].edit

    def _edit_label(self, head: RowHead, column: int) -> str:
        code = self.result.grid.code if self.result is not None else ""
        where = (
            self.tr("descrierea")
            if column == DESCRIPTION_COLUMN
            else self.tr("Indicator {n}").format(n=column)
        )
        return self.tr("Modificare {code} · {name} · {where}").format(code=code, name=head.name, where=where)


# ------------------------------------------------------------------------------------------------------------
# Building the row cache
# ------------------------------------------------------------------------------------------------------------


def _build(result: ActionResult) -> tuple[list[RowHead], list[list[Cell]], list[tuple[str, str]]]:
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
        cells.append(_row_cells(r, row, grid.indicators, findings))
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
    r: int, row: GridRow, indicators: tuple[IndicatorDef, ...], findings: dict[tuple[int, int], list[str]]
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
        if found:
            tip = "\n".join([*found, "", tip])
        cells.append(Cell(raw, raw or None, kind, tip, found, split, hatched))
    return cells


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
                tip = translate("GridModel", "Calculat automat din {n} valori.").format(n=total.contributors)
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
