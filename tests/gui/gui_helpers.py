"""Helpers for the GUI tests: choosing actions, typing with real key events."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def select_action(window: object, code: str) -> None:
    """Show an action by its code."""
    info = window.session.action_by_code(code)  # type: ignore[attr-defined]
    assert info is not None, code
    assert window.plan_panel.select_action(info.id)  # type: ignore[attr-defined]
    QApplication.processEvents()


def type_text(widget: QWidget, text: str) -> None:
    """Type text with real key events (QTest.keyClicks aborts on ș ț ă, tech.md §4.2)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def press(
    widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """Press and release one key."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers))
    if modifiers != Qt.KeyboardModifier.NoModifier:
        # Qt remembers the modifiers of the last key press: without a plain key press after Ctrl+V, later
        # programmatic selections would behave as Ctrl+clicks. A throwaway widget receives it.
        _SINK.append(_SINK.pop() if _SINK else QWidget())
        plain = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(_SINK[0], plain)
    QApplication.processEvents()


_SINK: list[QWidget] = []


def close_window(window: object) -> None:
    """Close a main window and its database (as the end of ``run`` does)."""
    window.close()  # type: ignore[attr-defined]
    window.session.close()  # type: ignore[attr-defined]
    window.session.deleteLater()  # type: ignore[attr-defined]
    QApplication.processEvents()
