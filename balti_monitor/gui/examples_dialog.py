"""Choosing a bundled example plan ("Plan → Adaugă un plan exemplu…"): each example's title and description,
and which are already in the file."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from balti_monitor.services.examples import ExampleInfo


class ExamplesDialog(QDialog):
    """A list of the examples (title in bold-free first line, description below); Enter or "Adaugă" picks
    one. Examples already in the file are listed greyed out."""

    def __init__(self, examples: list[ExampleInfo], present: set[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("examplesDialog")
        self.setWindowTitle(self.tr("Adaugă un plan exemplu"))
        self.resize(720, 420)
        self.examples = examples
        intro = QLabel(
            self.tr(
                "Planuri din aceeași familie cu planul anticorupție, transcrise din documentele originale. "
                "Planul ales se adaugă în fișierul deschis, lângă planurile existente, și se alege din "
                "bara de instrumente (Planul)."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("examplesList")
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setSpacing(3)
        for example in examples:
            there = example.plan_code in present
            text = f"{example.plan_title}\n{example.description}"
            if there:
                text += "\n" + self.tr("(este deja în acest fișier)")
            item = QListWidgetItem(text, self.list)
            item.setToolTip(self.tr("Numele exemplului: {name}").format(name=example.name))
            if there:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Adaugă"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Renunță"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(lambda _item: self._accept())
        self.list.currentRowChanged.connect(lambda _row: self._update())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        first = next((n for n, e in enumerate(examples) if e.plan_code not in present), -1)
        if first >= 0:
            self.list.setCurrentRow(first)
        self.list.setFocus()
        self._update()

    def chosen(self) -> ExampleInfo | None:
        """The example selected (None when none or one already in the file)."""
        row = self.list.currentRow()
        if not 0 <= row < len(self.examples):
            return None
        item = self.list.item(row)
        if not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return None
        return self.examples[row]

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.chosen() is not None)

    def _accept(self) -> None:
        if self.chosen() is not None:
            self.accept()

    @classmethod
    def ask(
        cls, examples: list[ExampleInfo], present: set[str], parent: QWidget | None
    ) -> ExampleInfo | None:
        """Show the list; the example chosen, or None."""
        dialog = cls(examples, present, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen()
