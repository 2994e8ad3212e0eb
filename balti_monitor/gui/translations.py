"""Romanian for Qt's own texts (dialog buttons, file dialog, context menus) and the Romanian locale.

Qt ships no ``qtbase_ro.qm``, so ``ui/qtbase_ro.ts`` holds our translation of the contexts the program shows
(QPlatformTheme and QDialogButtonBox buttons, QMessageBox, QFileDialog, QFileSystemModel, the QLineEdit and
text-edit context menus, QProgressDialog, QUndoStack …) and ``ui/qtbase_ro.qm`` is its compiled form
(``pyside6-lrelease ui/qtbase_ro.ts -qm ui/qtbase_ro.qm``).

The program's own strings are written in Romanian in the source and still go through ``tr()``, so an
English (or Russian) translation can be added later with ``pyside6-lupdate`` without touching the code;
no application ``.ts`` is needed while Romanian is the only language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from balti_monitor.resources import resource_path

QT_TRANSLATION = "qtbase_ro.qm"
APP_TRANSLATION = "balti_monitor_ro.qm"  # optional; loaded when present

ROMANIAN = QLocale(QLocale.Language.Romanian, QLocale.Country.Moldova)


def install_translations(app: QCoreApplication) -> list[QTranslator]:
    """Set the Romanian locale and install the translators; returns them (keep them alive)."""
    QLocale.setDefault(ROMANIAN)
    installed: list[QTranslator] = []
    for name in (QT_TRANSLATION, APP_TRANSLATION):
        path = resource_path("ui", name)
        if not path.is_file():
            continue
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            installed.append(translator)
    return installed
