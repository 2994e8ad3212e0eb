"""The automatic backups of the open file (or of the server's data): date, reason, size; how many are kept; restore one of them.

Form in ``ui/auto_backups_dialog.ui``. The list comes from ``services.backup.list_auto_backups`` (newest
first); the number kept is ``backup_keep`` / ``set_backup_keep`` (``settings.json`` in the user data folder,
shared with the command line). "Restaurează…" goes through the same preview as *Restaurează din copie*
(the caller's ``restore`` function).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QWidget,
)

from balti_monitor.services.backup import (
    AutoBackup,
    auto_backup_dir,
    backup_keep,
    list_auto_backups,
    open_auto_backup_dir,
    set_backup_keep,
)
from balti_monitor.services.errors import ServiceError

from . import dialogs
from .forms.ui_auto_backups_dialog import Ui_AutoBackupsDialog
from .locale_format import date_time_text, size_text
from .row_table_model import Column, RowTableModel, compact_rows

translate = QCoreApplication.translate


class AutoBackupsModel(RowTableModel):
    """Automatic backups, newest first: date, reason, size, file name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                Column(self.tr("Data"), lambda b: date_time_text(b.created)),
                Column(self.tr("Motivul"), lambda b: b.reason_label),
                Column(self.tr("Mărimea"), lambda b: size_text(b.size)),
                Column(self.tr("Fișierul"), lambda b: b.path.name, lambda b: str(b.path)),
            ],
            parent,
        )

    def backup_at(self, row: int) -> AutoBackup | None:
        """The backup shown in a row."""
        found = self.row_at(row)
        return found if isinstance(found, AutoBackup) else None


class AutoBackupsDialog:
    """The automatic-backups dialog.

    Attributes:
        dialog: the QDialog built from the form.
        model: the backups listed.
        keep: how many backups are kept per database file.
        folder: where the backups listed are.
    """

    def __init__(
        self,
        parent: QWidget | None,
        db_path: Path | None,
        restore: Callable[[Path], bool],
        *,
        server: str | None = None,
    ) -> None:
        """``db_path``: the open file; None with ``server`` (its address without password): the open
        server's automatic backups."""
        loaded = QDialog(parent)
        self.ui = Ui_AutoBackupsDialog()
        self.ui.setupUi(loaded)
        self.dialog = loaded
        self.db_path = db_path
        self.folder = auto_backup_dir(db_path) if db_path is not None else open_auto_backup_dir()
        self._restore = restore
        if db_path is not None:
            intro = translate(
                "AutoBackupsDialog",
                "Copiile automate ale fișierului <b>{name}</b>, cea mai nouă prima. Se fac la fiecare "
                "deschidere, înainte de restaurări, de importuri și de actualizarea structurii fișierului.",
            ).format(name=escape(db_path.name))
        else:
            intro = translate(
                "AutoBackupsDialog",
                "Copiile automate ale datelor de pe serverul <b>{name}</b>, cea mai nouă prima: fișiere "
                "SQLite complete, făcute înainte de restaurări, de importuri și de ștergeri.",
            ).format(name=escape(server or ""))
        self.ui.introLabel.setText(intro)
        self.model = AutoBackupsModel(loaded)
        self.table = self.ui.table
        self.table.setModel(self.model)
        compact_rows(self.table, self.table.verticalHeader())
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.keep = self.ui.keepSpin
        self.keep.setValue(backup_keep())
        self.keep.valueChanged.connect(self._keep_changed)
        self.error = self.ui.errorLabel
        self.error.hide()
        self.restore_button = self.ui.restoreButton
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button = self.ui.openFolderButton
        self.folder_button.clicked.connect(self.open_folder)
        self.ui.buttonBox.rejected.connect(loaded.reject)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.reload()

    def reload(self) -> None:
        """List the backups again (newest selected)."""
        self.model.set_rows(list_auto_backups(self.db_path))  # None: the open server's
        if self.model.rowCount():
            self.table.selectRow(0)
        self.folder_button.setEnabled(self.folder.is_dir())
        self._update_buttons()

    def selected(self) -> AutoBackup | None:
        """The backup selected in the list."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.backup_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def _keep_changed(self, value: int) -> None:
        try:
            set_backup_keep(value)
        except ServiceError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.error.hide()

    def restore_selected(self) -> bool:
        """Restore the selected backup (with the preview); the dialog closes when it was restored."""
        backup = self.selected()
        if backup is None:
            return False
        if not self._restore(backup.path):
            self.reload()
            return False
        self.dialog.accept()
        return True

    def open_folder(self) -> None:
        """Show the backups' folder in the file manager."""
        dialogs.open_path(self.folder)

    @classmethod
    def run(
        cls,
        parent: QWidget | None,
        db_path: Path | None,
        restore: Callable[[Path], bool],
        *,
        server: str | None = None,
    ) -> None:
        """Show the dialog until it is closed."""
        dialog = cls(parent, db_path, restore, server=server)
        try:
            dialog.dialog.exec()
        finally:
            dialog.dialog.deleteLater()
