"""The plan editor ("Plan → Editează planul…"): the plan's groups, actions, sub-actions and indicators in a
tree, with buttons (and keys) to add, edit, move and delete them.

Every change is a :class:`~balti_monitor.gui.undo.WriteCommand` on the session's undo stack (the writes of
:mod:`balti_monitor.services.plan_edit`, ``plan_order`` and ``plan_delete``), so Ctrl+Z undoes it, in the
editor or after it closed. Deleting an item that holds data asks first, naming what is lost, and an
automatic backup is written before. On a plan
with signed periods every change asks first (:func:`confirm_signed_edit`), naming the signed periods whose
reports print the plan; the confirmation travels with the write, so undo and redo do not ask again.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.item_progress import PLA_HEADING, group_heading, heading_text, progress_by_item
from balti_monitor.services.outline import ActionInfo, IndicatorInfo, PriorityInfo
from balti_monitor.services.plan_delete import DeleteItem, back_up_before_deleting, item_contents
from balti_monitor.services.plan_edit import AddAction, AddColumn, AddIndicator, AddPriority, EditItem
from balti_monitor.services.plan_fields import (
    ActionFields,
    ColumnFields,
    IndicatorFields,
    ItemKind,
    PriorityFields,
    fields_of,
)
from balti_monitor.services.plan_order import MoveItem, suggested_action_code, suggested_priority_number
from balti_monitor.services.plans import ColumnInfo, plan_columns

from . import dialogs
from .plan_item_dialog import PLACEHOLDER_COLOUR, ItemDialog, PlanWrite, confirm_signed_edit
from .session import Session
from .undo import WriteCommand

translate = QCoreApplication.translate


@dataclass(frozen=True, slots=True)
class Ref:
    """An item of the tree: its kind and id, and where it sits (its priority, its parent action)."""

    kind: ItemKind
    item_id: int
    priority_id: int
    parent_id: int | None = None  # the action of a sub-action or of an indicator


class _Item(QTreeWidgetItem):
    """A tree row that knows the plan item it shows."""

    def __init__(self, parent: QTreeWidget | QTreeWidgetItem, ref: Ref, texts: list[str]) -> None:
        super().__init__(parent, texts)
        self.ref = ref


class PlanEditor(QDialog):
    """The plan's items in a tree with Add / Edit / Up / Down / Delete (each an undo step)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("planEditor")
        self.setWindowTitle(self.tr("Editarea planului"))
        self.resize(960, 620)
        self._items: list[_Item] = []
        self.last_message = ""  # the last deletion's message (also in the status bar)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("planEditorTree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Elementul planului"), self.tr("Detalii")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.itemActivated.connect(lambda *_: self.edit_current())
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.add_priority_button = self._button(self.tr("Adaugă &prioritate"), self.add_priority)
        self.add_action_button = self._button(self.tr("Adaugă &acțiune"), self.add_action)
        self.add_sub_button = self._button(self.tr("Adaugă &subacțiune"), self.add_sub_action)
        self.add_indicator_button = self._button(self.tr("Adaugă &indicator"), self.add_indicator)
        self.add_column_button = self._button(self.tr("Adaugă &coloană"), self.add_column)
        self.add_column_button.setToolTip(
            self.tr(
                "O coloană proprie a planului (parteneri, costuri, riscuri …): un text pentru fiecare acțiune"
            )
        )
        self.edit_button = self._button(self.tr("&Editează…"), self.edit_current)
        self.up_button = self._button(self.tr("Mută în &sus"), lambda: self.move_current(-1))
        self.down_button = self._button(self.tr("Mută în &jos"), lambda: self.move_current(1))
        self.delete_button = self._button(self.tr("Șter&ge…"), self.delete_current)
        self.up_button.setText(self.tr("Mută în s&us"))
        self.edit_button.setToolTip(self.tr("Editează elementul selectat (Enter sau F2)"))
        self.up_button.setToolTip(self.tr("Mută elementul mai sus (Ctrl+Sus)"))
        self.down_button.setToolTip(self.tr("Mută elementul mai jos (Ctrl+Jos)"))
        self.delete_button.setToolTip(self.tr("Șterge elementul selectat (Delete)"))
        self.note = QLabel(
            self.tr(
                "Codurile acțiunilor și numerele priorităților rămân cum le scrieți; mutarea schimbă doar "
                "ordinea. Numerele indicatorilor urmează locul lor în acțiune: valorile introduse rămân la "
                "indicatorii lor. Ctrl+Z anulează orice modificare."
            ),
            self,
        )
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color:#555")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Închide"))
        close.rejected.connect(self.reject)
        side = QVBoxLayout()
        for button in (
            self.add_priority_button,
            self.add_action_button,
            self.add_sub_button,
            self.add_indicator_button,
            self.add_column_button,
        ):
            side.addWidget(button)
        side.addSpacing(12)
        for button in (self.edit_button, self.up_button, self.down_button):
            side.addWidget(button)
        side.addSpacing(12)
        side.addWidget(self.delete_button)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.tree, 1)
        row.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(self.note)
        layout.addWidget(close)
        for keys, slot in (
            (QKeySequence(Qt.Key.Key_F2), self.edit_current),
            (QKeySequence(Qt.Key.Key_Delete), self.delete_current),
            (QKeySequence("Ctrl+Up"), lambda: self.move_current(-1)),
            (QKeySequence("Ctrl+Down"), lambda: self.move_current(1)),
            (QKeySequence.StandardKey.Undo, self._undo),
            (QKeySequence.StandardKey.Redo, self._redo),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.activated.connect(slot)
        session.changed.connect(self._on_changed)
        session.opened.connect(self.rebuild)
        self.rebuild()
        self.tree.setFocus()

    def _button(self, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    # -- the tree -------------------------------------------------------------------------------------------
    def rebuild(self, keep: Ref | tuple[ItemKind, int] | None = None) -> None:
        """Fill the tree from the session's outline; select ``keep`` (or the item selected before)."""
        current = self.current()
        wanted = keep if keep is not None else current
        self.tree.clear()
        self._items = []
        counts = self._data_counts()
        for priority in self.session.outline:
            p_item = self._add(
                self.tree, Ref("priority", priority.id, priority.id), self._priority_text(priority)
            )
            self._mark(p_item, priority.title_placeholder, bold=True)
            nodes: dict[int, _Item] = {}
            for action in priority.actions:
                under = nodes.get(action.parent_id) if action.parent_id is not None else None
                ref = Ref("action", action.id, priority.id, action.parent_id)
                a_item = self._add(under or p_item, ref, self._action_text(action, counts.get(action.id, 0)))
                self._mark(a_item, action.title_placeholder)
                nodes[action.id] = a_item
                for indicator in action.indicators:
                    i_ref = Ref("indicator", indicator.id, priority.id, action.id)
                    i_item = self._add(a_item, i_ref, self._indicator_text(indicator))
                    self._mark(i_item, indicator.placeholder)
        plan = self.session.plan
        columns = [c for c in plan_columns(plan.id) if c.id is not None] if plan is not None else []
        if columns:
            head = QTreeWidgetItem(self.tree, [self.tr("Coloanele planului"), ""])
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            bold = QFont()
            bold.setBold(True)
            head.setFont(0, bold)
            for column in columns:
                assert column.id is not None
                self._add(head, Ref("column", column.id, 0), self._column_text(column))
        self.tree.expandToDepth(0)
        if wanted is not None:
            self.select(wanted[0] if isinstance(wanted, tuple) else wanted.kind,
                        wanted[1] if isinstance(wanted, tuple) else wanted.item_id)  # fmt: skip
        if self.tree.currentItem() is None and self._items:
            self.tree.setCurrentItem(self._items[0])
        self._update_buttons()

    def _data_counts(self) -> dict[int, int]:
        """How many values were entered per action in the period shown (the "Date" column)."""
        counts: dict[int, int] = {}
        plan = self.session.plan
        if self.session.period is None or plan is None or progress_by_item(plan.id):
            return counts
        for aid, result in self.session.results().items():
            counts[aid] = sum(1 for row in result.grid.rows for v in row.values.values() if v.raw.strip())
        return counts

    def _add(self, parent: QTreeWidget | QTreeWidgetItem, ref: Ref, texts: list[str]) -> _Item:
        item = _Item(parent, ref, texts)
        item.setToolTip(0, texts[0])
        self._items.append(item)
        return item

    @staticmethod
    def _mark(item: QTreeWidgetItem, placeholder: bool, bold: bool = False) -> None:
        if placeholder or bold:
            font = QFont()
            font.setItalic(placeholder)
            font.setBold(bold)
            item.setFont(0, font)
        if placeholder:
            item.setForeground(0, QBrush(PLACEHOLDER_COLOUR))

    def _priority_text(self, priority: PriorityInfo) -> list[str]:
        plan = self.session.plan
        heading = group_heading(plan.id) if plan is not None else PLA_HEADING
        if heading == PLA_HEADING:
            heading = self.tr("Prioritatea {number}. {title}")
        return [heading_text(heading, priority.number, priority.title), ""]

    def _action_text(self, action: ActionInfo, values: int) -> list[str]:
        data = self.tr("%n valori", "", values) if values else ""
        return [f"{action.code}  {action.shown_title}", data]

    def _column_text(self, column: ColumnInfo) -> list[str]:
        number = self.tr(" (nr. {number})").format(number=column.number) if column.number else ""
        if column.in_plan and column.in_report:
            shown = self.tr("în plan și în raport")
        elif column.in_plan:
            shown = self.tr("doar în plan")
        elif column.in_report:
            shown = self.tr("doar în raport")
        else:
            shown = self.tr("nu se tipărește")
        return [self.tr("Coloana: {label}{number}").format(label=column.label, number=number), shown]

    def _indicator_text(self, indicator: IndicatorInfo) -> list[str]:
        return [
            self.tr("Indicatorul {number}: {text}").format(number=indicator.number, text=indicator.text),
            "",
        ]

    def current(self) -> Ref | None:
        """The item selected."""
        item = self.tree.currentItem()
        return item.ref if isinstance(item, _Item) else None

    def select(self, kind: ItemKind, item_id: int) -> bool:
        """Select an item by kind and id."""
        for item in self._items:
            if item.ref.kind == kind and item.ref.item_id == item_id:
                self.tree.setCurrentItem(item)
                self.tree.scrollToItem(item)
                return True
        return False

    def _update_buttons(self) -> None:
        ref = self.current()
        has = ref is not None
        self.add_action_button.setEnabled(ref is not None and ref.kind != "column")
        self.add_sub_button.setEnabled(ref is not None and ref.kind in ("action", "indicator"))
        self.add_indicator_button.setEnabled(ref is not None and ref.kind in ("action", "indicator"))
        for button in (self.edit_button, self.up_button, self.down_button, self.delete_button):
            button.setEnabled(has)
        self.add_priority_button.setEnabled(self.session.plan is not None)

    def _on_changed(self, changes: ChangeSet) -> None:
        if changes.plan_structure or changes.actions:
            self.rebuild()

    # -- writes -------------------------------------------------------------------------------------------
    def _push(self, write: PlanWrite, text: str) -> ChangeSet | None:
        confirmed = self._confirm(write)
        if confirmed is None:
            return None
        command = WriteCommand(self.session, confirmed, text)
        self.session.undo_stack.push(command)
        if command.error is not None or command.changes is None:
            dialogs.show_error(self, self.windowTitle(), command.error or self.tr("Modificarea nu a reușit."))
            return None
        return command.changes

    def _confirm(self, write: PlanWrite) -> PlanWrite | None:
        """The write to push after asking, on a plan with signed periods (None: the user said No)."""
        plan = self.session.plan
        return write if plan is None else confirm_signed_edit(self, write, plan.id)

    def add_priority(self) -> bool:
        """Add a priority after the selected one (last when none)."""
        plan = self.session.plan
        if plan is None:
            return False
        ref = self.current()
        fields = ItemDialog(
            self, self.tr("Prioritate nouă"), PriorityFields(suggested_priority_number(plan.id), "")
        ).ask()
        if not isinstance(fields, PriorityFields):
            return False
        after = ref.priority_id if ref is not None else None
        changes = self._push(
            AddPriority(plan.id, fields, after), self.tr("Prioritatea {n}").format(n=fields.number)
        )
        if changes is not None and changes.new_id is not None:
            self.select("priority", changes.new_id)
        return changes is not None

    def add_action(self) -> bool:
        """Add an action beside the selected action (in the selected priority, last, when a priority is
        selected)."""
        ref = self.current()
        if ref is None:
            return False
        after: int | None = None
        parent: int | None = None
        if ref.kind == "action":
            after, parent = ref.item_id, ref.parent_id
        elif ref.kind == "indicator":
            action = self.session.action(ref.parent_id) if ref.parent_id is not None else None
            if action is not None:
                after, parent = action.id, action.parent_id
        return self._add_action(ref.priority_id, parent, after, self.tr("Acțiune nouă"))

    def add_sub_action(self) -> bool:
        """Add a sub-action, last, under the selected action."""
        ref = self.current()
        if ref is None or ref.kind not in ("action", "indicator"):
            return False
        parent = ref.item_id if ref.kind == "action" else ref.parent_id
        return self._add_action(ref.priority_id, parent, None, self.tr("Subacțiune nouă"))

    def _add_action(self, priority_id: int, parent: int | None, after: int | None, title: str) -> bool:
        code = suggested_action_code(priority_id, parent)
        blank = ActionFields(code, "", columns=self._blank_columns())
        fields = ItemDialog(self, title, blank, labels=self._labels()).ask()
        if not isinstance(fields, ActionFields):
            return False
        changes = self._push(
            AddAction(priority_id, parent, fields, after), self.tr("Acțiunea {code}").format(code=fields.code)
        )
        if changes is not None and changes.new_id is not None:
            self.select("action", changes.new_id)
        return changes is not None

    def _labels(self) -> dict[str, str]:
        plan = self.session.plan
        return {c.key: c.label for c in plan_columns(plan.id)} if plan is not None else {}

    def _blank_columns(self) -> tuple[tuple[str, str], ...]:
        plan = self.session.plan
        if plan is None:
            return ()
        return tuple((c.key, "") for c in plan_columns(plan.id) if c.is_declared and c.id is not None)

    def add_column(self) -> bool:
        """Add a column of the plan's own, after the selected column (last when none)."""
        plan = self.session.plan
        if plan is None:
            return False
        ref = self.current()
        fields = ItemDialog(self, self.tr("Coloană nouă"), ColumnFields("")).ask()
        if not isinstance(fields, ColumnFields):
            return False
        after = ref.item_id if ref is not None and ref.kind == "column" else None
        changes = self._push(
            AddColumn(plan.id, fields, after), self.tr("Coloana „{label}”").format(label=fields.label)
        )
        if changes is not None and changes.new_id is not None:
            self.select("column", changes.new_id)
        return changes is not None

    def add_indicator(self) -> bool:
        """Add an indicator, last, to the selected action."""
        ref = self.current()
        if ref is None or ref.kind not in ("action", "indicator"):
            return False
        action_id = ref.item_id if ref.kind == "action" else ref.parent_id
        assert action_id is not None
        fields = ItemDialog(self, self.tr("Indicator nou"), IndicatorFields("")).ask()
        if not isinstance(fields, IndicatorFields):
            return False
        code = self.session.action(action_id).code
        changes = self._push(
            AddIndicator(action_id, fields), self.tr("Indicator nou la {code}").format(code=code)
        )
        if changes is not None and changes.new_id is not None:
            self.select("indicator", changes.new_id)
            plan = self.session.plan
            if plan is not None and not progress_by_item(plan.id):
                self.session.message.emit(
                    self.tr(
                        "Indicatorul a fost adăugat acțiunii {code}. Bifați în „Plan → Subdiviziuni "
                        "responsabile…” subdiviziunile care îl raportează."
                    ).format(code=code)
                )
        return changes is not None

    def edit_current(self) -> bool:
        """Edit the selected item in its form."""
        ref = self.current()
        if ref is None:
            return False
        try:
            fields = fields_of(ref.kind, ref.item_id)
        except ServiceError as exc:
            dialogs.show_error(self, self.windowTitle(), str(exc))
            return False
        number = None
        if ref.kind == "indicator" and ref.parent_id is not None:
            action = self.session.action(ref.parent_id)
            number = next((i.number for i in action.indicators if i.id == ref.item_id), None)
        titles = {
            "priority": self.tr("Prioritatea"),
            "action": self.tr("Acțiunea") if ref.parent_id is None else self.tr("Subacțiunea"),
            "indicator": self.tr("Indicatorul"),
            "column": self.tr("Coloana planului"),
        }
        new = ItemDialog(self, titles[ref.kind], fields, number, self._labels()).ask()
        if new is None or new == fields:
            return False
        changes = self._push(EditItem(ref.kind, ref.item_id, new), self.tr("Modificarea planului"))
        self.select(ref.kind, ref.item_id)
        return changes is not None

    def move_current(self, delta: int) -> bool:
        """Move the selected item one place up (-1) or down (+1)."""
        ref = self.current()
        if ref is None:
            return False
        text = self.tr("Mutarea în sus") if delta < 0 else self.tr("Mutarea în jos")
        move = self._confirm(MoveItem(ref.kind, ref.item_id, delta))
        if move is None:
            return False
        command = WriteCommand(self.session, move, text)
        self.session.undo_stack.push(command)
        if command.error is not None:
            return False  # at either end: the message is in the status bar
        self.select(ref.kind, ref.item_id)
        return True

    def delete_current(self) -> bool:
        """Delete the selected item: asked first when it holds data (an automatic backup is made then)."""
        ref = self.current()
        if ref is None:
            return False
        title = self.tr("Ștergerea din plan")
        try:
            contents = item_contents(ref.kind, ref.item_id)
        except ServiceError as exc:
            dialogs.show_error(self, title, str(exc))
            return False
        delete = self._confirm(DeleteItem(ref.kind, ref.item_id))  # signed periods: asked first
        if delete is None:
            return False
        if contents.has_data or contents.renumbered:
            question = self.tr(
                "{contents}\n\nElementul se șterge din plan cu tot ce este sub el. Înainte de ștergere se face "
                "o copie automată (Fișier → Copii automate); Ctrl+Z îl readuce.\n\nȘtergeți?"
            ).format(contents=contents.describe())
            if not dialogs.confirm(self, title, question):
                return False
        self.session.flush_pending()
        try:
            backup = back_up_before_deleting(ref.kind, ref.item_id)
        except ServiceError as exc:
            dialogs.show_error(self, title, str(exc))
            return False
        changes = self._push(delete, self.tr("Ștergerea: {what}").format(what=contents.label))
        if changes is not None:
            where = self.tr(" Copia automată de dinainte: {name}.").format(name=backup.name) if backup else ""
            self.last_message = self.tr("{what}: șters din plan.{where}").format(
                what=contents.label, where=where
            )
            self.session.message.emit(self.last_message)
        return changes is not None

    def _undo(self) -> None:
        self.session.undo_stack.undo()

    def _redo(self) -> None:
        self.session.undo_stack.redo()
