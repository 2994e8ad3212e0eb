"""A read-only table model over a list of Python rows, one :class:`Column` per shown field.

The dialogs of backups and return forms show lists of service results (automatic backups, form statuses,
import changes); each subclass declares its columns and, where needed, a colour or a check box. Every
model built on it is checked with Qt's model tester in the tests.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView

ModelIndex = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its header and how a row shows in it (the tooltip defaults to the full text)."""

    header: str
    text: Callable[[Any], str]
    tooltip: Callable[[Any], str] | None = None


class RowTableModel(QAbstractTableModel):
    """Rows of any Python objects shown through :class:`Column` definitions (read-only, selectable).

    Attributes:
        rows: the objects shown, in display order.
        columns: what each column shows.
    """

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        """The object shown in a row (None outside the table)."""
        return self.rows[row] if 0 <= row < len(self.rows) else None

    # -- overridable --------------------------------------------------------------------------------------
    def foreground(self, item: Any, column: int) -> QColor | None:
        """The text colour of a cell (None: the palette's)."""
        return None

    def bold(self, item: Any, column: int) -> bool:
        """Whether a cell is shown in bold."""
        return False

    # -- QAbstractItemModel -------------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = NO_PARENT) -> int:
        """Override QAbstractItemModel::rowCount (a flat table)."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = NO_PARENT) -> int:
        """Override QAbstractItemModel::columnCount."""
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """Override QAbstractItemModel::flags (read-only)."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override QAbstractItemModel::data."""
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        if not (0 <= index.column() < len(self.columns)):
            return None
        item = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = column.tooltip(item) if column.tooltip is not None else column.text(item)
            return tip or None
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(item, index.column())
        if role == Qt.ItemDataRole.FontRole and self.bold(item, index.column()):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Override QAbstractItemModel::headerData."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header if 0 <= section < len(self.columns) else None
        return None


def compact_rows(view: QAbstractItemView, header: QHeaderView) -> None:
    """One line of text per row (the default row height is much taller) and no row numbers."""
    header.setDefaultSectionSize(view.fontMetrics().height() + 8)
    header.setMinimumSectionSize(view.fontMetrics().height() + 4)
    header.setVisible(False)
