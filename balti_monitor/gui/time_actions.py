"""The time dimension in the main window: the menu "Ani și termene" (annual period, annual rules, terms,
section III draft, trends) and the "Istoric pe perioade" dock beside the grid."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu

from balti_monitor.domain.grid import AnnualRule
from balti_monitor.domain.terms import DueState, Term
from balti_monitor.services.annual import SetAnnualRule, indicator_rules
from balti_monitor.services.periods import PeriodKey
from balti_monitor.services.terms import SetActionTerm, action_terms, due_counts, due_sentence

from . import dialogs
from .history_panel import HistoryPanel
from .undo import CreatePeriodCommand, WriteCommand

if TYPE_CHECKING:
    from .action_page import ActionPage
    from .session import Session


class TimeActions(QObject):
    """Actions and panels about years, deadlines and history; :meth:`install` puts them in the window."""

    def __init__(self, session: Session, window: QMainWindow, action_page: ActionPage) -> None:
        super().__init__(window)
        self.session = session
        self.window = window
        self.action_page = action_page
        self.history = HistoryPanel(session, action_page.view, window)
        self.annual_period_action = QAction(self.tr("Perioadă &anuală (raportul anului)…"), self)
        self.annual_period_action.setToolTip(
            self.tr("Creează perioada anuală a anului afișat: valorile se calculează din cele două semestre")
        )
        self.annual_period_action.triggered.connect(self.create_annual_period)
        self.rules_action = QAction(self.tr("&Reguli anuale ale indicatorilor…"), self)
        self.rules_action.setToolTip(
            self.tr("Cum rezultă valoarea anului din semestre, pentru acțiunea afișată")
        )
        self.rules_action.triggered.connect(self.edit_rules)
        self.terms_action = QAction(self.tr("&Termenele acțiunilor…"), self)
        self.terms_action.setToolTip(
            self.tr(
                "Când devine scadentă fiecare acțiune; termenele care nu au putut fi citite se stabilesc aici"
            )
        )
        self.terms_action.triggered.connect(self.edit_terms)
        self.due_action = QAction(self.tr("Acțiunile &scadente ale perioadei…"), self)
        self.due_action.triggered.connect(self.show_due)
        self.trend_action = QAction(self.tr("Ten&dința acțiunii…"), self)
        self.trend_action.setToolTip(
            self.tr("Totalul fiecărui indicator al acțiunii afișate în toate perioadele")
        )
        self.trend_action.triggered.connect(self.show_trend)
        self.overview_action = QAction(self.tr("Planul pe &perioade (grafice)…"), self)
        self.overview_action.triggered.connect(self.show_overview)
        session.periodChanged.connect(self._update)
        session.opened.connect(self._update)
        self._update()

    def install(self) -> QMenu:
        """Add the dock (right of the page) and the menu (before "Ajutor") to the window."""
        self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.history)
        # Hidden until asked for: at 1366×768 the grid needs the whole width (the window remembers the choice).
        self.history.hide()
        bar = self.window.menuBar()
        menu = QMenu(self.tr("A&ni și termene"), self.window)
        menu.setObjectName("timeMenu")
        menu.addAction(self.annual_period_action)
        menu.addAction(self.rules_action)
        menu.addSeparator()
        menu.addAction(self.terms_action)
        menu.addAction(self.due_action)
        menu.addSeparator()
        menu.addAction(self.trend_action)
        menu.addAction(self.overview_action)
        menu.addSeparator()
        toggle = self.history.toggleViewAction()
        toggle.setText(self.tr("&Istoric pe perioade"))
        toggle.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_H))
        menu.addAction(toggle)
        actions = bar.actions()
        if actions:
            bar.insertMenu(actions[-1], menu)  # before "Ajutor"
        else:
            bar.addMenu(menu)
        self.menu = menu
        return menu

    def _update(self) -> None:
        period = self.session.period
        self.annual_period_action.setEnabled(period is not None and period.semester != 0)

    # -- the annual period --------------------------------------------------------------------------------
    def annual_key(self) -> PeriodKey | None:
        """The annual period of the year shown (None without a period)."""
        period = self.session.period
        return PeriodKey(period.year, 0) if period is not None else None

    def create_annual_period(self) -> bool:
        """Show the year's annual period, creating it (one undo step) when it does not exist yet."""
        key = self.annual_key()
        plan = self.session.plan
        if key is None or plan is None:
            return False
        existing = next((p for p in self.session.periods() if (p.year, p.semester) == (key.year, 0)), None)
        if existing is not None:
            self.session.set_period(existing.id)
            return True
        if not dialogs.ask_yes(
            self.window,
            self.tr("Perioadă anuală"),
            self.tr(
                "Creați perioada {label}? Valorile ei se calculează din semestrele anului; o cifră anuală "
                "scrisă în grilă o înlocuiește pe cea calculată."
            ).format(label=key.shown),
        ):
            return False
        command = CreatePeriodCommand(
            self.session, plan.id, key, self.tr("Perioada {code}").format(code=key.code)
        )
        self.session.undo_stack.push(command)
        if command.error or command.period_id is None:
            dialogs.show_error(self.window, self.tr("Perioadă anuală"), command.error or self.tr("Eroare."))
            return False
        self.session.set_period(command.period_id)
        return True

    # -- charts (matplotlib is imported only here, when asked for) ----------------------------------------
    def show_trend(self) -> QDialog | None:
        """The trend of the action shown."""
        from .charts_dialog import TrendDialog

        plan = self.session.plan
        action_id = self.action_page.action_id
        if plan is None or action_id is None:
            return None
        with dialogs.busy():
            dialog = TrendDialog(plan.id, action_id, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_overview(self) -> QDialog | None:
        """The plan overview of the period shown."""
        from .charts_dialog import OverviewDialog

        plan, period = self.session.plan, self.session.period
        if plan is None or period is None:
            return None
        with dialogs.busy():
            dialog = OverviewDialog(plan.id, PeriodKey(period.year, period.semester).code, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    # -- terms -------------------------------------------------------------------------------------------
    def edit_terms(self) -> None:
        """The terms dialog; each term set is one undo step."""
        from .terms_dialog import TermsDialog

        plan = self.session.plan
        if plan is None:
            return
        dialog = TermsDialog(lambda: action_terms(plan.id), self.set_term, self.window)
        dialog.exec()
        dialog.deleteLater()

    def set_term(self, action_id: int, term: Term | None) -> str | None:
        """Set an action's term as one undo step; the refusal's message, or None."""
        code = self.session.action(action_id).code
        command = WriteCommand(
            self.session,
            SetActionTerm(action_id, term),
            self.tr("Termenul acțiunii {code}").format(code=code),
        )
        self.session.undo_stack.push(command)
        return command.error

    def due_summary(self) -> str:
        """The due states of the period shown, counted, and the actions overdue."""
        results = self.session.results()
        counts = due_sentence(due_counts(results))
        overdue = [r.grid.code for r in results.values() if r.due is DueState.OVERDUE]
        text = counts
        if overdue:
            text += "\n\n" + self.tr("Nerealizate, termen depășit: {codes}").format(codes=", ".join(overdue))
        return text

    def show_due(self) -> None:
        """Show the due summary of the period shown."""
        if self.session.period is None:
            return
        dialogs.show_info(self.window, self.tr("Acțiunile scadente"), self.due_summary())

    # -- annual rules -------------------------------------------------------------------------------------
    def edit_rules(self) -> bool:
        """The annual rules of the action shown; the changes are one undo step."""
        from .annual_rules_dialog import AnnualRulesDialog

        plan = self.session.plan
        action_id = self.action_page.action_id
        if plan is None or action_id is None:
            return False
        rules = indicator_rules(plan.id, action_id)
        if not rules:
            dialogs.show_error(self.window, self.tr("Reguli anuale"), self.tr("Acțiunea nu are indicatori."))
            return False
        dialog = AnnualRulesDialog(rules[0].action_code, rules, self.window)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        changes = dialog.changes()
        dialog.deleteLater()
        if not accepted or not changes:
            return False
        return self.apply_rules(rules[0].action_code, changes)

    def apply_rules(self, code: str, changes: list[tuple[int, AnnualRule | None]]) -> bool:
        """Write rule choices as one undo step."""
        stack = self.session.undo_stack
        stack.beginMacro(self.tr("Reguli anuale – acțiunea {code}").format(code=code))
        try:
            for indicator_id, rule in changes:
                stack.push(WriteCommand(self.session, SetAnnualRule(indicator_id, rule), ""))
        finally:
            stack.endMacro()
        return True
