"""Small standard dialogs (questions, errors, file choosers, "open the document?").

They are module functions so tests can replace them with ``monkeypatch.setattr(dialogs, "confirm", …)``;
the standard buttons appear in Romanian through the shipped ``qtbase_ro.qm``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

translate = QCoreApplication.translate

OPEN_DOCUMENT = "document"
OPEN_FOLDER = "folder"
CLOSE = "close"
CHOOSE = "choose"
BUNDLED = "bundled"
WIDE = "QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel { min-width: 480px; }"  # long Romanian text


def choose_save_path(parent: QWidget | None, title: str, suggested: Path, pattern: str) -> Path | None:
    """Ask where to save; None when cancelled."""
    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), pattern)
    return Path(name) if name else None


def choose_open_path(parent: QWidget | None, title: str, folder: Path, pattern: str) -> Path | None:
    """Ask which file to open; None when cancelled."""
    name, _ = QFileDialog.getOpenFileName(parent, title, str(folder), pattern)
    return Path(name) if name else None


def choose_open_paths(parent: QWidget | None, title: str, folder: Path, pattern: str) -> list[Path]:
    """Ask for one or several files to open; an empty list when cancelled."""
    names, _ = QFileDialog.getOpenFileNames(parent, title, str(folder), pattern)
    return [Path(name) for name in names]


def choose_folder(parent: QWidget | None, title: str, folder: Path) -> Path | None:
    """Ask for a folder; None when cancelled."""
    name = QFileDialog.getExistingDirectory(parent, title, str(folder))
    return Path(name) if name else None


@contextmanager
def busy() -> Iterator[None]:
    """The wait cursor while a long operation runs on the GUI thread."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    QApplication.processEvents()
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def _yes_no(parent: QWidget | None, title: str, text: str, default: QMessageBox.StandardButton) -> bool:
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    return QMessageBox.question(parent, title, text, buttons, default) == QMessageBox.StandardButton.Yes


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """A Yes/No question (No is the default)."""
    return _yes_no(parent, title, text, QMessageBox.StandardButton.No)


def ask_yes(parent: QWidget | None, title: str, text: str) -> bool:
    """A Yes/No question with Yes as the default."""
    return _yes_no(parent, title, text, QMessageBox.StandardButton.Yes)


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """A multi-line text question (a note); None when cancelled."""
    from PySide6.QtWidgets import QInputDialog

    value, ok = QInputDialog.getMultiLineText(parent, title, label, text)
    return value if ok else None


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    """An error message."""
    QMessageBox.warning(parent, title, text)


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    """An information message."""
    QMessageBox.information(parent, title, text)


def file_in_use(parent: QWidget | None, message: str) -> None:
    """Explain that another instance has the file open (the lock's Romanian message)."""
    QMessageBox.warning(parent, translate("Dialogs", "Fișierul este deja deschis"), message)


def offer_recovery(parent: QWidget | None, path: Path, message: str) -> bool:
    """Explain why a file cannot be opened and offer its newest automatic backup; True to use the copy."""
    box = QMessageBox(parent)
    box.setStyleSheet(WIDE)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(translate("Dialogs", "Fișierul nu poate fi deschis"))
    box.setText(translate("Dialogs", "Fișierul de date „{path}” nu poate fi deschis.").format(path=path))
    box.setInformativeText(message)
    use = box.addButton(
        translate("Dialogs", "&Continuă cu copia automată"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(translate("Dialogs", "&Renunță"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(use)
    box.exec()
    return box.clickedButton() is use


def done_with_folder(parent: QWidget | None, title: str, text: str, details: str = "") -> bool:
    """A success message with "Deschide dosarul" / "Închide"; True when the folder should be opened."""
    box = QMessageBox(parent)
    box.setStyleSheet(WIDE)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(text)
    if details:
        box.setInformativeText(details)
    open_dir = box.addButton(translate("Dialogs", "Deschide d&osarul"), QMessageBox.ButtonRole.ActionRole)
    close = box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(close)
    box.exec()
    return box.clickedButton() is open_dir


def show_report(parent: QWidget | None, title: str, ok: bool, lines: Sequence[str]) -> None:
    """The result of a file check: a short verdict and the report's lines."""
    box = QMessageBox(parent)
    box.setStyleSheet(WIDE)
    box.setIcon(QMessageBox.Icon.Information if ok else QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(
        translate("Dialogs", "Fișierul este în regulă.")
        if ok
        else translate("Dialogs", "Fișierul are probleme și nu poate fi folosit.")
    )
    box.setInformativeText("\n".join(lines))
    box.exec()


def template_choice(parent: QWidget | None, text: str, custom: bool) -> str:
    """Which template the report uses, with the choices; returns CHOOSE, BUNDLED, OPEN_FOLDER or CLOSE."""
    box = QMessageBox(parent)
    box.setStyleSheet(WIDE)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(translate("Dialogs", "Șablonul raportului Word"))
    box.setText(text)
    choose = box.addButton(translate("Dialogs", "&Alege dosarul…"), QMessageBox.ButtonRole.ActionRole)
    bundled = (
        box.addButton(translate("Dialogs", "Folosește șablonul &inclus"), QMessageBox.ButtonRole.ResetRole)
        if custom
        else None
    )
    open_dir = (
        box.addButton(translate("Dialogs", "Deschide d&osarul"), QMessageBox.ButtonRole.ActionRole)
        if custom
        else None
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    clicked = box.clickedButton()
    if clicked is choose:
        return CHOOSE
    if bundled is not None and clicked is bundled:
        return BUNDLED
    if open_dir is not None and clicked is open_dir:
        return OPEN_FOLDER
    return CLOSE


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
