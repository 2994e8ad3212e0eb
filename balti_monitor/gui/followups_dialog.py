"""The period's comments and follow-ups ("Vizualizare → Comentarii de clarificat…"): open ones first, a
double click opens the cell, "Rezolvat" / "Redeschide" are undo steps."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from balti_monitor.services.comments import CommentInfo, SetResolved, period_comments

from .locale_format import date_time_text
from .period_follower import PeriodFollower
from .session import Session
from .undo import WriteCommand

HEADERS = (
    QT_TRANSLATE_NOOP("FollowupsDialog", "Starea"),
    QT_TRANSLATE_NOOP("FollowupsDialog", "Celula"),
    QT_TRANSLATE_NOOP("FollowupsDialog", "Comentariul"),
    QT_TRANSLATE_NOOP("FollowupsDialog", "Autorul"),
    QT_TRANSLATE_NOOP("FollowupsDialog", "Data"),
)


class FollowupsDialog(QDialog):
    """The list of a period's comments (the open follow-ups, or all)."""

    def __init__(
        self, session: Session, navigate: Callable[[int, int, int], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.navigate = navigate
        self.comments: list[CommentInfo] = []
        self.setObjectName("followupsDialog")
        self.setWindowTitle(self.tr("Comentarii de clarificat"))
        self.resize(1000, 480)
        self.title = QLabel(self)
        self.all_check = QCheckBox(self.tr("Și comentariile rezolvate sau fără urmărire"), self)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels([self.tr(str(h)) for h in HEADERS])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(False)
        heads = self.table.horizontalHeader()
        for column, width in enumerate((90, 200, 460, 120, 120)):
            self.table.setColumnWidth(column, max(width, heads.sectionSizeHint(column)))  # title never cut
        self.table.cellDoubleClicked.connect(lambda row, _c: self.open_cell(row))
        self.resolve_button = QPushButton(self.tr("Rezolvat"), self)
        self.resolve_button.clicked.connect(lambda: self.set_resolved(self.table.currentRow(), True))
        self.reopen_button = QPushButton(self.tr("Redeschide"), self)
        self.reopen_button.clicked.connect(lambda: self.set_resolved(self.table.currentRow(), False))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.resolve_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.reopen_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.all_check)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.all_check.toggled.connect(lambda _on: self.reload())
        self.follower = PeriodFollower(self, session, self.reload)
        self.reload()

    def reload(self) -> None:
        """Read the period's comments again."""
        period = self.session.period
        self.comments = (
            [] if period is None else period_comments(period.id, only_open=not self.all_check.isChecked())
        )
        self.comments.sort(key=lambda c: (not c.open, c.id))
        code = period.key.code if period is not None else "—"
        opened = sum(1 for c in self.comments if c.open)
        self.title.setText(
            self.tr("Perioada {code}: %n comentarii de clarificat.", "", opened).format(code=code)
        )
        self.table.setRowCount(len(self.comments))
        for row, c in enumerate(self.comments):
            state = self.tr("deschis") if c.open else (self.tr("rezolvat") if c.resolved else self.tr("notă"))
            text = c.text
            if c.reply:  # come back with the subdivision's return form
                text += "\n" + self.tr("Răspunsul subdiviziunii: {reply}").format(reply=c.reply)
            values = (state, c.place, text, c.author, date_time_text(c.created_at))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, column, item)

    def open_cell(self, row: int) -> bool:
        """Show the comment's cell in the grid."""
        if not 0 <= row < len(self.comments):
            return False
        c = self.comments[row]
        self.navigate(c.action_id, c.subdivision_id, c.column)
        return True

    def set_resolved(self, row: int, resolved: bool) -> bool:
        """Resolve (or reopen) the comment of ``row`` as an undo step."""
        if not 0 <= row < len(self.comments):
            return False
        c = self.comments[row]
        label = self.tr("Rezolvat: {place}") if resolved else self.tr("Redeschis: {place}")
        command = WriteCommand(self.session, SetResolved(c.id, resolved), label.format(place=c.place))
        self.session.undo_stack.push(command)
        self.reload()
        return command.error is None
