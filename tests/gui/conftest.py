"""GUI test fixtures: offscreen Qt, QSettings in a temporary folder, a main window on a private database.

Dialogs that would block (questions, file choosers, messages, the recovery offer) are replaced per test
with ``monkeypatch``; by default every question is answered "No", every chooser is cancelled and an error
or lock message fails the test, so nothing modal opens. Tests that drive a real dialog (restore preview,
forms preview) do so with ``QTimer``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from gui_helpers import close_window
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from balti_monitor.gui import dialogs, export_dialog


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """QSettings (INI, user scope) in a fresh temporary folder: the real user's settings are never touched."""
    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def _no_modal_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Answer every question "No" and cancel every file chooser unless a test says otherwise."""
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: False)
    monkeypatch.setattr(dialogs, "ask_yes", lambda *a, **k: False)
    monkeypatch.setattr(dialogs, "ask_text", lambda *a, **k: None)
    monkeypatch.setattr(dialogs, "choose_save_path", lambda *a, **k: None)
    monkeypatch.setattr(dialogs, "choose_open_path", lambda *a, **k: None)
    monkeypatch.setattr(dialogs, "choose_database", lambda *a, **k: None)
    monkeypatch.setattr(dialogs, "after_export", lambda *a, **k: dialogs.CLOSE)
    monkeypatch.setattr(dialogs, "open_path", lambda *a, **k: True)

    monkeypatch.setattr(dialogs, "choose_open_paths", lambda *a, **k: [])
    monkeypatch.setattr(dialogs, "choose_folder", lambda *a, **k: None)
    monkeypatch.setattr(dialogs, "offer_recovery", lambda *a, **k: False)
    monkeypatch.setattr(dialogs, "done_with_folder", lambda *a, **k: False)
    monkeypatch.setattr(dialogs, "show_info", lambda *a, **k: None)
    monkeypatch.setattr(dialogs, "show_report", lambda *a, **k: None)
    monkeypatch.setattr(dialogs, "template_choice", lambda *a, **k: dialogs.CLOSE)
    # the pre-flight before an export: "Exportă oricum", no PDF, the final copy
    monkeypatch.setattr(export_dialog, "ask", lambda *a, **k: export_dialog.ExportChoice())

    def fail_on_error(parent: object, title: str, text: str) -> None:
        raise AssertionError(f"unexpected error dialog: {title}: {text}")

    monkeypatch.setattr(dialogs, "show_error", fail_on_error)

    def fail_on_lock(parent: object, text: str) -> None:
        raise AssertionError(f"unexpected lock refusal: {text}")

    monkeypatch.setattr(dialogs, "file_in_use", fail_on_lock)


@pytest.fixture
def demo_copy(demo_file: Path, tmp_path: Path) -> Path:
    """A private copy of the demo database file (not opened)."""
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_file, path)
    return path


@pytest.fixture
def start_window(qtbot: object) -> Iterator[Callable[..., object]]:
    """Start the application's main window on a file (``app.start``); closed at the end of the test."""
    from balti_monitor.gui import app as gui_app

    windows: list[object] = []

    def start(path: Path | None, resize: bool = True) -> object:
        window = gui_app.start(str(path) if path is not None else None)
        assert window is not None
        qtbot.addWidget(window)  # type: ignore[attr-defined]
        if resize:
            window.resize(1500, 900)
        QApplication.processEvents()
        windows.append(window)
        return window

    yield start
    for window in windows:
        close_window(window)


@pytest.fixture
def window(start_window: Callable[..., object], demo_copy: Path) -> object:
    """The main window on a private copy of the demo database, showing 2023-S1."""
    return start_window(demo_copy)
