"""Fișier → Limba interfeței…: Romanian or Russian, stored in the settings, applied at the next start.

The interface is built once in its language (menus, forms, models' texts), so a change is not applied to the
open window: the user is told that it takes effect when the program starts again. The official report, the
return forms and the JSON document stay Romanian whatever the choice.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from . import dialogs
from .settings import LANGUAGE, AppSettings
from .translations import LANGUAGE_NAMES, LANGUAGES, current_language


class LanguageDialog(QDialog):
    """The choice of the interface's language (each language named in itself)."""

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languageDialog")
        self.setWindowTitle(self.tr("Limba interfeței"))
        layout = QVBoxLayout(self)
        label = QLabel(
            self.tr(
                "Limba meniurilor, a ferestrelor și a mesajelor. Raportul Word, formularele de retur și "
                "fișierele JSON rămân în limba română."
            ),
            self,
        )
        label.setWordWrap(True)
        layout.addWidget(label)
        self.combo = QComboBox(self)
        self.combo.setObjectName("languageCombo")
        for code in LANGUAGES:
            self.combo.addItem(LANGUAGE_NAMES[code], code)
        self.combo.setCurrentIndex(max(0, self.combo.findData(current)))
        label.setBuddy(self.combo)
        layout.addWidget(self.combo)
        note = QLabel(self.tr("Limba aleasă se aplică la următoarea pornire a programului."), self)
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def chosen(self) -> str:
        """The language selected ("ro" or "ru")."""
        return str(self.combo.currentData())


def ask_language(parent: QWidget | None, current: str) -> str | None:
    """Show the dialog; the chosen language, None when cancelled (tests replace this function)."""
    dialog = LanguageDialog(current, parent)
    try:
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


class LanguageAction(QObject):
    """The menu item and what it does.

    Attributes:
        action: "Limba interfeței…" (in the File menu).
    """

    def __init__(self, settings: AppSettings, window: QWidget) -> None:
        super().__init__(window)
        self.settings = settings
        self.window = window
        self.action = QAction(self.tr("&Limba interfeței…"), window)
        self.action.setObjectName("languageAction")
        self.action.setToolTip(self.tr("Română sau rusă; se aplică la următoarea pornire"))
        self.action.triggered.connect(self.choose)

    def choose(self) -> bool:
        """Ask for the language and store it; True when it changed (applied at the next start)."""
        stored = self.settings.language()
        chosen = ask_language(self.window, stored)
        if chosen is None or chosen not in LANGUAGES or chosen == stored:
            return False
        self.settings.set(LANGUAGE, chosen)
        self.settings.sync()
        text = self.tr("Limba interfeței va fi „{name}” de la următoarea pornire a programului.").format(
            name=LANGUAGE_NAMES[chosen]
        )
        if chosen != current_language():
            # the user may not read the language shown now: the same news in the chosen language
            text += "\n\n" + RESTART_NOTES[chosen]
        dialogs.show_info(self.window, self.tr("Limba interfeței"), text)
        return True


#: "Applied at the next start" written in each language itself (shown to whoever chose it, whatever the
#: language of the window that is open now).
RESTART_NOTES = {
    "ro": "Limba română se aplică la următoarea pornire a programului.",
    "ru": "Русский язык будет применён при следующем запуске программы.",
}
