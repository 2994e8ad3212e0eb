"""The restore preview: what the chosen copy holds against what is open now, then "Restaurează".

Form in ``ui/restore_dialog.ui``. It shows the rows of ``services.file_report.Comparison`` (file, plans,
periods, subdivisions, returns, values, manual totals, last change, size) side by side, rows that differ in
bold, and the Comparison's warnings (an older copy, periods that would be lost). It only asks; the caller
(:mod:`.backup_actions`) restores.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidgetItem,
    QWidget,
)

from balti_monitor.services.file_report import Comparison, FileReport

from .forms.ui_restore_dialog import Ui_RestoreDialog

translate = QCoreApplication.translate

CHANGED_COLOUR = QColor("#1f4e9a")


class RestoreDialog:
    """The preview of a restore.

    Attributes:
        dialog: the QDialog built from the form.
        table: current data (left) against the chosen copy (right).
        restore_button: accepts the dialog.
    """

    def __init__(self, parent: QWidget | None, report: FileReport, comparison: Comparison) -> None:
        loaded = QDialog(parent)
        self.ui = Ui_RestoreDialog()
        self.ui.setupUi(loaded)
        self.dialog = loaded
        self.ui.introLabel.setText(
            translate(
                "RestoreDialog",
                "<b>Datele deschise acum vor fi înlocuite cu cele din copia aleasă.</b><br>"
                "Copia: {path}<br>Fișierul a fost verificat și poate fi folosit. Comparați conținutul:",
            ).format(path=escape(str(report.path)))
        )
        self.table = self.ui.comparisonTable
        self.table.setColumnCount(3)
        self.table.setHorizontalHeaderLabels(
            ["", translate("RestoreDialog", "Acum deschis"), translate("RestoreDialog", "Copia aleasă")]
        )
        self.table.setRowCount(len(comparison.rows))
        bold = QFont()
        bold.setBold(True)
        for row, item in enumerate(comparison.rows):
            label = QTableWidgetItem(item.label)
            label.setFont(bold)
            current = QTableWidgetItem(item.current)
            candidate = QTableWidgetItem(item.candidate)
            if item.differs:
                candidate.setFont(bold)
                candidate.setForeground(QBrush(CHANGED_COLOUR))
            for column, cell in enumerate((label, current, candidate)):
                cell.setToolTip(cell.text())
                self.table.setItem(row, column, cell)
        rows = self.table.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # follows the column widths
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        line = self.table.fontMetrics().height() + 8
        self.table.setMinimumHeight(header.sizeHint().height() + line * (len(comparison.rows) + 2))
        warnings = self.ui.warningsLabel
        if comparison.warnings:
            warnings.setText("<br>".join(f"⚠ {escape(w)}" for w in comparison.warnings))
        else:
            warnings.hide()
        buttons = self.ui.buttonBox
        self.restore_button = buttons.addButton(
            translate("RestoreDialog", "&Restaurează"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(loaded.accept)
        buttons.rejected.connect(loaded.reject)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, report: FileReport, comparison: Comparison) -> bool:
        """Show the preview; True when the user chose "Restaurează"."""
        dialog = cls(parent, report, comparison)
        try:
            return dialog.dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.dialog.deleteLater()
