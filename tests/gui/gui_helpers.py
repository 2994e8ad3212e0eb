"""Helpers for the GUI tests: choosing actions, typing with real key events, driving modal dialogs."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget


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
    """Close a main window and its database (as the end of ``run`` does); a window a test already closed
    (and whose session a later local event loop, e.g. the export's, has deleted) is left alone."""
    import shiboken6

    session = getattr(window, "session", None)
    if session is None or not shiboken6.isValid(session) or not shiboken6.isValid(window):
        return
    window.close()  # type: ignore[attr-defined]
    window.session.close()  # type: ignore[attr-defined]
    window.session.deleteLater()  # type: ignore[attr-defined]
    QApplication.processEvents()


class ModalDriver:
    """Runs ``action`` on the next modal dialog once it shows, from inside the dialog's own event loop.

    ``exec()`` blocks the test, so a timer polls for the dialog; ``errors`` keeps what the action raised
    (the dialog is then rejected so the test goes on) and ``check()`` re-raises it in the test.
    """

    def __init__(self, action: Callable[[QDialog], None], timeout: float = 10.0) -> None:
        self.action = action
        self.errors: list[BaseException] = []
        self.ran = False
        self.deadline = time.monotonic() + timeout
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _poll(self) -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QDialog) and widget.isVisible():
            self.timer.stop()
            self.ran = True
            try:
                self.action(widget)
            except BaseException as exc:  # reported by check()
                self.errors.append(exc)
                widget.reject()
        elif time.monotonic() > self.deadline:
            self.timer.stop()

    def check(self) -> None:
        """Fail the test when the dialog never showed or the action failed."""
        self.timer.stop()
        if self.errors:
            raise self.errors[0]
        assert self.ran, "the modal dialog never showed"


def build_form(form: str) -> QWidget:
    """A Designer form (``ui/<form>``) built from its compiled module, as the dialogs build it."""
    import importlib
    import xml.etree.ElementTree as ET

    from PySide6 import QtWidgets

    from balti_monitor.resources import resource_path

    top = ET.parse(str(resource_path("ui", form))).getroot().find("widget")
    assert top is not None
    module = importlib.import_module(f"balti_monitor.gui.forms.ui_{form.removesuffix('.ui')}")
    widget: QWidget = getattr(QtWidgets, top.attrib["class"])()
    getattr(module, f"Ui_{top.attrib['name']}")().setupUi(widget)
    return widget


def tr(context: str, text: str, n: int = -1) -> str:
    """``text`` (the Romanian source) as the interface shows it in the test's language (``ui_language``)."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(context, text, "", n)
