"""Where each subdivision's return form of the period stands: generated, sent, received, imported, to correct.

Form in ``ui/forms_status_dialog.ui``; one row per subdivision that gets a form
(``services.form_status.form_statuses``) in :class:`FormStatusModel`. The buttons mark the selected
subdivisions' forms sent / received / needing correction as one undoable
:class:`~.undo.FormStateCommand` (Ctrl+Z works in the dialog too).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QWidget,
)

from balti_monitor import i18n
from balti_monitor.services.form_status import STATE_LABELS, FormState, FormStatusRow, form_statuses
from balti_monitor.services.periods import key_of

from . import dialogs
from .forms.ui_forms_status_dialog import Ui_FormsStatusDialog
from .locale_format import date_time_text
from .row_table_model import Column, RowTableModel, compact_rows
from .session import Session
from .undo import FormStateCommand

translate = QCoreApplication.translate

STATE_COLOURS: dict[FormState | None, QColor] = {
    None: QColor("#6b6b6b"),
    FormState.SENT: QColor("#1f4e9a"),
    FormState.RECEIVED: QColor("#00616e"),
    FormState.IMPORTED: QColor("#1b6e35"),
    FormState.NEEDS_CORRECTION: QColor("#b00020"),
}


def _time(moment: dt.datetime | None) -> str:
    return date_time_text(moment)


class FormStatusModel(RowTableModel):
    """One row per subdivision: name, state, the time of each step, the last file."""

    STATE_COLUMN = 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(self.tr("Subdiviziunea"), lambda r: r.name),
                Column(self.tr("Cod"), lambda r: r.code),
                Column(
                    self.tr("Starea"),
                    lambda r: r.label if r.state is not None else self.tr("Negenerat"),
                    self._state_tip,
                ),
                Column(self.tr("Generat"), lambda r: _time(r.generated_at)),
                Column(self.tr("Trimis"), lambda r: _time(r.sent_at)),
                Column(self.tr("Primit"), lambda r: _time(r.received_at)),
                Column(self.tr("Importat"), lambda r: _time(r.imported_at)),
                Column(self.tr("De corectat"), lambda r: _time(r.correction_at)),
            ],
            parent,
        )

    def _state_tip(self, status: FormStatusRow) -> str:
        if status.state is None:
            return self.tr("Nu s-a generat încă un formular pentru această perioadă.")
        tip = (
            self.tr("Ultimul fișier: {name}").format(name=status.file_name)
            if status.file_name
            else status.label
        )
        return f"{tip}\n{status.note}" if status.note else tip

    def status_at(self, row: int) -> FormStatusRow | None:
        """The status shown in a row."""
        found = self.row_at(row)
        return found if isinstance(found, FormStatusRow) else None

    def row_of(self, subdivision_id: int) -> int:
        """The row of a subdivision (-1 when absent)."""
        return next((n for n, r in enumerate(self.rows) if r.subdivision_id == subdivision_id), -1)

    def foreground(self, item: Any, column: int) -> QColor | None:
        """Override: the state in its colour."""
        assert isinstance(item, FormStatusRow)
        return STATE_COLOURS.get(item.state) if column == self.STATE_COLUMN else None

    def bold(self, item: Any, column: int) -> bool:
        """Override: a form to correct stands out."""
        assert isinstance(item, FormStatusRow)
        return column == self.STATE_COLUMN and item.state is FormState.NEEDS_CORRECTION


class FormsStatusDialog:
    """The form-status dialog of the period shown.

    Attributes:
        dialog: the QDialog built from the form.
        model: the statuses.
        buttons: state → the button that marks it.
    """

    def __init__(self, parent: QWidget | None, session: Session) -> None:
        assert session.period is not None
        loaded = QDialog(parent)
        self.ui = Ui_FormsStatusDialog()
        self.ui.setupUi(loaded)
        self.dialog = loaded
        self.session = session
        self.period_id = session.period.id
        self.model = FormStatusModel(loaded)
        self.table = self.ui.table
        self.table.setModel(self.model)
        compact_rows(self.table, self.table.verticalHeader())
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.summary = self.ui.summaryLabel
        self.buttons = {
            FormState.SENT: self.ui.sentButton,
            FormState.RECEIVED: self.ui.receivedButton,
            FormState.NEEDS_CORRECTION: self.ui.correctionButton,
        }
        for state, button in self.buttons.items():
            button.clicked.connect(lambda _checked=False, s=state: self.mark(s))
        self.ui.buttonBox.rejected.connect(loaded.reject)
        undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), loaded)
        undo.activated.connect(self.undo)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.reload()

    def reload(self) -> None:
        """Read the statuses again, keeping the selection."""
        keep = self.selected_ids()
        period = self.session.period
        rows = form_statuses(period) if period is not None and period.id == self.period_id else []
        self.model.set_rows(rows)
        selection = self.table.selectionModel()
        for sid in keep:
            row = self.model.row_of(sid)
            if row >= 0:
                selection.select(
                    self.model.index(row, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )
        self._update_summary(rows)
        self._update_buttons()

    def _update_summary(self, rows: list[FormStatusRow]) -> None:
        period = self.session.period
        code = key_of(period).code if period is not None else ""
        counts = Counter(r.state for r in rows)
        not_generated = translate("FormsStatusDialog", "Negenerat")
        parts = [f"{not_generated}: {counts[None]}"] if counts[None] else []
        parts += [f"{i18n._(STATE_LABELS[state])}: {counts[state]}" for state in FormState if counts[state]]
        count = len(rows)  # lupdate reads a plain name as the count, not a call
        self.summary.setText(
            translate(
                "FormsStatusDialog", "<b>Perioada {code}</b> · %n subdiviziuni · {parts}", "", count
            ).format(code=escape(code), parts=escape(" · ".join(parts)) or "—")
        )

    def selected_ids(self) -> list[int]:
        """The subdivisions selected, in table order."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [status.subdivision_id for row in rows if (status := self.model.status_at(row)) is not None]

    def select(self, subdivision_ids: list[int]) -> None:
        """Select these subdivisions (tests use it)."""
        self.table.clearSelection()
        selection = self.table.selectionModel()
        for sid in subdivision_ids:
            row = self.model.row_of(sid)
            if row >= 0:
                selection.select(
                    self.model.index(row, 0), selection.SelectionFlag.Select | selection.SelectionFlag.Rows
                )

    def _update_buttons(self) -> None:
        chosen = bool(self.selected_ids())
        for button in self.buttons.values():
            button.setEnabled(chosen)

    def mark(self, state: FormState) -> bool:
        """Mark the selected subdivisions' forms (one undo step)."""
        ids = self.selected_ids()
        if not ids:
            return False
        names = [
            s.code
            for row in range(self.model.rowCount())
            if (s := self.model.status_at(row)) and s.subdivision_id in ids
        ]
        count = len(names)
        who = ", ".join(names) if count <= 3 else translate("FormsStatusDialog", "%n subdiviziuni", "", count)
        text = translate("FormsStatusDialog", "Formular „{state}”: {who}").format(
            state=i18n._(STATE_LABELS[state]), who=who
        )
        command = FormStateCommand(self.session, self.period_id, ids, state, text)
        self.session.undo_stack.push(command)
        self.reload()
        if command.error:
            dialogs.show_error(
                self.dialog, translate("FormsStatusDialog", "Starea nu a fost schimbată"), command.error
            )
            return False
        return True

    def undo(self) -> None:
        """Ctrl+Z inside the dialog."""
        self.session.undo_stack.undo()
        self.reload()

    @classmethod
    def run(cls, parent: QWidget | None, session: Session) -> None:
        """Show the dialog until it is closed."""
        dialog = cls(parent, session)
        try:
            dialog.dialog.exec()
        finally:
            dialog.dialog.deleteLater()
