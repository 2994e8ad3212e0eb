"""The Export menu: the semester report (.docx) with a progress dialog, the template folder, JSON export and
import.

The report uses the template of the folder the user chose once (remembered in the settings), else
``user_data_dir()/templates`` when it exists, and the bundled template when neither holds
``raport_semestrial.docx``. The JSON import first saves the open data in an automatic backup
(``interchange.json_io.import_json_with_backup``).

The Word exporter and the JSON code are imported only when used, so they cost nothing at start-up. The
export first shows the pre-flight (:mod:`.export_dialog`); the context is read from the database on the GUI
thread (the connection belongs to it), then the document and its PDF are written by a worker
(:mod:`.export_worker`) behind a window-modal progress dialog with a clean cancel, so the window keeps
repainting and no edit can happen meanwhile. Dialog helpers are module functions so tests can replace them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QProgressDialog, QWidget

from balti_monitor.resources import resource_path, user_data_dir
from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.periods import key_of
from balti_monitor.services.signing import report_version

from . import dialogs
from .dialogs import BUNDLED, CHOOSE, OPEN_DOCUMENT, OPEN_FOLDER
from .session import Session
from .settings import AUTHOR, EXPORT_DIR, TEMPLATE_DIR, AppSettings, Setting

if TYPE_CHECKING:  # the pre-flight dialog and the worker are imported when first used (start-up time)
    from .export_dialog import ExportChoice
    from .export_worker import ExportJob

#: Whether the last export also made a PDF (the dialog's checkbox starts from it).
EXPORT_PDF = Setting("export/pdf", "", "Dacă ultimul export a creat și PDF-ul („1”).")

TEMPLATE_NAME = "raport_semestrial.docx"  # the name export.render looks for (kept here: start-up time)

translate = QCoreApplication.translate


class ExportActions(QObject):
    """The actions of the Export menu.

    Signals:
        navigateRequested(action_id, subdivision_id, column): a pre-flight line asks to show its cell.

    Attributes:
        report_action: the semester report (.docx).
        template_action: choose the folder of the report's template.
        export_json_action / import_json_action: the whole file as JSON.
        last_report / last_pdf: the last document (and PDF) written (tests read them).
        current_job / progress: the export running now and its progress dialog, if any.
    """

    navigateRequested = Signal(int, int, int)

    def __init__(self, session: Session, settings: AppSettings, window: QWidget) -> None:
        super().__init__(window)
        self.session = session
        self.settings = settings
        self.window = window
        self.last_report: Path | None = None
        self.last_pdf: Path | None = None
        self.current_job: ExportJob | None = None
        self.progress: QProgressDialog | None = None
        self.report_action = QAction(self.tr("&Raportul semestrial (.docx)…"), self)
        self.report_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_E))
        self.report_action.setToolTip(self.tr("Creează raportul Word al perioadei afișate (Ctrl+E)"))
        self.report_action.triggered.connect(lambda: self.export_report())
        self.template_action = QAction(self.tr("Ș&ablonul raportului…"), self)
        self.template_action.setToolTip(
            self.tr("Dosarul cu șablonul Word propriu, căutat înaintea celui inclus")
        )
        self.template_action.triggered.connect(lambda: self.manage_template())
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
        return self.settings.folder(EXPORT_DIR)

    # -- template -----------------------------------------------------------------------------------------
    def template_dir(self) -> Path | None:
        """The folder searched for the template before the bundled one: the one chosen in the settings, else
        ``user_data_dir()/templates`` when it exists, else None."""
        saved = self.settings.text(TEMPLATE_DIR)
        if saved and Path(saved).is_dir():
            return Path(saved)
        default = user_data_dir() / "templates"
        return default if default.is_dir() else None

    def template_in_use(self) -> Path:
        """The template file the next export uses."""
        from balti_monitor.export.render import ExportError, ExportOptions, find_template

        try:
            return find_template(ExportOptions(template_dir=self.template_dir()))
        except ExportError:
            return resource_path("templates", TEMPLATE_NAME)

    def manage_template(self) -> None:
        """Show which template is used and let the user choose another folder or go back to the bundled one."""
        folder = self.template_dir()
        used = self.template_in_use()
        custom = folder is not None and used.parent == folder
        if custom:
            text = self.tr("Raportul se creează cu șablonul din dosarul ales:\n{path}").format(path=used)
        elif folder is not None:
            text = self.tr(
                "Dosarul ales „{folder}” nu conține „{name}”; raportul se creează cu șablonul inclus în program."
            ).format(folder=folder, name=TEMPLATE_NAME)
        else:
            text = self.tr(
                "Raportul se creează cu șablonul inclus în program. Puteți alege un dosar cu un șablon propriu "
                "(„{name}”, modificat în Word: fonturi, antet, siglă, formulări); el se caută înaintea celui "
                "inclus."
            ).format(name=TEMPLATE_NAME)
        choice = dialogs.template_choice(self.window, text, custom or folder is not None)
        if choice == CHOOSE:
            self.choose_template_dir()
        elif choice == BUNDLED:
            self.settings.set(TEMPLATE_DIR, "")
            self.session.message.emit(self.tr("Raportul se va crea cu șablonul inclus în program."))
        elif choice == OPEN_FOLDER and folder is not None:
            dialogs.open_path(folder)

    def choose_template_dir(self, folder: Path | None = None) -> Path | None:
        """Remember a template folder (offering to copy the bundled template into an empty one)."""
        if folder is None:
            start = self.template_dir() or self.settings.folder(EXPORT_DIR)
            folder = dialogs.choose_folder(
                self.window, self.tr("Alegeți dosarul cu șablonul raportului"), start
            )
            if folder is None:
                return None
        target = folder / TEMPLATE_NAME
        if not target.is_file() and dialogs.ask_yes(
            self.window,
            self.tr("Șablonul raportului"),
            self.tr(
                "Dosarul nu conține „{name}”. Copiați aici șablonul inclus, ca să-l puteți modifica în Word?"
            ).format(name=TEMPLATE_NAME),
        ):
            try:
                shutil.copyfile(resource_path("templates", TEMPLATE_NAME), target)
            except OSError as exc:
                dialogs.show_error(
                    self.window,
                    self.tr("Șablonul nu a fost copiat"),
                    self.tr("Șablonul nu a putut fi copiat în „{folder}”: {error}.").format(
                        folder=folder, error=exc.strerror or exc
                    ),
                )
        self.settings.set(TEMPLATE_DIR, str(folder))
        self.session.message.emit(
            self.tr("Șablonul raportului se caută întâi în „{folder}”.").format(folder=folder)
        )
        return folder

    # -- Word ---------------------------------------------------------------------------------------------
    def export_report(self, path: Path | None = None, choice: ExportChoice | None = None) -> Path | None:
        """Export the period shown: the pre-flight first (export anyway, go back, or jump to a cell), then
        where to save, then the document (and its PDF) written by a worker thread behind a progress dialog
        with a clean cancel. Returns the .docx written, or None."""
        period = self.session.period
        if period is None:
            return None
        self.session.flush_pending()
        from balti_monitor.export.context import period_context, period_preflight
        from balti_monitor.export.render import ExportError, ExportOptions, find_template

        from .export_worker import ExportJob

        base = ExportOptions(template_dir=self.template_dir(), author=self.settings.text(AUTHOR))
        try:
            with dialogs.busy():
                check = period_preflight(period, base)
        except (ExportError, ServiceError) as exc:
            dialogs.show_error(self.window, self.tr("Raportul nu a fost creat"), str(exc))
            return None
        if choice is None:
            from . import export_dialog

            choice = export_dialog.ask(
                self.window, check, self.settings.text(EXPORT_PDF) == "1", False, annual=period.semester == 0
            )
            if choice is None:
                return None
        if choice.jump is not None:
            line = choice.jump
            self.navigateRequested.emit(line.action_id, line.subdivision_id, line.column)
            return None
        self.settings.set(EXPORT_PDF, "1" if choice.pdf else "0")
        code = key_of(period).code
        if path is None:
            name = (
                self.tr("Raport PLA Bălți {code} (revizuire).docx")
                if choice.review
                else self.tr("Raport PLA Bălți {code}.docx")
            )
            name = name.format(code=code)
            version = report_version(period.id).number
            if version > 1:  # signed once, then withdrawn: the new version is told apart by its name too
                name = f"{name.removesuffix('.docx')} v{version}.docx"
            path = dialogs.choose_save_path(
                self.window,
                self.tr("Salvează raportul semestrial")
                if period.semester
                else self.tr("Salvează raportul anual"),
                self._folder() / name,
                self.tr("Document Word (*.docx)"),
            )
            if path is None:
                return None
        if path.suffix.lower() != ".docx":
            path = path.with_name(path.name + ".docx")
        options = replace(
            base,
            review=choice.review,
            semester_columns=choice.semester_columns,
            chart_annex=choice.chart_annex,
        )
        try:
            with dialogs.busy():
                template = find_template(options)
                context = period_context(period, options)
        except ExportError as exc:
            dialogs.show_error(self.window, self.tr("Raportul nu a fost creat"), str(exc))
            return None
        outcome = self._run_job(ExportJob(context, path, options, template, choice.pdf))
        if outcome is None:
            return None
        written, pdf, pdf_note = outcome
        self.last_report = written
        self.last_pdf = pdf
        self.settings.set(EXPORT_DIR, str(written.parent))
        self.session.message.emit(self.tr("Raportul a fost salvat: {path}").format(path=written))
        notes = []
        if pdf is not None:
            notes.append(self.tr("PDF-ul a fost salvat alături: {name}").format(name=pdf.name))
        elif pdf_note:
            notes.append(pdf_note)
        findings = sum(len(r.findings) for r in self.session.results().values())
        if findings:
            notes.append(
                self.tr("Atenție: perioada are %n constatări ale verificărilor nerezolvate.", "", findings)
            )
        choice_after = dialogs.after_export(self.window, written, "\n".join(notes))
        if choice_after == OPEN_DOCUMENT:
            dialogs.open_path(written)
        elif choice_after == OPEN_FOLDER:
            dialogs.open_path(written.parent)
        return written

    def _run_job(self, job: ExportJob) -> tuple[Path, Path | None, str] | None:
        """Run the job in the thread pool behind a window-modal progress dialog; the window keeps repainting
        (a local event loop runs meanwhile). The outcome, or None when it failed or was cancelled."""
        progress = QProgressDialog(
            self.tr("Se pregătește raportul…"), self.tr("Anulează"), 0, 100, self.window
        )
        progress.setWindowTitle(self.tr("Export Word"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setValue(0)
        self.current_job = job
        self.progress = progress
        loop = QEventLoop()
        result: dict[str, object] = {}

        def on_progress(done: int, total: int, message: str) -> None:
            if job.cancel_requested:
                return
            progress.setMaximum(max(total, 0))
            progress.setValue(min(done, total) if total else 0)
            progress.setLabelText(message)

        def on_cancel() -> None:
            job.cancel()
            progress.setLabelText(self.tr("Se anulează…"))

        def finished(written: Path, pdf: Path | None, note: str) -> None:
            result["ok"] = (written, pdf, note)
            loop.quit()

        def failed(message: str) -> None:
            result["error"] = message
            loop.quit()

        def cancelled() -> None:
            result["cancelled"] = True
            loop.quit()

        job.signals.progress.connect(on_progress)
        job.signals.finished.connect(finished)
        job.signals.failed.connect(failed)
        job.signals.cancelled.connect(cancelled)
        progress.canceled.connect(on_cancel)
        QThreadPool.globalInstance().start(job)
        loop.exec()
        QThreadPool.globalInstance().waitForDone(100)
        progress.close()
        progress.deleteLater()
        self.current_job = None
        self.progress = None
        if "cancelled" in result:
            self.session.message.emit(self.tr("Exportul a fost anulat; nu s-a scris niciun fișier."))
            return None
        if "error" in result:
            dialogs.show_error(self.window, self.tr("Raportul nu a fost creat"), str(result["error"]))
            return None
        outcome = result["ok"]
        assert isinstance(outcome, tuple)
        return outcome

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
                "Datele de acum se salvează mai întâi într-o copie automată (Fișier → Copii automate), dar "
                "operația nu poate fi anulată cu Ctrl+Z. Continuați?"
            ).format(name=path.name),
        ):
            return False
        from balti_monitor.interchange.json_io import import_json_with_backup
        from balti_monitor.interchange.schema import InterchangeError

        self.session.flush_pending()
        try:
            with dialogs.busy():
                changes = import_json_with_backup(path, replace=True)
        except (InterchangeError, ServiceError) as exc:
            dialogs.show_error(self.window, self.tr("Importul nu s-a făcut"), str(exc))
            return False
        self.session.apply(changes if not changes.empty else ChangeSet.everything())
        self.session.undo_stack.clear()
        from balti_monitor.interchange.json_io import FORM_KEY_NOTICE, lacks_form_key, load_document

        notice = ""
        with contextlib.suppress(InterchangeError):
            notice = " " + FORM_KEY_NOTICE if lacks_form_key(load_document(path)) else ""
        self.session.message.emit(
            self.tr(
                "Datele din „{name}” au fost importate; cele de dinainte sunt păstrate în Fișier → Copii automate."
            ).format(name=path.name)
            + notice
        )
        return True
