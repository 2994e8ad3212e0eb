"""The data-safety entries of the File menu: backup for e-mail, restore with a preview, automatic backups,
checking a file.

* *Creează copie de rezervă…* — a folder (the last one used, else Documents), then
  ``services.backup.make_backup`` named after the period shown; the copy is verified before success is
  reported, with "Deschide dosarul" so it can be attached to an e-mail.
* *Restaurează din copie…* — a file, ``services.restore.preview_restore`` (verified, compared with the open
  data) in :class:`~.restore_dialog.RestoreDialog`, then ``restore_from`` (which first saves the open data
  in an automatic backup); every view reloads and the undo stack starts anew.
* *Copii automate…* — :class:`~.auto_backups_dialog.AutoBackupsDialog`, restoring through the same preview.
* *Verifică un fișier…* — ``services.file_report.verify_file`` without opening the file for editing.

Long operations run on the GUI thread (the database connection belongs to it) under the wait cursor.

On a PostgreSQL server the same entries work on the server's data, for the specialist only (a clerk's or a
viewer's window shows them disabled, the tooltip saying why): the backup is the self-contained SQLite file
of the command line's ``backup`` (``services.engine_copy.prepare_server_backup``: the rows read on the GUI
thread in one snapshot, the file written and verified in a worker behind a progress dialog); the restore
replaces the server's data from such a file through the same preview; the automatic backups are the
server's (``services.backup.open_auto_backup_dir``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from balti_monitor.services.backup import BackupResult, make_backup
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.file_report import FileReport, verify_file

from . import dialogs
from .session import Session
from .settings import BACKUP_DIR, AppSettings


class BackupActions(QObject):
    """Backups and restores.

    Attributes:
        backup_action / restore_action / auto_backups_action / verify_action: the File menu entries.
        last_backup: the last backup written (tests read it).
    """

    def __init__(self, session: Session, settings: AppSettings, window: QWidget) -> None:
        super().__init__(window)
        self.session = session
        self.settings = settings
        self.window = window
        self.last_backup: Path | None = None
        self.last_worker_thread = 0  # the thread the last server backup was written on (tests read it)
        self.backup_action = QAction(self.tr("Creează &copie de rezervă…"), self)
        self._backup_tip = self.tr(
            "Un singur fișier verificat, cu toate datele, de trimis prin e-mail sau de păstrat"
        )
        self.backup_action.setToolTip(self._backup_tip)
        self.backup_action.triggered.connect(lambda: self.make_backup())
        self.restore_action = QAction(self.tr("Res&taurează din copie…"), self)
        self.restore_action.triggered.connect(lambda: self.choose_and_restore())
        self.auto_backups_action = QAction(self.tr("Copii &automate…"), self)
        self.auto_backups_action.triggered.connect(lambda: self.show_auto_backups())
        self.verify_action = QAction(self.tr("&Verifică un fișier…"), self)
        self.verify_action.triggered.connect(lambda: self.verify())
        session.opened.connect(self._update)
        self._update()

    def _update(self) -> None:
        is_open = self.session.path is not None or self.session.server is not None
        allowed = self.session.access.everything  # a file, or the specialist on a server
        refused = self.tr(
            "Doar specialistul poate face copii de rezervă ale datelor de pe server și le poate restaura."
        )
        tips = {self.backup_action: self._backup_tip, self.restore_action: "", self.auto_backups_action: ""}
        for action, tip in tips.items():
            action.setEnabled(is_open and allowed)
            action.setToolTip(tip if allowed or not is_open else refused)

    def _pattern(self) -> str:
        return self.tr("Fișiere Bălți Monitor (*.sqlite *.db);;Toate fișierele (*)")

    # -- backup for e-mail --------------------------------------------------------------------------------
    def make_backup(self, folder: Path | None = None) -> Path | None:
        """Write a verified copy of the open file (or of the server's data, as the same self-contained
        SQLite file) into a folder (asking which); the copy, or None."""
        if not self._may_copy():
            return None
        if folder is None:
            folder = dialogs.choose_folder(
                self.window,
                self.tr("Alegeți dosarul în care se salvează copia de rezervă"),
                self.settings.folder(BACKUP_DIR),
            )
            if folder is None:
                return None
        self.session.flush_pending()
        key = self.session.period_key()
        code = key.code if key is not None else None
        try:
            if self.session.server is not None:
                found = self._server_backup(folder, code)
                if found is None:
                    self.session.message.emit(self.tr("Copia de rezervă a fost anulată."))
                    return None
                result = found
            else:
                with dialogs.busy():
                    result = make_backup(folder, period_code=code)
        except ServiceError as exc:
            dialogs.show_error(self.window, self.tr("Copia de rezervă nu a fost creată"), str(exc))
            return None
        self.settings.set(BACKUP_DIR, str(result.folder))
        self.last_backup = result.path
        self.session.message.emit(
            self.tr("Copia de rezervă „{name}” a fost creată și verificată.").format(name=result.path.name)
        )
        if dialogs.done_with_folder(
            self.window,
            self.tr("Copia de rezervă a fost creată"),
            result.message(),
            self.tr(
                "Fișierul se poate trimite prin e-mail ca atașament. Se deschide cu Fișier → Deschide alt "
                "fișier de date, sau se aduce înapoi cu Fișier → Restaurează din copie."
            ),
        ):
            dialogs.open_path(result.folder)
        return result.path

    def _may_copy(self) -> bool:
        """A file is open, or a server the person may back up and restore (the specialist)."""
        if self.session.server is not None:
            return self.session.access.everything
        return self.session.path is not None

    def _server_backup(self, folder: Path, period_code: str | None) -> BackupResult | None:
        """The server's data as a verified SQLite file in ``folder``: the rows read here (the connection
        belongs to this thread), the file written in a worker behind a progress dialog; None if cancelled."""
        from balti_monitor.services.engine_copy import prepare_server_backup
        from balti_monitor.services.file_report import verify_file

        from .forms_worker import run_with_progress

        with dialogs.busy():
            pending = prepare_server_backup(folder, period_code=period_code)

        def work(
            progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]
        ) -> BackupResult | None:
            written = pending.write(progress, cancelled)
            return None if written is None else BackupResult(written, verify_file(written))

        outcome = run_with_progress(
            self.window,
            self.tr("Copie de rezervă"),
            self.tr("Se scrie copia datelor de pe server…"),
            work,
        )
        self.last_worker_thread = outcome.worker_thread
        return None if outcome.cancelled else outcome.result

    # -- restore ------------------------------------------------------------------------------------------
    def choose_and_restore(self) -> bool:
        """Ask for a copy and restore from it (with the preview)."""
        if not self._may_copy():
            return False
        path = dialogs.choose_open_path(
            self.window,
            self.tr("Alegeți copia din care se restaurează datele"),
            self.settings.folder(BACKUP_DIR),
            self._pattern(),
        )
        if path is None:
            return False
        self.settings.set(BACKUP_DIR, str(path.parent))
        return self.restore_file(path)

    def restore_file(self, path: Path) -> bool:
        """Verify ``path``, show what it holds against the open data, and replace the data if confirmed."""
        from balti_monitor.services.restore import preview_restore, restore_from

        from .restore_dialog import RestoreDialog  # imported on first use (start-up time)

        if not self._may_copy():
            return False
        self.session.flush_pending()
        try:
            with dialogs.busy():
                report, comparison = preview_restore(path)
        except ServiceError as exc:
            dialogs.show_error(self.window, self.tr("Copia nu poate fi folosită"), str(exc))
            return False
        if not RestoreDialog.ask(self.window, report, comparison):
            return False
        try:
            with dialogs.busy():
                result = restore_from(path)
        except ServiceError as exc:
            dialogs.show_error(self.window, self.tr("Restaurarea nu s-a făcut"), str(exc))
            return False
        self.session.apply(result.changes)
        self.session.undo_stack.clear()  # the steps recorded before refer to data that is gone
        message = result.message()
        self.session.message.emit(message)
        dialogs.show_info(self.window, self.tr("Datele au fost restaurate"), message)
        return True

    def show_auto_backups(self) -> None:
        """The automatic backups of the open file (or of the server's data)."""
        if not self._may_copy():
            return
        from .auto_backups_dialog import AutoBackupsDialog

        AutoBackupsDialog.run(self.window, self.session.path, self.restore_file, server=self.session.server)

    # -- checking a file ----------------------------------------------------------------------------------
    def verify(self, path: Path | None = None) -> FileReport | None:
        """Check a database file (integrity, version, contents) without changing it; the report."""
        if path is None:
            path = dialogs.choose_open_path(
                self.window,
                self.tr("Alegeți fișierul de verificat"),
                self.settings.folder(BACKUP_DIR),
                self._pattern(),
            )
            if path is None:
                return None
        with dialogs.busy():
            report = verify_file(path)
        dialogs.show_report(
            self.window,
            self.tr("Verificarea fișierului „{name}”").format(name=path.name),
            report.ok,
            report.lines(),
        )
        return report
