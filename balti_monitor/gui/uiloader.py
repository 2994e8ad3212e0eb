"""Loading Designer forms from ``ui/`` (shipped in the wheel as ``balti_monitor.ui``)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget

from balti_monitor.resources import resource_path

W = TypeVar("W", bound=QWidget)


def load_ui(name: str, parent: QWidget | None = None) -> QWidget:
    """The top widget of ``ui/<name>``, created as a child of ``parent``."""
    path = resource_path("ui", name)
    file = QFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(str(path))
    try:
        widget = QUiLoader().load(file, parent)
    finally:
        file.close()
    if widget is None:
        raise RuntimeError(f"cannot load {path}")
    return widget


def child(root: QWidget, kind: type[W], name: str) -> W:
    """A named child of a loaded form (fails loudly when the form and the code disagree)."""
    found = root.findChild(kind, name)
    if found is None:
        raise LookupError(f"{name} ({kind.__name__}) missing from the form")
    return found
