"""The change log of the period shown ("Vizualizare → Jurnalul modificărilor"): every recorded change, who,
when, from where, the old and the new raw text; filterable, exportable to Excel, read-only.

"Doar celula selectată" narrows it to the grid's current cell (a value, a description or a Total cell). The
log is written by the database itself (``services/audit.py``); this window never edits it. It is a separate
widget from any per-period history panel of a cell.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from balti_monitor import i18n
from balti_monitor.errors import BaltiMonitorError
from balti_monitor.export.change_log import HEADERS, log_rows, write_log_xlsx
from balti_monitor.services.audit import KINDS, SOURCES, LogEntry, cell_history, period_changes

from . import dialogs
from .period_follower import PeriodFollower
from .session import Session

ModelIndex = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()

#: (action id, subdivision id, column) of the grid's current cell, or None
CellProvider = Callable[[], tuple[int, int, int] | None]


#: The log's column titles (``HEADERS`` of the xlsx, which stays Romanian), marked for translation.
_HEADER_TEXTS = (
    QT_TRANSLATE_NOOP("ChangeLogModel", "Data și ora"),
    QT_TRANSLATE_NOOP("ChangeLogModel", "Cine"),
    QT_TRANSLATE_NOOP("ChangeLogModel", "Sursa"),
    QT_TRANSLATE_NOOP("ChangeLogModel", "Ce"),
    QT_TRANSLATE_NOOP("ChangeLogModel", "Perioada"),
    QT_TRANSLATE_NOOP("ChangeLogModel", "Acțiunea"),
    QT_TRANSLATE_NOOP("ChangeLogModel", "Subdiviziunea"),
    QT_TRANSLATE_NOOP("ChangeLogModel", "Coloana"),
    QT_TRANSLATE_NOOP("ChangeLogModel", "Câmpul"),
    QT_TRANSLATE_NOOP("ChangeLogModel", "Text vechi"),
    QT_TRANSLATE_NOOP("ChangeLogModel", "Text nou"),
    QT_TRANSLATE_NOOP("ChangeLogModel", "Notă"),
)


class ChangeLogModel(QAbstractTableModel):
    """The rows shown (a cache of strings; no query in ``data``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[LogEntry] = []
        self.rows: list[list[str]] = []

    def set_entries(self, entries: list[LogEntry]) -> None:
        """Replace the rows (newest first)."""
        self.beginResetModel()
        self.entries = list(reversed(entries))
        self.rows = [["" if v is None else str(v) for v in row] for row in log_rows(self.entries)]
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = NO_PARENT) -> int:
        """Rows."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = NO_PARENT) -> int:
        """Columns."""
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Texts (a long text cut in the table, whole in the tooltip)."""
        if not index.isValid():
            return None
        text = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            first = text.splitlines()[0] if text else ""
            return first if len(first) <= 120 else first[:119] + "…"
        if role == Qt.ItemDataRole.ToolTipRole and text:
            return text
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(HEADERS[section])
        return None


class ChangeLogDialog(QDialog):
    """The period's change log, filterable, exportable; follows the period shown and every change."""

    def __init__(self, session: Session, current_cell: CellProvider, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.current_cell = current_cell
        self.setObjectName("changeLogDialog")
        self.setWindowTitle(self.tr("Jurnalul modificărilor"))
        self.resize(1100, 560)
        self.all_entries: list[LogEntry] = []

        self.title = QLabel(self)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filtrează (acțiune, subdiviziune, cine, text)…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.source_box = QComboBox(self)
        self.source_box.addItem(self.tr("Orice sursă"), None)
        for code, label in SOURCES.items():
            self.source_box.addItem(i18n._(label), code)
        self.kind_box = QComboBox(self)
        self.kind_box.addItem(self.tr("Orice modificare"), None)
        for code, label in KINDS.items():
            self.kind_box.addItem(i18n._(label), code)
        self.cell_check = QCheckBox(self.tr("Doar celula selectată"), self)
        self.cell_check.setToolTip(
            self.tr("Doar modificările celulei curente din grilă (valoare, descriere, Total)")
        )
        filters = QHBoxLayout()
        filters.addWidget(self.filter_edit, 2)
        filters.addWidget(self.source_box)
        filters.addWidget(self.kind_box)
        filters.addWidget(self.cell_check)

        self.model = ChangeLogModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("changeLogTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)  # the log is never edited here
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        heads = self.table.horizontalHeader()
        for column, width in enumerate((150, 120, 140, 130, 70, 70, 100, 70, 150, 200, 200)):
            self.table.setColumnWidth(column, max(width, heads.sectionSizeHint(column)))  # title never cut
        self.count_label = QLabel(self)

        self.export_button = QPushButton(self.tr("Exportă în Excel…"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        self.export_button.clicked.connect(lambda: self.export_xlsx())

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(buttons)

        self.filter_edit.textChanged.connect(lambda _text: self.refilter())
        self.source_box.currentIndexChanged.connect(lambda _i: self.refilter())
        self.kind_box.currentIndexChanged.connect(lambda _i: self.refilter())
        self.cell_check.toggled.connect(lambda _on: self.reload())
        self.follower = PeriodFollower(self, session, self.reload)
        self.reload()

    def reload(self) -> None:
        """Read the period's (or the current cell's) changes again."""
        period = self.session.period
        if period is None:
            self.all_entries = []
            self.title.setText(self.tr("Nicio perioadă afișată."))
        else:
            code = period.key.code
            cell = self.current_cell() if self.cell_check.isChecked() else None
            if cell is not None:
                self.all_entries = cell_history(period.id, *cell)
                self.title.setText(self.tr("Modificările celulei selectate — {code}").format(code=code))
            else:
                self.all_entries = period_changes(period.id)
                self.title.setText(self.tr("Modificările perioadei {code}").format(code=code))
        self.refilter()

    def shown_entries(self) -> list[LogEntry]:
        """The entries the filters keep (oldest first)."""
        needle = self.filter_edit.text().strip().casefold()
        source = self.source_box.currentData()
        kind = self.kind_box.currentData()
        kept = []
        for entry in self.all_entries:
            if source is not None and entry.source != source:
                continue
            if kind is not None and entry.kind != kind:
                continue
            if needle:
                hay = " ".join(
                    (
                        entry.who,
                        entry.action,
                        entry.subdivision,
                        entry.field,
                        entry.old_text,
                        entry.new_text,
                        entry.note,
                    )
                ).casefold()
                if needle not in hay:
                    continue
            kept.append(entry)
        return kept

    def refilter(self) -> None:
        """Apply the filters to the loaded entries."""
        shown = self.shown_entries()
        self.model.set_entries(shown)
        self.count_label.setText(
            self.tr("{shown} din %n modificări (cele mai noi sus).", "", len(self.all_entries)).format(
                shown=len(shown)
            )
        )
        self.export_button.setEnabled(bool(shown))

    def export_xlsx(self, path: Path | None = None) -> Path | None:
        """Write the entries shown to an Excel workbook (asks where unless ``path``)."""
        period = self.session.period
        if period is None:
            return None
        code = period.key.code
        if path is None:
            path = dialogs.choose_save_path(
                self,
                self.tr("Exportă jurnalul modificărilor"),
                Path.home() / f"Jurnal_{code}.xlsx",
                self.tr("Registre Excel (*.xlsx)"),
            )
            if path is None:
                return None
        try:
            written = write_log_xlsx(
                self.shown_entries(), path, self.tr("Jurnalul modificărilor — {code}").format(code=code)
            )
        except BaltiMonitorError as exc:
            dialogs.show_error(self, self.tr("Exportul jurnalului"), str(exc))
            return None
        self.session.message.emit(self.tr("Jurnalul a fost salvat în „{path}”.").format(path=written))
        return written
