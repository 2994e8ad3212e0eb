"""The findings page ("Vizualizare → Toate constatările perioadei…"): every finding of the period in one
list — action, subdivision, indicator, kind, message, open / acknowledged with its note —, filterable by
text, kind and state; a double click shows its cell."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from balti_monitor import i18n
from balti_monitor.services.findings_list import FindingRow, period_finding_rows
from balti_monitor.services.preflight import KIND_LABELS

from .period_follower import PeriodFollower
from .session import Session

HEADERS = (
    QT_TRANSLATE_NOOP("FindingsPage", "Starea"),
    QT_TRANSLATE_NOOP("FindingsPage", "Acțiunea"),
    QT_TRANSLATE_NOOP("FindingsPage", "Subdiviziunea"),
    QT_TRANSLATE_NOOP("FindingsPage", "Indicator"),
    QT_TRANSLATE_NOOP("FindingsPage", "Tipul"),
    QT_TRANSLATE_NOOP("FindingsPage", "Constatarea"),
    QT_TRANSLATE_NOOP("FindingsPage", "Nota"),
)


class FindingsPage(QDialog):
    """All findings of the period shown."""

    def __init__(
        self, session: Session, navigate: Callable[[int, int, int], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.navigate = navigate
        self.rows: list[FindingRow] = []
        self.shown: list[FindingRow] = []
        self.setObjectName("findingsPage")
        self.setWindowTitle(self.tr("Constatările perioadei"))
        self.resize(1200, 560)
        self.title = QLabel(self)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filtrează (acțiune, subdiviziune, text)…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.kind_box = QComboBox(self)
        self.kind_box.addItem(self.tr("Orice tip"), None)
        for label in dict.fromkeys(KIND_LABELS.values()):
            self.kind_box.addItem(i18n._(label), i18n._(label))
        self.state_box = QComboBox(self)
        for text, data in (
            (self.tr("Toate"), None),
            (self.tr("Deschise"), False),
            (self.tr("Confirmate"), True),
        ):
            self.state_box.addItem(text, data)
        filters = QHBoxLayout()
        filters.addWidget(self.filter_edit, 2)
        filters.addWidget(self.kind_box)
        filters.addWidget(self.state_box)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels([self.tr(str(h)) for h in HEADERS])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        heads = self.table.horizontalHeader()
        for column, width in enumerate((90, 70, 200, 70, 200, 380, 200)):
            self.table.setColumnWidth(column, max(width, heads.sectionSizeHint(column)))  # title never cut
        self.table.cellDoubleClicked.connect(lambda row, _c: self.open_finding(row))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.filter_edit.textChanged.connect(lambda _t: self.refilter())
        self.kind_box.currentIndexChanged.connect(lambda _i: self.refilter())
        self.state_box.currentIndexChanged.connect(lambda _i: self.refilter())
        self.follower = PeriodFollower(self, session, self.reload)
        self.reload()

    def reload(self) -> None:
        """Read the period's findings again."""
        period = self.session.period
        self.rows = [] if period is None else period_finding_rows(period.id)
        self.refilter()

    def refilter(self) -> None:
        """Apply the filters."""
        needle = self.filter_edit.text().strip().casefold()
        kind = self.kind_box.currentData()
        state = self.state_box.currentData()
        self.shown = [
            r
            for r in self.rows
            if (kind is None or r.kind == kind)
            and (state is None or r.acknowledged == state)
            and (not needle or needle in f"{r.action_code} {r.subdivision} {r.message} {r.note}".casefold())
        ]
        opened = sum(1 for r in self.rows if not r.acknowledged)
        self.title.setText(
            self.tr("{open}, {ack}; afișate {shown}.").format(
                open=self.tr("%n constatări deschise", "", opened),
                ack=self.tr("%n confirmate", "", len(self.rows) - opened),
                shown=len(self.shown),
            )
        )
        self.table.setRowCount(len(self.shown))
        for row, r in enumerate(self.shown):
            values = (
                r.state,
                r.action_code,
                r.subdivision or self.tr("Total"),
                "" if r.indicator is None else str(r.indicator),
                r.kind,
                r.message,
                r.note,
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, column, item)

    def open_finding(self, row: int) -> bool:
        """Show the finding's cell in the grid."""
        if not 0 <= row < len(self.shown):
            return False
        r = self.shown[row]
        self.navigate(r.action_id, r.subdivision_id, r.column)
        return True
