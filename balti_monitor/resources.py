"""Locating bundled resources (data/, templates/, ui/) and the user's data folder.

Resources are read through :mod:`importlib.resources` from the installed package
(``balti_monitor.data`` etc., mapped from the top-level folders by ``pyproject.toml``), from a
PyInstaller bundle (``sys._MEIPASS``) or, as a last resort, from a source checkout.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

_KINDS = ("data", "templates", "ui")


def resource_dir(kind: str) -> Traversable:
    """The folder of bundled resources of one kind: ``data``, ``templates`` or ``ui``."""
    if kind not in _KINDS:
        raise ValueError(kind)
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidate = Path(frozen_root) / "balti_monitor" / kind
        if candidate.is_dir():
            return candidate
    from importlib import resources  # on first use: most command-line calls never read a resource

    try:
        found = resources.files(f"balti_monitor.{kind}")
        if found.is_dir():
            return found
    except ModuleNotFoundError:
        pass
    source_tree = Path(__file__).resolve().parent.parent / kind
    return source_tree


def read_resource_text(kind: str, name: str) -> str:
    """Text of one bundled resource file."""
    return resource_dir(kind).joinpath(name).read_text(encoding="utf-8")


def resource_path(kind: str, name: str) -> Path:
    """A real filesystem path of a bundled resource (wheels install as plain files)."""
    return Path(str(resource_dir(kind).joinpath(name)))


def user_data_dir() -> Path:
    """The per-user folder for the database and automatic backups (created on demand).

    Windows: ``%APPDATA%\\Balti Monitor``; elsewhere ``$XDG_DATA_HOME/balti-monitor``.
    ``BALTI_MONITOR_HOME`` overrides both (tests, portable use).
    """
    override = os.environ.get("BALTI_MONITOR_HOME")
    if override:
        base = Path(override)
    elif sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming")) / "Balti Monitor"
    else:
        xdg = os.environ.get("XDG_DATA_HOME")
        base = (Path(xdg) if xdg else Path.home() / ".local" / "share") / "balti-monitor"
    base.mkdir(parents=True, exist_ok=True)
    return base


def default_database_path() -> Path:
    """Where the specialist's database lives unless ``--db`` says otherwise."""
    return user_data_dir() / "balti-monitor.sqlite"
