"""The interface's language: Romanian (the sources' language) or Russian, with Qt's own texts to match.

* The program's strings are Romanian in the source and go through ``tr()``; ``ui/balti_monitor_ru.ts`` holds
  their Russian and ``ui/balti_monitor_ro.ts`` only the Romanian plural forms ("1 conflict / 2 conflicte /
  20 de conflicte"). The ``.qm`` files are compiled by the build (``tools/compile_translations.py``); in a
  checkout a missing or older ``.qm`` is compiled here at start-up with the ``lrelease`` PySide6 ships.
* Qt's own texts (dialog buttons, file dialog, context menus): Qt ships no Romanian, so
  ``ui/qtbase_ro.ts``/``.qm`` is the project's translation of the contexts the program shows; Russian comes
  from Qt's ``qtbase_ru.qm``.
* The default locale (dates, numbers, the decimal separator, sorting) follows the language; the core's
  messages follow through :func:`balti_monitor.i18n.set_language` (called by ``gui/app.py``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from balti_monitor.resources import resource_path, user_data_dir

ROMANIAN, RUSSIAN = "ro", "ru"
LANGUAGES = (ROMANIAN, RUSSIAN)
DEFAULT_LANGUAGE = ROMANIAN
#: Each language's name as its speakers write it (the language menu shows these, never translated).
LANGUAGE_NAMES = {ROMANIAN: "Română", RUSSIAN: "Русский"}
APP_CATALOGUE = "balti_monitor"
QT_TRANSLATION = "qtbase_ro.qm"  # the project's own (Qt has no Romanian)

LOCALES = {
    ROMANIAN: QLocale(QLocale.Language.Romanian, QLocale.Country.Moldova),
    RUSSIAN: QLocale(QLocale.Language.Russian, QLocale.Country.Moldova),
}
ROMANIAN_LOCALE = LOCALES[ROMANIAN]

_installed: list[QTranslator] = []
_current = DEFAULT_LANGUAGE


def normalized(language: object) -> str | None:
    """``"ro"`` or ``"ru"`` for a stored or given value ("ru_RU", "RU" …), None for anything else."""
    text = str(language or "").strip().lower().replace("-", "_")[:2]
    return text if text in LANGUAGES else None


def system_language(locale: QLocale | None = None) -> str:
    """The language a first start chooses: Russian when the system's locale is Russian, else Romanian."""
    found = locale or QLocale.system()
    return RUSSIAN if found.language() == QLocale.Language.Russian else ROMANIAN


def current_language() -> str:
    """The language installed last (Romanian before any)."""
    return _current


def locale() -> QLocale:
    """The locale of the interface's language (numbers, dates, sorting)."""
    return LOCALES[_current]


def lrelease_program() -> Path:
    """Qt's ``lrelease`` shipped inside PySide6."""
    import PySide6

    return Path(PySide6.__file__).parent / ("lrelease.exe" if sys.platform == "win32" else "lrelease")


def lupdate_program() -> Path:
    """Qt's ``lupdate`` shipped inside PySide6."""
    import PySide6

    return Path(PySide6.__file__).parent / ("lupdate.exe" if sys.platform == "win32" else "lupdate")


def compile_catalogue(ts: Path, qm: Path) -> None:
    """``lrelease ts -qm qm``, written through a temporary file (two processes may compile at once)."""
    qm.parent.mkdir(parents=True, exist_ok=True)
    handle, scratch = tempfile.mkstemp(suffix=".qm", dir=qm.parent)
    os.close(handle)
    try:
        result = subprocess.run(
            [str(lrelease_program()), "-silent", str(ts), "-qm", scratch],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise OSError(f"lrelease {ts.name}: {result.stdout}{result.stderr}")
        os.replace(scratch, qm)
    finally:
        if os.path.exists(scratch):
            os.unlink(scratch)


def _stale(qm: Path, ts: Path) -> bool:
    return ts.is_file() and (not qm.is_file() or qm.stat().st_mtime < ts.stat().st_mtime)


def catalogue_path(language: str) -> Path | None:
    """The compiled catalogue of ``language`` (``ui/balti_monitor_<language>.qm``); in a checkout where it is
    missing or older than its ``.ts`` it is compiled first (into ``ui/``, else the user's data folder).
    None when there is none (and nothing to compile it from)."""
    qm = resource_path("ui", f"{APP_CATALOGUE}_{language}.qm")
    ts = qm.with_suffix(".ts")
    if not _stale(qm, ts):
        return qm if qm.is_file() else None
    for target in (qm, user_data_dir() / "translations" / qm.name):
        if target != qm and not _stale(target, ts):
            return target
        try:
            compile_catalogue(ts, target)
            return target
        except OSError:
            continue
    return qm if qm.is_file() else None


def qt_catalogue_path(language: str) -> Path | None:
    """Qt's own texts: the project's ``qtbase_ro.qm``, Qt's ``qtbase_ru.qm``."""
    if language == ROMANIAN:
        path = resource_path("ui", QT_TRANSLATION)
        return path if path.is_file() else None
    name = f"qtbase_{language}.qm"
    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:  # the bundle keeps it where PyInstaller put PySide6's translations
        folders += [
            Path(frozen) / "PySide6" / "Qt" / "translations",
            Path(frozen) / "PySide6" / "translations",
        ]
    for folder in folders:
        if (folder / name).is_file():
            return folder / name
    return None


def install_translations(app: QCoreApplication, language: str = DEFAULT_LANGUAGE) -> list[QTranslator]:
    """Set the language's locale as the default and install its translators (replacing those installed
    before); returns them (kept alive here too)."""
    global _current
    language = normalized(language) or DEFAULT_LANGUAGE
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(LOCALES[language])
    for path in (qt_catalogue_path(language), catalogue_path(language)):
        if path is None:
            continue
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            _installed.append(translator)
    _current = language
    return list(_installed)


def set_core_language(language: str) -> None:
    """The core's messages (refusals, findings, pre-flight lines) in the same language as the interface."""
    from balti_monitor import i18n

    i18n.set_language(normalized(language) or DEFAULT_LANGUAGE)
