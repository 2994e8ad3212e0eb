"""Who has not sent ("Formulare → Completitudinea returilor…"): subdivisions × the actions they answer in the
period shown, each cell's state (lipsă, parțial, de corectat, primit, acceptat), counts per subdivision and
per action, the return form's state beside each subdivision. A double click opens that return; the context
menu sets its review status (an undo step); "Lista restanțierilor…" writes the Excel list and copies the
e-mail texts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QPoint, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from balti_monitor import i18n
from balti_monitor.errors import BaltiMonitorError
from balti_monitor.export.completeness import write_overdue_xlsx
from balti_monitor.services.completeness import (
    ACCEPTED,
    MISSING,
    NEEDS_CORRECTION,
    PARTIAL,
    RECEIVED,
    STATE_LABELS_RO,
    STATES,
    Completeness,
    ReturnState,
    SetReviewStatus,
    describe_owed,
    overdue_text,
    period_completeness,
)
from balti_monitor.services.editing import REVIEW_STATUSES

from . import dialogs
from .period_follower import PeriodFollower
from .session import Session
from .undo import WriteCommand

ModelIndex = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()
FIXED = 2 + len(STATES)  # subdivision, form state, one count per state
MARK = {MISSING: "—", PARTIAL: "½", NEEDS_CORRECTION: "!", RECEIVED: "✓", ACCEPTED: "✓✓"}
COLOUR = {
    MISSING: "#f4c7c3",
    PARTIAL: "#fce8b2",
    NEEDS_CORRECTION: "#f9cb9c",
    RECEIVED: "#d9ead3",
    ACCEPTED: "#b7e1cd",
}


class CompletenessModel(QAbstractTableModel):
    """Rows: subdivisions, then the per-action counts row. Columns: name, form, counts, one per action."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overview: Completeness | None = None

    def set_overview(self, overview: Completeness | None) -> None:
        """Show another overview."""
        self.beginResetModel()
        self.overview = overview
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = NO_PARENT) -> int:
        """Subdivisions + the counts row."""
        return 0 if parent.isValid() or self.overview is None else len(self.overview.subdivisions) + 1

    def columnCount(self, parent: ModelIndex = NO_PARENT) -> int:
        """Fixed columns + actions."""
        return 0 if parent.isValid() or self.overview is None else FIXED + len(self.overview.actions)

    def cell_at(self, index: ModelIndex) -> ReturnState | None:
        """The return under ``index`` (None outside the action cells or where no one answers)."""
        if self.overview is None or not index.isValid() or index.column() < FIXED:
            return None
        if index.row() >= len(self.overview.subdivisions):
            return None
        sub = self.overview.subdivisions[index.row()]
        action_id, _code = self.overview.actions[index.column() - FIXED]
        return self.overview.cells.get((sub.id, action_id))

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Texts, colours and tooltips from the cached overview."""
        overview = self.overview
        if overview is None or not index.isValid():
            return None
        row, column = index.row(), index.column()
        totals_row = row == len(overview.subdivisions)
        if totals_row:
            if role != Qt.ItemDataRole.DisplayRole:
                return None
            if column == 0:
                return self.tr("Lipsă / total pe acțiune")
            if column >= FIXED:
                counts = overview.action_counts[overview.actions[column - FIXED][0]]
                return (
                    f"{counts[MISSING] + counts[PARTIAL] + counts[NEEDS_CORRECTION]}/{sum(counts.values())}"
                )
            if 2 <= column < FIXED:
                return overview.total(STATES[column - 2])
            return None
        line = overview.subdivisions[row]
        if column < FIXED:
            if role == Qt.ItemDataRole.DisplayRole:
                if column == 0:
                    return line.code
                if column == 1:
                    return line.form_state or self.tr("fără formular")
                return line.counts[STATES[column - 2]]
            if role == Qt.ItemDataRole.ToolTipRole and column == 0:
                return line.name
            return None
        cell = self.cell_at(index)
        if cell is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return MARK[cell.state]
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(COLOUR[cell.state]))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            what = describe_owed(cell) if cell.state in (MISSING, PARTIAL, NEEDS_CORRECTION) else cell.label
            return self.tr("{name} · acțiunea {code}: {what}").format(
                name=line.name, code=cell.action_code, what=what
            )
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles: the fixed ones, then the action codes."""
        if (
            role != Qt.ItemDataRole.DisplayRole
            or orientation != Qt.Orientation.Horizontal
            or self.overview is None
        ):
            return None
        if section == 0:
            return self.tr("Subdiviziunea")
        if section == 1:
            return self.tr("Formularul")
        if section < FIXED:
            return i18n._(STATE_LABELS_RO[STATES[section - 2]])
        return self.overview.actions[section - FIXED][1]


class CompletenessPage(QDialog):
    """The completeness overview of the period shown."""

    def __init__(
        self, session: Session, navigate: Callable[[int, int, int], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.navigate = navigate
        self.setObjectName("completenessPage")
        self.setWindowTitle(self.tr("Completitudinea returilor"))
        self.resize(1300, 640)
        self.title = QLabel(self)
        self.legend = QLabel(
            self.tr("— lipsă   ½ parțial (lipsesc valori)   ! de corectat   ✓ primit   ✓✓ acceptat")
            + self.tr("   · dublu clic: deschide returul · clic dreapta: starea verificării"),
            self,
        )
        self.model = CompletenessModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("completenessTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setMinimumSectionSize(28)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(self.open_return)
        self.deadline_edit = QLineEdit(self)
        self.deadline_edit.setPlaceholderText(self.tr("Termenul (de ex. 15.07.2024)"))
        self.overdue_button = QPushButton(self.tr("Lista restanțierilor…"), self)
        self.overdue_button.clicked.connect(lambda: self.save_overdue())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.overdue_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.legend)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.deadline_edit)
        layout.addWidget(buttons)
        self.follower = PeriodFollower(self, session, self.reload)
        self.reload()

    def reload(self) -> None:
        """Read the overview of the period shown again."""
        period = self.session.period
        overview = period_completeness(period.id) if period is not None else None
        self.model.set_overview(overview)
        if overview is None:
            self.title.setText(self.tr("Nicio perioadă afișată."))
            return
        totals = ", ".join(f"{i18n._(STATE_LABELS_RO[s])} {overview.total(s)}" for s in STATES)
        self.title.setText(
            self.tr("Perioada {code}: {totals}.").format(code=overview.period_code, totals=totals)
        )
        self.table.resizeColumnsToContents()
        for column in range(FIXED, self.model.columnCount()):
            self.table.setColumnWidth(column, 38)

    def open_return(self, index: ModelIndex) -> bool:
        """Show the return under ``index`` in the grid; False outside the action cells."""
        cell = self.model.cell_at(index)
        if cell is None:
            return False
        self.navigate(cell.action_id, cell.subdivision_id, 0)
        return True

    def set_review(self, index: ModelIndex, status: str) -> bool:
        """Set the review status of the return under ``index`` (an undo step); False when refused."""
        cell = self.model.cell_at(index)
        period = self.session.period
        if cell is None or period is None:
            return False
        write = SetReviewStatus(period.id, cell.action_id, cell.subdivision_id, status)
        command = WriteCommand(
            self.session, write, self.tr("Starea returului: {s}").format(s=i18n._(REVIEW_STATUSES[status]))
        )
        self.session.undo_stack.push(command)
        self.reload()
        return command.error is None

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        cell = self.model.cell_at(index)
        if cell is None or cell.state == MISSING:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Deschide returul"), lambda: self.open_return(index))
        menu.addSeparator()
        for status, label in REVIEW_STATUSES.items():
            menu.addAction(
                self.tr("Marchează: {label}").format(label=i18n._(label)), self._review_setter(index, status)
            )
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def _review_setter(self, index: ModelIndex, status: str) -> Callable[[], object]:
        return lambda: self.set_review(index, status)

    def save_overdue(self, path: Path | None = None) -> Path | None:
        """Write "Lista restanțierilor" to Excel and copy the e-mail texts to the clipboard."""
        overview = self.model.overview
        if overview is None:
            return None
        deadline = self.deadline_edit.text().strip()
        if path is None:
            path = dialogs.choose_save_path(
                self,
                self.tr("Lista restanțierilor"),
                Path.home() / f"Restantieri_{overview.period_code}.xlsx",
                self.tr("Registre Excel (*.xlsx)"),
            )
            if path is None:
                return None
        try:
            written = write_overdue_xlsx(overview, path, deadline)
        except BaltiMonitorError as exc:
            dialogs.show_error(self, self.tr("Lista restanțierilor"), str(exc))
            return None
        QGuiApplication.clipboard().setText("\n\n".join(overdue_text(overview, deadline).values()))
        self.session.message.emit(
            self.tr("Lista a fost salvată în „{path}”; mesajele pentru e-mail sunt în clipboard.").format(
                path=written
            )
        )
        return written
