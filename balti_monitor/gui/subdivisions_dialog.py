"""Managing the city hall's subdivisions: name, abbreviation, other spellings, active flag.

Form in ``ui/subdivisions_dialog.ui``. Each "Salvează" is an undoable
:class:`~.undo.SubdivisionCommand` on the main window's undo stack (the dialog stays open).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QWidget,
)

from balti_monitor.domain.text import comma_below
from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.subdivisions import (
    SubdivisionState,
    list_subdivisions,
    subdivision_in_use,
    subdivision_state,
)

from .forms.ui_subdivisions_dialog import Ui_SubdivisionsDialog
from .session import Session
from .undo import SubdivisionCommand

translate = QCoreApplication.translate


class SubdivisionsDialog:
    """The subdivision manager.

    Attributes:
        dialog: the QDialog built from the form.
        current_id: the subdivision in the form (None for a new one).
    """

    def __init__(self, parent: QWidget | None, session: Session) -> None:
        loaded = QDialog(parent)
        self.ui = Ui_SubdivisionsDialog()
        self.ui.setupUi(loaded)
        self.dialog = loaded
        self.session = session
        self.current_id: int | None = None
        self.ids: list[int] = []  # row → subdivision id (not item data: see qt_compat)
        self.items = QStandardItemModel(loaded)
        self.list = self.ui.list
        self.list.setModel(self.items)
        self.list.setWordWrap(True)
        splitter = self.ui.splitter
        splitter.setSizes([480, 500])
        self.name = self.ui.nameEdit
        self.code = self.ui.codeEdit
        self.aliases = self.ui.aliasesEdit
        self.active = self.ui.activeCheck
        self.title = self.ui.formTitle
        self.usage = self.ui.usageLabel
        self.error = self.ui.errorLabel
        self.ui.saveButton.clicked.connect(self.save)
        self.ui.newButton.clicked.connect(self.new)
        self.ui.buttonBox.rejected.connect(loaded.reject)
        self.list.selectionModel().currentChanged.connect(self._selected)
        session.changed.connect(self._on_changed)
        self.reload()
        if self.items.rowCount():
            self.list.setCurrentIndex(self.items.index(0, 0))

    def reload(self) -> None:
        """Fill the list from the database, keeping the selection."""
        keep = self.current_id
        self.items.clear()
        self.ids = []
        for sub in list_subdivisions():
            self.ids.append(sub.id)
            label = f"{sub.name} ({sub.code})"
            if not sub.active:
                label += " — " + translate("SubdivisionsDialog", "inactivă")
            item = QStandardItem(label)
            item.setEditable(False)
            if not sub.active:
                item.setForeground(Qt.GlobalColor.gray)
            self.items.appendRow(item)
        if keep is not None and keep in self.ids:
            self.list.setCurrentIndex(self.items.index(self.ids.index(keep), 0))

    def _selected(self, index: QModelIndex) -> None:
        if not index.isValid() or index.row() >= len(self.ids):
            return
        sid = self.ids[index.row()]
        self.current_id = sid
        state = subdivision_state(sid)
        self.title.setText(f"<b>{escape(state.name)}</b>")
        self.name.setText(state.name)
        self.code.setText(state.code)
        self.aliases.setPlainText("\n".join(state.aliases))
        self.active.setChecked(state.active)
        self.error.setText("")
        used = subdivision_in_use(sid)
        self.usage.setText(
            translate(
                "SubdivisionsDialog", "Subdiviziunea este folosită în plan sau în informațiile prezentate."
            )
            if used
            else translate("SubdivisionsDialog", "Subdiviziunea nu este folosită încă.")
        )

    def new(self) -> None:
        """Start a new subdivision."""
        self.current_id = None
        self.list.clearSelection()
        title = translate("SubdivisionsDialog", "Subdiviziune nouă")
        self.title.setText(f"<b>{escape(title)}</b>")
        for line in (self.name, self.code):
            line.clear()
        self.aliases.clear()
        self.active.setChecked(True)
        self.usage.setText("")
        self.error.setText("")
        self.name.setFocus()

    def form_state(self) -> SubdivisionState:
        """What the form holds (ş/ţ turned into ș/ț)."""
        aliases = tuple(comma_below(a.strip()) for a in self.aliases.toPlainText().splitlines() if a.strip())
        return SubdivisionState(
            comma_below(self.code.text().strip()),
            comma_below(self.name.text().strip()),
            aliases,
            self.active.isChecked(),
        )

    def save(self) -> bool:
        """Save the form as one undo step; False (and the reason shown) when refused."""
        after = self.form_state()
        before = subdivision_state(self.current_id) if self.current_id is not None else None
        if before == after:
            return True
        label = translate("SubdivisionsDialog", "Subdiviziunea {name}").format(name=after.name or after.code)
        command = SubdivisionCommand(self.session, self.current_id, after, label)
        self.session.undo_stack.push(command)
        if command.error:
            self.error.setText(command.error)
            return False
        self.error.setText("")
        self.current_id = command.subdivision_id
        self.reload()
        return True

    def _on_changed(self, changes: ChangeSet) -> None:
        if changes.subdivisions:
            self.reload()

    @classmethod
    def run(cls, parent: QWidget | None, session: Session) -> None:
        """Show the dialog until closed."""
        dialog = cls(parent, session)
        try:
            dialog.dialog.exec()
        finally:
            session.changed.disconnect(dialog._on_changed)
            dialog.dialog.deleteLater()
