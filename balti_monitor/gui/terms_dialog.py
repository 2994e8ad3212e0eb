"""The "Termenele acțiunilor" dialog: each action's term as the plan writes it (never changed), what was
read from it, and - for the terms that could not be read - setting it by hand."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from balti_monitor import i18n
from balti_monitor.domain.terms import KIND_LABELS, Term, TermKind
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.terms import TermInfo, parse_due_date

_KINDS = list(TermKind)
UNPARSED_BRUSH = QBrush(QColor("#fdf0d5"))


class TermsDialog(QDialog):
    """Lists the terms; ``apply(action_id, term)`` writes one (the caller makes it an undo step)."""

    def __init__(
        self,
        load: Callable[[], list[TermInfo]],
        apply: Callable[[int, Term | None], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("termsDialog")
        self.setWindowTitle(self.tr("Termenele acțiunilor"))
        self.resize(980, 560)
        self._load = load
        self._apply = apply
        self.terms: list[TermInfo] = []
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Textul termenului rămâne cel din plan; alături, ce s-a citit din el. Termenele care nu au putut "
                "fi citite (evidențiate) se stabilesc manual: alegeți rândul, tipul și, pentru „la o dată”, data."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.only_unparsed = QCheckBox(self.tr("Doar termenele de stabilit manual"), self)
        self.only_unparsed.toggled.connect(self.refresh)
        layout.addWidget(self.only_unparsed)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Acțiunea"), self.tr("Termenul în plan"), self.tr("Scadența")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.kind_combo = QComboBox(self)
        for kind in _KINDS:
            self.kind_combo.addItem(i18n._(KIND_LABELS[kind]))
        self.date_edit = QLineEdit(self)
        self.date_edit.setPlaceholderText(self.tr("31.12.2024"))
        self.set_button = QPushButton(self.tr("&Stabilește"), self)
        self.set_button.clicked.connect(self.set_selected)
        self.auto_button = QPushButton(self.tr("&Citește din textul planului"), self)
        self.auto_button.clicked.connect(self.clear_selected)
        row.addWidget(QLabel(self.tr("Tipul:"), self))
        row.addWidget(self.kind_combo, 1)
        row.addWidget(QLabel(self.tr("Data:"), self))
        row.addWidget(self.date_edit)
        row.addWidget(self.set_button)
        row.addWidget(self.auto_button)
        layout.addLayout(row)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()

    def shown_terms(self) -> list[TermInfo]:
        """The rows shown (all, or the unparsed ones)."""
        return [t for t in self.terms if t.unparsed or not self.only_unparsed.isChecked()]

    def refresh(self) -> None:
        """Reload the terms and fill the table."""
        self.terms = self._load()
        shown = self.shown_terms()
        self.table.setRowCount(len(shown))
        for position, info in enumerate(shown):
            if info.term is None:
                state = self.tr("necitit – de stabilit manual")
            else:
                state = info.term.describe() + (
                    self.tr(" (stabilit manual)") if info.manual is not None else ""
                )
            items = [
                QTableWidgetItem(info.code),
                QTableWidgetItem(info.text or self.tr("(gol în plan)")),
                QTableWidgetItem(state),
            ]
            items[1].setToolTip(info.text)
            for column, item in enumerate(items):
                if info.unparsed:
                    item.setBackground(UNPARSED_BRUSH)
                self.table.setItem(position, column, item)
        unparsed = sum(1 for t in self.terms if t.unparsed)
        self.message.setText(
            self.tr("%n termene de stabilit manual.", "", unparsed)
            if unparsed
            else self.tr("Toate termenele sunt citite sau stabilite.")
        )

    def _selected(self) -> TermInfo | None:
        rows = self.table.selectionModel().selectedRows()
        shown = self.shown_terms()
        if not rows or rows[0].row() >= len(shown):
            self.message.setText(self.tr("Alegeți mai întâi o acțiune din listă."))
            return None
        return shown[rows[0].row()]

    def set_selected(self) -> bool:
        """Set the chosen kind (and date) for the selected action."""
        info = self._selected()
        if info is None:
            return False
        kind = _KINDS[self.kind_combo.currentIndex()]
        try:
            due = parse_due_date(self.date_edit.text()) if kind is TermKind.DEADLINE else None
        except ServiceError as exc:
            self.message.setText(str(exc))
            return False
        return self._write(info, Term(kind, due))

    def clear_selected(self) -> bool:
        """Drop the term set by hand: read it from the plan's text again."""
        info = self._selected()
        return self._write(info, None) if info is not None else False

    def _write(self, info: TermInfo, term: Term | None) -> bool:
        error = self._apply(info.action_id, term)
        if error:
            self.message.setText(error)
            return False
        self.refresh()
        return True
