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
from balti_monitor.domain.grid import IndicatorDef
from balti_monitor.domain.totals import IndicatorTotal
from balti_monitor.services.applicability import period_state
from balti_monitor.services.editing import (
    DESCRIPTION_COLUMN,
    CellConflict,
    CellEdit,
    cell_text_to_store,
    validate_cell,
)
from balti_monitor.services.results import ActionResult

from .grid_cells import (
    BACKGROUNDS,
    FOREGROUNDS,
    LONG_VALUE,
    Cell,
    CellKind,
    RowHead,
    build_rows,
    rule_short,
    rule_text,
)
from .session import Session
from .undo import CellEditsCommand, ResponsibilitiesCommand

ModelIndex = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()

KIND_ROLE = Qt.ItemDataRole.UserRole + 10
FINDINGS_ROLE = Qt.ItemDataRole.UserRole + 11
GENDER_ROLE = Qt.ItemDataRole.UserRole + 12
SPLIT_ROLE = Qt.ItemDataRole.UserRole + 13
TOTAL_ROW_ROLE = Qt.ItemDataRole.UserRole + 14

translate = QCoreApplication.translate

__all__ = [
    "BACKGROUNDS",
    "FOREGROUNDS",
    "Cell",
    "CellKind",
    "GridModel",
    "RowHead",
    "rule_short",
    "rule_text",
]


class GridModel(QAbstractTableModel):
    """The editable grid of the action shown.

    Signals:
        refused(QModelIndex, str, str): an edit was refused: cell, the text typed, the Romanian reason.
    """

    refused = Signal(QModelIndex, str, str)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: (subdivision id, column) of the cells with an open follow-up (a corner mark), set by the page
        self.followups: frozenset[tuple[int, int]] = frozenset()
        self.session = session
        self.result: ActionResult | None = None
        self.period_id: int | None = None
        self._indicators: tuple[IndicatorDef, ...] = ()
        self._heads: list[RowHead] = []
        self._cells: list[list[Cell]] = []
        self._columns: list[tuple[str, str]] = []
        self._fonts: dict[tuple[bool, bool], QFont] = {}

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
        """Show a result. When the shape (rows and columns) stays the same - another edit of this action,
        or another action with as many rows and columns - no reset: ``dataChanged`` only for the cells
        that differ, so the view keeps its layout and repaints just those cells."""
        heads, cells, columns = build_rows(result)
        same_shape = (
            self.result is not None and len(heads) == len(self._heads) and len(columns) == len(self._columns)
        )
        if not same_shape:
            self.beginResetModel()
            self.result, self.period_id, self._indicators = result, period_id, result.grid.indicators
            self._heads, self._cells, self._columns = heads, cells, columns
            self.endResetModel()
            return
        old_heads, old_cells, old_columns = self._heads, self._cells, self._columns
        self.result, self.period_id, self._indicators = result, period_id, result.grid.indicators
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
        if not self.session.access.may_edit_row(self._heads[index.row()].subdivision_id):
            return base  # on a server: another subdivision's row, or a reader
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
        return self._styled_font(True, kind in (CellKind.TOTAL_OVERRIDE, CellKind.TOTAL_PROBLEM))

    def _styled_font(self, bold: bool, italic: bool) -> QFont:
        """The default font, bold and/or italic (built once: headers ask for it at every layout)."""
        key = (bold, italic)
        font = self._fonts.get(key)
        if font is None:
            font = self._fonts[key] = QFont()
            font.setBold(bold)
            font.setItalic(italic)
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
            return self._styled_font(head.subdivision_id == 0, not head.responsible)
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
        source: str = "typed",
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
        expected: list[str | None] | None = None  # the version each cell was read at: its text shown
        if not self.result.grid.annual:  # an annual grid shows values derived from the semesters
            shown = [self.cell(self.row_of_subdivision(e.subdivision_id), e.column) for e in edits]
            expected = [None if c is None else (c.edit or None) for c in shown]
        command = CellEditsCommand(
            self.session, self.period_id, self.result.grid.action_id, edits, label, source, expected
        )
        # The result after the write is computed in memory from these edits (no reload from the file).
        self.session.expect_cell_edits(self.period_id, self.result.grid.action_id, edits)
        try:
            self.session.undo_stack.push(command)
        finally:
            self.session.expect_cell_edits(self.period_id, self.result.grid.action_id, None)
        if isinstance(command.failure, CellConflict):
            from .conflict_dialog import resolve_conflict  # someone else saved these cells meanwhile

            return resolve_conflict(self, command, label, source)
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
            "Valoarea are %n caractere: valorile sunt scurte; textul lung merge în descriere.\n\n"
            "O păstrați totuși așa?",
            "",
            len(first.text or ""),
        )
        if len(long) > 1:
            text = self.tr("%n valori au peste {limit} de caractere.", "", len(long)).format(
                limit=LONG_VALUE
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
