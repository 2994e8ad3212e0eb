"""GUI test fixtures: offscreen Qt, QSettings in a temporary folder, a main window on a private database.

Every GUI test runs once per interface language (``ui_language``: Romanian, then Russian): the language is
stored in the test's settings, so ``app.start`` installs it as at a real start, and installed at once for
tests that build widgets themselves. Tests find widgets by object name or action, or compare texts through
``tr``/``translate``, never through Romanian literals, so behaviour is checked identically in both.
``--ui-lang ro`` (or ``ru``) runs one language only. The Russian pass of the modules in
``SLOW_RUSSIAN_PASS`` is marked ``slow`` (it runs with the slow tests in CI), so the default run stays
within its three minutes.

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

UI_LANGUAGES = ("ro", "ru")
#: Modules whose Russian pass runs with the slow tests (-m slow; .ci/run runs them): the longest GUI modules
#: (charts, subprocesses, forms, Word export, backups, restarts, the period deletion, the server windows, the
#: grid's keyboard paths and the plan editor: over half of the GUI suite's time); every other module
#: runs in both languages in the default run, which stays within its three minutes.
SLOW_RUSSIAN_PASS = frozenset(
    {
        "test_start_light",
        "test_history_panel",
        "test_export_template",
        "test_forms_gui",
        "test_gui_export",
        "test_file_safety",
        "test_app",
        "test_search_and_periods",
        "test_server_window",
        "test_server_backups",
        "test_entry_rules",
        "test_grid_editing",
        "test_plan_editing",
        "test_plan_editor",
        "test_edit_paths",
        "test_screen_fit",
    }
)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--ui-lang",
        default=",".join(UI_LANGUAGES),
        help="interface languages the GUI tests run in (comma-separated: ro,ru)",
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "ui_language" in metafunc.fixturenames:
        wanted = [c.strip() for c in metafunc.config.getoption("--ui-lang").split(",") if c.strip()]
        unknown = sorted(set(wanted) - set(UI_LANGUAGES))
        if unknown:
            raise pytest.UsageError(f"--ui-lang: unknown language(s) {unknown}; known: {UI_LANGUAGES}")
        module = metafunc.module.__name__.rsplit(".", 1)[-1]
        params = [
            pytest.param(code, marks=pytest.mark.slow)
            if code == "ru" and module in SLOW_RUSSIAN_PASS
            else code
            for code in wanted
        ]
        metafunc.parametrize("ui_language", params, indirect=True)


@pytest.fixture(autouse=True)
def ui_language(request: pytest.FixtureRequest, _isolated_home: None, qapp: QApplication) -> Iterator[str]:
    """The interface language of the test: stored in its settings (what ``app.start`` reads) and installed
    now (Qt translators, default locale, the core's messages); Romanian again afterwards."""
    from balti_monitor.gui import app as gui_app
    from balti_monitor.gui.settings import LANGUAGE, AppSettings

    language = getattr(request, "param", "ro")
    settings = AppSettings()
    settings.set(LANGUAGE, language)
    settings.sync()
    gui_app.apply_language(qapp, language)
    yield language
    gui_app.apply_language(qapp, "ro")


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
