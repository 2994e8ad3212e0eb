"""The Export menu: the semester report (.docx) with a progress dialog, JSON export and import.

The Word exporter and the JSON code are imported only when used, so they cost nothing at start-up. The
export runs on the GUI thread (the database connection belongs to it) and keeps the window responsive by
processing events from its progress callback; the progress dialog is window-modal, so no edit can happen
meanwhile. Dialog helpers are module functions so tests can replace them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.periods import key_of

from . import dialogs
from .dialogs import OPEN_DOCUMENT, OPEN_FOLDER
from .session import Session
from .settings import EXPORT_DIR, AppSettings

translate = QCoreApplication.translate


class ExportCancelled(Exception):
    """The user pressed "Anulează" in the progress dialog."""


class ExportActions(QObject):
    """The actions of the Export menu.

    Attributes:
        report_action: the semester report (.docx).
        export_json_action / import_json_action: the whole file as JSON.
        last_report: the last document written (tests read it).
    """

    def __init__(self, session: Session, settings: AppSettings, window: QWidget) -> None:
        super().__init__(window)
        self.session = session
        self.settings = settings
        self.window = window
        self.last_report: Path | None = None
        self.report_action = QAction(self.tr("&Raportul semestrial (.docx)…"), self)
        self.report_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_E))
        self.report_action.setToolTip(self.tr("Creează raportul Word al perioadei afișate (Ctrl+E)"))
        self.report_action.triggered.connect(lambda: self.export_report())
        self.export_json_action = QAction(self.tr("Exportă tot fișierul în &JSON…"), self)
        self.export_json_action.triggered.connect(lambda: self.export_json())
        self.import_json_action = QAction(self.tr("&Importă din JSON…"), self)
        self.import_json_action.triggered.connect(lambda: self.import_json())
        session.opened.connect(self._update)
        session.periodChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.report_action.setEnabled(self.session.period is not None)

    def _folder(self) -> Path:
        saved = self.settings.text(EXPORT_DIR)
        if saved and Path(saved).is_dir():
            return Path(saved)
        documents = Path.home() / "Documents"
        return documents if documents.is_dir() else Path.home()

    # -- Word ---------------------------------------------------------------------------------------------
    def export_report(self, path: Path | None = None) -> Path | None:
        """Export the period shown to a .docx (asking where); the path written, or None."""
        period = self.session.period
        if period is None:
            return None
        code = key_of(period).code
        if path is None:
            suggested = self._folder() / self.tr("Raport PLA Bălți {code}.docx").format(code=code)
            path = dialogs.choose_save_path(
                self.window,
                self.tr("Salvează raportul semestrial"),
                suggested,
                self.tr("Document Word (*.docx)"),
            )
            if path is None:
                return None
        if path.suffix.lower() != ".docx":
            path = path.with_name(path.name + ".docx")
        from balti_monitor.export.render import ExportError, export_report

        progress = QProgressDialog(
            self.tr("Se pregătește raportul…"), self.tr("Anulează"), 0, 100, self.window
        )
        progress.setWindowTitle(self.tr("Export Word"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setValue(0)

        def report(done: int, total: int, message: str) -> None:
            progress.setMaximum(max(total, 1))
            progress.setValue(min(done, total))
            progress.setLabelText(message)
            QApplication.processEvents()
            if progress.wasCanceled():
                raise ExportCancelled()

        try:
            export_report(period, path, None, report)
        except ExportCancelled:
            self.session.message.emit(self.tr("Exportul a fost anulat; nu s-a scris niciun fișier."))
            return None
        except ExportError as exc:
            if isinstance(exc.__cause__, ExportCancelled):
                self.session.message.emit(self.tr("Exportul a fost anulat; nu s-a scris niciun fișier."))
                return None
            dialogs.show_error(self.window, self.tr("Raportul nu a fost creat"), str(exc))
            return None
        except OSError as exc:
            dialogs.show_error(
                self.window,
                self.tr("Raportul nu a fost creat"),
                self.tr(
                    "Fișierul nu poate fi scris ({error}). Dacă este deschis în Word, închideți-l."
                ).format(error=exc.strerror or exc),
            )
            return None
        finally:
            progress.close()
            progress.deleteLater()
        self.last_report = path
        self.settings.set(EXPORT_DIR, str(path.parent))
        self.session.message.emit(self.tr("Raportul a fost salvat: {path}").format(path=path))
        findings = sum(len(r.findings) for r in self.session.results().values())
        note = (
            self.tr("Atenție: perioada are {n} constatări ale verificărilor nerezolvate.").format(n=findings)
            if findings
            else ""
        )
        choice = dialogs.after_export(self.window, path, note)
        if choice == OPEN_DOCUMENT:
            dialogs.open_path(path)
        elif choice == OPEN_FOLDER:
            dialogs.open_path(path.parent)
        return path

    # -- JSON ---------------------------------------------------------------------------------------------
    def export_json(self, path: Path | None = None) -> Path | None:
        """Write the whole file as JSON; the path written, or None."""
        if path is None:
            today = dt.date.today().isoformat()
            suggested = self._folder() / f"balti-monitor-{today}.json"
            path = dialogs.choose_save_path(
                self.window, self.tr("Exportă în JSON"), suggested, self.tr("Fișier JSON (*.json)")
            )
            if path is None:
                return None
        from balti_monitor.interchange.json_io import export_json

        try:
            export_json(path)
        except OSError as exc:
            dialogs.show_error(self.window, self.tr("Exportul JSON a eșuat"), str(exc))
            return None
        self.session.message.emit(self.tr("Datele au fost exportate în {path}").format(path=path))
        return path

    def import_json(self, path: Path | None = None) -> bool:
        """Replace the open file's data with a JSON export (after confirmation)."""
        if path is None:
            path = dialogs.choose_open_path(
                self.window, self.tr("Importă din JSON"), self._folder(), self.tr("Fișier JSON (*.json)")
            )
            if path is None:
                return False
        if not dialogs.confirm(
            self.window,
            self.tr("Importă din JSON"),
            self.tr(
                "Toate datele fișierului deschis vor fi înlocuite cu cele din „{name}”.\n"
                "Operația nu poate fi anulată cu Ctrl+Z. Continuați?"
            ).format(name=path.name),
        ):
            return False
        from balti_monitor.interchange.json_io import import_json
        from balti_monitor.interchange.schema import InterchangeError

        try:
            changes = import_json(path, replace=True)
        except InterchangeError as exc:
            dialogs.show_error(self.window, self.tr("Importul nu s-a făcut"), str(exc))
            return False
        self.session.apply(changes if not changes.empty else ChangeSet.everything())
        self.session.message.emit(self.tr("Datele din „{name}” au fost importate.").format(name=path.name))
        return True
