"""The left panel: the filter box, the plan tree with status marks, and the marks' legend."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from . import marks
from .flow_layout import FlowLayout
from .session import Session
from .tree_model import ActionFilterProxy, PlanTreeModel

MINIMUM_WIDTH = 220  # the narrowest the user can make the panel (it cannot be dragged shut)


class FilterBox(QLineEdit):
    """The filter box: Enter jumps to the first match, Esc clears, Down moves into the tree.

    Signals:
        accepted(): Enter was pressed.
        down(): the Down arrow was pressed.
    """

    accepted = Signal()
    down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Override: Enter, Esc and Down."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accepted.emit()
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            return
        super().keyPressEvent(event)


class PlanPanel(QWidget):
    """Filter + tree + legend.

    Signals:
        actionSelected(int): the user chose an action (its id).
    """

    actionSelected = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = PlanTreeModel(session, self)
        self.proxy = ActionFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter = FilterBox(self)
        self.filter.setPlaceholderText(self.tr("Caută acțiunea: cod sau cuvinte (Ctrl+F)"))
        self.filter.setClearButtonEnabled(True)
        self.tree = QTreeView(self)
        self.tree.setObjectName("planTree")
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setIconSize(marks.ICON_SIZE)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setIndentation(14)
        self.tree.expandAll()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 0, 4)
        layout.setSpacing(4)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addLayout(self._legend())
        self.setMinimumWidth(MINIMUM_WIDTH)
        self.filter.textChanged.connect(self._filter_changed)
        self.filter.accepted.connect(self.select_first_match)
        self.filter.down.connect(self._focus_tree)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.model.modelReset.connect(self.tree.expandAll)

    def _legend(self) -> FlowLayout:
        """The marks' legend, wrapped onto more lines when the panel is narrow."""
        flow = FlowLayout(spacing=8, line_spacing=2)
        for icon, text in marks.legend():
            pair = QWidget(self)
            row = QHBoxLayout(pair)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(3)
            picture = QLabel(pair)
            picture.setPixmap(icon.pixmap(QSize(14, 16)))
            row.addWidget(picture)
            label = QLabel(text, pair)
            label.setStyleSheet("color:#555")
            row.addWidget(label)
            flow.addWidget(pair)
        return flow

    # -- selection ----------------------------------------------------------------------------------------
    def _action_of(self, index: QModelIndex) -> int | None:
        # Through the node, not index.data(): see qt_compat (a None from a proxy's data() leaks).
        node = self.model.node(self.proxy.mapToSource(index)) if index.isValid() else None
        return node.action.id if node is not None and node.action is not None else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        action_id = self._action_of(current)
        if action_id is not None:
            self.actionSelected.emit(action_id)

    def current_action(self) -> int | None:
        """The action selected in the tree."""
        return self._action_of(self.tree.currentIndex())

    def select_action(self, action_id: int) -> bool:
        """Select an action (clearing the filter if it hides it)."""
        source = self.model.index_of_action(action_id)
        if not source.isValid():
            return False
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            self.filter.clear()
            index = self.proxy.mapFromSource(source)
        self.tree.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.tree.scrollTo(index)
        return True

    def select_first(self) -> None:
        """Select the first action of the plan."""
        source = self.model.first_action_index()
        if source.isValid():
            node = self.model.node(source)
            if node is not None and node.action is not None:
                self.select_action(node.action.id)

    def select_first_match(self) -> None:
        """Select the first action the filter leaves."""
        index = self.proxy.first_action()
        if index.isValid():
            self.tree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.tree.setFocus()

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_query(text)
        self.tree.expandAll()

    def _focus_tree(self) -> None:
        self.tree.setFocus()
        if not self.tree.currentIndex().isValid():
            self.select_first_match()
