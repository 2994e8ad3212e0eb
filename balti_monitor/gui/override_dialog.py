"""Typing a Total cell by hand: the value printed in the report and the reason (form in ``ui/``).

The dialog only asks; the caller turns the answer into an undoable :class:`~.undo.OverrideCommand`.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from balti_monitor.domain.grid import OverrideDef
from balti_monitor.services.values import validate_value

from .forms.ui_override_dialog import Ui_OverrideDialog

translate = QCoreApplication.translate


@dataclass(frozen=True, slots=True)
class OverrideAnswer:
    """What the user chose: ``"set"`` (with ``value``), ``"clear"`` or ``"cancel"``."""

    choice: str
    value: OverrideDef | None = None


class OverrideDialog:
    """The manual-total dialog.

    Attributes:
        dialog: the QDialog built from ``ui/override_dialog.ui``.
    """

    CLEAR_RESULT = 2

    def __init__(
        self,
        parent: QWidget | None,
        where: str,
        computed: str,
        current: OverrideDef | None,
        author: str,
    ) -> None:
        loaded = QDialog(parent)
        self.ui = Ui_OverrideDialog()
        self.ui.setupUi(loaded)
        self.dialog = loaded
        self.total = self.ui.totalEdit
        self.reason = self.ui.reasonEdit
        self.author = self.ui.authorEdit
        self.error = self.ui.errorLabel
        self.ui.whereLabel.setText(f"<b>{escape(where)}</b>")
        computed_label = self.ui.computedLabel
        computed_label.setText(
            translate("OverrideDialog", "Totalul calculat automat: <b>{value}</b>").format(
                value=escape(computed) or "—"
            )
        )
        buttons = self.ui.buttonBox
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(loaded.reject)
        self.total.setPlainText(current.raw_text if current is not None else computed)
        self.reason.setPlainText(current.reason if current is not None else "")
        self.author.setText(current.author if current is not None and current.author else author)
        if current is not None:
            back = buttons.addButton(
                translate("OverrideDialog", "&Revino la totalul calculat"),
                QDialogButtonBox.ButtonRole.ResetRole,
            )
            back.clicked.connect(lambda: loaded.done(self.CLEAR_RESULT))
        self.total.setFocus()
        self.total.selectAll()

    def _accept(self) -> None:
        problem = validate_value(self.total.toPlainText().strip())
        if not self.reason.toPlainText().strip():
            problem = translate("OverrideDialog", "Scrieți motivul pentru care totalul se introduce manual.")
        if problem:
            self.error.setText(problem)
            return
        self.dialog.accept()

    def answer(self, result: int) -> OverrideAnswer:
        """The user's choice after ``exec()``."""
        if result == self.CLEAR_RESULT:
            return OverrideAnswer("clear")
        if result == QDialog.DialogCode.Accepted:
            value = OverrideDef(
                self.total.toPlainText().strip(),
                self.reason.toPlainText().strip(),
                self.author.text().strip(),
            )
            return OverrideAnswer("set", value)
        return OverrideAnswer("cancel")

    @classmethod
    def ask(
        cls, parent: QWidget | None, where: str, computed: str, current: OverrideDef | None, author: str
    ) -> OverrideAnswer:
        """Show the dialog and return the answer (tests replace this)."""
        dialog = cls(parent, where, computed, current, author)
        try:
            return dialog.answer(dialog.dialog.exec())
        finally:
            dialog.dialog.deleteLater()
