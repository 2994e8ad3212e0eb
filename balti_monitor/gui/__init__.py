"""The PySide6 desktop application (entry point: :func:`balti_monitor.gui.app.run`)."""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (loads shiboken's support modules, adjusted below)

_OWN_QT_MODULES = ("balti_monitor.gui", "PySide6", "shiboken6")


def _uses_pyside(module: ModuleType) -> bool:
    """Whether ``module`` may use PySide6, told from its name (no source is read)."""
    return module.__name__.startswith(_OWN_QT_MODULES)


def _skip_feature_source_scan() -> None:
    """Stop PySide6 reading the source of every module imported after it.

    To support the opt-in ``from __feature__ import snake_case, true_property``, PySide6 replaces
    ``__import__`` and, after every import in the process, reads the new module's whole source
    (``inspect.getsource``) to learn whether it mentions PySide6 — the known "__feature__ start-up tax"
    (napari/napari#8584): here about 200 modules at start-up, 20-30 ms before the window shows. The program
    never opts into a feature, so the answer is taken from the module's name; if a PySide6 release renames
    the internal hook this does nothing and start-up is only slower (``tests/gui/test_start_light.py``
    tells).
    """
    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = _uses_pyside  # type: ignore[attr-defined]


_skip_feature_source_scan()
