"""Who answers for an action and for which of its indicators (form in ``ui/responsibility_dialog.ui``).

The dialog edits a copy of the state; OK hands the new state back and the caller applies it as one undoable
:class:`~.undo.ResponsibilitiesCommand`.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QHeaderView,
    QLabel,
    QWidget,
)

from balti_monitor.services.outline import ActionInfo
from balti_monitor.services.responsibilities import ResponsibilityState

from .collation import sorted_by_text
from .forms.ui_responsibility_dialog import Ui_ResponsibilityDialog

translate = QCoreApplication.translate

ModelIndex = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()


@dataclass
class Row:
    """One responsible subdivision in the dialog."""

    subdivision_id: int
    name: str
    indicators: set[int]


class ResponsibilityModel(QAbstractTableModel):
    """Subdivisions down, a check box per indicator across (the dialog's working copy)."""

    def __init__(
        self, rows: list[Row], numbers: list[int], texts: dict[int, str], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.rows = rows
        self.numbers = numbers
        self.texts = texts

    def state(self) -> ResponsibilityState:
        """The edited state."""
        return [(row.subdivision_id, sorted(row.indicators)) for row in self.rows]

    def rowCount(self, parent: ModelIndex = NO_PARENT) -> int:
        """Override QAbstractItemModel::rowCount."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = NO_PARENT) -> int:
        """Override QAbstractItemModel::columnCount."""
        return 0 if parent.isValid() else 1 + len(self.numbers)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """Override QAbstractItemModel::flags: indicator cells are check boxes."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.column() else base

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override QAbstractItemModel::data."""
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if index.column() == 0:
            return row.name if role == Qt.ItemDataRole.DisplayRole else None
        number = self.numbers[index.column() - 1]
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if number in row.indicators else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.texts.get(number, "")
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Override QAbstractItemModel::setData: tick or untick an indicator."""
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column() == 0:
            return False
        number = self.numbers[index.column() - 1]
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        row = self.rows[index.row()]
        if checked:
            row.indicators.add(number)
        else:
            row.indicators.discard(number)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Override QAbstractItemModel::headerData."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section <= len(self.numbers):
            return None
        if section == 0:
            return self.tr("Subdiviziunea") if role == Qt.ItemDataRole.DisplayRole else None
        number = self.numbers[section - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Ind. {n}").format(n=number)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.texts.get(number, "")
        return None

    def add(self, row: Row) -> None:
        """Append a subdivision."""
        self.beginInsertRows(NO_PARENT, len(self.rows), len(self.rows))
        self.rows.append(row)
        self.endInsertRows()

    def remove(self, position: int) -> Row:
        """Remove a subdivision."""
        self.beginRemoveRows(NO_PARENT, position, position)
        row = self.rows.pop(position)
        self.endRemoveRows()
        return row

    def move(self, position: int, offset: int) -> bool:
        """Move a subdivision up (-1) or down (+1)."""
        target = position + offset
        if not (0 <= position < len(self.rows) and 0 <= target < len(self.rows)):
            return False
        destination = target + 1 if offset > 0 else target
        self.beginMoveRows(NO_PARENT, position, position, NO_PARENT, destination)
        self.rows.insert(target, self.rows.pop(position))
        self.endMoveRows()
        return True


class ResponsibilityDialog:
    """The responsibility dialog.

    Attributes:
        dialog: the QDialog built from the form.
        model: the working copy.
    """

    def __init__(
        self,
        parent: QWidget | None,
        action: ActionInfo,
        state: ResponsibilityState,
        subdivisions: list[tuple[int, str]],
        period_code: str | None = None,
    ) -> None:
        loaded = QDialog(parent)
        self.ui = Ui_ResponsibilityDialog()
        self.ui.setupUi(loaded)
        self.dialog = loaded
        self.names = dict(subdivisions)
        self.order = [sid for sid, _ in subdivisions]
        numbers = [ind.number for ind in action.indicators]
        texts = {ind.number: f"{ind.number}. {ind.text}" for ind in action.indicators}
        rows = [Row(sid, self.names.get(sid, str(sid)), set(numbers_)) for sid, numbers_ in state]
        self.model = ResponsibilityModel(rows, numbers, texts, loaded)
        self.table = self.ui.table
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.combo = self.ui.addCombo
        self.combo_ids: list[int] = []
        self.error = self.ui.errorLabel
        action_word = translate("ResponsibilityDialog", "Acțiunea")
        self.ui.actionLabel.setText(
            f"<b>{escape(action_word)} {escape(action.code)}.</b> {escape(action.title)}"
        )
        self.period_label = QLabel(loaded)
        self.period_label.setObjectName("periodLabel")
        self.period_label.setWordWrap(True)
        if period_code:
            self.period_label.setText(
                translate(
                    "ResponsibilityDialog",
                    "Modificările se aplică de la perioada <b>{code}</b> înainte; perioadele anterioare își "
                    "păstrează subdiviziunile responsabile, indicatorii și totalurile.",
                ).format(code=escape(period_code))
            )
            layout = loaded.layout()
            if isinstance(layout, QBoxLayout):
                layout.insertWidget(max(0, layout.indexOf(self.ui.actionLabel)) + 1, self.period_label)
        else:
            self.period_label.hide()
        self.ui.addButton.clicked.connect(self._add)
        self.ui.removeButton.clicked.connect(self._remove)
        self.ui.upButton.clicked.connect(lambda: self._move(-1))
        self.ui.downButton.clicked.connect(lambda: self._move(1))
        buttons = self.ui.buttonBox
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(loaded.reject)
        self._fill_combo()

    def _fill_combo(self) -> None:
        used = {row.subdivision_id for row in self.model.rows}
        self.combo.clear()
        # Ids beside the combo box, never currentData(): see qt_compat.
        # alphabetical in the interface's language: the list to pick a name from
        self.combo_ids = sorted_by_text(
            (sid for sid in self.order if sid not in used), self.names.__getitem__
        )
        for sid in self.combo_ids:
            self.combo.addItem(self.names[sid])

    def _selected_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def _add(self) -> None:
        position = self.combo.currentIndex()
        if not 0 <= position < len(self.combo_ids):
            return
        sid = self.combo_ids[position]
        self.model.add(Row(sid, self.names[sid], set(self.model.numbers)))
        self._fill_combo()
        self.table.selectRow(len(self.model.rows) - 1)

    def _remove(self) -> None:
        position = self._selected_row()
        if position >= 0:
            self.model.remove(position)
            self._fill_combo()

    def _move(self, offset: int) -> None:
        position = self._selected_row()
        if self.model.move(position, offset):
            self.table.selectRow(position + offset)

    def _accept(self) -> None:
        empty = [row.name for row in self.model.rows if not row.indicators]
        if empty:
            self.error.setText(
                translate("ResponsibilityDialog", "Bifați cel puțin un indicator pentru: {names}.").format(
                    names=", ".join(empty)
                )
            )
            return
        self.dialog.accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        action: ActionInfo,
        state: ResponsibilityState,
        subdivisions: list[tuple[int, str]],
        period_code: str | None = None,
    ) -> ResponsibilityState | None:
        """Show the dialog; the new state, or None when cancelled (tests replace this).

        ``period_code`` names the period from which the change applies (said in the dialog)."""
        dialog = cls(parent, action, state, subdivisions, period_code)
        try:
            if dialog.dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.model.state()
            return None
        finally:
            dialog.dialog.deleteLater()
