"""The Total row pinned under the grid: a second view of the same model showing only the Total row.

It shares the grid's model and selection (a Total cell selected in one is selected in the other), takes its
column widths from the grid's header and follows the grid's horizontal scrolling, so it always sits under
its columns; the grid itself hides its Total row. A click selects the Total cell in the grid (the grid keeps
the keyboard focus: F2 or a double click asks for a manual Total there, as before).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QFontMetrics, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

from .grid_delegate import MEASURE_CHARS, GridDelegate, wrapped_height
from .grid_model import GridModel
from .grid_view import GridView, SubdivisionHeader

ModelIndex = QModelIndex | QPersistentModelIndex


class TotalRowView(QTableView):
    """The pinned Total row of a :class:`GridView`."""

    def __init__(self, grid: GridView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("totalRow")
        self.grid = grid
        self.delegate = GridDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setVerticalHeader(SubdivisionHeader(self))
        self.horizontalHeader().hide()
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(grid.frameShape())  # the same frame, so the columns line up exactly
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setMinimumSectionSize(10)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self._model: GridModel | None = None
        self._fit_pending = False
        grid.horizontalHeader().sectionResized.connect(self._section_resized)
        grid.horizontalScrollBar().valueChanged.connect(self._scroll_to)
        grid.horizontalScrollBar().rangeChanged.connect(lambda *_: self._follow())
        grid.verticalScrollBar().rangeChanged.connect(lambda *_: self._follow())

    def attach(self, model: GridModel) -> None:
        """Show the Total row of the grid's model, sharing the grid's selection."""
        self._model = model
        self.setModel(model)
        selection = self.grid.selectionModel()
        if selection is not None:
            old = self.selectionModel()
            self.setSelectionModel(selection)
            if old is not None and old is not selection:
                old.deleteLater()
        model.modelReset.connect(self.refresh)
        model.dataChanged.connect(self._data_changed)
        model.layoutChanged.connect(self.refresh)
        model.rowsInserted.connect(self.refresh)
        model.rowsRemoved.connect(self.refresh)
        self.refresh()

    # -- keeping in step with the grid --------------------------------------------------------------------
    def refresh(self) -> None:
        """Hide every row but the Total (here) and the Total (in the grid); copy widths and height."""
        model = self._model
        if model is None:
            return
        total = model.total_row
        for row in range(model.rowCount()):
            hide = row != total
            if self.isRowHidden(row) != hide:
                self.setRowHidden(row, hide)
            if self.grid.isRowHidden(row) == hide:
                self.grid.setRowHidden(row, not hide)
        header = self.grid.horizontalHeader()
        mine = self.horizontalHeader()
        for column in range(model.columnCount()):
            if mine.sectionSize(column) != header.sectionSize(column):
                mine.resizeSection(column, header.sectionSize(column))
        self.fit_height()
        self._follow()

    def fit_height(self) -> None:
        """The height of the Total row's text (its cells and its label)."""
        model = self._model
        if model is None or model.rowCount() == 0:
            self.setFixedHeight(0)
            return
        total = model.total_row
        header = self.grid.horizontalHeader()
        widths = [header.sectionSize(column) for column in range(model.columnCount())]
        vertical = self.verticalHeader()
        assert isinstance(vertical, SubdivisionHeader)
        height = max(self._row_height(model, total, widths), vertical.label_height(total))
        if vertical.sectionSize(total) != height:
            vertical.resizeSection(total, height)
        self.setFixedHeight(height + 2 * self.frameWidth() + 1)
        self.scrollTo(model.index(total, 0))

    def _row_height(self, model: GridModel, row: int, widths: list[int]) -> int:
        """The tallest Total cell's whole text (not capped like a subdivision's row: a Total is short and
        must show in full, the counts sentence included)."""
        best = 0
        for column, width in enumerate(widths):
            cell = model.cell(row, column)
            if cell is None:
                continue
            font = self.delegate._font(self.font(), True, cell.kind)
            text = cell.display
            height = (
                wrapped_height(font, max(40, width - 8), text[:MEASURE_CHARS])
                if text
                else QFontMetrics(font).lineSpacing()
            )
            best = max(best, height + 6)
        return best

    def _section_resized(self, column: int, _old: int, new: int) -> None:
        if self.horizontalHeader().sectionSize(column) != new:
            self.horizontalHeader().resizeSection(column, new)
        # The grid resizes its columns one by one: the height is fitted once, after the last of them.
        if not self._fit_pending:
            self._fit_pending = True
            QTimer.singleShot(0, self, self._fit_later)

    def _fit_later(self) -> None:
        self._fit_pending = False
        self.fit_height()

    def _data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, _roles: object = None) -> None:
        model = self._model
        if model is not None and top_left.row() <= model.total_row <= bottom_right.row():
            self.fit_height()

    def _follow(self) -> None:
        """Same room on the right as the grid's scroll bar and the same horizontal position."""
        grid_bar = self.grid.verticalScrollBar()
        extent = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        right = extent if grid_bar.isVisible() or grid_bar.maximum() > 0 else 0
        self.setViewportMargins(0, 0, right, 0)
        self._scroll_to(self.grid.horizontalScrollBar().value())

    def _scroll_to(self, value: int) -> None:
        bar = self.horizontalScrollBar()
        if bar.maximum() < value:
            bar.setMaximum(value)  # the grid laid out first; this hidden bar catches up below
        bar.setValue(value)

    def updateGeometries(self) -> None:
        """Override: after Qt recomputes the scroll range, stay at the grid's position."""
        super().updateGeometries()
        self._scroll_to(self.grid.horizontalScrollBar().value())

    # -- mouse --------------------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Override: select the Total cell in the grid, which keeps the focus."""
        super().mousePressEvent(event)
        index = self.indexAt(event.position().toPoint())
        if index.isValid():
            self.grid.set_current_cell(index)
        self.grid.setFocus()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Override: a double click on a Total asks for a manual Total (as in the grid)."""
        index = self.indexAt(event.position().toPoint())
        if index.isValid():
            self.grid.set_current_cell(index)
            self.grid.overrideRequested.emit(index.column())
            return
        super().mouseDoubleClickEvent(event)
