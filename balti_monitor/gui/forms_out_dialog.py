"""The options of a return-form generation: folder, deadline, what the forms hold, which subdivisions.

Form in ``ui/forms_out_dialog.ui``. It only asks; :mod:`.forms_actions` runs
``interchange.forms_out.generate_forms`` with the answer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidgetItem,
    QWidget,
)

from balti_monitor.interchange.forms_common import default_deadline, subdivisions_with_forms
from balti_monitor.interchange.forms_out import FormsOutOptions
from balti_monitor.services.periods import PeriodInfo, key_of

from . import dialogs
from .forms.ui_forms_out_dialog import Ui_FormsOutDialog

translate = QCoreApplication.translate


@dataclass(frozen=True, slots=True)
class FormsOutChoice:
    """What the user chose: where to write the forms and how."""

    folder: Path
    options: FormsOutOptions


class FormsOutDialog:
    """The generation options.

    Attributes:
        dialog: the QDialog built from the form.
        folder / deadline / contact / all_indicators / prefill / previous: the option widgets.
        subdivisions: one checkable item per subdivision that gets a form (ids in ``subdivision_ids``).
        generate_button: accepts the dialog.
    """

    def __init__(self, parent: QWidget | None, period: PeriodInfo, folder: Path, contact: str) -> None:
        loaded = QDialog(parent)
        self.ui = Ui_FormsOutDialog()
        self.ui.setupUi(loaded)
        self.dialog = loaded
        key = key_of(period)
        self.ui.titleLabel.setText(
            translate(
                "FormsOutDialog",
                "Formularele de retur ale subdiviziunilor pentru perioada <b>{label}</b> ({code}).",
            ).format(label=escape(key.shown), code=escape(key.code))
        )
        self.folder = self.ui.folderEdit
        self.folder.setText(str(folder))
        self.ui.browseButton.clicked.connect(self._browse)
        self.deadline = self.ui.deadlineEdit
        day = default_deadline(key)
        self.deadline.setDate(QDate(day.year, day.month, day.day))
        self.contact = self.ui.contactEdit
        self.contact.setText(contact)
        self.all_indicators = self.ui.allRadio
        self.prefill = self.ui.prefillCheck
        self.previous = self.ui.previousCheck
        self.subdivisions = self.ui.subdivisionList
        self.subdivision_ids: list[int] = []
        self._default_ids: set[int] = set()
        for sub in subdivisions_with_forms(period):
            label = (
                f"{sub.name} ({sub.code})"
                if sub.active
                else translate("FormsOutDialog", "{name} ({code}) — inactivă").format(
                    name=sub.name, code=sub.code
                )
            )
            item = QListWidgetItem(label, self.subdivisions)
            item.setToolTip(label)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if sub.active else Qt.CheckState.Unchecked)
            self.subdivision_ids.append(sub.id)
            if sub.active:
                self._default_ids.add(sub.id)
        self.count = self.ui.countLabel
        self.subdivisions.itemChanged.connect(lambda _item: self._update_count())
        self.ui.allButton.clicked.connect(lambda: self._check_all(True))
        self.ui.noneButton.clicked.connect(lambda: self._check_all(False))
        self.error = self.ui.errorLabel
        buttons = self.ui.buttonBox
        self.generate_button = buttons.addButton(
            translate("FormsOutDialog", "&Generează"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.generate_button.setDefault(True)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(loaded.reject)
        self._update_count()

    # -- subdivisions -------------------------------------------------------------------------------------
    def checked_ids(self) -> list[int]:
        """The subdivisions ticked, in list order."""
        return [
            sid
            for row, sid in enumerate(self.subdivision_ids)
            if (item := self.subdivisions.item(row)) is not None
            and item.checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, ids: set[int]) -> None:
        """Tick exactly these subdivisions."""
        for row, sid in enumerate(self.subdivision_ids):
            item = self.subdivisions.item(row)
            if item is not None:
                item.setCheckState(Qt.CheckState.Checked if sid in ids else Qt.CheckState.Unchecked)

    def _check_all(self, checked: bool) -> None:
        self.set_checked(set(self.subdivision_ids) if checked else set())

    def _update_count(self) -> None:
        self.count.setText(
            translate("FormsOutDialog", "Alese: {n} din {total}").format(
                n=len(self.checked_ids()), total=len(self.subdivision_ids)
            )
        )

    # -- answer -------------------------------------------------------------------------------------------
    def _browse(self) -> None:
        current = Path(self.folder.text().strip() or ".")
        start = current if current.is_dir() else current.parent
        chosen = dialogs.choose_folder(
            self.dialog, translate("FormsOutDialog", "Alegeți dosarul formularelor"), start
        )
        if chosen is not None:
            self.folder.setText(str(chosen))

    def _accept(self) -> None:
        text = self.folder.text().strip()
        if not text:
            self.error.setText(translate("FormsOutDialog", "Alegeți dosarul în care se scriu formularele."))
            return
        if Path(text).exists() and not Path(text).is_dir():
            self.error.setText(
                translate("FormsOutDialog", "„{path}” este un fișier, nu un dosar.").format(path=text)
            )
            return
        if not self.checked_ids():
            self.error.setText(translate("FormsOutDialog", "Alegeți cel puțin o subdiviziune."))
            return
        self.dialog.accept()

    def choice(self) -> FormsOutChoice:
        """The options as chosen in the dialog."""
        day = self.deadline.date()
        checked = set(self.checked_ids())
        options = FormsOutOptions(
            deadline=dt.date(day.year(), day.month(), day.day()),
            include_previous=self.previous.isChecked(),
            all_indicators=self.all_indicators.isChecked(),
            prefill_current=self.prefill.isChecked(),
            subdivision_ids=None if checked == self._default_ids else frozenset(checked),
            contact=self.contact.text().strip(),
        )
        return FormsOutChoice(Path(self.folder.text().strip()), options)

    @classmethod
    def ask(
        cls, parent: QWidget | None, period: PeriodInfo, folder: Path, contact: str
    ) -> FormsOutChoice | None:
        """Show the dialog; the choice, or None when cancelled."""
        dialog = cls(parent, period, folder, contact)
        try:
            if dialog.dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.choice()
        finally:
            dialog.dialog.deleteLater()
