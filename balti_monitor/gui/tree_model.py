"""The plan tree: priorities (groups), their actions and the actions' sub-actions, each action with its
status mark for the period shown.

A hand-written :class:`QAbstractItemModel` over plain node objects kept alive by the root (the node is the
index's internal pointer). Data comes from :class:`Session` (the plan outline and the cached results);
``data()`` never queries the database. :class:`ActionFilterProxy` filters by code or words.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from balti_monitor.services.action_filter import matches_filter
from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.item_progress import (
    PLA_HEADING,
    group_heading,
    heading_text,
    item_progress,
    progress_by_item,
    status_choices,
)
from balti_monitor.services.outline import ActionInfo, PriorityInfo
from balti_monitor.services.results import ActionResult

from . import marks
from .session import Session

ModelIndex = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()

ACTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MARK_ROLE = Qt.ItemDataRole.UserRole + 2
CODE_ROLE = Qt.ItemDataRole.UserRole + 3

PLACEHOLDER_COLOUR = QColor("#8a6d3b")


class Node:
    """A tree node: the root, a priority or an action.

    Attributes:
        parent: the parent node (None for the root).
        children: child nodes in plan order.
        row: position under the parent.
        priority / action: what the node shows.
        mark: the icon key for the period shown (actions only).
        tooltip: the mark explained.
    """

    __slots__ = ("action", "children", "mark", "parent", "priority", "row", "tooltip")

    def __init__(
        self,
        parent: Node | None,
        row: int,
        priority: PriorityInfo | None = None,
        action: ActionInfo | None = None,
    ) -> None:
        self.parent = parent
        self.row = row
        self.priority = priority
        self.action = action
        self.children: list[Node] = []
        self.mark: marks.MarkKey | None = None
        self.tooltip = ""


class PlanTreeModel(QAbstractItemModel):
    """Priorities → actions → sub-actions of the plan shown, with status marks (one column)."""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._root = Node(None, 0)
        self._by_action: dict[int, Node] = {}
        self._by_item = False  # the plan keeps its progress per item: marks from the statuses
        self._heading = PLA_HEADING  # how the plan's kind writes a group's heading
        session.opened.connect(self.rebuild)
        session.periodChanged.connect(self.refresh_marks)
        session.changed.connect(self.on_changed)
        self.rebuild()

    # -- building -----------------------------------------------------------------------------------------
    def rebuild(self) -> None:
        """Rebuild from the session's plan outline (after opening a file or changing the plan)."""
        self.beginResetModel()
        self._root = Node(None, 0)
        self._by_action = {}
        plan = self.session.plan
        self._by_item = plan is not None and progress_by_item(plan.id)
        self._heading = group_heading(plan.id) if plan is not None else PLA_HEADING
        for p_row, priority in enumerate(self.session.outline):
            p_node = Node(self._root, p_row, priority=priority)
            self._root.children.append(p_node)
            for action in priority.actions:  # depth first: a sub-action comes after its parent
                parent = self._by_action.get(action.parent_id) if action.parent_id is not None else None
                under = parent if parent is not None else p_node
                a_node = Node(under, len(under.children), action=action)
                under.children.append(a_node)
                self._by_action[action.id] = a_node
        self.endResetModel()
        # The marks need every action's totals and checks (one bulk load): computed right after the window
        # appears (at start-up after its first paint), so start-up shows the window first.
        self.session.when_shown(self.refresh_marks)

    def _set_marks(self, results: dict[int, ActionResult]) -> list[Node]:
        changed = []
        for aid, node in self._by_action.items():
            result = results.get(aid)
            key = marks.key_of(result) if result is not None else None
            tooltip = marks.describe(result) if result is not None else ""
            if key != node.mark or tooltip != node.tooltip:
                node.mark, node.tooltip = key, tooltip
                changed.append(node)
        return changed

    def refresh_marks(self) -> None:
        """Recompute every mark (another period is shown)."""
        if self._by_item:
            self._set_item_marks()
            return
        for node in self._set_marks(self.session.results()):
            self._emit_changed(node)

    def _set_item_marks(self) -> None:
        """Marks from the items' statuses (plans whose progress is per item)."""
        period = self.session.period
        plan = self.session.plan
        items = {i.action_id: i for i in item_progress(period.id)} if period is not None else {}
        statuses = plan is not None and bool(status_choices(plan.id))
        for aid, node in self._by_action.items():
            item = items.get(aid)
            key = marks.item_key(item, statuses) if item is not None else None
            tooltip = marks.describe_item(item, statuses) if item is not None else ""
            if key != node.mark or tooltip != node.tooltip:
                node.mark, node.tooltip = key, tooltip
                self._emit_changed(node)

    def on_changed(self, changes: ChangeSet) -> None:
        """Update the marks of the actions a write touched (a structure change rebuilds)."""
        if changes.plan_structure:
            if self._outline_differs():
                self.rebuild()
                return
            self._refresh_texts()
        if self._by_item:
            if changes.actions or changes.plan_structure:
                self._set_item_marks()
            return
        if changes.subdivisions:
            results = self.session.results()  # every grid shows subdivision names: one bulk load
        else:
            results = {}
            for aid in changes.actions:
                result = self.session.result(aid)
                if result is not None:
                    results[aid] = result
        for aid, result in results.items():
            node = self._by_action.get(aid)
            if node is None:
                continue
            key, tooltip = marks.key_of(result), marks.describe(result)
            if key != node.mark or tooltip != node.tooltip:
                node.mark, node.tooltip = key, tooltip
                self._emit_changed(node)

    def _outline_differs(self) -> bool:
        current = [(p.id, [(a.id, a.parent_id) for a in p.actions]) for p in self.session.outline]
        shown = []
        for p_node in self._root.children:
            if p_node.priority is None:
                continue
            actions: list[tuple[int, int | None]] = []
            stack = list(reversed(p_node.children))
            while stack:  # depth first, as the outline lists them
                node = stack.pop()
                if node.action is not None:
                    actions.append((node.action.id, node.action.parent_id))
                stack.extend(reversed(node.children))
            shown.append((p_node.priority.id, actions))
        return current != shown

    def _refresh_texts(self) -> None:
        """Same items, new texts (an item of the plan edited): take the new headers, repaint."""
        actions = {a.id: a for p in self.session.outline for a in p.actions}
        priorities = {p.id: p for p in self.session.outline}
        for p_node in self._root.children:
            if p_node.priority is not None and p_node.priority.id in priorities:
                p_node.priority = priorities[p_node.priority.id]
                self._emit_changed(p_node, all_roles=True)
        for aid, node in self._by_action.items():
            if aid in actions and actions[aid] != node.action:
                node.action = actions[aid]
                self._emit_changed(node, all_roles=True)

    def _emit_changed(self, node: Node, all_roles: bool = False) -> None:
        index = self.createIndex(node.row, 0, node)
        if all_roles:
            self.dataChanged.emit(index, index)
            return
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole])

    # -- lookup -------------------------------------------------------------------------------------------
    def index_of_action(self, action_id: int) -> QModelIndex:
        """The index of an action (invalid when not in the plan shown)."""
        node = self._by_action.get(action_id)
        return self.createIndex(node.row, 0, node) if node is not None else QModelIndex()

    def first_action_index(self) -> QModelIndex:
        """The first action of the plan."""
        for p_node in self._root.children:
            if p_node.children:
                node = p_node.children[0]
                return self.createIndex(node.row, 0, node)
        return QModelIndex()

    @staticmethod
    def node(index: ModelIndex) -> Node | None:
        """The node behind an index."""
        if not index.isValid():
            return None
        node = index.internalPointer()
        return node if isinstance(node, Node) else None

    # -- QAbstractItemModel -------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: ModelIndex = NO_PARENT) -> QModelIndex:
        """Override QAbstractItemModel::index."""
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        parent_node = self.node(parent) or self._root
        if not 0 <= row < len(parent_node.children):
            return QModelIndex()
        return self.createIndex(row, column, parent_node.children[row])

    def parent(self, index: ModelIndex | None = None) -> Any:
        """Override QAbstractItemModel::parent (without an index: QObject::parent)."""
        if index is None:
            return super().parent()
        node = self.node(index)
        if node is None or node.parent is None or node.parent is self._root:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent)

    def rowCount(self, parent: ModelIndex = NO_PARENT) -> int:
        """Override QAbstractItemModel::rowCount."""
        if parent.isValid() and parent.column() != 0:
            return 0
        node = self.node(parent) or self._root
        return len(node.children)

    def columnCount(self, parent: ModelIndex = NO_PARENT) -> int:
        """Override QAbstractItemModel::columnCount."""
        return 1

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """Override QAbstractItemModel::flags (read-only; priorities are not selectable)."""
        node = self.node(index)
        if node is None:
            return Qt.ItemFlag.NoItemFlags
        if node.action is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override QAbstractItemModel::data (reads the node only)."""
        node = self.node(index)
        if node is None:
            return None
        if node.priority is not None:
            return self._priority_data(node.priority, role)
        action = node.action
        assert action is not None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{action.code}  {action.short_title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            text = f"{action.code.rstrip('.')}. {action.shown_title}"
            return f"{text}\n\n{node.tooltip}" if node.tooltip else text
        if role == Qt.ItemDataRole.DecorationRole:
            return marks.icon(node.mark) if node.mark is not None else None
        if role == Qt.ItemDataRole.ForegroundRole and action.title_placeholder:
            return QBrush(PLACEHOLDER_COLOUR)
        if role == Qt.ItemDataRole.ForegroundRole and node.mark is not None and node.mark.overdue:
            return QBrush(marks.OVERDUE_COLOUR)
        if role == Qt.ItemDataRole.FontRole and action.title_placeholder:
            font = QFont()
            font.setItalic(True)
            return font
        if role == ACTION_ID_ROLE:
            return action.id
        if role == CODE_ROLE:
            return action.code
        if role == MARK_ROLE:
            return node.mark.mark.value if node.mark is not None else None
        return None

    def _priority_data(self, priority: PriorityInfo, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            heading = (
                self._heading if self._heading != PLA_HEADING else self.tr("Prioritatea {number}. {title}")
            )
            return heading_text(heading, priority.number, priority.title)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            font.setItalic(priority.title_placeholder)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and priority.title_placeholder:
            return QBrush(PLACEHOLDER_COLOUR)
        if role == CODE_ROLE:
            return priority.number
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Override QAbstractItemModel::headerData."""
        if orientation == Qt.Orientation.Horizontal and section == 0 and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Acțiunile planului")
        return None


class ActionFilterProxy(QSortFilterProxyModel):
    """Filters the tree by action code ("1.1") or by words (title, responsible, indicators)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._query = ""
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(False)

    def set_query(self, text: str) -> None:
        """Filter by this text (empty shows everything)."""
        if text == self._query:
            return
        self.beginFilterChange()
        self._query = text
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def query(self) -> str:
        """The current filter text."""
        return self._query

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        """Override QSortFilterProxyModel::filterAcceptsRow: actions match, priorities follow them."""
        if not self._query.strip():
            return True
        model = self.sourceModel()
        if not isinstance(model, PlanTreeModel):
            return True
        node = model.node(model.index(source_row, 0, source_parent))
        if node is None or node.action is None:
            return False
        return matches_filter(node.action, self._query)

    def first_action(self) -> QModelIndex:
        """The first action row the filter leaves that matches it (depth first: a parent shown only for
        its matching sub-action is skipped)."""
        model = self.sourceModel()

        def walk(parent: QModelIndex) -> QModelIndex:
            for row in range(self.rowCount(parent)):
                index = self.index(row, 0, parent)
                node = model.node(self.mapToSource(index)) if isinstance(model, PlanTreeModel) else None
                action = node.action if node is not None else None
                if action is not None and (not self._query.strip() or matches_filter(action, self._query)):
                    return index
                found = walk(index)
                if found.isValid():
                    return found
            return QModelIndex()

        return walk(QModelIndex())
