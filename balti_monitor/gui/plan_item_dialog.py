"""The form of one plan item (:class:`ItemDialog`: a group's number and title, an action's code, title and
declared columns, an indicator's text and Total rule, a declared column's label) and the question asked before
any edit of a plan whose signed reports print it (:func:`confirm_signed_edit`).

Apart from the editor's tree (:mod:`.plan_editor`) because "Plan → Editează acțiunea afișată…"
(:mod:`.plan_actions`) uses them without the editor.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from balti_monitor.services.plan_delete import DeleteItem
from balti_monitor.services.plan_edit import AddAction, AddColumn, AddIndicator, AddPriority, EditItem
from balti_monitor.services.plan_fields import (
    ActionFields,
    ColumnFields,
    Fields,
    IndicatorFields,
    PriorityFields,
)
from balti_monitor.services.plan_order import MoveItem
from balti_monitor.services.plan_signatures import periods_text, signed_periods_printing

from . import dialogs

translate = QCoreApplication.translate
PLACEHOLDER_COLOUR = QColor("#8a6d3b")

#: the writes of the plan editor (each can carry the confirmation for a plan with signed periods)
PlanWrite = AddPriority | AddAction | AddIndicator | AddColumn | EditItem | MoveItem | DeleteItem


def confirm_signed_edit(parent: QWidget | None, write: PlanWrite, plan_id: int) -> PlanWrite | None:
    """The write to push: as it is when the plan has no signed period, confirmed when the user agreed to
    edit a plan whose signed reports print it, None when the user said No (the default)."""
    if write.confirm_signed:
        return write
    periods = signed_periods_printing(plan_id)
    if not periods:
        return write
    question = translate(
        "PlanEditor",
        "Planul este tipărit în rapoartele semnate ale perioadelor: {periods}.\n\nDocumentele semnate rămân "
        "cum au fost semnate (amprenta lor SHA-256 se păstrează), dar un export nou al acestor perioade ar "
        "arăta planul modificat și nu ar mai corespunde semnăturii.\n\nModificați planul?",
    ).format(periods=periods_text(periods))
    if not dialogs.confirm(parent, translate("PlanEditor", "Plan cu perioade semnate"), question):
        return None
    return replace(write, confirm_signed=True)


def aggregation_names() -> list[tuple[str, str]]:
    """The Total rules an indicator can have, with their Romanian names."""
    return [
        ("sum", translate("PlanEditor", "suma valorilor")),
        ("max", translate("PlanEditor", "cea mai mare valoare")),
        ("distinct", translate("PlanEditor", "valori distincte (nu se adună)")),
        ("status", translate("PlanEditor", "stare (realizat / nerealizat)")),
        ("manual", translate("PlanEditor", "totalul se introduce manual")),
    ]


class ItemDialog:
    """The form of one item: a priority's number and title, an action's code, title, term and responsible,
    an indicator's text and Total rule. A placeholder's box is unticked as soon as its text is typed over."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        fields: Fields,
        number: int | None = None,
        labels: dict[str, str] | None = None,
    ) -> None:
        self.fields = fields
        self.column_edits: list[tuple[str, QPlainTextEdit]] = []
        self.in_plan_box = QCheckBox(
            translate("PlanEditor", "Se vede în tabelul planului și în antetul acțiunii")
        )
        self.in_report_box = QCheckBox(translate("PlanEditor", "Se tipărește în raportul de progres"))
        self.dialog = QDialog(parent)
        self.dialog.setObjectName("planItemDialog")
        self.dialog.setWindowTitle(title)
        self.dialog.setMinimumWidth(560)
        form = QFormLayout()
        self.number_edit = QLineEdit(self.dialog)
        self.title_edit = QPlainTextEdit(self.dialog)
        self.title_edit.setTabChangesFocus(True)
        self.title_edit.setMinimumHeight(90)
        self.deadline_edit = QLineEdit(self.dialog)
        self.responsible_edit = QPlainTextEdit(self.dialog)
        self.responsible_edit.setTabChangesFocus(True)
        self.responsible_edit.setMaximumHeight(70)
        self.aggregation_combo = QComboBox(self.dialog)
        self._aggregations = [code for code, _ in aggregation_names()]
        for _code, name in aggregation_names():
            self.aggregation_combo.addItem(name)
        self.gender_box = QCheckBox(
            translate("PlanEditor", "Valorile se împart pe femei și bărbați"), self.dialog
        )
        self.placeholder_box = QCheckBox(
            translate("PlanEditor", "Text provizoriu (lipsește din sursă, de completat)"), self.dialog
        )
        self.indicators_placeholder_box = QCheckBox(
            translate("PlanEditor", "Indicatorii acțiunii sunt provizorii"), self.dialog
        )
        self._original_text = ""
        if isinstance(fields, PriorityFields):
            self.number_edit.setText(fields.number)
            self.title_edit.setPlainText(fields.title)
            self.placeholder_box.setChecked(fields.title_placeholder)
            form.addRow(self._label(translate("PlanEditor", "&Numărul:"), self.number_edit), self.number_edit)
            form.addRow(self._label(translate("PlanEditor", "&Titlul:"), self.title_edit), self.title_edit)
            form.addRow("", self.placeholder_box)
            self._original_text = fields.title
        elif isinstance(fields, ActionFields):
            self.number_edit.setText(fields.code)
            self.title_edit.setPlainText(fields.title)
            self.deadline_edit.setText(fields.deadline)
            self.responsible_edit.setPlainText(fields.responsible_text)
            self.placeholder_box.setChecked(fields.title_placeholder)
            self.indicators_placeholder_box.setChecked(fields.indicators_placeholder)
            form.addRow(self._label(translate("PlanEditor", "&Codul:"), self.number_edit), self.number_edit)
            form.addRow(self._label(translate("PlanEditor", "&Titlul:"), self.title_edit), self.title_edit)
            form.addRow("", self.placeholder_box)
            form.addRow(
                self._label(translate("PlanEditor", "T&ermenul:"), self.deadline_edit), self.deadline_edit
            )
            form.addRow(
                self._label(translate("PlanEditor", "&Responsabili:"), self.responsible_edit),
                self.responsible_edit,
            )
            if fields.indicators_placeholder:
                form.addRow("", self.indicators_placeholder_box)
            for key, text in fields.columns:  # the plan's own columns: partners, cost, risks …
                edit = QPlainTextEdit(self.dialog)
                edit.setTabChangesFocus(True)
                edit.setMaximumHeight(60)
                edit.setPlainText(text)
                label = (labels or {}).get(key, key)
                form.addRow(self._label(f"{label}:", edit), edit)
                self.column_edits.append((key, edit))
            self._original_text = fields.title
        elif isinstance(fields, ColumnFields):
            self.number_edit.setText(fields.number)
            self.title_edit.setPlainText(fields.label)
            self.title_edit.setMaximumHeight(60)
            self.in_plan_box.setParent(self.dialog)
            self.in_report_box.setParent(self.dialog)
            self.in_plan_box.setChecked(fields.in_plan)
            self.in_report_box.setChecked(fields.in_report)
            form.addRow(self._label(translate("PlanEditor", "&Denumirea:"), self.title_edit), self.title_edit)
            form.addRow(
                self._label(translate("PlanEditor", "&Numărul coloanei:"), self.number_edit), self.number_edit
            )
            form.addRow("", self.in_plan_box)
            form.addRow("", self.in_report_box)
            self._original_text = fields.label
        else:
            self.title_edit.setPlainText(fields.text)
            if fields.aggregation in self._aggregations:
                self.aggregation_combo.setCurrentIndex(self._aggregations.index(fields.aggregation))
            self.gender_box.setChecked(fields.gender_split)
            self.placeholder_box.setChecked(fields.placeholder)
            if number is not None:
                form.addRow(translate("PlanEditor", "Numărul:"), QLabel(str(number), self.dialog))
            form.addRow(self._label(translate("PlanEditor", "&Textul:"), self.title_edit), self.title_edit)
            form.addRow("", self.placeholder_box)
            form.addRow(
                self._label(translate("PlanEditor", "Regula &Totalului:"), self.aggregation_combo),
                self.aggregation_combo,
            )
            form.addRow("", self.gender_box)
            self._original_text = fields.text
        if not self.placeholder_box.isChecked():
            self.placeholder_box.setVisible(False)
        for widget in (  # the fields another kind of item has: not in this form, never drawn
            self.number_edit,
            self.deadline_edit,
            self.responsible_edit,
            self.aggregation_combo,
            self.gender_box,
            self.placeholder_box,
            self.indicators_placeholder_box,
            self.in_plan_box,
            self.in_report_box,
        ):
            if form.indexOf(widget) < 0:
                widget.hide()
        self.deadline_edit.setCursorPosition(0)  # a long term shows its beginning
        self.title_edit.textChanged.connect(self._text_typed)
        self.error = QLabel(self.dialog)
        self.error.setStyleSheet("color:#a00")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self.dialog
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("PlanEditor", "Salvează"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("PlanEditor", "Renunță"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.dialog.reject)
        layout = QVBoxLayout(self.dialog)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        (
            self.number_edit if isinstance(fields, PriorityFields | ActionFields) else self.title_edit
        ).setFocus()

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        """A label (already translated, or a column's own name) for ``buddy``."""
        label = QLabel(text, self.dialog)
        label.setBuddy(buddy)
        return label

    def _text_typed(self) -> None:
        if self.title_edit.toPlainText() != self._original_text:
            self.placeholder_box.setChecked(False)  # typed over: no longer a placeholder

    def result(self) -> Fields:
        """The fields as the form holds them."""
        title = self.title_edit.toPlainText().strip()
        if isinstance(self.fields, ColumnFields):
            return ColumnFields(
                title,
                self.number_edit.text().strip(),
                self.in_plan_box.isChecked(),
                self.in_report_box.isChecked(),
                self.fields.key,
            )
        if isinstance(self.fields, PriorityFields):
            return PriorityFields(self.number_edit.text().strip(), title, self.placeholder_box.isChecked())
        if isinstance(self.fields, ActionFields):
            return ActionFields(
                self.number_edit.text().strip(),
                title,
                self.deadline_edit.text().strip(),
                self.responsible_edit.toPlainText().strip(),
                self.placeholder_box.isChecked(),
                self.indicators_placeholder_box.isChecked() and self.fields.indicators_placeholder,
                tuple((key, edit.toPlainText().strip()) for key, edit in self.column_edits),
            )
        return IndicatorFields(
            title,
            self._aggregations[max(0, self.aggregation_combo.currentIndex())],
            self.gender_box.isChecked(),
            self.placeholder_box.isChecked(),
        )

    def _accept(self) -> None:
        fields = self.result()
        if isinstance(fields, PriorityFields | ActionFields) and not self.number_edit.text().strip():
            self.error.setText(translate("PlanEditor", "Completați numărul (codul)."))
            self.number_edit.setFocus()
            return
        if not self.title_edit.toPlainText().strip():
            self.error.setText(translate("PlanEditor", "Completați textul."))
            self.title_edit.setFocus()
            return
        self.dialog.accept()

    def ask(self) -> Fields | None:
        """Show the form; the fields when saved, None when cancelled."""
        if self.dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.result()
