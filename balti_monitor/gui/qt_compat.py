"""Keeping clear of a PySide6 reference-count bug.

**PySide6-Essentials 6.12.0 (abi3 wheels) on CPython 3.10/3.11 drops a reference to ``None`` on every call
that returns ``None``** — every ``void`` method (``QPainter.save()``, ``setPen()``, ``update()`` …) and every
invalid ``QVariant`` (``index.data(role)`` with nothing to return) — and Python slots receiving a ``bool``
lose references to ``True``/``False``. After some seconds of painting the process dies with "Fatal Python
error: none_dealloc". Measured here: 1000 ``save()``/``restore()`` pairs lower ``sys.getrefcount(None)`` by
2000 on 6.12.0 and by 0 on 6.11.3. The project therefore pins **PySide6-Essentials 6.11.3**
(pyproject.toml); ``tests/gui/test_models.py`` fails if an upgrade brings the bug back.

Independently of the pin, the GUI avoids pointless round trips through Qt: roles of our own models are
read with :func:`model_data` (a plain Python call) and combo boxes keep their ids in Python lists.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt


def model_data(index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
    """``index.data(role)`` for an index of a Python model, without the QVariant round trip."""
    if not index.isValid():
        return None
    model = index.model()
    if model is None:
        return None
    return type(model).data(model, index, role)
