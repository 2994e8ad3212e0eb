"""The status-per-item grid, for plans whose progress is kept per action with a status vocabulary (seed 004):
one row per item of the plan (sub-actions under their action), the status picked from the kind's
vocabulary, the narrative ("Măsuri întreprinse", several lines) and the links.

:class:`StatusGridModel` keeps a row cache (:class:`~balti_monitor.services.item_progress.ItemProgress`),
never queries in ``data()``; ``setData`` turns an edit into a
:class:`~balti_monitor.services.progress.SaveProgress` pushed on the undo stack (through the
``write`` callback the page gives it) and refuses what the service refuses. A status typed elsewhere
(an import) that is not a word of the vocabulary is shown and kept as written until the user picks another.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from balti_monitor.services.item_progress import ItemProgress, StatusChoice
from balti_monitor.services.progress import Link, link_problem

ModelIndex = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()

CODE, TITLE, STATUS, DESCRIPTION, LINKS = range(5)
ACTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MEANING_ROLE = Qt.ItemDataRole.UserRole + 2

#: background of the status cell by meaning (pale, readable with black text)
MEANING_COLOURS = {
    "done": QColor("#dff0d8"),
    "in_progress": QColor("#fcf3cf"),
    "started": QColor("#e3ecf8"),
    "not_started": QColor("#f2dede"),
    "not_done": QColor("#f2dede"),
}
UNKNOWN_STATUS_COLOUR = QColor("#8a6d3b")

Write = Callable[[ItemProgress, str, str, tuple[Link, ...]], bool]


class StatusGridModel(QAbstractTableModel):
    """Items × (code, title, status, narrative, links) of one period."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ItemProgress] = []
        self._choices: list[StatusChoice] = []
        self._row_of: dict[int, int] = {}
        #: applies an edit (item, status, description, links); False when refused
        self.write: Write | None = None
        #: the header of the narrative column as the plan names its progress ("" the default)
        self.narrative_label = ""

    # -- content ------------------------------------------------------------------------------------------
    def set_rows(self, rows: list[ItemProgress], choices: list[StatusChoice]) -> None:
        """Show these rows; same items in the same order: only the changed rows repaint."""
        same = [r.action_id for r in rows] == [r.action_id for r in self._rows]
        if same and choices == self._choices:
            old, self._rows = self._rows, list(rows)
            for n, (before, after) in enumerate(zip(old, rows, strict=True)):
                if before != after:
                    self.dataChanged.emit(self.index(n, 0), self.index(n, LINKS))
            return
        self.beginResetModel()
        self._rows = list(rows)
        self._choices = list(choices)
        self._row_of = {r.action_id: n for n, r in enumerate(rows)}
        self.endResetModel()

    def clear(self) -> None:
        """Show nothing."""
        self.set_rows([], [])

    @property
    def choices(self) -> list[StatusChoice]:
        """The statuses the picker offers."""
        return list(self._choices)

    def item(self, row: int) -> ItemProgress | None:
        """The item of a row."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, action_id: int) -> int:
        """The row of an item (-1 when not shown)."""
        return self._row_of.get(action_id, -1)

    # -- QAbstractItemModel -------------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = NO_PARENT) -> int:
        """Override QAbstractItemModel::rowCount."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = NO_PARENT) -> int:
        """Override QAbstractItemModel::columnCount."""
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Override QAbstractItemModel::headerData."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = [
            self.tr("Nr."),
            self.tr("Acțiunea / subacțiunea"),
            self.tr("Status"),
            self.narrative_label or self.tr("Măsuri întreprinse"),
            self.tr("Legături"),
        ]
        return names[section] if 0 <= section < len(names) else None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """Override QAbstractItemModel::flags: status and narrative are edited in the cell."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (STATUS, DESCRIPTION):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override QAbstractItemModel::data (reads the row cache only)."""
        item = self.item(index.row()) if index.isValid() else None
        if item is None or not 0 <= index.column() < 5:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(item, column, role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        if role == Qt.ItemDataRole.BackgroundRole and column == STATUS and item.meaning in MEANING_COLOURS:
            return QBrush(MEANING_COLOURS[item.meaning])
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS and item.status and not item.meaning:
            return QBrush(UNKNOWN_STATUS_COLOUR)
        if role == Qt.ItemDataRole.FontRole and column in (CODE, TITLE) and item.has_children:
            font = QFont()
            font.setBold(True)
            return font
        if role == ACTION_ID_ROLE:
            return item.action_id
        if role == MEANING_ROLE:
            return item.meaning
        return None

    def _text(self, item: ItemProgress, column: int, edit: bool) -> str:
        if column == CODE:
            return item.code
        if column == TITLE:
            return ("    " * item.depth if not edit else "") + item.title
        if column == STATUS:
            return item.status
        if column == DESCRIPTION:
            return item.description
        if edit:
            return "\n".join(link.url for link in item.links)
        return "\n".join(
            link.text if link.text == link.url else f"{link.text} ({link.url})" for link in item.links
        )

    def _tooltip(self, item: ItemProgress, column: int) -> str:
        if column == STATUS and item.status and not item.meaning:
            return self.tr("„{status}” nu este un status al planului; se păstrează cum a fost scris.").format(
                status=item.status
            )
        if column == LINKS:
            return self.tr("Enter sau dublu clic: editați legăturile")
        if column == TITLE:
            return f"{item.code} {item.title}"
        return self._text(item, column, False)

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Override QAbstractItemModel::setData: write the status or the narrative (refused: False)."""
        item = self.item(index.row()) if index.isValid() else None
        if item is None or role != Qt.ItemDataRole.EditRole or self.write is None:
            return False
        text = str(value if value is not None else "")
        if index.column() == STATUS:
            if text == item.status:
                return False
            return self.write(item, text, item.description, item.links)
        if index.column() == DESCRIPTION:
            if text == item.description:
                return False
            return self.write(item, item.status, text, item.links)
        return False

    def set_links(self, row: int, links: tuple[Link, ...]) -> bool:
        """Write an item's links (the links dialog)."""
        item = self.item(row)
        if item is None or self.write is None or links == item.links:
            return False
        return self.write(item, item.status, item.description, links)


class StatusDelegate(QStyledItemDelegate):
    """The status column: a list of the vocabulary's words (plus the text as written, when it is not one of
    them); the narrative: a several-line editor (Ctrl+Enter or Tab saves, Esc cancels)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor: QWidget | None = None  # the open editor (committed before another period is shown)
        self.closeEditor.connect(self._closed)

    def _closed(self, editor: QWidget, _hint: object = None) -> None:
        if editor is self.editor:
            self.editor = None

    def finish_editing(self) -> None:
        """Save and close the open editor, if any."""
        editor = self.editor
        if editor is not None:
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> QWidget:
        """Override: a combo box for the status, a plain-text editor for the narrative."""
        model = index.model()
        if index.column() == STATUS and isinstance(model, StatusGridModel):
            combo = QComboBox(parent)
            combo.setObjectName("statusPicker")
            words = [c.word for c in model.choices]
            current = str(model.data(index, Qt.ItemDataRole.EditRole) or "")
            if current and current not in words:
                combo.addItem(current)  # the text as written stays selectable: nothing changes unless picked
            combo.addItem(self.tr("(fără status)"))
            for word in words:
                combo.addItem(word)
            self.editor = combo
            return combo
        if index.column() == DESCRIPTION:
            editor = QPlainTextEdit(parent)
            editor.setObjectName("narrativeEditor")
            editor.setTabChangesFocus(True)
            self.editor = editor
            return editor
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        """Override: the current text."""
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if isinstance(editor, QComboBox):
            found = editor.findText(text) if text else editor.findText(self.tr("(fără status)"))
            editor.setCurrentIndex(max(0, found))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(text)
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        """Override: write what the editor holds."""
        if isinstance(editor, QComboBox):
            text = editor.currentText()
            model.setData(index, "" if text == self.tr("(fără status)") else text)
        elif isinstance(editor, QPlainTextEdit):
            model.setData(index, editor.toPlainText())
        else:
            super().setModelData(editor, model, index)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        """Override: the narrative editor is at least 120 px high (several lines)."""
        rect = option.rect
        if isinstance(editor, QPlainTextEdit):
            rect = rect.adjusted(0, 0, 0, max(0, 120 - rect.height()))
        elif isinstance(editor, QComboBox):  # its own height, centred; as wide as its longest word
            hint = editor.sizeHint()
            height = min(rect.height(), hint.height())
            rect = QRect(
                rect.x(), rect.y() + (rect.height() - height) // 2, max(rect.width(), hint.width()), height
            )
        editor.setGeometry(rect)


class LinksDialog(QDialog):
    """An item's links: text as shown and address, one per row; add, remove, reorder."""

    def __init__(self, title: str, links: tuple[Link, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linksDialog")
        self.setWindowTitle(self.tr("Legăturile: {title}").format(title=title))
        self.resize(720, 320)
        self.table = QTableWidget(len(links), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Textul afișat"), self.tr("Adresa (URL)")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for row, link in enumerate(links):
            self.table.setItem(row, 0, QTableWidgetItem(link.text))
            self.table.setItem(row, 1, QTableWidgetItem(link.url))
        add = QPushButton(self.tr("&Adaugă o legătură"), self)
        add.clicked.connect(self.add_row)
        remove = QPushButton(self.tr("Ș&terge legătura"), self)
        remove.clicked.connect(self.remove_row)
        self.error = QLabel(self)
        self.error.setStyleSheet("color:#a00")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Salvează"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Renunță"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        row_buttons = QHBoxLayout()
        row_buttons.addWidget(add)
        row_buttons.addWidget(remove)
        row_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row_buttons)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def add_row(self) -> None:
        """A new empty link, being edited."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(""))
        self.table.setItem(row, 1, QTableWidgetItem(""))
        self.table.setCurrentCell(row, 1)
        cell = self.table.item(row, 1)
        if cell is not None:
            self.table.editItem(cell)

    def remove_row(self) -> None:
        """Remove the selected link."""
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def links(self) -> tuple[Link, ...]:
        """The links as the table holds them (empty rows left out; a link without text shows its address)."""
        out = []
        for row in range(self.table.rowCount()):
            text, url = (self._cell(row, column) for column in (0, 1))
            if text or url:
                out.append(Link(text or url, url))
        return tuple(out)

    def _cell(self, row: int, column: int) -> str:
        cell = self.table.item(row, column)
        return cell.text().strip() if cell is not None else ""

    def _accept(self) -> None:
        for link in self.links():
            problem = link_problem(link)
            if problem:
                self.error.setText(problem)
                return
        self.accept()

    @classmethod
    def ask(cls, title: str, links: tuple[Link, ...], parent: QWidget | None) -> tuple[Link, ...] | None:
        """Edit the links; the new list, or None when cancelled."""
        dialog = cls(title, links, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.links()


class StatusGridView(QTableView):
    """The status table: rows as tall as their text, Enter edits (links open their dialog)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusGrid")
        self.delegate = StatusDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setWordWrap(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setStretchLastSection(False)

    #: a row shows at most this many lines of its narrative (the whole text: tooltip and editor)
    MAX_LINES = 6

    def fit_rows(self) -> None:
        """Rows as tall as their text, at most :attr:`MAX_LINES` lines, so several items stay in sight."""
        self.resizeRowsToContents()
        limit = self.fontMetrics().lineSpacing() * self.MAX_LINES + 8
        for row in range(self.model().rowCount() if self.model() is not None else 0):
            if self.rowHeight(row) > limit:
                self.setRowHeight(row, limit)

    def fit_columns(self) -> None:
        """Column widths: the code fits, the narrative takes what is left (set once the columns exist)."""
        header = self.horizontalHeader()
        if header.count() < 5:
            return
        header.setSectionResizeMode(CODE, QHeaderView.ResizeMode.ResizeToContents)
        for column, width in ((TITLE, 250), (STATUS, 150), (LINKS, 210)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)


class _KeyedStatusGridView(StatusGridView):
    """Enter edits the cell; on the links column Enter, F2 or a double click opens the links dialog."""

    def __init__(self, on_links: Callable[[int], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._on_links = on_links
        self.doubleClicked.connect(self._double_clicked)

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() == LINKS:
            self._on_links(index.row())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Override: Enter/F2 edit (the links in their dialog)."""
        index = self.currentIndex()
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2)
        if index.isValid() and event.key() in keys and self.state() != QAbstractItemView.State.EditingState:
            if index.column() == LINKS:
                self._on_links(index.row())
                return
            if index.flags() & Qt.ItemFlag.ItemIsEditable:
                self.edit(index)
                return
        super().keyPressEvent(event)
