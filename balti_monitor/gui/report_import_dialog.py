"""The preview of a past report's import: what will be written, what cannot be placed and why, the
differences with the data already in the period; then "Importă" (all or nothing) or "Renunță".

Form in ``ui/report_import_dialog.ui``. Tabs: *Rânduri* (one row per subdivision's return found: action,
subdivision, the name as written, the description and the values), *Neplasate* (where in the document, the
reason, the text), *Diferențe* (field, value now → value in the report; only when the period has data) and
*Observații* (what the reader inferred: a lost heading attributed, fewer value columns, rows joined). It
only asks; the caller (:mod:`.report_import_actions`) writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from balti_monitor.interchange.report_reading import Difference, ReportReading

from .forms.ui_report_import_dialog import Ui_ReportImportDialog

translate = QCoreApplication.translate

SHORT = 90


def short(text: str, limit: int = SHORT) -> str:
    """A text on one line, cut at ``limit`` characters ("—" for nothing)."""
    flat = " ".join(text.split())
    if not flat:
        return "—"
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _fill(table: QTableWidget, headers: Sequence[str], rows: Sequence[Sequence[tuple[str, str]]]) -> None:
    """Rows of (shown text, tooltip) cells."""
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, (shown, tip) in enumerate(cells):
            item = QTableWidgetItem(shown)
            item.setToolTip(tip)
            table.setItem(r, c, item)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    table.resizeColumnsToContents()


class ReportImportDialog:
    """The preview of one report's import.

    Attributes:
        dialog: the QDialog built from the form.
        import_button: accepts the dialog (disabled when nothing can be imported).
    """

    def __init__(
        self, parent: QWidget | None, reading: ReportReading, differences: list[Difference], has_data: bool
    ) -> None:
        loaded = QDialog(parent)
        self.ui = Ui_ReportImportDialog()
        self.ui.setupUi(loaded)
        self.dialog = loaded
        lines = [
            translate("ReportImportDialog", "<b>Raportul „{name}”</b> — perioada <b>{period}</b>").format(
                name=escape(reading.source), period=escape(reading.period_code)
            ),
            escape(reading.summary()),
        ]
        if has_data:
            count = len(differences)
            lines.append(
                translate(
                    "ReportImportDialog",
                    "<span style='color:#8a1c00'>Perioada are deja date: %n diferențe — câmpuri înlocuite și "
                    "returi noi (fila „Diferențe”). Returul fiecărei subdiviziuni din raport înlocuiește returul ei pentru aceeași "
                    "acțiune; celelalte returi rămân.</span>",
                    "",
                    count,
                )
            )
        self.ui.summaryLabel.setText("<br>".join(lines))
        _fill(
            self.ui.rowsTable,
            [
                translate("ReportImportDialog", "Acțiunea"),
                translate("ReportImportDialog", "Subdiviziunea"),
                translate("ReportImportDialog", "Scris în raport"),
                translate("ReportImportDialog", "Descrierea"),
                translate("ReportImportDialog", "Valorile"),
            ],
            [
                [
                    (row.action, row.where),
                    (row.subdivision, row.subdivision),
                    (row.label, row.label),
                    (short(row.description), row.description or "—"),
                    (
                        short(" | ".join(v or "—" for v in row.values)),
                        "\n".join(f"{n}. {v or '—'}" for n, v in enumerate(row.values, start=1)),
                    ),
                ]
                for row in reading.rows
            ],
        )
        _fill(
            self.ui.unplacedTable,
            [
                translate("ReportImportDialog", "Unde"),
                translate("ReportImportDialog", "De ce nu poate fi plasat"),
                translate("ReportImportDialog", "Textul"),
            ],
            [[(u.where, u.where), (u.reason, u.reason), (short(u.text), u.text)] for u in reading.unplaced],
        )
        _fill(
            self.ui.differencesTable,
            [
                translate("ReportImportDialog", "Acțiunea"),
                translate("ReportImportDialog", "Subdiviziunea"),
                translate("ReportImportDialog", "Câmpul"),
                translate("ReportImportDialog", "Acum"),
                translate("ReportImportDialog", "Din raport"),
            ],
            [
                [
                    (d.action or "—", d.action),
                    (d.subdivision or "—", d.subdivision),
                    (d.what, d.what),
                    (short(d.old), d.old or "—"),
                    (short(d.new), d.new or "—"),
                ]
                for d in differences
            ],
        )
        for note in reading.notes:
            self.ui.notesList.addItem(note)
        tabs = self.ui.tabs
        tabs.setTabText(0, translate("ReportImportDialog", "Rânduri ({n})").format(n=len(reading.rows)))
        tabs.setTabText(1, translate("ReportImportDialog", "Neplasate ({n})").format(n=len(reading.unplaced)))
        tabs.setTabText(2, translate("ReportImportDialog", "Diferențe ({n})").format(n=len(differences)))
        tabs.setTabText(3, translate("ReportImportDialog", "Observații ({n})").format(n=len(reading.notes)))
        tabs.setTabEnabled(2, has_data)
        buttons = self.ui.buttonBox
        self.import_button = buttons.addButton(
            translate("ReportImportDialog", "&Importă"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(bool(reading.rows or reading.totals))
        buttons.accepted.connect(loaded.accept)
        buttons.rejected.connect(loaded.reject)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)

    @classmethod
    def ask(
        cls, parent: QWidget | None, reading: ReportReading, differences: list[Difference], has_data: bool
    ) -> bool:
        """Show the preview; True when the user chose "Importă"."""
        dialog = cls(parent, reading, differences, has_data)
        try:
            return dialog.dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.dialog.deleteLater()
