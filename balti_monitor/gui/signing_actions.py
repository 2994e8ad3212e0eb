"""Signing the period shown ("Export → Marchează ca semnat…"), withdrawing the signature (with a reason),
checking whether a document is a signed report, and opening the change log.

Signing stores the SHA-256 of the final exported report, who and when, and locks the period: from then
on every write to its data is refused (the message names who signed). None of these is an undo step:
signing is a decision, undone only by withdrawing the signature with a reason, which the log records.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from balti_monitor.errors import BaltiMonitorError
from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.signing import sign_period, signature, unsign_period, verify_report

from . import dialogs
from .session import Session
from .settings import EXPORT_DIR, AppSettings, documents_folder

if TYPE_CHECKING:  # the pages and dialogs are imported when first shown (start-up time, issue 20)
    from .change_log import CellProvider, ChangeLogDialog
    from .completeness_page import CompletenessPage
    from .findings_page import FindingsPage
    from .followups_dialog import FollowupsDialog


class SigningActions(QObject):
    """The sign / unsign / verify actions and the change log window.

    Attributes:
        sign_action, unsign_action, verify_action, log_action: the menu actions.
        log_dialog: the change log window, once opened.
    """

    def __init__(
        self, session: Session, settings: AppSettings, window: QWidget, current_cell: CellProvider
    ) -> None:
        super().__init__(window)
        self.session = session
        self.settings = settings
        self.window = window
        self.current_cell = current_cell
        self.log_dialog: ChangeLogDialog | None = None
        self.sign_action = QAction(self.tr("Marchează ca &semnat…"), self)
        self.sign_action.setToolTip(
            self.tr("Păstrează amprenta raportului final semnat și blochează datele perioadei")
        )
        self.sign_action.triggered.connect(lambda: self.sign())
        self.unsign_action = QAction(self.tr("Re&trage semnătura perioadei…"), self)
        self.unsign_action.triggered.connect(lambda: self.unsign())
        self.verify_action = QAction(self.tr("&Verifică un raport semnat…"), self)
        self.verify_action.triggered.connect(lambda: self.verify())
        self.log_action = QAction(self.tr("&Jurnalul modificărilor…"), self)
        self.log_action.setShortcut(QKeySequence("Ctrl+Shift+J"))
        self.log_action.triggered.connect(lambda: self.show_log())
        self.completeness_action = QAction(self.tr("&Completitudinea returilor…"), self)
        self.completeness_action.setToolTip(self.tr("Cine a trimis și cine nu; lista restanțierilor"))
        self.completeness_action.triggered.connect(lambda: self.show_completeness())
        self.completeness_page: CompletenessPage | None = None
        self.followups_action = QAction(self.tr("Comentarii de c&larificat…"), self)
        self.followups_action.triggered.connect(lambda: self.show_followups())
        self.followups_dialog: FollowupsDialog | None = None
        self.findings_action = QAction(self.tr("Toate c&onstatările perioadei…"), self)
        self.findings_action.triggered.connect(lambda: self.show_findings())
        self.findings_page: FindingsPage | None = None
        self.navigate: Callable[[int, int, int], None] = lambda _a, _s, _c: None
        session.periodChanged.connect(self.update_actions)
        session.opened.connect(self.update_actions)
        session.changed.connect(lambda _c: self.update_actions())
        self.update_actions()

    def update_actions(self) -> None:
        """Enable what applies to the period shown; say in the status bar when it is signed."""
        period = self.session.period
        signed = signature(period.id) if period is not None else None
        self.sign_action.setEnabled(period is not None and signed is None)
        self.unsign_action.setEnabled(signed is not None)
        self.log_action.setEnabled(period is not None)
        self.completeness_action.setEnabled(period is not None)
        self.followups_action.setEnabled(period is not None)
        self.findings_action.setEnabled(period is not None)
        self.verify_action.setEnabled(self.session.plan is not None)
        if signed is not None:
            self.unsign_action.setToolTip(
                self.tr("Perioada {code} este {summary}").format(
                    code=signed.period_code, summary=signed.period_summary
                )
            )

    def _folder(self) -> Path:
        folder = self.settings.text(EXPORT_DIR)
        return Path(folder) if folder and Path(folder).is_dir() else documents_folder()

    def sign(self, report: Path | None = None) -> bool:
        """Ask for the final report, confirm, sign and lock the period shown; True when signed."""
        period = self.session.period
        if period is None:
            return False
        title = self.tr("Marchează ca semnat")
        if report is None:
            report = dialogs.choose_open_path(
                self.window,
                self.tr("Raportul final semnat al perioadei {code}").format(code=period.key.code),
                self._folder(),
                self.tr("Documente Word (*.docx)"),
            )
            if report is None:
                return False
            question = self.tr(
                "Perioada {code} se marchează ca semnată cu raportul „{name}”.\n\nDe acum datele perioadei nu "
                "mai pot fi modificate (grilă, lipire, formulare, import JSON, responsabili, text) până la "
                "retragerea semnăturii, cu motiv. Continuați?"
            ).format(code=period.key.code, name=report.name)
            if not dialogs.confirm(self.window, title, question):
                return False
        self.session.flush_pending()
        try:
            info = sign_period(period.id, report)
        except BaltiMonitorError as exc:
            dialogs.show_error(self.window, title, str(exc))
            return False
        self.session.apply(ChangeSet(periods=True))
        self.update_actions()
        self.session.message.emit(
            self.tr("Perioada {code} este {summary}.").format(
                code=info.period_code, summary=info.period_summary
            )
        )
        return True

    def unsign(self, reason: str | None = None) -> bool:
        """Ask for the reason and withdraw the signature of the period shown; True when withdrawn."""
        period = self.session.period
        if period is None:
            return False
        title = self.tr("Retragerea semnăturii")
        if reason is None:
            reason = dialogs.ask_text(
                self.window,
                title,
                self.tr("De ce se retrage semnătura perioadei {code}? (motivul rămâne în jurnal)").format(
                    code=period.key.code
                ),
            )
            if reason is None:
                return False
        try:
            changes = unsign_period(period.id, reason)
        except BaltiMonitorError as exc:
            dialogs.show_error(self.window, title, str(exc))
            return False
        self.session.apply(changes)
        self.update_actions()
        self.session.message.emit(
            self.tr("Semnătura perioadei {code} a fost retrasă; datele pot fi modificate.").format(
                code=period.key.code
            )
        )
        return True

    def verify(self, report: Path | None = None) -> bool | None:
        """Say whether a document is the signed report of a period; None when cancelled."""
        if report is None:
            report = dialogs.choose_open_path(
                self.window, self.tr("Verifică un raport"), self._folder(), self.tr("Documente Word (*.docx)")
            )
            if report is None:
                return None
        try:
            result = verify_report(report)
        except BaltiMonitorError as exc:
            dialogs.show_error(self.window, self.tr("Verificarea raportului"), str(exc))
            return None
        dialogs.show_info(
            self.window, self.tr("Verificarea raportului"), f"{result.message}\n\nSHA-256: {result.sha256}"
        )
        return result.signed

    def show_completeness(self) -> CompletenessPage:
        """Open (or raise) the completeness overview."""
        if self.completeness_page is None:
            from .completeness_page import CompletenessPage

            self.completeness_page = CompletenessPage(self.session, self.navigate, self.window)
        self.completeness_page.reload()
        self.completeness_page.show()
        self.completeness_page.raise_()
        return self.completeness_page

    def show_followups(self) -> FollowupsDialog:
        """Open (or raise) the list of the period's follow-ups."""
        if self.followups_dialog is None:
            from .followups_dialog import FollowupsDialog

            self.followups_dialog = FollowupsDialog(self.session, self.navigate, self.window)
        self.followups_dialog.reload()
        self.followups_dialog.show()
        self.followups_dialog.raise_()
        return self.followups_dialog

    def show_findings(self) -> FindingsPage:
        """Open (or raise) the findings page."""
        if self.findings_page is None:
            from .findings_page import FindingsPage

            self.findings_page = FindingsPage(self.session, self.navigate, self.window)
        self.findings_page.reload()
        self.findings_page.show()
        self.findings_page.raise_()
        return self.findings_page

    def show_log(self) -> ChangeLogDialog:
        """Open (or raise) the change log window."""
        if self.log_dialog is None:
            from .change_log import ChangeLogDialog

            self.log_dialog = ChangeLogDialog(self.session, self.current_cell, self.window)
        self.log_dialog.reload()
        self.log_dialog.show()
        self.log_dialog.raise_()
        return self.log_dialog
