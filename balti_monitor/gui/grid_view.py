"""The grid view: Excel-like keyboard work and rectangular copy/paste.

Keys: arrows move; Tab / Shift+Tab move right / left; Enter / Shift+Enter move down / up (and commit an
edit); typing starts editing and replaces the cell; F2 or a double click edits with the cursor at the end;
Delete clears the selected cells (one undo step); Ctrl+C / Ctrl+X / Ctrl+V copy, cut and paste blocks of
tab-separated cells from and to Excel or LibreOffice Calc (a paste is one undo step; a single copied value
pasted over a selection fills it). Total cells are read-only: F2 or a double click there asks for a
manual Total (:attr:`GridView.overrideRequested`).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyleOptionHeader,
    QTableView,
    QToolTip,
    QWidget,
)

from .clipboard import format_tsv, parse_tsv
from .grid_delegate import GridDelegate
from .grid_model import GridModel
from .paste_plan import plan_paste
from .qt_compat import model_data

ModelIndex = QModelIndex | QPersistentModelIndex
HEADER_TEXT_WIDTH = 190
WRAP_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
WRAP_CENTRED = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap)


class SubdivisionHeader(QHeaderView):
    """The row header: subdivision names wrapped on several lines (never cut)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setHighlightSections(True)
        self._heights: dict[tuple[str, bool, bool], int] = {}

    def _text(self, logical: int) -> str:
        model = self.model()
        if model is None:
            return ""
        return str(model.headerData(logical, self.orientation(), Qt.ItemDataRole.DisplayRole) or "")

    def _font(self, logical: int) -> QFont:
        model = self.model()
        value = model.headerData(logical, self.orientation(), Qt.ItemDataRole.FontRole) if model else None
        return value if isinstance(value, QFont) else self.font()

    def label_height(self, logical: int) -> int:
        """The height the wrapped name needs."""
        return self.sectionSizeFromContents(logical).height()

    def sectionSizeFromContents(self, logicalIndex: int) -> QSize:
        """Override: the size of the wrapped name (cached per name and font)."""
        font = self._font(logicalIndex)
        text = self._text(logicalIndex)
        key = (text, font.bold(), font.italic())
        height = self._heights.get(key)
        if height is None:
            box = QFontMetrics(font).boundingRect(QRect(0, 0, HEADER_TEXT_WIDTH, 10_000), WRAP_LEFT, text)
            height = self._heights[key] = box.height() + 8
        return QSize(HEADER_TEXT_WIDTH + 14, height)

    def changeEvent(self, event: QEvent) -> None:
        """Override: another font measures names anew."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._heights.clear()

    def sizeHint(self) -> QSize:
        """Override: a fixed width fitting the wrapped names."""
        hint = super().sizeHint()
        return QSize(HEADER_TEXT_WIDTH + 14, hint.height())

    def paintSection(self, painter: QPainter, rect: QRect, logicalIndex: int) -> None:
        """Override: the standard section without its label, then the name wrapped."""
        if not rect.isValid():
            return
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = rect
        option.section = logicalIndex
        option.text = ""
        selection = self.selectionModel()
        if selection is not None and selection.currentIndex().row() == logicalIndex:
            option.state |= QStyle.StateFlag.State_On
        painter.save()
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        painter.restore()
        painter.save()
        painter.setFont(self._font(logicalIndex))
        model = self.model()
        brush = (
            model.headerData(logicalIndex, self.orientation(), Qt.ItemDataRole.ForegroundRole)
            if model
            else None
        )
        if brush is not None:
            painter.setPen(brush.color())
        painter.drawText(rect.adjusted(7, 2, -5, -2), WRAP_CENTRED, self._text(logicalIndex))
        painter.restore()


class GridView(QTableView):
    """The editable grid of one action.

    Signals:
        overrideRequested(int): the user asked to type a Total by hand (indicator column, 0 = counts).
        message(str): a Romanian message for the status bar.
    """

    overrideRequested = Signal(int)
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.delegate = GridDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setVerticalHeader(SubdivisionHeader(self))
        self.setWordWrap(True)
        self.setTabKeyNavigation(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(60)
        self.setCornerButtonEnabled(True)
        self.delegate.moveRequested.connect(self.move_current)
        self.delegate.refusedInEditor.connect(self.show_refusal)
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self.fit_to_width)
        self._user_widths = False
        header.sectionResized.connect(self._section_resized)
        self._fitting = False
        self._fitted_for: int | None = None  # the full width the columns were last fitted to
        self._finishing = False
        self._closing_editor = False
        self._build_actions()

    # -- model --------------------------------------------------------------------------------------------
    def grid_model(self) -> GridModel | None:
        """The grid model shown."""
        model = self.model()
        return model if isinstance(model, GridModel) else None

    def setModel(self, model: GridModel | None) -> None:  # type: ignore[override]
        """Override: also listen to the model's refusals and reset sizes."""
        old = self.grid_model()
        if old is not None:
            old.refused.disconnect(self.show_refusal)
            old.modelReset.disconnect(self._after_reset)
            old.dataChanged.disconnect(self._after_data_changed)
        super().setModel(model)
        if model is not None:
            model.refused.connect(self.show_refusal)
            model.modelReset.connect(self._after_reset)
            model.dataChanged.connect(self._after_data_changed)
            self._after_reset()

    def _after_reset(self) -> None:
        self._user_widths = False
        self._fitted_for = None
        self.fit_to_width()

    def _after_data_changed(
        self, top_left: QModelIndex, bottom_right: QModelIndex, roles: object = None
    ) -> None:
        self.fit_rows(range(top_left.row(), bottom_right.row() + 1))

    def fit_rows(self, rows: range | None = None) -> None:
        """Give rows the height of their text (computed in Python from the row cache, in one pass)."""
        model = self.grid_model()
        if model is None:
            return
        header = self.horizontalHeader()
        widths = [header.sectionSize(column) for column in range(model.columnCount())]
        vertical = self.verticalHeader()
        assert isinstance(vertical, SubdivisionHeader)
        base = self.font()
        for row in rows if rows is not None else range(model.rowCount()):
            height = max(self.delegate.row_height(model, row, widths, base), vertical.label_height(row))
            if vertical.sectionSize(row) != height:
                vertical.resizeSection(row, height)

    # -- sizes --------------------------------------------------------------------------------------------
    def _section_resized(self, *_: object) -> None:
        if not self._fitting:
            self._user_widths = True
            self.fit_rows()

    def changeEvent(self, event: QEvent) -> None:
        """Override: a new font (system settings) rebuilds the delegate's fonts and row heights."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.delegate.font_changed()
            self._fitted_for = None
            self.fit_to_width()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Override: keep the columns fitted to the width (until the user resizes one)."""
        super().resizeEvent(event)
        # Only a change of width re-fits the columns (and so the row heights); the header above the grid
        # changes the grid's height at every action switch, which needs nothing.
        if not self._user_widths and event.size().width() != event.oldSize().width():
            self._refit.start()

    def fit_to_width(self) -> None:
        """Description column ≈ 36 % of the width (28 % with six indicators or more), indicators share the
        rest; rows fit their text. Leaves room for the vertical scroll bar only when the rows need it."""
        model = self.grid_model()
        if model is None or model.columnCount() == 0:
            return
        self._fitting = True
        try:
            scrollbar = self.verticalScrollBar()
            extent = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
            full = self.viewport().width() + (extent if scrollbar.isVisible() else 0) - 2
            if self._fitted_for == full:
                return  # only the scroll bar came or went: the fit already allowed for it
            self._fitted_for = full
            self._apply_widths(model.columnCount() - 1, full)
            self.fit_rows()
            if self.verticalHeader().length() > self.viewport().height():
                self._apply_widths(model.columnCount() - 1, full - extent)
                self.fit_rows()
        finally:
            self._fitting = False

    def _apply_widths(self, indicators: int, width: int) -> None:
        available = max(300, width)
        many = indicators >= 6
        lowest, narrowest = (240, 96) if many else (300, 120)
        description = (
            int(min(560, max(lowest, available * (0.28 if many else 0.36)))) if indicators else available
        )
        each = 0
        if indicators:
            each = max(narrowest, min(int((available - description) / indicators), 320))
            description = max(220, available - each * indicators)
        header = self.horizontalHeader()
        if header.sectionSize(0) != description:
            header.resizeSection(0, description)
        for column in range(1, indicators + 1):
            if header.sectionSize(column) != each:
                header.resizeSection(column, each)

    # -- focus --------------------------------------------------------------------------------------------
    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """Override: note that the keyboard comes back from the cell's own editor (see focusInEvent)."""
        self._closing_editor = True
        try:
            super().closeEditor(editor, hint)
        finally:
            self._closing_editor = False

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Override: the keyboard coming back from a cell's editor repaints the current cell only.

        Qt repaints the whole view on every focus change (QWidget::focusInEvent and the item view's
        viewport update): a full grid paint after each Enter, for a focus frame on one cell."""
        current = self.currentIndex()
        if not (self._closing_editor and current.isValid()):
            super().focusInEvent(event)
            return
        model = self.model()
        editable = model is not None and bool(model.flags(current) & Qt.ItemFlag.ItemIsEditable)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, editable)
        self.viewport().update(self.visualRect(current))

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Override: the keyboard going to a cell's editor repaints the current cell only (as above)."""
        current = self.currentIndex()
        going = QApplication.focusWidget()
        if going is None or not current.isValid() or not self.viewport().isAncestorOf(going):
            super().focusOutEvent(event)
            return
        self.viewport().update(self.visualRect(current))

    def finish_editing(self) -> None:
        """Commit and close an open editor (before another action or period replaces the grid)."""
        editor = self.delegate.current_editor
        if editor is None or self._finishing:
            return
        self._finishing = True
        try:
            self.commitData(editor)
            if self.delegate.current_editor is editor:
                self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        finally:
            self._finishing = False

    # -- keyboard -----------------------------------------------------------------------------------------
    def edit(  # type: ignore[override]
        self,
        index: ModelIndex,
        trigger: QAbstractItemView.EditTrigger = QAbstractItemView.EditTrigger.AllEditTriggers,
        event: QEvent | None = None,
    ) -> bool:
        """Override: remember whether typing opened the editor (then the typed text replaces the cell)."""
        model = self.grid_model()
        if (
            model is not None
            and model.is_total(index)
            and trigger
            in (QAbstractItemView.EditTrigger.DoubleClicked, QAbstractItemView.EditTrigger.EditKeyPressed)
        ):
            self.overrideRequested.emit(index.column())
            return False
        typing = trigger == QAbstractItemView.EditTrigger.AnyKeyPressed
        self.delegate.replace_on_open = typing
        opened = super().edit(index, trigger, event)  # type: ignore[arg-type]
        editor = self.delegate.current_editor
        if opened and not typing and editor is not None and hasattr(editor, "cursor_to_end"):
            editor.cursor_to_end()  # Qt selects a line editor's text; F2 and double click append instead
        return opened

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Override: clipboard, Delete, Enter moves down, typing over a Total explains itself."""
        if self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        if event.matches(QKeySequence.StandardKey.Cut):
            self.copy_selection()
            self.clear_selection()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return
        key = event.key()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not event.modifiers():
            self.clear_selection()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.move_current(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1, 0)
            return
        model = self.grid_model()
        index = self.currentIndex()
        if (
            model is not None
            and model.is_total(index)
            and event.text().strip()
            and not (
                event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
            )
        ):
            self.message.emit(
                self.tr(
                    "Rândul Total se calculează automat. Pentru a-l scrie manual apăsați F2 sau dublu-clic "
                    "(se cere motivul)."
                )
            )
            return
        super().keyPressEvent(event)

    def move_current(self, rows: int, columns: int) -> None:
        """Move the current cell (after Enter, Tab or a committed edit), wrapping Tab at row ends."""
        model = self.model()
        if model is None:
            return
        index = self.currentIndex()
        if not index.isValid():
            index = model.index(0, 0)
        row, column = index.row() + rows, index.column() + columns
        if columns and column >= model.columnCount():
            row, column = row + 1, 0
        elif columns and column < 0:
            row, column = row - 1, model.columnCount() - 1
        row = max(0, min(row, model.rowCount() - 1))
        column = max(0, min(column, model.columnCount() - 1))
        grid = self.grid_model()
        if grid is not None and (rows or columns):
            row, column = self._skip_hatched(grid, row, column, rows, columns)
        self.set_current_cell(model.index(row, column))

    @staticmethod
    def _skip_hatched(grid: GridModel, row: int, column: int, rows: int, columns: int) -> tuple[int, int]:
        """Tab and Enter step over cells the subdivision does not answer (nothing is typed there)."""
        last_row, last_column = grid.rowCount() - 1, grid.columnCount() - 1
        for _ in range(grid.rowCount() * grid.columnCount()):
            if not grid.is_hatched(row, column):
                break
            if columns:
                column += 1 if columns > 0 else -1
                if column > last_column:
                    row, column = row + 1, 0
                elif column < 0:
                    row, column = row - 1, last_column
            else:
                row += 1 if rows > 0 else -1
            if not (0 <= row <= last_row):
                break
            row = max(0, min(row, last_row))
        return max(0, min(row, last_row)), max(0, min(column, last_column))

    # -- selection helpers --------------------------------------------------------------------------------
    def selected_rect(self) -> tuple[int, int, int, int] | None:
        """(top, left, bottom, right) of the selection's bounding box, or the current cell when it lies
        outside the selection (the cell the user is on is where a paste goes)."""
        selection = self.selectionModel()
        indexes = selection.selectedIndexes() if selection is not None else []
        current = self.currentIndex()
        if current.isValid() and selection is not None and not selection.isSelected(current):
            indexes = []
        if not indexes:
            current = self.currentIndex()
            if not current.isValid():
                return None
            return current.row(), current.column(), current.row(), current.column()
        rows = [i.row() for i in indexes]
        columns = [i.column() for i in indexes]
        return min(rows), min(columns), max(rows), max(columns)

    def set_current_cell(self, index: QModelIndex) -> None:
        """Make a cell current and the only one selected (whatever keys are held)."""
        selection = self.selectionModel()
        if selection is None or not index.isValid():
            return
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.scrollTo(index)

    def select_rect(self, top: int, left: int, bottom: int, right: int) -> None:
        """Select a block and make its top-left cell current."""
        model = self.model()
        if model is None:
            return
        selection = QItemSelection(model.index(top, left), model.index(bottom, right))
        self.selectionModel().setCurrentIndex(
            model.index(top, left), QItemSelectionModel.SelectionFlag.NoUpdate
        )
        self.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    # -- clipboard ----------------------------------------------------------------------------------------
    def copy_selection(self) -> str:
        """Copy the selected block as tab-separated text; returns it."""
        model = self.grid_model()
        rect = self.selected_rect()
        if model is None or rect is None:
            return ""
        top, left, bottom, right = rect
        rows = [
            [
                str(model_data(model.index(r, c), Qt.ItemDataRole.EditRole) or "")
                for c in range(left, right + 1)
            ]
            for r in range(top, bottom + 1)
        ]
        text = format_tsv(rows)
        QGuiApplication.clipboard().setText(text)
        cells = (bottom - top + 1) * (right - left + 1)
        self.message.emit(self.tr("Copiat: %n celule.", "", cells))
        return text

    def paste(self, text: str | None = None) -> bool:
        """Paste a tab-separated block at the current cell (one undo step); False when refused."""
        model = self.grid_model()
        rect = self.selected_rect()
        if model is None or rect is None:
            return False
        block = parse_tsv(QGuiApplication.clipboard().text() if text is None else text)
        if block == [[""]] and text is None:
            self.message.emit(self.tr("Clipboard-ul este gol."))
            return False
        top, left, _, _ = rect
        plan = plan_paste(model, block, rect)
        edits, indexes, skipped = plan.edits, plan.indexes, plan.skipped
        last_row, last_column = plan.last_row, plan.last_column
        hatched_note = (
            self.tr(
                "%n valori cad pe celule hașurate (subdiviziunea nu răspunde de acel indicator) și au fost "
                "sărite.",
                "",
                plan.hatched,
            )
            if plan.hatched
            else ""
        )
        if not edits:
            nothing = self.tr("Nimic de lipit aici (rândul Total nu se modifică prin lipire).")
            self.message.emit(f"{nothing} {hatched_note}".strip())
            return False
        code = model.result.grid.code if model.result is not None else ""
        label = self.tr("Lipire în {code} (%n celule)", "", len(edits)).format(code=code)
        if not model.apply_edits(edits, label, indexes, source="paste"):
            return False
        self.select_rect(top, left, last_row, last_column)
        note = self.tr("Lipite %n celule.", "", len(edits))
        if skipped:
            note += " " + self.tr(
                "%n valori nu au încăput sau cad pe rândul Total și au fost ignorate.", "", skipped
            )
        if hatched_note:
            note += " " + hatched_note
        self.message.emit(note)
        return True

    def clear_selection(self) -> bool:
        """Clear every selected editable cell (one undo step)."""
        model = self.grid_model()
        if model is None or self.selectionModel() is None:
            return False
        indexes = self.selectionModel().selectedIndexes() or [self.currentIndex()]
        edits, used = [], []
        for index in sorted(indexes, key=lambda i: (i.row(), i.column())):
            if not index.isValid() or model.current_text(index) is None:
                continue
            edit = model.edit_for(index, None)
            if edit is not None:
                edits.append(edit)
                used.append(index)
        if not edits:
            return False
        code = model.result.grid.code if model.result is not None else ""
        label = self.tr("Ștergere în {code} (%n celule)", "", len(edits)).format(code=code)
        return model.apply_edits(edits, label, used)

    # -- refusals -----------------------------------------------------------------------------------------
    def show_refusal(self, index: QModelIndex, typed: str, reason: str) -> None:
        """Show why an edit was refused next to the cell, and reopen the editor with what was typed."""
        self.message.emit(reason)
        if index.isValid():
            rect = self.visualRect(index)
            QToolTip.showText(
                self.viewport().mapToGlobal(rect.bottomLeft()), reason, self.viewport(), rect, 6000
            )
            if typed and self.model() is not None and index.model() is self.model():
                persistent = QPersistentModelIndex(index)
                QTimer.singleShot(0, lambda: self._reopen(persistent, typed))

    def _reopen(self, index: QPersistentModelIndex, typed: str) -> None:
        if not index.isValid():
            return
        current = self.model().index(index.row(), index.column())
        self.set_current_cell(current)
        self.delegate.preset_text = typed
        if not self.edit(current, QAbstractItemView.EditTrigger.EditKeyPressed, None):
            self.delegate.preset_text = None

    # -- context actions ----------------------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.copy_action = QAction(self.tr("&Copiază"), self)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.triggered.connect(self.copy_selection)
        self.paste_action = QAction(self.tr("&Lipește"), self)
        self.paste_action.setShortcut(QKeySequence.StandardKey.Paste)
        self.paste_action.triggered.connect(lambda: self.paste())
        self.cut_action = QAction(self.tr("&Taie"), self)
        self.cut_action.setShortcut(QKeySequence.StandardKey.Cut)
        self.cut_action.triggered.connect(lambda: (self.copy_selection(), self.clear_selection()))
        self.clear_action = QAction(self.tr("Șterge c&onținutul"), self)
        self.clear_action.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        self.clear_action.triggered.connect(self.clear_selection)
        for action in (self.cut_action, self.copy_action, self.paste_action, self.clear_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.addAction(action)
