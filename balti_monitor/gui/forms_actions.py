"""The Forms menu: return forms out to the subdivisions, filled forms back in, where each form stands.

* *Generează formularele perioadei…* — :class:`~.forms_out_dialog.FormsOutDialog` (folder, deadline, what the
  forms hold, which subdivisions), then ``forms_out.prepare_forms``, the workbooks written in a worker thread
  behind a progress dialog that can cancel (``write_form_files``), and ``commit_forms``; the
  summary is shown with "Deschide dosarul". Forms of the same names in the folder are replaced only after
  a question. Generation cannot be undone, and it supersedes the form ids the undo history holds: the
  history is cleared, and the summary says so.
* *Importă formulare completate…* — one or many .xlsx read in a worker thread behind a progress dialog that
  can cancel (``forms_in.read_forms``), compared for the period shown (``compare_forms``),
  :class:`~.forms_preview_dialog.FormsPreviewDialog`, then one undoable
  :class:`~.undo.FormsImportCommand`.
* *Starea formularelor…* — :class:`~.forms_status_dialog.FormsStatusDialog`.

The openpyxl-based modules are imported on first use (start-up time).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from balti_monitor.services.errors import ServiceError
from balti_monitor.services.periods import key_of
from balti_monitor.services.storage_errors import guard_write

from . import dialogs
from .forms_worker import run_with_progress
from .session import Session
from .settings import FORMS_CONTACT, FORMS_DIR, FORMS_IMPORT_DIR, AppSettings
from .undo import FormsImportCommand


class FormsActions(QObject):
    """The actions of the Forms menu.

    Attributes:
        generate_action / import_action / status_action: the menu entries.
        last_generated: the folder of the last generation (tests read it).
    """

    def __init__(self, session: Session, settings: AppSettings, window: QWidget) -> None:
        super().__init__(window)
        self.session = session
        self.settings = settings
        self.window = window
        self.last_generated: Path | None = None
        self.last_worker_thread = 0  # the thread the last slow step ran on (tests check it is a worker)
        self.generate_action = QAction(self.tr("&Generează formularele perioadei…"), self)
        self.generate_action.setToolTip(
            self.tr(
                "Câte un registru Excel de completat pentru fiecare subdiviziune, pentru perioada afișată"
            )
        )
        self.generate_action.triggered.connect(lambda: self.generate())
        self.import_action = QAction(self.tr("&Importă formulare completate…"), self)
        self.import_action.triggered.connect(lambda: self.import_forms())
        self.status_action = QAction(self.tr("&Starea formularelor…"), self)
        self.status_action.triggered.connect(lambda: self.show_status())
        session.opened.connect(self._update)
        session.periodChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        has_period = self.session.period is not None
        for action in (self.generate_action, self.import_action, self.status_action):
            action.setEnabled(has_period)

    # -- out ----------------------------------------------------------------------------------------------
    def _default_folder(self, code: str) -> Path:
        base = self.settings.folder(FORMS_DIR)
        return base / self.tr("Formulare retur {code}").format(code=code)

    def generate(self) -> Path | None:
        """Ask for the options and write the period's forms; the folder written, or None."""
        from balti_monitor.interchange.forms_out import (
            commit_forms,
            existing_forms,
            prepare_forms,
            write_form_files,
        )

        from .forms_out_dialog import FormsOutDialog

        period = self.session.period
        if period is None:
            return None
        code = key_of(period).code
        self.session.flush_pending()
        choice = FormsOutDialog.ask(
            self.window, period, self._default_folder(code), self.settings.text(FORMS_CONTACT)
        )
        if choice is None:
            return None
        folder, options = choice.folder, choice.options
        existing = existing_forms(folder, code)
        if existing:
            if not dialogs.confirm(
                self.window,
                self.tr("Formulare existente"),
                self.tr(
                    "În dosarul „{folder}” există deja %n formulare ale perioadei {code}. Le înlocuiți cu "
                    "formulare noi? (Formularele vechi completate de subdiviziuni se pot importa în continuare.)",
                    "",
                    len(existing),
                ).format(folder=folder, code=code),
            ):
                return None
            options = dataclasses.replace(options, overwrite=True)
        self.session.message.emit(self.tr("Se generează formularele…"))
        generated_at = dt.datetime.now().replace(microsecond=0)
        try:
            with guard_write(self.tr("Generarea formularelor")):
                with dialogs.busy():
                    plan = prepare_forms(period, folder, options)
                # The workbooks are built and saved in a worker (no database there); the dialog can cancel.
                outcome = run_with_progress(
                    self.window,
                    self.tr("Generarea formularelor"),
                    self.tr("Se scriu formularele subdiviziunilor…"),
                    lambda progress, cancelled: write_form_files(plan, generated_at, progress, cancelled),
                )
                self.last_worker_thread = outcome.worker_thread
                if outcome.result is None:
                    self.session.message.emit(
                        self.tr("Generarea a fost anulată; nu s-a scris niciun formular.")
                    )
                    return None
                with dialogs.busy():
                    result = commit_forms(plan, outcome.result, generated_at)
        except ServiceError as exc:
            dialogs.show_error(self.window, self.tr("Formularele nu au fost generate"), str(exc))
            return None
        self.settings.set(FORMS_DIR, str(folder.parent))
        self.settings.set(FORMS_CONTACT, options.contact)
        self.last_generated = folder
        lines = result.summary_lines()
        if self.session.undo_stack.count():
            # The new forms replace the form ids the undo history remembers: undoing an earlier step
            # would bring back a superseded id (and importing a current form would then warn "not the
            # latest generated"). Generation itself cannot be undone (the files are sent), so the
            # history ends here, and the user is told.
            self.session.undo_stack.clear()
            lines.append(
                self.tr(
                    "Istoricul de anulare (Ctrl+Z) a fost golit: pașii de dinainte de generare nu mai pot fi "
                    "anulați, pentru că formularele noi i-au înlocuit pe cei vechi."
                )
            )
        self.session.message.emit(lines[0])
        if dialogs.done_with_folder(
            self.window, self.tr("Formularele au fost generate"), lines[0], "\n".join(lines[1:])
        ):
            dialogs.open_path(folder)
        return folder

    # -- in -----------------------------------------------------------------------------------------------
    def import_forms(self, paths: list[Path] | None = None) -> bool:
        """Preview filled forms and, when confirmed, import them as one undoable step."""
        from balti_monitor.interchange.forms_in import compare_forms, read_forms

        from .forms_preview_dialog import FormsPreviewDialog

        period = self.session.period
        if period is None:
            return False
        if paths is None:
            folder = self.settings.text(FORMS_IMPORT_DIR)
            start = Path(folder) if folder and Path(folder).is_dir() else self.settings.folder(FORMS_DIR)
            paths = dialogs.choose_open_paths(
                self.window,
                self.tr("Alegeți formularele completate"),
                start,
                self.tr("Registre Excel (*.xlsx);;Toate fișierele (*)"),
            )
            if not paths:
                return False
        self.settings.set(FORMS_IMPORT_DIR, str(paths[0].parent))
        self.session.flush_pending()
        chosen = list(paths)
        try:
            outcome = run_with_progress(
                self.window,
                self.tr("Importul formularelor"),
                self.tr("Se citesc formularele completate…"),
                lambda progress, cancelled: read_forms(chosen, progress, cancelled),
            )
            self.last_worker_thread = outcome.worker_thread
            if outcome.result is None:
                self.session.message.emit(self.tr("Importul a fost anulat; nu s-a modificat nimic."))
                return False
            with dialogs.busy(), guard_write(self.tr("Previzualizarea importului")):
                preview = compare_forms(outcome.result, period)
        except ServiceError as exc:
            dialogs.show_error(self.window, self.tr("Formularele nu pot fi citite"), str(exc))
            return False
        accepted = FormsPreviewDialog.ask(self.window, preview)
        if accepted is None:
            return False
        names = [f.subdivision_code for f in preview.files]
        who = ", ".join(names) if len(names) <= 3 else self.tr("%n formulare", "", len(names))
        command = FormsImportCommand(
            self.session, preview, accepted, self.tr("Import formulare: {who}").format(who=who)
        )
        with dialogs.busy():
            self.session.undo_stack.push(command)
        if command.error or command.result is None:
            dialogs.show_error(
                self.window, self.tr("Formularele nu au fost importate"), command.error or self.tr("Eroare.")
            )
            return False
        self.session.message.emit(
            self.tr("Import: {cells} {files} (Ctrl+Z anulează importul).").format(
                cells=self.tr("%n celule scrise", "", command.result.applied),
                files=self.tr("din %n formulare", "", len(preview.files)),
            )
        )
        return True

    # -- status -------------------------------------------------------------------------------------------
    def show_status(self) -> None:
        """Where each subdivision's form of the period stands."""
        if self.session.period is None:
            return
        from .forms_status_dialog import FormsStatusDialog

        FormsStatusDialog.run(self.window, self.session)
