"""Every setting of the desktop application, declared in one place, stored with :class:`QSettings`.

UI state only (window geometry, splitters, last files, last period and action per file, the author name
written on manual totals). Domain configuration lives in the database so it travels with the file.

The store is an INI file in the user's scope (``%APPDATA%\\Primaria Balti\\Balti Monitor.ini`` on
Windows); with ``BALTI_MONITOR_HOME`` set (tests, portable use) it is ``settings.ini`` in that folder, so
nothing is written to the user's real configuration folder.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

ORGANIZATION = "Primaria Balti"
APPLICATION = "Balti Monitor"
SETTINGS_VERSION = 1
MAX_RECENT = 8


@dataclass(frozen=True, slots=True)
class Setting:
    """One declared setting: key, default and what it is for."""

    key: str
    default: Any
    help: str


GEOMETRY = Setting("window/geometry", QByteArray(), "Poziția și dimensiunea ferestrei principale.")
WINDOW_STATE = Setting("window/state", QByteArray(), "Starea barelor de instrumente.")
MAIN_SPLITTER = Setting("window/main_splitter", QByteArray(), "Lățimea arborelui planului față de grilă.")
ACTION_SPLITTER = Setting("window/action_splitter", QByteArray(), "Împărțirea antet / grilă / constatări.")
LAST_FILE = Setting("files/last_database", "", "Ultimul fișier de date deschis.")
RECENT_FILES = Setting("files/recent", "[]", "Fișierele de date deschise recent (JSON).")
EXPORT_DIR = Setting("files/export_dir", "", "Dosarul în care s-a salvat ultimul raport.")
BACKUP_DIR = Setting(
    "files/backup_dir", "", "Dosarul ultimei copii de rezervă (creată, restaurată sau verificată)."
)
FORMS_DIR = Setting("files/forms_dir", "", "Dosarul în care s-au generat ultima dată formularele de retur.")
FORMS_IMPORT_DIR = Setting("files/forms_import_dir", "", "Dosarul din care s-au importat ultimele formulare.")
REPORT_IMPORT_DIR = Setting(
    "files/report_import_dir", "", "Dosarul din care s-a importat ultimul raport Word."
)
TEMPLATE_DIR = Setting(
    "export/template_dir", "", "Dosarul cu șablonul raportului, căutat înaintea șablonului inclus."
)
FORMS_CONTACT = Setting("forms/contact", "", "Persoana de contact scrisă pe coperta formularelor.")
LAST_PERIODS = Setting(
    "session/last_periods", "{}", "Ultima perioadă deschisă, pentru fiecare fișier (JSON)."
)
LAST_ACTIONS = Setting("session/last_actions", "{}", "Ultima acțiune deschisă, pentru fiecare fișier (JSON).")
LAST_PLANS = Setting("session/last_plans", "{}", "Ultimul plan afișat, pentru fiecare fișier (JSON).")
AUTHOR = Setting("user/author", "", "Numele scris la totalurile introduse manual.")
LANGUAGE = Setting(
    "user/language", "", "Limba interfeței: „ro” sau „ru” (goală: aleasă la prima pornire după sistem)."
)
RECENT_SERVERS = Setting(
    "files/recent_servers", "[]", "Serverele PostgreSQL la care s-a conectat recent, fără parole (JSON)."
)
VERSION = Setting("settings/version", SETTINGS_VERSION, "Versiunea formatului setărilor.")

ALL_SETTINGS = (
    GEOMETRY,
    WINDOW_STATE,
    MAIN_SPLITTER,
    ACTION_SPLITTER,
    LAST_FILE,
    RECENT_FILES,
    EXPORT_DIR,
    BACKUP_DIR,
    FORMS_DIR,
    FORMS_IMPORT_DIR,
    REPORT_IMPORT_DIR,
    TEMPLATE_DIR,
    FORMS_CONTACT,
    LAST_PERIODS,
    LAST_ACTIONS,
    LAST_PLANS,
    AUTHOR,
    LANGUAGE,
    RECENT_SERVERS,
    VERSION,
)


def documents_folder() -> Path:
    """The user's Documents folder (the home folder when there is none)."""
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


def configure_application_names() -> None:
    """Names QSettings and QStandardPaths use (ASCII, so folder names are plain on every system)."""
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)


SETTINGS_FILE = "settings.ini"


def default_store() -> QSettings:
    """The settings store: under ``BALTI_MONITOR_HOME`` when it is set, else the user's INI file."""
    home = os.environ.get("BALTI_MONITOR_HOME")
    if home:
        folder = Path(home)
        folder.mkdir(parents=True, exist_ok=True)
        return QSettings(str(folder / SETTINGS_FILE), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


class AppSettings:
    """Typed access to the declared settings.

    Attributes:
        store: the underlying ``QSettings`` (INI format, user scope).
    """

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or default_store()
        self._upgrade()

    def _upgrade(self) -> None:
        """Upgrade steps from older settings versions go here (none yet)."""
        if self.store.value(VERSION.key) is None:
            self.store.setValue(VERSION.key, SETTINGS_VERSION)

    # -- raw values ---------------------------------------------------------------------------------------
    def bytes(self, setting: Setting) -> QByteArray:
        """A binary setting (geometry, splitter state)."""
        value = self.store.value(setting.key)
        return value if isinstance(value, QByteArray) else QByteArray(setting.default)

    def text(self, setting: Setting) -> str:
        """A text setting."""
        value = self.store.value(setting.key)
        return str(value) if value is not None else str(setting.default)

    def set(self, setting: Setting, value: Any) -> None:
        """Store a value."""
        self.store.setValue(setting.key, value)

    def _json(self, setting: Setting) -> Any:
        try:
            return json.loads(self.text(setting))
        except (TypeError, ValueError):
            return json.loads(str(setting.default))

    def folder(self, setting: Setting) -> Path:
        """A remembered folder that still exists, else the Documents folder."""
        saved = self.text(setting)
        if saved and Path(saved).is_dir():
            return Path(saved)
        return documents_folder()

    # -- files --------------------------------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        """Recently opened database files, newest first."""
        value = self._json(RECENT_FILES)
        return [str(v) for v in value] if isinstance(value, list) else []

    def last_file(self) -> Path | None:
        """The database file opened last, if it still exists."""
        saved = self.text(LAST_FILE)
        return Path(saved) if saved and Path(saved).is_file() else None

    def remember_file(self, path: str) -> None:
        """Record a database file as the last one opened."""
        recent = [p for p in self.recent_files() if p != path]
        self.set(RECENT_FILES, json.dumps([path, *recent][:MAX_RECENT], ensure_ascii=False))
        self.set(LAST_FILE, path)

    # -- per-file session state ---------------------------------------------------------------------------
    def last_period(self, path: str) -> str | None:
        """The period code last shown for a file ("2023-S1")."""
        value = self._json(LAST_PERIODS)
        found = value.get(path) if isinstance(value, dict) else None
        return str(found) if found else None

    def remember_period(self, path: str, code: str) -> None:
        """Record the period shown for a file."""
        value = self._json(LAST_PERIODS)
        value = value if isinstance(value, dict) else {}
        value[path] = code
        self.set(LAST_PERIODS, json.dumps(value, ensure_ascii=False))

    def last_action(self, path: str) -> str | None:
        """The action code last shown for a file ("1.15")."""
        value = self._json(LAST_ACTIONS)
        found = value.get(path) if isinstance(value, dict) else None
        return str(found) if found else None

    def remember_action(self, path: str, code: str) -> None:
        """Record the action shown for a file."""
        value = self._json(LAST_ACTIONS)
        value = value if isinstance(value, dict) else {}
        value[path] = code
        self.set(LAST_ACTIONS, json.dumps(value, ensure_ascii=False))

    def last_plan(self, path: str) -> str | None:
        """The code of the plan last shown for a file (a file may hold several plans)."""
        value = self._json(LAST_PLANS)
        found = value.get(path) if isinstance(value, dict) else None
        return str(found) if found else None

    def remember_plan(self, path: str, code: str) -> None:
        """Record the plan shown for a file."""
        value = self._json(LAST_PLANS)
        value = value if isinstance(value, dict) else {}
        value[path] = code
        self.set(LAST_PLANS, json.dumps(value, ensure_ascii=False))

    # -- the interface's language -------------------------------------------------------------------------
    def language(self) -> str:
        """The interface's language ("ro" or "ru"); on the first start it is chosen from the system's locale
        (Russian → "ru", anything else → "ro") and stored, so a later change of the system changes nothing."""
        from .translations import normalized, system_language  # Qt's locale only when asked

        stored = normalized(self.text(LANGUAGE))
        if stored is None:
            stored = system_language()
            self.set(LANGUAGE, stored)
        return stored

    def sync(self) -> None:
        """Write to disk now."""
        self.store.sync()
