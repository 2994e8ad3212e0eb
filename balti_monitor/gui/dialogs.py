"""Small standard dialogs (questions, errors, file choosers, "open the document?").

They are module functions so tests can replace them with ``monkeypatch.setattr(dialogs, "confirm", …)``;
the standard buttons appear in Romanian through the shipped ``qtbase_ro.qm``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

translate = QCoreApplication.translate

OPEN_DOCUMENT = "document"
OPEN_FOLDER = "folder"
CLOSE = "close"


def choose_save_path(parent: QWidget | None, title: str, suggested: Path, pattern: str) -> Path | None:
    """Ask where to save; None when cancelled."""
    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), pattern)
    return Path(name) if name else None


def choose_open_path(parent: QWidget | None, title: str, folder: Path, pattern: str) -> Path | None:
    """Ask which file to open; None when cancelled."""
    name, _ = QFileDialog.getOpenFileName(parent, title, str(folder), pattern)
    return Path(name) if name else None


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """A Yes/No question (No is the default)."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_yes(parent: QWidget | None, title: str, text: str) -> bool:
    """A Yes/No question with Yes as the default."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    """An error message."""
    QMessageBox.warning(parent, title, text)


def bad_database(parent: QWidget | None, path: Path, reason: str) -> None:
    """Explain that a database file cannot be opened."""
    QMessageBox.critical(
        parent,
        translate("Dialogs", "Fișierul nu poate fi deschis"),
        translate(
            "Dialogs", "Fișierul de date „{path}” nu poate fi deschis.\n\n{reason}\n\nAlegeți alt fișier."
        ).format(path=path, reason=reason),
    )


def choose_database(parent: QWidget | None, folder: Path) -> Path | None:
    """Ask for a database file to open (an existing one or a new name); None when cancelled."""
    pattern = translate("Dialogs", "Fișiere Bălți Monitor (*.sqlite *.db);;Toate fișierele (*)")
    dialog = QFileDialog(parent, translate("Dialogs", "Alegeți fișierul de date"), str(folder), pattern)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)
    if dialog.exec() and dialog.selectedFiles():
        return Path(dialog.selectedFiles()[0])
    return None


def after_export(parent: QWidget | None, path: Path, note: str) -> str:
    """Offer to open the new document or its folder; returns OPEN_DOCUMENT, OPEN_FOLDER or CLOSE."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(translate("Dialogs", "Raportul a fost creat"))
    box.setText(translate("Dialogs", "Raportul a fost salvat în:\n{path}").format(path=path))
    if note:
        box.setInformativeText(note)
    open_doc = box.addButton(translate("Dialogs", "Deschide &documentul"), QMessageBox.ButtonRole.AcceptRole)
    open_dir = box.addButton(translate("Dialogs", "Deschide d&osarul"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(open_doc)
    box.exec()
    clicked = box.clickedButton()
    if clicked is open_doc:
        return OPEN_DOCUMENT
    if clicked is open_dir:
        return OPEN_FOLDER
    return CLOSE


def open_path(path: Path) -> bool:
    """Open a file or folder with the system's program (Word, Explorer)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
