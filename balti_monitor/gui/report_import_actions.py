"""File → *Importă un raport semestrial (Word)…*: a past report (.docx) into the history of its period.

A .docx is chosen, ``interchange.report_reader.read_report`` reads it under the wait cursor (nothing is
written), :class:`~.report_import_dialog.ReportImportDialog` shows what will be written, what cannot be
placed and why and, for a period that has data, the differences; "Importă" writes it all in one
transaction after an automatic backup (``apply_report``). The import is not an undo step (like a restore):
the automatic backup is the way back, and the dialog says so. The views reload (``ChangeSet.everything``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from balti_monitor.errors import BaltiMonitorError
from balti_monitor.services.storage_errors import guard_write

from . import dialogs
from .session import Session
from .settings import REPORT_IMPORT_DIR, AppSettings


class ReportImportActions(QObject):
    """The File menu's report import.

    Attributes:
        import_action: the menu entry.
    """

    def __init__(self, session: Session, settings: AppSettings, window: QWidget) -> None:
        super().__init__(window)
        self.session = session
        self.settings = settings
        self.window = window
        self.import_action = QAction(self.tr("Importă un &raport semestrial (Word)…"), self)
        self.import_action.setToolTip(
            self.tr(
                "Aduce returii, valorile și textul unui raport semestrial .docx în istoricul perioadei lui"
            )
        )
        self.import_action.triggered.connect(lambda: self.import_report())
        self.plan_action = QAction(self.tr("Importă un &plan din Word/Excel…"), self)
        self.plan_action.setToolTip(
            self.tr("Citește planul din tabelul unui document Word sau Excel (cu previzualizarea arborelui)")
        )
        self.plan_action.triggered.connect(lambda: self.import_plan())
        session.opened.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.import_action.setEnabled(self.session.plan is not None)
        self.plan_action.setEnabled(self.session.path is not None)

    def import_report(self, path: Path | None = None) -> bool:
        """Preview a report and, when confirmed, import it; True when something was written."""
        from balti_monitor.interchange.report_import import apply_report, compare_with_file, period_has_data
        from balti_monitor.interchange.report_reader import read_report

        from .report_import_dialog import ReportImportDialog

        plan = self.session.plan
        if plan is None:
            return False
        if path is None:
            folder = self.settings.text(REPORT_IMPORT_DIR)
            start = Path(folder) if folder and Path(folder).is_dir() else Path.home()
            path = dialogs.choose_open_path(
                self.window,
                self.tr("Alegeți raportul semestrial"),
                start,
                self.tr("Documente Word (*.docx);;Toate fișierele (*)"),
            )
            if path is None:
                return False
        self.settings.set(REPORT_IMPORT_DIR, str(path.parent))
        self.session.flush_pending()
        try:
            with dialogs.busy():
                reading = read_report(path, plan.id)
                has_data = period_has_data(reading, plan.id)
                differences = compare_with_file(reading, plan.id) if has_data else []
        except BaltiMonitorError as exc:
            dialogs.show_error(self.window, self.tr("Raportul nu poate fi citit"), str(exc))
            return False
        if not ReportImportDialog.ask(self.window, reading, differences, has_data):
            return False
        try:
            with dialogs.busy(), guard_write(self.tr("Importul raportului")):
                changes = apply_report(reading, plan.id)
        except BaltiMonitorError as exc:
            dialogs.show_error(self.window, self.tr("Raportul nu a fost importat"), str(exc))
            return False
        self.session.apply(changes)
        self.session.message.emit(
            self.tr(
                "Raportul „{name}” a fost importat în perioada {period}: %n returi.", "", len(reading.rows)
            ).format(name=reading.source, period=reading.period_code)
        )
        return True

    def import_plan(self, path: Path | None = None) -> bool:
        """Run the plan import wizard on a Word/Excel document and import the plan it builds."""
        from balti_monitor.interchange.plan_import_doc import import_plan_reading
        from balti_monitor.interchange.plan_tables import read_tables
        from balti_monitor.services.subdivisions import list_subdivisions

        from .plan_import_wizard import PlanImportWizard

        if path is None:
            folder = self.settings.text(REPORT_IMPORT_DIR)
            start = Path(folder) if folder and Path(folder).is_dir() else Path.home()
            path = dialogs.choose_open_path(
                self.window,
                self.tr("Alegeți documentul cu planul"),
                start,
                self.tr(
                    "Documente Word și Excel (*.docx *.xlsx *.doc *.odt *.rtf *.xls *.ods);;Toate fișierele (*)"
                ),
            )
            if path is None:
                return False
        self.settings.set(REPORT_IMPORT_DIR, str(path.parent))
        self.session.flush_pending()
        try:
            with dialogs.busy():
                tables = read_tables(path)
            if not tables:
                raise BaltiMonitorError(self.tr("„{name}” nu conține niciun tabel.").format(name=path.name))
        except BaltiMonitorError as exc:
            dialogs.show_error(self.window, self.tr("Documentul nu poate fi citit"), str(exc))
            return False
        subdivisions = [(str(s.code), str(s.name)) for s in list_subdivisions()]
        answer = PlanImportWizard.ask(self.window, path, tables, subdivisions)
        if answer is None:
            return False
        reading, mapping = answer
        try:
            with dialogs.busy(), guard_write(self.tr("Importul planului")):
                plan_id, changes = import_plan_reading(reading, mapping)
        except BaltiMonitorError as exc:
            dialogs.show_error(self.window, self.tr("Planul nu a fost importat"), str(exc))
            return False
        self.session.apply(changes)
        self.session.set_plan(plan_id)
        self.session.message.emit(
            self.tr("Planul „{title}” a fost importat: %n acțiuni.", "", len(reading.actions)).format(
                title=reading.meta["title"]
            )
        )
        return True
