"""Starting the application, bad files, restarts, exports and the Romanian Qt texts."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from gui_helpers import build_form, close_window, select_action, tr
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox

from balti_monitor.db.models import Period, Return
from balti_monitor.gui import app as gui_app
from balti_monitor.gui import dialogs
from balti_monitor.gui.grid_model import KIND_ROLE, CellKind
from balti_monitor.resources import default_database_path, resource_path


def test_a_new_default_database_offers_the_demo_in_its_own_file(start_window, monkeypatch) -> None:
    asked = []
    monkeypatch.setattr(dialogs, "ask_yes", lambda parent, title, text: asked.append(text) or True)
    window = start_window(None)
    assert asked and "S1-2023" in asked[0] and "DEMO" in asked[0]  # the demo, in its own file
    assert window.session.path != default_database_path()  # the demo has its own file
    assert "DEMO" in window.windowTitle()
    # The program's name ends the title once: Qt appends the display name to a title that does not end with it
    # (on Windows and X11), and it used to read "Bălți Monitor — … — Bălți Monitor".
    assert (
        window.windowTitle().endswith(" — Bălți Monitor") and window.windowTitle().count("Bălți Monitor") == 1
    )
    assert window.session.period is not None and window.session.period_key().code == "2023-S1"
    model = window.action_page.model
    assert model.result.grid.code == "1.1"  # the first action is shown
    assert model.index(0, 2).data() == "17 concursuri"
    close_window(window)
    # The working file stayed empty, and it is the one opened next time.
    again = start_window(None)
    assert again.session.path == default_database_path()
    assert again.session.period is None and Return.select().count() == 0
    assert "DEMO" not in again.windowTitle()


def test_declining_the_demo_leaves_an_empty_plan_with_a_clear_next_step(start_window, monkeypatch) -> None:
    window = start_window(None)
    assert window.session.period is None
    assert Return.select().count() == 0
    assert tr("MainWindow", "nicio perioadă") in window.windowTitle()
    assert window.action_page.stack.currentWidget() is window.action_page.empty
    new_period = tr("PeriodBar", "Perioadă &nouă…").replace("&", "").rstrip("…")
    assert new_period in window.action_page.empty.text()  # names the button to press
    assert not window.export_actions.report_action.isEnabled()
    monkeypatch.setattr(dialogs, "ask_yes", lambda *a, **k: True)
    assert window.period_bar.create_next_period()
    assert window.session.period_key().code == "2023-S1"
    assert window.action_page.model.index(0, 1).data(KIND_ROLE) == CellKind.MISSING.value


def test_a_bad_file_is_explained_and_another_one_can_be_chosen(start_window, monkeypatch, tmp_path) -> None:
    bad = tmp_path / "scrisoare.sqlite"
    bad.write_bytes(b"Acesta nu este un fisier SQLite.\n" * 50)
    explained = []
    monkeypatch.setattr(
        dialogs, "bad_database", lambda parent, path, reason: explained.append((path, reason))
    )
    good = tmp_path / "bun.sqlite"
    monkeypatch.setattr(dialogs, "choose_database", lambda parent, folder: good)
    window = start_window(bad)
    assert explained and explained[0][0] == bad and explained[0][1]  # a Romanian reason
    assert window.session.path == good
    assert bad.read_bytes().startswith(b"Acesta nu este")  # the bad file is left untouched


def test_run_without_a_usable_file_returns_an_error_code(monkeypatch, tmp_path) -> None:
    bad = tmp_path / "rau.sqlite"
    bad.write_bytes(b"\x00\x01nimic" * 100)
    monkeypatch.setattr(dialogs, "bad_database", lambda *a: None)
    monkeypatch.setattr(gui_app.sys, "excepthook", gui_app.sys.excepthook)  # run() installs its own hook
    assert gui_app.run(str(bad)) == gui_app.EXIT_NO_DATABASE


def test_a_restart_shows_the_same_data_period_action_and_window(start_window, demo_copy, monkeypatch) -> None:
    monkeypatch.setattr(dialogs, "ask_yes", lambda *a, **k: True)
    window = start_window(demo_copy)
    assert window.period_bar.create_next_period()  # 2023-S2 exists and is shown
    select_action(window, "1.6")
    model = window.action_page.model
    assert model.setData(model.index(0, 3), "2 cazuri")
    window.resize(790, 580)  # within the offscreen screen (800×600), so Qt does not clamp it
    window.splitter.setSizes([250, 540])
    sizes = window.splitter.sizes()
    close_window(window)

    again = start_window(demo_copy, resize=False)
    assert again.session.period_key().code == "2023-S2"
    assert again.action_page.model.result.grid.code == "1.6"
    assert again.action_page.model.index(0, 3).data() == "2 cazuri"
    assert (again.width(), again.height()) == (790, 580)
    assert again.splitter.sizes() == sizes


def test_without_db_argument_the_file_opened_last_is_opened_again(
    start_window, demo_copy, monkeypatch
) -> None:
    monkeypatch.setattr(dialogs, "ask_yes", lambda *a, **k: False)
    window = start_window(demo_copy)
    close_window(window)
    again = start_window(None)  # no --db: not the default database but the file worked on last time
    assert again.session.path == demo_copy
    close_window(again)
    demo_copy.rename(demo_copy.with_name("moved.sqlite"))
    third = start_window(None)  # the last file is gone: back to the default database
    assert third.session.path == default_database_path()


def test_the_export_action_produces_the_word_document(window, monkeypatch, tmp_path) -> None:
    target = tmp_path / "raport"
    offered = []
    monkeypatch.setattr(dialogs, "choose_save_path", lambda *a: target)
    monkeypatch.setattr(
        dialogs, "after_export", lambda parent, path, note: offered.append((path, note)) or "folder"
    )
    opened = []
    monkeypatch.setattr(dialogs, "open_path", lambda path: opened.append(path) or True)
    select_action(window, "1.15")
    window.export_actions.report_action.trigger()
    written = tmp_path / "raport.docx"
    assert window.export_actions.last_report == written
    findings = sum(len(r.findings) for r in window.session.results().values())
    warning = tr(
        "ExportActions", "Atenție: perioada are %n constatări ale verificărilor nerezolvate.", findings
    )
    assert offered and offered[0][0] == written and warning in offered[0][1]
    assert opened == [tmp_path]  # "open the folder"
    with zipfile.ZipFile(written) as package:
        body = package.read("word/document.xml").decode("utf-8")
    assert "2075 ore de instruire" in body  # a value typed for action 1.15
    assert "Total instituții responsabile" in body


def test_json_export_and_import_replace_the_data(window, monkeypatch, tmp_path) -> None:
    exported = window.export_actions.export_json(tmp_path / "copie.json")
    assert exported is not None and exported.stat().st_size > 1000
    select_action(window, "1.6")
    model = window.action_page.model
    assert model.setData(model.index(0, 3), "9 cazuri")
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    assert window.export_actions.import_json(exported)
    assert window.session.undo_stack.count() == 0  # an import cannot be undone; the stack starts anew
    select_action(window, "1.6")
    assert window.action_page.model.index(0, 3).data() == "1 caz"
    assert Period.select().count() == 1


def test_opening_a_bad_file_from_the_menu_keeps_the_current_one(
    window, monkeypatch, tmp_path, ui_language
) -> None:
    bad = tmp_path / "alt.sqlite"
    bad.write_text("nu este o bază de date", encoding="utf-8")
    explained = []
    monkeypatch.setattr(dialogs, "bad_database", lambda parent, path, reason: explained.append(reason))
    # The demo file's automatic backup (made when it was opened) is offered; the test declines it.
    monkeypatch.setattr(
        dialogs, "offer_recovery", lambda parent, path, message: explained.append(message) and False
    )
    current = window.session.path
    assert not window.file_actions.open_file(bad)
    assert explained and "alt.sqlite" in explained[0]
    assert ui_language != "ro" or "copie automată" in explained[0]  # the core's words (tests/test_i18n.py)
    assert window.session.path == current
    assert window.action_page.model.rowCount() > 0


#: Qt's own texts in each language: the project's qtbase_ro.qm, Qt's qtbase_ru.qm.
QT_TEXTS = {
    "ro": ({"OK", "Anulează", "Închide", "&Da", "&Nu"}, "&Lipește", "&Numele fișierului:"),
    "ru": ({"OK", "Отмена", "Закрыть", "&Да", "&Нет"}, "В&ставить", "&Имя файла:"),
}


def test_qt_standard_buttons_are_in_the_interface_language(qapp, ui_language) -> None:
    buttons, paste, file_name = QT_TEXTS[ui_language]
    gui_app.create_application()
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Close
        | QDialogButtonBox.StandardButton.Yes
        | QDialogButtonBox.StandardButton.No
    )
    texts = {button.text() for button in box.buttons()}
    assert texts == buttons
    message = QMessageBox()
    message.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    assert {b.text() for b in message.buttons()} == {t for t in buttons if t.startswith("&")}
    assert QCoreApplication.translate("QLineEdit", "&Paste") == paste
    assert QCoreApplication.translate("QFileDialog", "File &name:") == file_name
    box.deleteLater()
    message.deleteLater()


def test_the_shipped_qt_translation_is_compiled_from_its_source(tmp_path) -> None:
    # Beside this Python first (a venv that is not activated has no PATH entry), then on PATH.
    beside = Path(sys.executable).parent / ("pyside6-lrelease.exe" if os.name == "nt" else "pyside6-lrelease")
    lrelease = str(beside) if beside.is_file() else shutil.which("pyside6-lrelease")
    assert lrelease is not None, "pyside6-lrelease comes with PySide6-Essentials"
    out = tmp_path / "qtbase_ro.qm"
    subprocess.run(
        [lrelease, str(resource_path("ui", "qtbase_ro.ts")), "-qm", str(out)], check=True, capture_output=True
    )
    assert out.read_bytes() == resource_path("ui", "qtbase_ro.qm").read_bytes()


@pytest.mark.parametrize(
    ("form", "names"),
    [
        ("narrative_page.ui", ["summaryEdit", "risksEdit", "proposalsEdit", "preparedNameEdit", "extraEdit"]),
        ("override_dialog.ui", ["totalEdit", "reasonEdit", "authorEdit", "buttonBox"]),
        ("responsibility_dialog.ui", ["table", "addCombo", "addButton", "removeButton", "buttonBox"]),
        ("subdivisions_dialog.ui", ["list", "nameEdit", "codeEdit", "aliasesEdit", "saveButton"]),
    ],
)
def test_designer_forms_load_with_their_widgets(qtbot, form: str, names: list[str]) -> None:
    widget = build_form(form)
    qtbot.addWidget(widget)
    for name in names:
        assert widget.findChild(object, name) is not None, name
    for label in widget.findChildren(QLabel):
        assert "Ş" not in label.text() and "ş" not in label.text() and "ţ" not in label.text()


def test_status_marks_are_explained_in_the_tree(window) -> None:
    from balti_monitor.services.editing import set_override

    info = window.session.action_by_code("1.5")
    # the demo has no manual total; type one (the "M" mark)
    window.session.apply(set_override(window.session.period, info.id, 1, "1 persoană", reason="test"))
    tooltip = window.plan_panel.model.index_of_action(info.id).data(Qt.ItemDataRole.ToolTipRole)
    assert tr("Marks", "Există restanțe: informații lipsă sau indicatori nerealizați.") in tooltip
    assert tr("Marks", "M: totaluri introduse manual.") in tooltip
