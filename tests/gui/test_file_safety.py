"""Data safety from the GUI: backups for e-mail, restore with a preview, automatic backups, checking a file,
another instance's lock, a damaged file and its recovered copy, failed writes."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from gui_helpers import ModalDriver, build_form, select_action, tr
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractButton, QDialog, QDialogButtonBox, QLabel, QTableWidget

from balti_monitor import i18n
from balti_monitor.db.models import Subdivision
from balti_monitor.gui import app as gui_app
from balti_monitor.gui import dialogs
from balti_monitor.gui.auto_backups_dialog import AutoBackupsDialog
from balti_monitor.gui.restore_dialog import RestoreDialog
from balti_monitor.services.backup import backup_keep, list_auto_backups
from balti_monitor.services.editing import cell_text
from balti_monitor.services.file_report import verify_file

REPO = Path(__file__).resolve().parents[2]
DRP = "Direcția relații cu publicul"

HOLDER = """
import sys, time
from balti_monitor.services.safe_open import open_safely

open_safely(sys.argv[1])
print("READY", flush=True)
time.sleep(120)
"""


def _sid(name: str) -> int:
    return int(Subdivision.get(Subdivision.name == name).id)


def _values_in(path: Path) -> set[str]:
    """Every raw indicator text stored in a database file (read directly, without the application)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        table = next(
            name
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            if name.lower() == "value"
        )
        return {str(r[0]) for r in conn.execute(f'SELECT raw_text FROM "{table}"')}
    finally:
        conn.close()


def _drp_16(window) -> str:
    """Action 1.6, indicator 5 of the Direcția relații cu publicul, as the grid shows it."""
    select_action(window, "1.6")
    model = window.action_page.model
    return model.index(model.row_of_subdivision(_sid(DRP)), 5).data()


# --------------------------------------------------------------------------------------------------------
# Backup for e-mail


def test_backup_from_the_menu_creates_a_verified_file(window, monkeypatch, tmp_path, ui_language) -> None:
    folder = tmp_path / "copii"
    folder.mkdir()
    asked_from = []
    monkeypatch.setattr(
        dialogs, "choose_folder", lambda parent, title, start: asked_from.append(start) or folder
    )
    shown = []
    monkeypatch.setattr(
        dialogs,
        "done_with_folder",
        lambda parent, title, text, details="": shown.append((title, text)) or True,
    )
    opened = []
    monkeypatch.setattr(dialogs, "open_path", lambda path: opened.append(path) or True)

    window.backup_actions.backup_action.trigger()

    written = window.backup_actions.last_backup
    assert written is not None and written.parent == folder
    assert written.name.startswith("balti-monitor-2023-S1-") and written.suffix == ".sqlite"
    report = verify_file(written)
    assert report.ok and report.periods == ("2023-S1",)
    assert report.return_count == verify_file(window.session.path).return_count
    assert shown and written.name in shown[0][1] and (ui_language != "ro" or "verificată" in shown[0][1])
    assert opened == [folder]  # "Deschide dosarul"
    done = tr("BackupActions", "Copia de rezervă „{name}” a fost creată și verificată.").format(
        name=written.name
    )
    assert window.statusBar().currentMessage() == done

    window.backup_actions.backup_action.trigger()  # the next backup starts in the folder used last
    assert asked_from[-1] == folder


def test_a_backup_into_a_folder_that_cannot_be_written_says_why(
    window, monkeypatch, tmp_path, ui_language
) -> None:
    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: errors.append(text))
    assert window.backup_actions.make_backup(tmp_path / "nu-exista" / "deloc") is None
    assert errors and "nu-exista" in errors[0] and (ui_language != "ro" or "nu există" in errors[0])


# --------------------------------------------------------------------------------------------------------
# Restore


def test_restore_replaces_the_data_after_an_automatic_backup_and_the_views_show_it(
    window, monkeypatch, tmp_path
) -> None:
    backup = window.backup_actions.make_backup(tmp_path)
    assert backup is not None
    model = window.action_page.model
    assert _drp_16(window) == "0"
    assert model.setData(model.index(model.row_of_subdivision(_sid(DRP)), 5), "2 cazuri")
    assert model.index(model.total_row, 5).data() == "2 cazuri"

    monkeypatch.setattr(dialogs, "choose_open_path", lambda *a: backup)
    informed = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: informed.append(text))
    seen: dict[str, list[str]] = {}

    def confirm_restore(dialog: QDialog) -> None:
        table = dialog.findChild(QTableWidget, "comparisonTable")
        seen["labels"] = [table.item(r, 0).text() for r in range(table.rowCount())]
        seen["candidate"] = [table.item(r, 2).text() for r in range(table.rowCount())]
        buttons = dialog.findChild(QDialogButtonBox, "buttonBox")
        restore = next(b for b in buttons.buttons() if b.text() == tr("RestoreDialog", "&Restaurează"))
        restore.click()

    driver = ModalDriver(confirm_restore)
    window.backup_actions.restore_action.trigger()
    driver.check()

    assert i18n._("Perioade") in seen["labels"] and i18n._("Ultima modificare") in seen["labels"]
    assert backup.name in seen["candidate"]
    assert _drp_16(window) == "0"  # the grid shows the restored value
    assert model.index(model.total_row, 5).data() == "0 cazuri"
    assert window.session.undo_stack.count() == 0
    safety = [b for b in list_auto_backups(window.session.path) if b.reason == "restaurare"]
    assert len(safety) == 1
    assert "2 cazuri" in _values_in(safety[0].path)  # the replaced data was kept
    assert informed and str(safety[0].path) in informed[0]


def test_restore_of_a_file_that_is_not_a_backup_is_refused_and_nothing_changes(
    window, monkeypatch, tmp_path, ui_language
) -> None:
    letter = tmp_path / "scrisoare.sqlite"
    letter.write_bytes(b"Stimate domn,\n" * 200)
    monkeypatch.setattr(dialogs, "choose_open_path", lambda *a: letter)
    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: errors.append(text))
    monkeypatch.setattr(RestoreDialog, "ask", lambda *a: pytest.fail("no preview for an unusable file"))
    assert not window.backup_actions.choose_and_restore()
    assert errors and "scrisoare.sqlite" in errors[0]
    assert ui_language != "ro" or "nu au fost modificate" in errors[0]
    assert _drp_16(window) == "0"


def test_automatic_backups_dialog_lists_keeps_and_restores(window, qtmodeltester, monkeypatch) -> None:
    model = window.action_page.model
    _drp_16(window)
    assert model.setData(model.index(model.row_of_subdivision(_sid(DRP)), 5), "7 cazuri")
    monkeypatch.setattr(RestoreDialog, "ask", lambda *a: True)
    dialog = AutoBackupsDialog(window, window.session.path, window.backup_actions.restore_file)
    try:
        qtmodeltester.check(dialog.model)
        assert dialog.model.rowCount() >= 1
        first = dialog.model.backup_at(0)
        assert first is not None and first.reason == "deschidere"
        assert dialog.model.index(0, 1).data() == i18n._("la deschiderea fișierului")
        assert dialog.model.index(0, 2).data().endswith("KB")

        dialog.keep.setValue(5)
        assert backup_keep() == 5

        assert dialog.selected() == first
        assert dialog.restore_selected()
    finally:
        dialog.dialog.deleteLater()
    assert _drp_16(window) == "0"  # the copy made when the file was opened


def test_verify_a_file_from_the_menu(window, monkeypatch, tmp_path) -> None:
    reports = []
    monkeypatch.setattr(
        dialogs, "show_report", lambda parent, title, ok, lines: reports.append((ok, list(lines)))
    )
    good = window.backup_actions.make_backup(tmp_path)
    bad = tmp_path / "rupt.sqlite"
    bad.write_bytes(good.read_bytes()[:5000])
    for path in (good, bad):
        monkeypatch.setattr(dialogs, "choose_open_path", lambda *a, p=path: p)
        window.backup_actions.verify_action.trigger()
    (ok_good, lines_good), (ok_bad, lines_bad) = reports
    assert ok_good and any("2023-S1" in line for line in lines_good)
    assert not ok_bad and any("PROBLEME" in line for line in lines_bad)
    assert bad.stat().st_size == 5000  # only read


def test_json_import_is_preceded_by_an_automatic_backup(window, monkeypatch, tmp_path) -> None:
    exported = window.export_actions.export_json(tmp_path / "copie.json")
    model = window.action_page.model
    _drp_16(window)
    assert model.setData(model.index(model.row_of_subdivision(_sid(DRP)), 5), "9 cazuri")
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    assert window.export_actions.import_json(exported)
    kept = [b for b in list_auto_backups(window.session.path) if b.reason == "import"]
    assert len(kept) == 1 and "9 cazuri" in _values_in(kept[0].path)
    assert _drp_16(window) == "0"


# --------------------------------------------------------------------------------------------------------
# Opening


@pytest.fixture
def holder(demo_copy: Path):
    """Another Bălți Monitor process holding the demo copy open."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(demo_copy)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "READY", proc.stderr.read() if proc.stderr else ""
    yield proc
    proc.kill()
    proc.wait()


def test_a_second_instance_on_the_same_file_is_refused(
    holder, start_window, demo_copy, monkeypatch, tmp_path, ui_language
) -> None:
    refusals = []
    monkeypatch.setattr(dialogs, "file_in_use", lambda parent, text: refusals.append(text))
    before = demo_copy.read_bytes()
    assert gui_app.start(str(demo_copy)) is None  # at start-up: refused, no other file chosen
    assert (
        refusals and "demo.sqlite" in refusals[0] and (ui_language != "ro" or "deja deschis" in refusals[0])
    )

    window = start_window(tmp_path / "al-meu.sqlite")
    assert not window.file_actions.open_file(demo_copy)  # from the menu
    assert len(refusals) == 2
    assert window.session.path == tmp_path / "al-meu.sqlite"  # the file that was open is open again
    assert window.plan_panel.model.rowCount() == 6  # and its plan is shown
    assert demo_copy.read_bytes() == before


RECOVERED = "Lucrați pe copia recuperată „{copy}” (din copia automată „{backup}”); fișierul „{damaged}” a rămas neatins."


def test_opening_a_damaged_file_offers_the_recovered_copy(
    start_window, demo_copy, monkeypatch, tmp_path, ui_language
) -> None:
    window = start_window(demo_copy)  # opening makes an automatic backup
    assert window.file_actions.open_file(tmp_path / "alt.sqlite")
    damaged = demo_copy.read_bytes()[: demo_copy.stat().st_size // 2]
    demo_copy.write_bytes(damaged)
    offers = []
    monkeypatch.setattr(
        dialogs, "offer_recovery", lambda parent, path, message: offers.append((path, message)) or True
    )

    assert window.file_actions.open_file(demo_copy)

    assert offers and offers[0][0] == demo_copy
    assert "demo-" in offers[0][1] and (
        ui_language != "ro" or "acestui fișier" in offers[0][1]
    )  # its own backup
    opened = window.session.path
    assert opened != demo_copy and opened.parent == demo_copy.parent and "recuperat" in opened.name
    assert demo_copy.read_bytes() == damaged  # the bad file is never modified
    assert verify_file(opened).ok
    assert window.session.period_key().code == "2023-S1"
    assert _drp_16(window) == "0"
    recovered = tr("FileOpening", RECOVERED).split("{copy}")[0][:-1]  # up to the quotation mark
    assert recovered in window.statusBar().currentMessage()


def test_a_damaged_file_without_any_backup_is_explained(
    start_window, monkeypatch, tmp_path, ui_language
) -> None:
    empty = tmp_path / "gol.sqlite"
    empty.write_bytes(b"")
    explained = []
    monkeypatch.setattr(
        dialogs, "bad_database", lambda parent, path, reason: explained.append((path, reason))
    )
    monkeypatch.setattr(dialogs, "offer_recovery", lambda *a: pytest.fail("no backup exists to offer"))
    assert gui_app.start(str(empty)) is None
    assert explained[0][0] == empty and "gol.sqlite" in explained[0][1]
    assert ui_language != "ro" or "Nu există nicio copie" in explained[0][1]
    assert empty.read_bytes() == b""


def test_a_new_file_is_created_when_opened_not_beforehand(window, monkeypatch, tmp_path) -> None:
    new = tmp_path / "nou.sqlite"
    monkeypatch.setattr(dialogs, "choose_database", lambda parent, folder: new)
    assert window.file_actions.choose_and_open()
    assert window.session.path == new and window.session.fresh
    assert verify_file(new).ok  # a real database with the bundled plan, not an empty file
    assert (
        window.session.period is None and window.action_page.stack.currentWidget() is window.action_page.empty
    )


def test_the_open_warning_is_shown_in_the_status_bar(start_window, demo_copy, monkeypatch) -> None:
    import dataclasses

    from balti_monitor.gui import session as session_module

    real = session_module.open_safely

    def read_only(path, **kwargs):
        return dataclasses.replace(
            real(path, **kwargs), warning="Fișierul „demo.sqlite” este doar pentru citire."
        )

    monkeypatch.setattr(session_module, "open_safely", read_only)
    window = start_window(demo_copy)
    assert "doar pentru citire" in window.statusBar().currentMessage()


# --------------------------------------------------------------------------------------------------------
# Failed writes


def test_a_failed_write_is_explained_and_leaves_the_undo_stack_as_it_was(
    window, monkeypatch, ui_language
) -> None:
    from balti_monitor.services import editing

    _drp_16(window)
    model = window.action_page.model
    stack = window.session.undo_stack
    row = model.row_of_subdivision(_sid(DRP))
    assert model.setData(model.index(row, 5), "1 caz")
    assert stack.count() == 1

    def disk_full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(editing, "_apply", disk_full)  # the write of each cell, inside the transaction
    refused = []
    model.refused.connect(lambda where, typed, message: refused.append(message))
    assert not model.setData(model.index(row, 5), "3 cazuri")
    assert stack.count() == 1  # the failed edit was not pushed
    assert refused and "1.6" in refused[0]
    assert ui_language != "ro" or (
        "discul este plin" in refused[0] and "Datele au rămas cum erau" in refused[0]
    )
    period = window.session.period
    info = window.session.action_by_code("1.6")
    assert cell_text(period, info.id, _sid(DRP), 5) == "1 caz"

    stack.undo()  # the undo fails too: the command leaves the stack, the data keeps the edit
    assert stack.count() == 0 and not stack.canRedo()
    assert window.statusBar().currentMessage() and (
        ui_language != "ro" or "discul este plin" in window.statusBar().currentMessage()
    )
    assert cell_text(period, info.id, _sid(DRP), 5) == "1 caz"

    monkeypatch.undo()
    assert model.setData(model.index(row, 5), "4 cazuri")  # writing works again
    assert stack.count() == 1


def test_backup_restore_and_verify_entries_are_in_the_file_menu(window) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    for wanted in ("Creează &copie de rezervă…", "Res&taurează din copie…", "Copii &automate…"):
        assert tr("BackupActions", wanted) in texts
    assert tr("BackupActions", "&Verifică un fișier…") in texts


@pytest.mark.parametrize(
    ("form", "names"),
    [
        ("restore_dialog.ui", ["introLabel", "comparisonTable", "warningsLabel", "buttonBox"]),
        ("auto_backups_dialog.ui", ["table", "keepSpin", "restoreButton", "openFolderButton"]),
    ],
)
def test_the_safety_dialogs_load_with_their_widgets_and_comma_below_letters(qtbot, form, names) -> None:
    widget = build_form(form)
    qtbot.addWidget(widget)
    for name in names:
        assert widget.findChild(QObject, name) is not None, name
    texts = [w.text() for w in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton)]
    assert texts and not any(ch in text for text in texts for ch in "şţŞŢ")
