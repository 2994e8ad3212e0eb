"""The report's template folder: chosen once from the Export menu, remembered, searched before the bundled
template; ``user_data_dir()/templates`` is used when nothing was chosen."""

from __future__ import annotations

import zipfile
from pathlib import Path

from docx import Document
from gui_helpers import close_window

from balti_monitor.gui import dialogs
from balti_monitor.resources import resource_path, user_data_dir

MARK = "Șablon propriu al Primăriei Bălți"


def _mark_template(path: Path) -> None:
    """Change the template as a clerk would in Word: one more paragraph at the end."""
    document = Document(str(path))
    document.add_paragraph(MARK)
    document.save(str(path))


def _report_text(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read("word/document.xml").decode("utf-8")


def test_a_chosen_template_folder_is_remembered_and_used_before_the_bundled_one(
    start_window, demo_copy, monkeypatch, tmp_path
) -> None:
    window = start_window(demo_copy)
    folder = tmp_path / "sabloane"
    folder.mkdir()
    monkeypatch.setattr(dialogs, "template_choice", lambda parent, text, custom: dialogs.CHOOSE)
    monkeypatch.setattr(dialogs, "choose_folder", lambda parent, title, start: folder)
    offered = []
    monkeypatch.setattr(dialogs, "ask_yes", lambda parent, title, text: offered.append(text) or True)
    window.export_actions.template_action.trigger()
    copied = folder / "raport_semestrial.docx"
    assert offered and "raport_semestrial.docx" in offered[0]  # the empty folder got the bundled template
    assert copied.read_bytes() == resource_path("templates", "raport_semestrial.docx").read_bytes()
    _mark_template(copied)

    written = window.export_actions.export_report(tmp_path / "raport.docx")
    assert written is not None and MARK in _report_text(written)
    close_window(window)

    again = start_window(demo_copy)  # remembered in the settings
    assert again.export_actions.template_dir() == folder
    assert again.export_actions.template_in_use() == copied
    shown = []
    monkeypatch.setattr(
        dialogs,
        "template_choice",
        lambda parent, text, custom: shown.append((text, custom)) or dialogs.BUNDLED,
    )
    again.export_actions.template_action.trigger()
    assert shown and str(copied) in shown[0][0] and shown[0][1]
    assert again.export_actions.template_in_use() == resource_path("templates", "raport_semestrial.docx")
    written = again.export_actions.export_report(tmp_path / "raport-inclus.docx")
    assert written is not None and MARK not in _report_text(written)


def test_the_templates_folder_in_the_user_data_folder_is_the_default(window, tmp_path) -> None:
    default = user_data_dir() / "templates"
    assert window.export_actions.template_dir() is None
    default.mkdir()
    target = default / "raport_semestrial.docx"
    target.write_bytes(resource_path("templates", "raport_semestrial.docx").read_bytes())
    _mark_template(target)
    assert window.export_actions.template_dir() == default
    written = window.export_actions.export_report(tmp_path / "raport.docx")
    assert written is not None and MARK in _report_text(written)
