"""The right-hand page for the selected action: header, grid with its Total row, findings.

It owns the grid model and keeps it in step with the session: after a write it reloads only when the
change set names its action (or the subdivisions), and then only the changed cells repaint.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QPoint, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from balti_monitor import i18n
from balti_monitor.domain.checks import Finding
from balti_monitor.domain.grid import OverrideDef
from balti_monitor.services.applicability import period_state
from balti_monitor.services.audit import set_user_name
from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.comments import COMMENTS, AddComment, open_followup_cells
from balti_monitor.services.completeness import SetReviewStatus, period_completeness
from balti_monitor.services.editing import REVIEW_STATUSES, TOTAL_ROW, OverrideConflict, TotalShown
from balti_monitor.services.periods import key_of
from balti_monitor.services.plans import plan_columns
from balti_monitor.services.responsibilities import responsibility_state
from balti_monitor.services.subdivisions import list_subdivisions

from . import dialogs
from .action_header import ActionHeader
from .findings_view import FindingsView
from .flow_layout import FlowLayout
from .grid_delegate import FINDING_COLOUR, OVERRIDE_COLOUR
from .grid_model import BACKGROUNDS, CellKind, GridModel
from .grid_view import GridView
from .session import Session
from .settings import AUTHOR, AppSettings
from .status_page import StatusPage
from .total_row import TotalRowView
from .undo import AcknowledgeCommand, OverrideCommand, ResponsibilitiesCommand, WriteCommand

translate = QCoreApplication.translate


class ActionPage(QWidget):
    """Header, grid and findings of the action shown.

    Attributes:
        model: the grid model (one per grid view, re-pointed at each action).
        view: the grid view.
        action_id: the action shown (None before the first selection).

    Signals:
        message(str): a Romanian message for the status bar.
    """

    message = Signal(str)

    def __init__(self, session: Session, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.action_id: int | None = None
        self.header = ActionHeader(self)
        self.model = GridModel(session, self)
        self.view = GridView(self)
        self.view.setModel(self.model)
        self.view.setObjectName("grid")
        rows = self.view.verticalHeader()  # the subdivision names: the return's review status
        rows.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        rows.customContextMenuRequested.connect(self._row_menu)
        self.total_view = TotalRowView(self.view, self)
        self.total_view.attach(self.model)
        self.findings = FindingsView(self)

        self.comment_action = QAction(self.tr("Comentariu de clari&ficat la celula curentă…"), self)
        self.comment_action.setShortcut(QKeySequence("Ctrl+Alt+K"))
        self.comment_action.setToolTip(
            self.tr("Un comentariu de urmărit pe valoare, retur sau Total („de clarificat: 7 sau 8 acte?”)")
        )
        self.comment_action.triggered.connect(lambda: self.add_comment())
        self.addAction(self.comment_action)
        self.responsibility_action = QAction(self.tr("Subdiviziuni &responsabile…"), self)
        self.responsibility_action.setToolTip(
            self.tr("Adăugați sau eliminați subdiviziuni și bifați indicatorii la care răspund")
        )
        self.responsibility_action.triggered.connect(self.edit_responsibilities)
        self.override_action = QAction(self.tr("Introdu totalul &manual…"), self)
        self.override_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_M))
        self.override_action.setToolTip(
            self.tr("Scrieți manual totalul coloanei selectate (se cere motivul); Ctrl+M")
        )
        self.override_action.triggered.connect(lambda: self.edit_override(self.view.currentIndex().column()))
        self.clear_override_action = QAction(self.tr("Re&vino la totalul calculat"), self)
        self.clear_override_action.triggered.connect(
            lambda: self.clear_override(self.view.currentIndex().column())
        )

        grid_box = QWidget(self)
        grid_layout = QVBoxLayout(grid_box)
        grid_layout.setContentsMargins(0, 0, 0, 0)
        grid_layout.setSpacing(0)
        bar = FlowLayout(spacing=8, line_spacing=3)
        self.indicators_button = QToolButton(grid_box)
        self.indicators_button.setObjectName("indicatorsToggle")
        self.indicators_button.setCheckable(True)
        self.indicators_button.setChecked(True)
        self.indicators_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.indicators_button.setArrowType(Qt.ArrowType.DownArrow)
        self.indicators_button.setText(self.tr("Indicatorii"))
        self.indicators_button.setToolTip(
            self.tr("Arată sau ascunde textele indicatorilor în antet (sunt și pe capetele coloanelor)")
        )
        self.indicators_button.toggled.connect(self.set_indicators_shown)
        bar.addWidget(self.indicators_button)
        for action in (self.responsibility_action, self.override_action):
            button = QPushButton(action.text().replace("&", ""), grid_box)
            button.setToolTip(action.toolTip())
            button.clicked.connect(action.trigger)
            bar.addWidget(button)
        for item in _legend(grid_box):
            bar.addWidget(item)
        grid_layout.addLayout(bar)
        grid_layout.addSpacing(3)
        grid_layout.addWidget(self.view, 1)
        grid_layout.addWidget(self.total_view, 0)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("actionSplitter")
        self.splitter.addWidget(self.header)
        self.splitter.addWidget(grid_box)
        self.splitter.addWidget(self.findings)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([190, 520, 120])
        self._label_heights: dict[tuple[str, int], int] = {}
        self.findings_height = 150  # the user's choice (dragging the lower handle), kept across actions
        self.splitter.splitterMoved.connect(self._splitter_moved)

        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.empty)
        # plans whose progress is kept per item (seed 004): the status grid instead of the subdivisions' grid
        self.status_page = StatusPage(session, self)
        self.stack.addWidget(self.status_page)
        # No layout on the page itself: the stack fills it (resizeEvent). A relayout inside the page (another
        # header, findings or Total height at each switch) stops here instead of climbing to the tab widget,
        # which repaints all of itself on every layout request (QTabWidget::setUpLayout) - the whole
        # right-hand side painted twice per switch. The page's minimum size is the largest its content has
        # needed, so it goes up (and the window relays out) only the few times that grows; its preferred
        # size follows the texts shown and matters to nobody once the window is laid out.
        self._minimum = self.stack.minimumSizeHint()

        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        separator = QAction(self)
        separator.setSeparator(True)
        for action in (separator, self.override_action, self.clear_override_action):
            self.view.addAction(action)
            self.total_view.addAction(action)
        self.view.horizontalHeader().sectionResized.connect(self._fit_column_header)
        self.model.modelReset.connect(self._fit_column_header)
        self.model.headerDataChanged.connect(self._fit_column_header)
        self.view.overrideRequested.connect(self.edit_override)
        self.view.message.connect(self.message)
        self.findings.findingActivated.connect(self.select_finding)
        self.findings.acknowledgeRequested.connect(self.acknowledge_finding)
        self.findings.reopenRequested.connect(self.reopen_finding)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        session.changed.connect(self._on_changed)
        session.periodAboutToChange.connect(self.view.finish_editing)
        session.periodChanged.connect(self.reload)
        session.opened.connect(self._on_opened)
        self._refresh_labels()
        self._update_empty()

    # -- showing ------------------------------------------------------------------------------------------
    def show_action(self, action_id: int | None) -> None:
        """Show an action (its grid for the period shown); an open cell editor is committed first."""
        other = action_id != self.action_id
        if other:
            self.view.finish_editing()
        self.action_id = action_id
        self.reload()
        if other:
            self.go_to_start()

    def go_to_start(self) -> None:
        """Show the grid from its first row and column, nothing selected from the action shown before."""
        selection = self.view.selectionModel()
        if selection is not None:
            selection.clear()
        self.view.scrollToTop()
        self.view.horizontalScrollBar().setValue(0)
        self.view.verticalScrollBar().setValue(0)

    def set_indicators_shown(self, shown: bool) -> None:
        """Show or hide the indicators' texts in the header (they stay on the column headers' tooltips)."""
        if self.indicators_button.isChecked() != shown:
            self.indicators_button.setChecked(shown)
            return
        self.indicators_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.header.set_indicators_shown(shown)
        if self.action_id is not None and self.model.result is not None:
            self.header.show_action(self.session.action(self.action_id), self.model.result)
        self.fit_splitter()

    def reload(self) -> None:
        """Reload the action shown (another period, a structure change, or a new file)."""
        self._update_empty()
        if self.action_id is not None and self.status_page.active() and self.session.period is None:
            self.status_page.show_action(self.action_id)  # the plan's item, no period yet
            return
        if self.action_id is None or self.session.period is None:
            self.model.clear()
            self.header.clear()
            self.findings.set_findings([])
            return
        try:
            info = self.session.action(self.action_id)
        except KeyError:
            self.action_id = None
            self.reload()
            return
        if self.status_page.active():
            self.status_page.show_action(self.action_id)
            return
        result = self.session.result(self.action_id)
        if result is None:
            self.model.clear()
            return
        self.header.show_action(info, result)
        self.model.followups = open_followup_cells(self.session.period.id, self.action_id)
        self.model.set_result(self.session.period.id, result)
        self.findings.set_findings(list(result.findings), list(result.acknowledged))
        self.fit_splitter()
        self._current_changed(self.view.currentIndex())

    # -- layout -------------------------------------------------------------------------------------------
    def fit_splitter(self) -> None:
        """Give the header the height of its text (at most a quarter of the page), findings their chosen share."""
        total = self.splitter.height()
        if total <= 0:
            return
        handles = self.splitter.handleWidth() * 2
        available = total - handles
        header = min(self.header.content_height(), int(available * 0.25))
        if self.findings.model.rowCount():
            findings = max(
                self.findings.minimumSizeHint().height(),
                min(self.findings_height, available // 6, self.findings.needed_height()),
            )
        else:
            findings = self.findings.title.sizeHint().height() + 8
        grid = max(120, available - header - findings)
        if self.splitter.sizes() != [header, grid, findings]:
            self.splitter.setSizes([header, grid, findings])

    def _fit_column_header(self, *_: object) -> None:
        """The column headers tall enough for their labels wrapped at the column widths (never clipped)."""
        header = self.view.horizontalHeader()
        metrics = header.fontMetrics()
        needed = metrics.lineSpacing() + 8
        for column in range(self.model.columnCount()):
            label = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            width = max(20, header.sectionSize(column) - 10)
            key = (label, width)
            height = self._label_heights.get(key)
            if height is None:
                box = metrics.boundingRect(QRect(0, 0, width, 1000), HEADER_FLAGS, label)
                height = self._label_heights[key] = box.height() + 8
            needed = max(needed, height)
        if header.minimumHeight() != needed:
            header.setMinimumHeight(needed)

    def _splitter_moved(self, _position: int, handle: int) -> None:
        if handle == 2 and self.findings.model.rowCount():
            self.findings_height = self.splitter.sizes()[2]

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Override: the stack fills the page; keep the header fitted to its text."""
        super().resizeEvent(event)
        self.stack.setGeometry(self.rect())
        self.fit_splitter()

    def sizeHint(self) -> QSize:
        """Override: the stack's."""
        return self.stack.sizeHint()

    def minimumSizeHint(self) -> QSize:
        """Override: the largest minimum size the stack has needed."""
        self._minimum = self._minimum.expandedTo(self.stack.minimumSizeHint())
        return self._minimum

    def event(self, event: QEvent) -> bool:
        """Override: a layout request from inside the page goes up only when its minimum size grew."""
        if event.type() == QEvent.Type.LayoutRequest:
            before = self._minimum
            if self.minimumSizeHint() != before:
                self.updateGeometry()
        return super().event(event)

    def _on_opened(self) -> None:
        self.action_id = None
        self._refresh_labels()
        self.reload()

    def _refresh_labels(self) -> None:
        """The labels of the plan's own columns, for the headers (read when the plan is shown or edited)."""
        plan = self.session.plan
        labels = {c.key: c.label for c in plan_columns(plan.id)} if plan is not None else {}
        self.header.column_labels = labels
        self.status_page.header.column_labels = labels

    def _update_empty(self) -> None:
        if self.action_id is not None and self.status_page.active():
            self.stack.setCurrentWidget(self.status_page)  # with or without a period: the item's header
        elif self.session.period is None:
            self.empty.setText(
                self.tr(
                    "<h3>Nu există încă nicio perioadă de raportare.</h3>"
                    "<p>Creați prima perioadă cu butonul „Perioadă nouă…” din bara de instrumente.</p>"
                )
            )
            self.stack.setCurrentWidget(self.empty)
        elif self.action_id is None:
            self.empty.setText(self.tr("<h3>Alegeți o acțiune din arborele planului.</h3>"))
            self.stack.setCurrentWidget(self.empty)
        elif self.status_page.active():
            self.stack.setCurrentWidget(self.status_page)
        else:
            self.stack.setCurrentWidget(self.splitter)

    def _on_changed(self, changes: ChangeSet) -> None:
        if changes.plan_structure:
            self._refresh_labels()
            if self.status_page.active():
                self.status_page.show_action(self.status_page.action_id)  # the header with the new labels
        if self.action_id is None or self.session.period is None:
            return
        if self.status_page.active():
            return  # the status page follows the changes itself
        if changes.detail == COMMENTS and self.action_id in changes.actions:  # the corner marks
            self.model.followups = open_followup_cells(self.session.period.id, self.action_id)
            self.view.viewport().update()
            self.total_view.viewport().update()  # the pinned Total row is a second view of the model
        if changes.subdivisions or changes.plan_structure:
            self.reload()
        elif self.action_id in changes.actions:
            self.refresh_values()

    def refresh_values(self) -> None:
        """After an edit of the action shown: new cells and findings; the header, the column widths and the
        page's layout stay (only the changed cells repaint, the page is laid out again only when the list
        of findings changed)."""
        if self.action_id is None or self.session.period is None:
            return
        result = self.session.result(self.action_id)
        if result is None:
            self.reload()
            return
        self.model.set_result(self.session.period.id, result)
        findings, acknowledged = list(result.findings), list(result.acknowledged)
        done = self.findings.acknowledged_model
        shown = (self.findings.model._findings, list(zip(done._findings, done._notes, strict=False)))
        if (findings, acknowledged) != shown:
            self.findings.set_findings(findings, acknowledged)
            self.fit_splitter()
        self._current_changed(self.view.currentIndex())

    # -- cells --------------------------------------------------------------------------------------------
    def select_cell(self, subdivision_id: int, column: int) -> None:
        """Select a cell (subdivision 0 = the Total row); negative values keep the current cell."""
        if subdivision_id < 0:
            return
        row = self.model.row_of_subdivision(subdivision_id)
        if row < 0:
            return
        index = self.model.index(row, max(0, min(column, self.model.columnCount() - 1)))
        self.view.set_current_cell(index)
        self.view.setFocus()

    def select_finding(self, finding: Finding) -> None:
        """Select the cell a finding is about."""
        index = self.model.index_of_finding(finding)
        if index.isValid():
            self.view.set_current_cell(index)
            self.view.setFocus()

    def _current_changed(self, index: QModelIndex, _previous: QModelIndex | None = None) -> None:
        column = index.column() if index.isValid() else -1
        has_override = False
        if column >= 0 and self.model.result is not None:
            if column == 0:
                has_override = self.model.result.totals.counts_override is not None
            else:
                total = self.model.total_of(column)
                has_override = total is not None and total.override is not None
        self.override_action.setEnabled(self.model.result is not None)
        self.clear_override_action.setEnabled(has_override)

    # -- overrides ----------------------------------------------------------------------------------------
    def _override_target(self, column: int) -> tuple[int | None, str, str, OverrideDef | None] | None:
        result = self.model.result
        if result is None:
            return None
        code = result.grid.code
        if column <= 0:
            totals = result.totals
            where = self.tr(
                "Acțiunea {code} · numărul de subdiviziuni (coloana Descrierea măsurilor)"
            ).format(code=code)
            return None, where, totals.counts.sentence(), totals.counts_override
        total = self.model.total_of(column)
        indicator = self.model.indicator(column)
        if total is None or indicator is None:
            return None
        where = self.tr("Acțiunea {code} · Indicator {n}: {text}").format(
            code=code, n=column, text=indicator.text
        )
        computed = total.text or (
            self.tr("nu se calculează: {p}").format(p=total.problem) if total.problem else ""
        )
        return column, where, computed, total.override

    def edit_override(self, column: int) -> bool:
        """Ask for a manual Total of a column (0 = the counts sentence) and apply it as one undo step."""
        target = self._override_target(column)
        if target is None or self.session.period is None or self.action_id is None:
            return False
        number, where, computed, current = target
        from .override_dialog import OverrideDialog  # imported on first use (start-up time)

        answer = OverrideDialog.ask(self.window(), where, computed, current, self.settings.text(AUTHOR))
        if answer.choice == "cancel":
            return False
        code = self.model.result.grid.code if self.model.result is not None else ""
        label_target = (
            self.tr("Indicator {n}").format(n=number) if number else self.tr("numărul de subdiviziuni")
        )
        read = TotalShown(current)  # the version: the Total the cell showed when the dialog opened
        if answer.choice == "clear":
            text = self.tr("Total calculat {code} · {what}").format(code=code, what=label_target)
            command = OverrideCommand(
                self.session, self.session.period.id, self.action_id, number, None, text, read
            )
        else:
            assert answer.value is not None
            if answer.value.author:
                self.settings.set(AUTHOR, answer.value.author)
                set_user_name(answer.value.author)
            text = self.tr("Total manual {code} · {what}").format(code=code, what=label_target)
            command = OverrideCommand(
                self.session, self.session.period.id, self.action_id, number, answer.value, text, read
            )
        self.session.undo_stack.push(command)
        if isinstance(command.failure, OverrideConflict):
            return self._override_conflict(command, text, label_target)
        if command.error:
            self.message.emit(command.error)
            return False
        self.select_cell(TOTAL_ROW, number or 0)
        return True

    def clear_override(self, column: int) -> bool:
        """Go back to the computed Total of a column (one undo step)."""
        target = self._override_target(column)
        if target is None or target[3] is None or self.session.period is None or self.action_id is None:
            return False
        number = target[0]
        code = self.model.result.grid.code if self.model.result is not None else ""
        what = self.tr("Indicator {n}").format(n=number) if number else self.tr("numărul de subdiviziuni")
        text = self.tr("Total calculat {code} · {what}").format(code=code, what=what)
        command = OverrideCommand(
            self.session, self.session.period.id, self.action_id, number, None, text, TotalShown(target[3])
        )
        self.session.undo_stack.push(command)
        if isinstance(command.failure, OverrideConflict):
            return self._override_conflict(command, text, what)
        return command.error is None

    def _override_conflict(self, command: OverrideCommand, label: str, what: str) -> bool:
        """Somebody else typed or cleared this Total meanwhile: both shown, the user chooses."""
        from .conflict_dialog import resolve_override_conflict

        return resolve_override_conflict(self.session, command, label, self.window(), what)

    # -- acknowledged findings ----------------------------------------------------------------------------
    def acknowledge_finding(self, finding: Finding) -> bool:
        """Acknowledge a finding with a note (one undo step)."""
        if self.action_id is None or self.session.period is None:
            return False
        note = dialogs.ask_text(
            self.window(),
            self.tr("Confirmă constatarea"),
            self.tr(
                "{where}\n{message}\n\nNota (de ce rămâne așa); constatarea revine dacă datele se schimbă:"
            ).format(where=finding.location(), message=finding.message),
        )
        if note is None:
            return False
        if not note.strip():
            self.message.emit(self.tr("Constatarea nu a fost confirmată: scrieți o notă."))
            return False
        text = self.tr("Confirmare constatare {where}").format(where=finding.location())
        command = AcknowledgeCommand(self.session, self.session.period.id, finding.key, note.strip(), text)
        self.session.undo_stack.push(command)
        return command.error is None

    def reopen_finding(self, finding: Finding) -> bool:
        """Take back an acknowledgement (one undo step)."""
        if self.action_id is None or self.session.period is None:
            return False
        text = self.tr("Redeschidere constatare {where}").format(where=finding.location())
        command = AcknowledgeCommand(self.session, self.session.period.id, finding.key, None, text)
        self.session.undo_stack.push(command)
        return command.error is None

    # -- responsibilities ---------------------------------------------------------------------------------
    def edit_responsibilities(self) -> bool:
        """Edit who answers for the action (one undo step)."""
        if self.action_id is None:
            return False
        info = self.session.action(self.action_id)
        period = self.session.period
        # responsibilities are valid from a period on: the dialog starts from the period shown
        before = (
            period_state(period, self.action_id)
            if period is not None
            else responsibility_state(self.action_id)
        )
        subdivisions = [(s.id, s.name) for s in list_subdivisions()]
        from .responsibility_dialog import ResponsibilityDialog  # imported on first use (start-up time)

        code = key_of(period).code if period is not None else None
        after = ResponsibilityDialog.ask(self.window(), info, before, subdivisions, code)
        if after is None or after == before:
            return False
        text = self.tr("Subdiviziuni responsabile {code}").format(code=info.code)
        if code:
            text += " " + self.tr("(de la {period})").format(period=code)
        command = ResponsibilitiesCommand(
            self.session, self.action_id, after, text, period.id if period is not None else None
        )
        self.session.undo_stack.push(command)
        if command.error:
            self.message.emit(command.error)
            return False
        return True

    def add_comment(self, text: str | None = None) -> bool:
        """Add a follow-up comment to the grid's current cell (an undo step); False when cancelled/refused."""
        period = self.session.period
        index = self.view.currentIndex()
        if period is None or self.action_id is None or not index.isValid():
            return False
        head = self.model.row_head(index.row())
        if text is None:
            text = dialogs.ask_text(
                self.window(),
                self.tr("Comentariu de clarificat"),
                self.tr("{name}, coloana {column}: ce trebuie clarificat?").format(
                    name=head.name, column=index.column()
                ),
            )
            if text is None:
                return False
        write = AddComment(period.id, self.action_id, head.subdivision_id, index.column(), text)
        command = WriteCommand(self.session, write, self.tr("Comentariu: {name}").format(name=head.name))
        self.session.undo_stack.push(command)
        if command.error:
            self.message.emit(command.error)
            return False
        return True

    def review_menu(self, row: int) -> QMenu | None:
        """The menu of a subdivision's row header: its return's review status (None: no return)."""
        period = self.session.period
        if period is None or self.action_id is None or row < 0 or row >= self.model.rowCount():
            return None
        head = self.model.row_head(row)
        if not head.has_return or head.subdivision_id <= 0:
            return None
        cell = period_completeness(period.id).cells.get((head.subdivision_id, self.action_id))
        menu = QMenu(self)
        menu.setTitle(self.tr("Starea returului"))
        for status, label in REVIEW_STATUSES.items():
            action = menu.addAction(self.tr("Marchează: {label}").format(label=i18n._(label)))
            action.setCheckable(True)
            action.setChecked(cell is not None and cell.state == status)
            action.triggered.connect(self._review_setter(head.subdivision_id, status, head.name))
        return menu

    def _review_setter(self, subdivision_id: int, status: str, name: str) -> Callable[[], object]:
        return lambda: self.set_review_status(subdivision_id, status, name)

    def set_review_status(self, subdivision_id: int, status: str, name: str = "") -> bool:
        """Set a return's review status (an undo step); False when refused."""
        period = self.session.period
        if period is None or self.action_id is None:
            return False
        write = SetReviewStatus(period.id, self.action_id, subdivision_id, status)
        text = self.tr("{name}: {label}").format(name=name, label=i18n._(REVIEW_STATUSES[status]))
        command = WriteCommand(self.session, write, text)
        self.session.undo_stack.push(command)
        return command.error is None

    def _row_menu(self, pos: QPoint) -> None:
        header = self.view.verticalHeader()
        menu = self.review_menu(header.logicalIndexAt(pos))
        if menu is not None:
            menu.exec(header.mapToGlobal(pos))


HEADER_FLAGS = int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)


def _legend(parent: QWidget) -> list[QWidget]:
    """Small swatches explaining the cell colours (each swatch with its word, never split by wrapping)."""
    items = [
        (_swatch(BACKGROUNDS[CellKind.MISSING].color()), translate("ActionPage", "lipsește")),
        (_swatch(QColor("#c9c9c9"), hatch=True), translate("ActionPage", "nu răspunde")),
        (
            _swatch(QColor("white"), text_colour=QColor("#707070")),
            translate("ActionPage", "„-” (nerealizat)"),
        ),
        (
            _swatch(BACKGROUNDS[CellKind.TOTAL].color(), corner=OVERRIDE_COLOUR),
            translate("ActionPage", "total manual"),
        ),
        (_swatch(QColor("white"), corner=FINDING_COLOUR, right=True), translate("ActionPage", "constatare")),
    ]
    explanations = [
        translate("ActionPage", "Subdiviziunea răspunde la indicator, dar valoarea nu este scrisă."),
        translate(
            "ActionPage", "Subdiviziunea nu răspunde la acest indicator (vezi „Subdiviziuni responsabile…”)."
        ),
        translate(
            "ActionPage",
            "Valoare scrisă „-” sau „Nu este cazul”: nu este zero și, la numărul de subdiviziuni, contează ca "
            "nerealizat (restanță), ca în raportul original.",
        ),
        translate("ActionPage", "Total scris manual, cu motiv (colț albastru)."),
        translate("ActionPage", "Celulă cu o constatare a verificărilor (colț roșu)."),
    ]
    widgets: list[QWidget] = []
    for (pixmap, text), explanation in zip(items, explanations, strict=True):
        pair = QWidget(parent)
        pair.setObjectName("legendItem")
        row = QHBoxLayout(pair)
        row.setContentsMargins(0, 4, 0, 4)
        row.setSpacing(4)
        icon = QLabel(pair)
        icon.setPixmap(pixmap)
        icon.setToolTip(explanation)
        label = QLabel(text, pair)
        label.setStyleSheet("color:#555")
        label.setToolTip(explanation)
        row.addWidget(icon)
        row.addWidget(label)
        widgets.append(pair)
    return widgets


def _swatch(
    colour: QColor,
    hatch: bool = False,
    corner: QColor | None = None,
    right: bool = False,
    text_colour: QColor | None = None,
) -> QPixmap:
    size = QSize(22, 14)
    ratio = 2.0
    pixmap = QPixmap(int(size.width() * ratio), int(size.height() * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(QColor("white"))
    painter = QPainter(pixmap)
    rect = QRect(0, 0, size.width() - 1, size.height() - 1)
    if hatch:
        painter.fillRect(rect, BACKGROUNDS[CellKind.NOT_ASSIGNED])
    else:
        painter.fillRect(rect, colour)
    if text_colour is not None:
        painter.setPen(text_colour)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), "-")
    if corner is not None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(corner)
        w = float(size.width())
        if right:
            points = [QPointF(w - 7, 0), QPointF(w, 0), QPointF(w, 7)]
        else:
            points = [QPointF(0, 0), QPointF(7, 0), QPointF(0, 7)]
        painter.drawPolygon(points)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(QPen(QColor("#9a9a9a")))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect)
    painter.end()
    return pixmap
