"""The dialog shown before a report is written: the pre-flight (what a signer must know) and the options.

Each line that is about a cell (a blank or manual Total, a finding, a missing return) jumps to that cell when
double-clicked: the dialog closes and the export does not happen ("go back"). "Exportă" writes the report
anyway. :func:`ask` is the module function the export action calls (tests replace it).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from balti_monitor import i18n
from balti_monitor.services.preflight import SECTION_TITLES, LineKind, Preflight, PreflightLine

translate = QCoreApplication.translate
LINE_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True, slots=True)
class ExportChoice:
    """What the user chose: export (with a PDF, as a review copy) or jump to a cell (``jump`` set)."""

    pdf: bool = False
    review: bool = False
    jump: PreflightLine | None = None
    semester_columns: bool = False  # annual report: S1 | S2 | An columns per indicator
    chart_annex: bool = False  # "Anexă. Grafice" after the signatures


class PreflightDialog(QDialog):
    """The pre-flight as a tree (sections → lines; findings by kind → each finding) and the export options."""

    def __init__(
        self,
        preflight: Preflight,
        pdf: bool,
        review: bool,
        parent: QWidget | None = None,
        *,
        annual: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preflightDialog")
        self.setWindowTitle(self.tr("Verificare înainte de export"))
        self.resize(820, 520)
        self.jump: PreflightLine | None = None
        layout = QVBoxLayout(self)
        if preflight.clean:
            text = self.tr("Nimic de semnalat: totalurile sunt calculate, toate subdiviziunile au răspuns.")
        else:
            text = self.tr(
                "Înainte de semnare, vedeți ce urmează. Dublu clic pe un rând duce la celula lui "
                "(exportul nu se face); „Exportă” scrie raportul așa cum este."
            )
        self.summary = QLabel(text, self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("preflightTree")
        self.tree.setHeaderHidden(True)
        self.tree.setVisible(not preflight.clean)
        self._fill(preflight)
        self.tree.itemActivated.connect(self._activated)
        layout.addWidget(self.tree, 1)
        self.pdf_box = QCheckBox(self.tr("Exportă și &PDF (alături de documentul Word)"), self)
        self.pdf_box.setChecked(pdf)
        self.review_box = QCheckBox(
            self.tr("Copie de &revizuire: comentarii Word la totalurile manuale și la constatări"), self
        )
        self.review_box.setChecked(review)
        layout.addWidget(self.pdf_box)
        layout.addWidget(self.review_box)
        self.semester_box = QCheckBox(
            self.tr(
                "Raport anual: coloanele &S1 | S2 | An la fiecare indicator (altfel doar valoarea anului)"
            ),
            self,
        )
        self._annual = annual
        self.semester_box.setVisible(annual)
        layout.addWidget(self.semester_box)
        self.annex_box = QCheckBox(
            self.tr("Anexă cu &grafice: acțiunile pe priorități și completitudinea pe perioade"), self
        )
        layout.addWidget(self.annex_box)
        buttons = QDialogButtonBox(self)
        self.export_button = buttons.addButton(
            self.tr("&Exportă") if preflight.clean else self.tr("&Exportă oricum"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.back_button = buttons.addButton(self.tr("Î&napoi"), QDialogButtonBox.ButtonRole.RejectRole)
        self.export_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _fill(self, preflight: Preflight) -> None:
        bold = QFont()
        bold.setBold(True)
        for kind in LineKind:
            lines = preflight.of(kind)
            if not lines:
                continue
            section = QTreeWidgetItem(self.tree, [f"{i18n._(SECTION_TITLES[kind])} ({len(lines)})"])
            section.setFont(0, bold)
            if kind == LineKind.FINDINGS:
                groups: dict[str, QTreeWidgetItem] = {}
                for label, count in preflight.finding_counts:
                    groups[label] = QTreeWidgetItem(section, [f"{label}: {count}"])
                for line in lines:
                    parent = groups.get(line.group, section)
                    self._line_item(parent, line)
            else:
                for line in lines:
                    self._line_item(section, line)
            section.setExpanded(kind != LineKind.FINDINGS)

    def _line_item(self, parent: QTreeWidgetItem, line: PreflightLine) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [line.text])
        item.setData(0, LINE_ROLE, line)
        if line.action_id and line.subdivision_id >= 0:
            item.setToolTip(0, translate("PreflightDialog", "Dublu clic: du-mă la celulă"))
        return item

    def lines(self) -> list[QTreeWidgetItem]:
        """Every item that stands for one line (tests and keyboard users walk these)."""
        found: list[QTreeWidgetItem] = []
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            if item is None:
                continue
            if item.data(0, LINE_ROLE) is not None:
                found.append(item)
            stack.extend(item.child(i) for i in range(item.childCount()))
        return found

    def _activated(self, item: QTreeWidgetItem, column: int = 0) -> None:
        line = item.data(0, LINE_ROLE)
        if isinstance(line, PreflightLine) and line.action_id and line.subdivision_id >= 0:
            self.jump = line
            self.reject()

    def choice(self) -> ExportChoice:
        """The options as chosen (and the cell to jump to, if any)."""
        return ExportChoice(
            self.pdf_box.isChecked(),
            self.review_box.isChecked(),
            self.jump,
            self._annual and self.semester_box.isChecked(),
            self.annex_box.isChecked(),
        )


def ask(
    parent: QWidget | None, preflight: Preflight, pdf: bool, review: bool, *, annual: bool = False
) -> ExportChoice | None:
    """Show the pre-flight; the choice to export, a choice with ``jump`` to go to a cell, or None (back)."""
    dialog = PreflightDialog(preflight, pdf, review, parent, annual=annual)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    choice = dialog.choice()
    dialog.deleteLater()
    if accepted or choice.jump is not None:
        return choice
    return None
