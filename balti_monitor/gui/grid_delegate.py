"""Painting and editing the grid's cells.

* Values: a frameless line editor; Enter commits and moves down, Tab/Shift+Tab commit and move sideways,
  Esc cancels.
* Indicators reported by sex (F/B): the value plus two number boxes, "F" and "B"; Tab walks value → F → B
  → next cell. When the boxes are changed the split is written into the value as "(xF/yB)".
* Descriptions: a multi-line editor larger than the cell; Enter starts a new line, Ctrl+Enter commits.
* Typing over a cell replaces its content (as in Excel); F2 or a double click edits it with the cursor at
  the end.

Painting adds to the standard item painting: the "lipsește" hint in empty cells a subdivision should fill,
a red corner on cells with check findings, a blue corner on Totals typed by hand, a rule above the Total
row and a "…" when a long text does not fit.
"""

from __future__ import annotations

from collections import OrderedDict
from functools import lru_cache

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPalette,
    QPen,
    QPolygonF,
    QStaticText,
    QTextOption,
    QTransform,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from balti_monitor.services.errors import ServiceError

from .cell_editors import RETURN_KEYS, DescriptionEditor, GenderSplitEditor, ValueEditor
from .grid_model import BACKGROUNDS, FOREGROUNDS, GENDER_ROLE, CellKind, GridModel
from .qt_compat import model_data

ModelIndex = QModelIndex | QPersistentModelIndex

MAX_LINES = 4  # a row grows up to this many lines (four rows, the Total and the findings fit at 1366×768); longer texts show "…" (full text in the editor/tooltip)
MEASURE_CHARS = 900  # enough text to fill MAX_LINES lines of the widest column
FINDING_COLOUR = QColor("#d32f2f")
FOLLOWUP_COLOUR = QColor("#00897b")  # an open follow-up: teal corner, top left
OVERRIDE_COLOUR = QColor("#1f5fbf")
TOTAL_RULE_COLOUR = QColor("#5b7db1")
HINT_COLOUR = QColor("#b0883a")
WRAP_FLAGS = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
TOP_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
CURRENT_CELL_COLOUR = QColor("#1f4f9f")
HINT_PEN = QPen(HINT_COLOUR)
TOTAL_RULE_PEN = QPen(TOTAL_RULE_COLOUR, 2)
CURRENT_CELL_PEN = QPen(CURRENT_CELL_COLOUR, 2)
_ACTIVE = QPalette.ColorGroup.Active
_INACTIVE = QPalette.ColorGroup.Inactive
_HIGHLIGHT = QPalette.ColorRole.Highlight
_HIGHLIGHTED_TEXT = QPalette.ColorRole.HighlightedText
_TEXT = QPalette.ColorRole.Text
_STATE_ACTIVE = QStyle.StateFlag.State_Active
_STATE_SELECTED = QStyle.StateFlag.State_Selected
_STATE_FOCUS = QStyle.StateFlag.State_HasFocus


_METRICS: dict[str, QFontMetrics] = {}


@lru_cache(maxsize=4096)
def _wrapped_height(font_key: str, width: int, text: str) -> int:
    return _METRICS[font_key].boundingRect(QRect(0, 0, width, 100_000), WRAP_FLAGS, text).height()


_KEYS: dict[int, tuple[QFont, str]] = {}


def wrapped_height(font: QFont, width: int, text: str) -> int:
    """Height of ``text`` wrapped at ``width`` (cached: row sizing and painting ask the same questions)."""
    known = _KEYS.get(id(font))
    if known is None or known[0] is not font:
        known = _KEYS[id(font)] = (font, font.key())  # the font is kept alive, so its id stays valid
    key = known[1]
    if key not in _METRICS:
        _METRICS[key] = QFontMetrics(font)
    return _wrapped_height(key, width, text)


_STATIC: OrderedDict[tuple[str, int, str], QStaticText] = OrderedDict()
STATIC_CACHE = 4096


def static_text(font: QFont, width: int, text: str) -> QStaticText:
    """The text laid out (wrapped at ``width``) once and kept: painting a cell again - a scroll, a repaint
    after an edit elsewhere, coming back to an action - only draws the cached glyphs."""
    known = _KEYS.get(id(font))
    if known is None or known[0] is not font:
        known = _KEYS[id(font)] = (font, font.key())
    key = (text, width, known[1])
    found = _STATIC.get(key)
    if found is not None:
        _STATIC.move_to_end(key)
        return found
    # QStaticText ignores "\n" in plain text: the Unicode line separator breaks the line as drawText did.
    found = QStaticText(text.replace("\r\n", "\n").replace("\n", "\u2028"))
    found.setTextFormat(Qt.TextFormat.PlainText)
    found.setTextWidth(width)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    found.setTextOption(option)
    found.prepare(QTransform(), font)
    _STATIC[key] = found
    if len(_STATIC) > STATIC_CACHE:
        _STATIC.popitem(last=False)
    return found


_LAYOUTS: OrderedDict[tuple[str, int, int, str], tuple[QStaticText, bool]] = OrderedDict()


def cell_layout(font: QFont, width: int, height: int, text: str) -> tuple[QStaticText, bool]:
    """What a cell of this size draws: its text laid out (only as much as can show: a cell holds a few
    lines, a description may hold pages) and whether it overflows (then the cell shows "…"). Cached."""
    known = _KEYS.get(id(font))
    if known is None or known[0] is not font:
        known = _KEYS[id(font)] = (font, font.key())
    key = (text, width, height, known[1])
    found = _LAYOUTS.get(key)
    if found is not None:
        return found
    if known[1] not in _METRICS:
        _METRICS[known[1]] = QFontMetrics(font)
    metrics = _METRICS[known[1]]
    lines = height // max(1, metrics.lineSpacing()) + 1
    per_line = width // max(1, metrics.averageCharWidth()) * 2 + 8
    shown = text[: min(MEASURE_CHARS * 2, lines * per_line)]
    overflows = len(shown) < len(text) or wrapped_height(font, width, shown) > height + 1
    found = _LAYOUTS[key] = (static_text(font, width, shown), overflows)
    if len(_LAYOUTS) > STATIC_CACHE:
        _LAYOUTS.popitem(last=False)
    return found


Editor = ValueEditor | DescriptionEditor | GenderSplitEditor


class GridDelegate(QStyledItemDelegate):
    """Editors and painting of the grid.

    Attributes:
        replace_on_open: set by the view before it opens an editor: True when typing opened it.

    Signals:
        moveRequested(int, int): after a commit, move the current cell by rows, columns.
        refusedInEditor(QModelIndex, str, str): the editor could not produce a value (cell, text, reason).
    """

    moveRequested = Signal(int, int)
    refusedInEditor = Signal(QModelIndex, str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.replace_on_open = False
        self.preset_text: str | None = None
        self.current_editor: QWidget | None = None  # the editor open now (None when not editing)
        self._fonts: dict[tuple[bool, bool], QFont] = {}
        self._missing_text = self.tr("lipsește")

    # -- editors ------------------------------------------------------------------------------------------
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> QWidget:
        """Override QStyledItemDelegate::createEditor."""
        editor: Editor
        current = str(model_data(index, Qt.ItemDataRole.EditRole) or "")
        if index.column() == 0 or "\n" in current:
            editor = DescriptionEditor(parent)  # a value written on several lines keeps its lines
        elif model_data(index, GENDER_ROLE):
            editor = GenderSplitEditor(parent)
            editor.finished.connect(lambda how, e=editor: self._finish(e, how))
        else:
            editor = ValueEditor(parent)
            editor.setFrame(False)
            editor.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        editor.setFont(option.font)
        self.current_editor = editor
        return editor

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        """Override QStyledItemDelegate::setEditorData (typing replaces, F2 appends)."""
        if not isinstance(editor, ValueEditor | DescriptionEditor | GenderSplitEditor):
            super().setEditorData(editor, index)
            return
        if self.preset_text is not None:
            editor.set_value(self.preset_text, replace=False)
            self.preset_text = None
            return
        text = model_data(index, Qt.ItemDataRole.EditRole) or ""
        editor.set_value(str(text), self.replace_on_open)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        """Override QStyledItemDelegate::setModelData (the model validates and may refuse)."""
        if not isinstance(editor, ValueEditor | DescriptionEditor | GenderSplitEditor):
            super().setModelData(editor, model, index)
            return
        try:
            value = editor.value()
        except ServiceError as exc:
            typed = editor.value_edit.text() if isinstance(editor, GenderSplitEditor) else ""
            self.refusedInEditor.emit(index.model().index(index.row(), index.column()), typed, str(exc))
            return
        model.setData(index, value, Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        """Override: descriptions get a roomy editor; the F/B editor gets the height it needs."""
        rect = QRect(option.rect)
        viewport = editor.parentWidget()
        if isinstance(editor, DescriptionEditor):
            rect.setWidth(max(rect.width(), 460))
            rect.setHeight(max(rect.height(), 220))
        elif isinstance(editor, GenderSplitEditor):
            hint = editor.sizeHint()
            rect.setHeight(max(rect.height(), hint.height()))
            rect.setWidth(max(rect.width(), hint.width()))
        if viewport is not None:
            bounds = viewport.rect()
            if rect.bottom() > bounds.bottom():
                rect.moveBottom(max(bounds.bottom(), rect.top() - (rect.bottom() - bounds.bottom())))
                rect.moveTop(max(0, rect.top()))
            if rect.right() > bounds.right():
                rect.moveRight(bounds.right())
                rect.moveLeft(max(0, rect.left()))
        editor.setGeometry(rect)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override: Enter commits and moves down (Ctrl+Enter in descriptions), Tab moves sideways."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QWidget)
        ):
            key, mods = event.key(), event.modifiers()
            if isinstance(watched, DescriptionEditor):
                if key in RETURN_KEYS and mods & Qt.KeyboardModifier.ControlModifier:
                    self._finish(watched, "down")
                    return True
                if key in RETURN_KEYS:
                    return False  # a new line
            if isinstance(watched, ValueEditor | DescriptionEditor):
                if key in RETURN_KEYS:
                    self._finish(watched, "up" if mods & Qt.KeyboardModifier.ShiftModifier else "down")
                    return True
                if key == Qt.Key.Key_Tab:
                    self._finish(watched, "next")
                    return True
                if key == Qt.Key.Key_Backtab:
                    self._finish(watched, "previous")
                    return True
        return super().eventFilter(watched, event)

    def destroyEditor(self, editor: QWidget, index: ModelIndex) -> None:
        """Override QAbstractItemDelegate::destroyEditor: forget the closed editor."""
        if editor is self.current_editor:
            self.current_editor = None
        super().destroyEditor(editor, index)

    def _finish(self, editor: QWidget, how: str) -> None:
        self._focus_view(editor)
        if how == "cancel":
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.RevertModelCache)
            return
        if editor is not self.current_editor:
            return  # already closed (a focus change after Enter)
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        moves = {"next": (0, 1), "previous": (0, -1), "down": (1, 0), "up": (-1, 0)}
        if how in moves:
            self.moveRequested.emit(*moves[how])

    def _focus_view(self, editor: QWidget) -> None:
        """Give the keyboard back to the view before an editor closes.

        Hiding an editor whose inner widget (the F or B box) holds the focus makes Qt look for the next
        focus widget, and the view answers that with a synthesized Tab: the cell moved one more column and
        the keys typed next went nowhere. With the focus on the view first, nothing is lost or moved twice.
        """
        focus = QApplication.focusWidget()
        view = self.parent()
        inner = (
            focus is not None
            and focus is not editor
            and focus is not editor.focusProxy()
            and editor.isAncestorOf(focus)
        )
        if inner and isinstance(view, QWidget):  # Qt itself handles an editor that has the focus
            view.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- painting -----------------------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        """Override: paint from the model's row cache in one call (no per-role round trips): background by
        cell kind, wrapped text with "…" when it overflows, hints, corner marks, the current-cell frame.

        Cheap on purpose (every visible cell is painted at each action switch): the text's layout and its
        "does it overflow" answer are cached per text, size and font (:func:`cell_layout`), pens and fonts
        are built once."""
        model = index.model()
        if not isinstance(model, GridModel):
            super().paint(painter, option, index)
            return
        row = index.row()
        cell = model.cell(row, index.column())
        if cell is None:
            super().paint(painter, option, index)
            return
        rect = option.rect
        state = option.state
        palette = option.palette
        group = _ACTIVE if state & _STATE_ACTIVE else _INACTIVE
        selected = bool(state & _STATE_SELECTED)
        total = row == model.total_row
        kind = cell.kind
        painter.save()
        if selected:
            painter.fillRect(rect, palette.brush(group, _HIGHLIGHT))
        else:
            background = BACKGROUNDS.get(kind)
            if background is not None:
                painter.fillRect(rect, background)
        text = cell.display
        if text:
            font = self._font(option.font, total, kind)
            painter.setFont(font)
            if selected:
                painter.setPen(palette.color(group, _HIGHLIGHTED_TEXT))
            else:
                foreground = FOREGROUNDS.get(kind)
                painter.setPen(foreground.color() if foreground is not None else palette.color(group, _TEXT))
            text_rect = rect.adjusted(4, 2, -4, -2)
            static, overflows = cell_layout(font, text_rect.width(), text_rect.height(), text)
            painter.setClipRect(text_rect)
            painter.drawStaticText(text_rect.topLeft(), static)
            if overflows:
                painter.setClipping(False)
                self._more_mark(painter, rect, self._metrics(font), background_of(kind, palette, selected))
        elif kind == CellKind.MISSING and not selected:
            painter.setPen(HINT_PEN)
            painter.setFont(self._font(option.font, False, CellKind.MISSING, italic=True))
            painter.drawText(rect.adjusted(4, 2, -4, -2), TOP_LEFT, self._missing_text)
        if total:  # the rule before the corner marks: drawn after them, it covered their widest edge
            painter.setClipping(False)
            painter.setPen(TOTAL_RULE_PEN)
            painter.drawLine(rect.left(), rect.top() + 1, rect.right() + 1, rect.top() + 1)
        painter.restore()
        if cell.findings:
            self._corner(painter, rect, FINDING_COLOUR, right=True)
        if kind == CellKind.TOTAL_OVERRIDE:
            self._corner(painter, rect, OVERRIDE_COLOUR, right=False)
        elif model.followups and (model.row_head(row).subdivision_id, index.column()) in model.followups:
            self._corner(painter, rect, FOLLOWUP_COLOUR, right=False)  # an open follow-up ("de clarificat")
        if state & _STATE_FOCUS:
            painter.save()
            painter.setPen(CURRENT_CELL_PEN)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
            painter.restore()

    def _font(self, base: QFont, total: bool, kind: CellKind, italic: bool = False) -> QFont:
        """The view's font, bold on the Total row, italic for typed or uncomputable Totals (cached; the
        cache is dropped when the view's font changes, see :meth:`font_changed`)."""
        slanted = italic or kind in (CellKind.TOTAL_OVERRIDE, CellKind.TOTAL_PROBLEM)
        key = (total, slanted)
        font = self._fonts.get(key)
        if font is None:
            font = QFont(base)
            font.setBold(total)
            font.setItalic(slanted)
            self._fonts[key] = font
        return font

    def font_changed(self) -> None:
        """The view's font changed: build the derived fonts again."""
        self._fonts.clear()

    def _metrics(self, font: QFont) -> QFontMetrics:
        key = font.key()
        if key not in _METRICS:
            _METRICS[key] = QFontMetrics(font)
        return _METRICS[key]

    def row_height(self, model: GridModel, row: int, widths: list[int], base: QFont) -> int:
        """The height a row needs: its tallest cell's wrapped text, capped at MAX_LINES lines."""
        total = row == model.total_row
        best = 0
        for column, width in enumerate(widths):
            cell = model.cell(row, column)
            if cell is None:
                continue
            font = self._font(base, total, cell.kind)
            metrics = self._metrics(font)
            cap = metrics.lineSpacing() * MAX_LINES
            text = cell.display
            height = (
                wrapped_height(font, max(40, width - 8), text[:MEASURE_CHARS])
                if text
                else metrics.lineSpacing()
            )
            best = max(best, min(height, cap) + 6)
        return best

    @staticmethod
    def _corner(painter: QPainter, rect: QRect, colour: QColor, right: bool) -> None:
        size = 8
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        if right:
            x = rect.right() + 1
            points = [QPointF(x - size, rect.top()), QPointF(x, rect.top()), QPointF(x, rect.top() + size)]
        else:
            x = rect.left()
            points = [QPointF(x, rect.top()), QPointF(x + size, rect.top()), QPointF(x, rect.top() + size)]
        painter.drawPolygon(QPolygonF(points))
        painter.restore()

    @staticmethod
    def _more_mark(painter: QPainter, rect: QRect, metrics: QFontMetrics, background: QColor) -> None:
        label = " … "
        width = metrics.horizontalAdvance(label)
        box = QRect(rect.right() - width - 2, rect.bottom() - metrics.height() - 1, width, metrics.height())
        painter.fillRect(box, background)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), label)

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        """Override: the wrapped text's height at the column width, capped at MAX_LINES lines."""
        model = index.model()
        width = option.rect.width() if option.rect.width() > 0 else 200
        if not isinstance(model, GridModel):
            return super().sizeHint(option, index)
        widths = [0] * model.columnCount()
        widths[index.column()] = width
        cell = model.cell(index.row(), index.column())
        if cell is None:
            return QSize(width, 20)
        total = index.row() == model.total_row
        font = self._font(option.font, total, cell.kind)
        metrics = self._metrics(font)
        text = cell.display
        height = (
            wrapped_height(font, max(40, width - 8), text[:MEASURE_CHARS]) if text else metrics.lineSpacing()
        )
        return QSize(width, min(height, metrics.lineSpacing() * MAX_LINES) + 6)


def background_of(kind: CellKind, palette: QPalette, selected: bool) -> QColor:
    """The plain colour behind a cell's text (for the "…" mark)."""
    if selected:
        return palette.color(palette.ColorRole.Highlight)
    brush = BACKGROUNDS.get(kind)
    if brush is not None and brush.style() == Qt.BrushStyle.SolidPattern:
        return brush.color()
    return palette.color(palette.ColorRole.Base)
