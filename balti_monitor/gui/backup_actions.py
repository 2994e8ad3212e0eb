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
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from balti_monitor.services.backup import make_backup
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
        self.backup_action = QAction(self.tr("Creează &copie de rezervă…"), self)
        self.backup_action.setToolTip(
            self.tr("Un singur fișier verificat, cu toate datele, de trimis prin e-mail sau de păstrat")
        )
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
        is_open = self.session.path is not None
        for action in (self.backup_action, self.restore_action, self.auto_backups_action):
            action.setEnabled(is_open)

    def _pattern(self) -> str:
        return self.tr("Fișiere Bălți Monitor (*.sqlite *.db);;Toate fișierele (*)")

    # -- backup for e-mail --------------------------------------------------------------------------------
    def make_backup(self, folder: Path | None = None) -> Path | None:
        """Write a verified copy of the open file into a folder (asking which); the copy, or None."""
        if self.session.path is None:
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
        try:
            with dialogs.busy():
                result = make_backup(folder, period_code=key.code if key is not None else None)
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

    # -- restore ------------------------------------------------------------------------------------------
    def choose_and_restore(self) -> bool:
        """Ask for a copy and restore from it (with the preview)."""
        if self.session.path is None:
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
        """The automatic backups of the open file."""
        if self.session.path is None:
            return
        from .auto_backups_dialog import AutoBackupsDialog

        AutoBackupsDialog.run(self.window, self.session.path, self.restore_file)

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
