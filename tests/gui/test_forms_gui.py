"""Return forms from the GUI: generating them from the menu, importing filled ones through the preview
(with a conflict), one undo step for the whole import, and the status view."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from gui_helpers import ModalDriver, build_form, select_action, tr
from openpyxl import load_workbook
from PySide6.QtCore import QDate, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTableView,
    QTabWidget,
)

from balti_monitor import i18n
from balti_monitor.db.models import Subdivision
from balti_monitor.gui import dialogs
from balti_monitor.gui.forms_preview_dialog import FormsPreviewDialog
from balti_monitor.gui.forms_status_dialog import FormsStatusDialog
from balti_monitor.interchange.forms_common import FormState, form_statuses
from balti_monitor.interchange.forms_in import KIND_LABELS, ChangeKind, preview_import
from balti_monitor.services.form_status import STATE_LABELS
from balti_monitor.services.periods import stored_period

VALUE_COLUMN = 4  # D on the "Retur" sheet; column A holds the hidden row key


def _sub(code: str) -> Subdivision:
    return Subdivision.get(Subdivision.code == code)


def _fill(path: Path, edits: dict[str, str]) -> None:
    """Type values into a generated form like a subdivision would (rows found by their hidden key)."""
    wb = load_workbook(path)
    ws = wb["Retur"]
    found = set()
    for row in ws.iter_rows():
        if row[0].value in edits:
            row[VALUE_COLUMN - 1].value = edits[row[0].value]
            found.add(row[0].value)
    assert found == set(edits)
    wb.save(path)


def _label(state: FormState) -> str:
    """A form state as the status view names it (the core's label, in the test's language)."""
    return i18n._(STATE_LABELS[state])


def _button(dialog: QDialog, context: str, text: str):
    box = dialog.findChild(QDialogButtonBox, "buttonBox")
    return next(b for b in box.buttons() if b.text() == tr(context, text))


def _generate(window, monkeypatch, folder: Path, codes: list[str] | None = None) -> list[str]:
    """Generate the period's forms from the menu, driving the options dialog; returns the summary shown."""
    summary: list[str] = []
    monkeypatch.setattr(
        dialogs,
        "done_with_folder",
        lambda parent, title, text, details="": summary.extend([text, *details.splitlines()]) and False,
    )

    def choose(dialog: QDialog) -> None:
        dialog.findChild(QLineEdit, "folderEdit").setText(str(folder))
        dialog.findChild(QDateEdit, "deadlineEdit").setDate(QDate(2023, 7, 14))
        if codes is not None:  # tick only these subdivisions, as a user would in the list
            items = dialog.findChild(QListWidget, "subdivisionList")
            for row in range(items.count()):
                item = items.item(row)
                wanted = any(item.text().endswith(f"({code})") for code in codes)
                item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
        _button(dialog, "FormsOutDialog", "&Generează").click()

    driver = ModalDriver(choose)
    window.forms_actions.generate_action.trigger()
    driver.check()
    return summary


def test_forms_are_generated_from_the_menu(window, monkeypatch, tmp_path, ui_language) -> None:
    folder = tmp_path / "formulare"
    summary = _generate(window, monkeypatch, folder, ["DRU", "DRP"])
    files = sorted(p.name for p in folder.glob("*.xlsx"))
    assert files == ["Retur_DRP_2023-S1.xlsx", "Retur_DRU_2023-S1.xlsx"]
    assert "2023-S1" in summary[0]
    assert ui_language != "ro" or summary[0].startswith(
        "Au fost generate 2 formulare pentru perioada 2023-S1"
    )
    assert any("14.07.2023" in line for line in summary)
    assert ui_language != "ro" or "Termenul de returnare: 14.07.2023." in summary
    cover = load_workbook(folder / "Retur_DRU_2023-S1.xlsx")["Instrucțiuni"]
    assert any("14.07.2023" in str(c.value) for row in cover.iter_rows() for c in row if c.value)
    states = {r.code: r.state for r in form_statuses(stored_period(window.session.period.id))}
    assert states["DRU"] is FormState.GENERATED and states["DRP"] is FormState.GENERATED
    assert states["DS"] is None
    assert window.forms_actions.last_generated == folder

    # Generating again into the same folder asks before replacing the forms.
    asked = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text: asked.append(text) or False)
    again = ModalDriver(
        lambda d: (
            d.findChild(QLineEdit, "folderEdit").setText(str(folder)),
            _button(d, "FormsOutDialog", "&Generează").click(),
        )
    )
    window.forms_actions.generate_action.trigger()
    again.check()
    existing = (
        "În dosarul „{folder}” există deja %n formulare ale perioadei {code}. Le înlocuiți cu formu"
        "lare noi? (Formularele vechi completate de subdiviziuni se pot importa în continuare.)"
    )
    assert asked and asked[0] == tr("FormsActions", existing, 2).format(
        folder=tmp_path / "formulare", code="2023-S1"
    )


def test_importing_a_filled_form_previews_applies_undoes_and_redoes(
    window, monkeypatch, tmp_path, qtmodeltester
) -> None:
    folder = tmp_path / "formulare"
    _generate(window, monkeypatch, folder, ["DRU", "DRP"])
    dru, drp = _sub("DRU").id, _sub("DRP").id
    select_action(window, "1.6")
    model = window.action_page.model
    total = model.total_row
    # After the forms went out, the specialist changes DRU's indicator 3 in the application …
    assert model.setData(model.index(model.row_of_subdivision(dru), 3), "2 cazuri")
    # … and the subdivisions fill their forms (DRU changes the same cell: a conflict).
    _fill(folder / "Retur_DRP_2023-S1.xlsx", {"1.6#5": "2 cazuri"})
    _fill(folder / "Retur_DRU_2023-S1.xlsx", {"1.6#3": "3 cazuri"})
    monkeypatch.setattr(dialogs, "choose_open_paths", lambda *a: sorted(folder.glob("*.xlsx")))
    seen: dict[str, object] = {}

    def review_and_apply(dialog: QDialog) -> None:
        changes = dialog.findChild(QTableView, "changesView").model()
        qtmodeltester.check(changes)
        rows = {
            (c.action_code, c.label, c.subdivision_name): (c.kind, c.current, c.incoming)
            for c in changes.rows
        }
        seen["rows"] = rows
        seen["kinds"] = [changes.index(r, 0).data() for r in range(changes.rowCount())]
        conflict_row = next(r for r, c in enumerate(changes.rows) if c.kind is ChangeKind.CONFLICT)
        box = changes.index(conflict_row, 0)
        assert changes.flags(box) & Qt.ItemFlag.ItemIsUserCheckable
        assert changes.setData(box, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
        _button(dialog, "FormsPreviewDialog", "&Aplică").click()

    driver = ModalDriver(review_and_apply)
    window.forms_actions.import_action.trigger()
    driver.check()

    rows = seen["rows"]
    assert rows[("1.6", "Indicatorul 5", "Direcția relații cu publicul")] == (
        ChangeKind.CHANGED,
        "0",
        "2 cazuri",
    )
    assert rows[("1.6", "Indicatorul 3", "Direcția resurse umane")] == (
        ChangeKind.CONFLICT,
        "2 cazuri",
        "3 cazuri",
    )
    assert i18n._(KIND_LABELS[ChangeKind.CONFLICT]) in seen["kinds"]
    assert i18n._(KIND_LABELS[ChangeKind.CHANGED]) in seen["kinds"]
    assert i18n._(KIND_LABELS[ChangeKind.UNCHANGED]) not in seen["kinds"]  # unchanged rows hidden by default

    def shown() -> tuple[str, str, str, str]:
        select_action(window, "1.6")
        m = window.action_page.model
        return (
            m.index(m.row_of_subdivision(drp), 5).data(),
            m.index(total, 5).data(),
            m.index(m.row_of_subdivision(dru), 3).data(),
            m.index(total, 3).data(),
        )

    def states() -> tuple[FormState | None, FormState | None]:
        found = {r.subdivision_id: r.state for r in form_statuses(stored_period(window.session.period.id))}
        return found[dru], found[drp]

    assert shown() == ("2 cazuri", "2 cazuri", "3 cazuri", "3 cazuri")
    assert states() == (FormState.IMPORTED, FormState.IMPORTED)
    stack = window.session.undo_stack
    assert stack.undoText().startswith(tr("FormsActions", "Import formulare: {who}").split("{who}")[0])
    assert "Ctrl+Z" in window.statusBar().currentMessage()

    window.undo()
    assert shown() == ("0", "0 cazuri", "2 cazuri", "2 cazuri")  # the application's edit is back
    assert states() == (FormState.GENERATED, FormState.GENERATED)
    window.redo()
    assert shown() == ("2 cazuri", "2 cazuri", "3 cazuri", "3 cazuri")
    assert states() == (FormState.IMPORTED, FormState.IMPORTED)
    window.undo()
    window.undo()  # and the application's own edit before the import
    assert shown()[2] == "1 caz"


def test_the_preview_shows_refused_files_findings_and_keeps_conflicts_by_default(
    window, monkeypatch, tmp_path, qtmodeltester, ui_language
) -> None:
    folder = tmp_path / "formulare"
    _generate(window, monkeypatch, folder, ["DRU"])
    form = folder / "Retur_DRU_2023-S1.xlsx"
    _fill(form, {"1.6#D": "", "1.6#2": "2 persoane"})
    not_a_form = tmp_path / "scrisoare.xlsx"
    not_a_form.write_bytes(b"nu este un registru")
    preview = preview_import([form, not_a_form], stored_period(window.session.period.id))
    dialog = FormsPreviewDialog(window, preview)
    try:
        qtmodeltester.check(dialog.model)
        kinds = {c.kind for c in dialog.model.rows}
        assert ChangeKind.UNCHANGED not in kinds and ChangeKind.CHANGED in kinds
        dialog.show_all.setChecked(True)
        qtmodeltester.check(dialog.model)
        assert ChangeKind.UNCHANGED in {c.kind for c in dialog.model.rows}
        results = [dialog.files.item(r, 2).text() for r in range(dialog.files.rowCount())]
        assert results[0].startswith(
            tr("FormsPreviewDialog", "✓ se importă: {summary}").split("{summary}")[0]
        )
        refused = tr("FormsPreviewDialog", "✗ refuzat: {reason}").split("{reason}")[0]
        assert results[1].startswith(refused) and len(results[1]) > 20
        assert dialog.apply_button.isEnabled()
        assert dialog.accepted_conflicts() == []
        # Emptying the description would add a finding; the dialog lists it before anything is written.
        # (the new value also makes 1.6's Total differ from the original report's, kept as a reference)
        new_findings = dialog.dialog.findChild(QListWidget, "newFindingsList")
        texts = [new_findings.item(i).text() for i in range(new_findings.count())]
        assert texts[0].startswith("1.6 · Direcția resurse umane: ")
        assert ui_language != "ro" or texts[0].startswith(
            "1.6 · Direcția resurse umane: Sunt raportate valori"
        )
        assert ui_language != "ro" or [t for t in texts[1:] if "Raportul original" not in t] == []
        tabs = dialog.dialog.findChild(QTabWidget, "tabs")
        tab = tr("FormsPreviewDialog", "&Constatări (+{new} / −{gone})")
        assert tabs.tabText(2) == tab.format(new=len(texts), gone=0)
    finally:
        dialog.dialog.deleteLater()

    only_refused = FormsPreviewDialog(
        window, preview_import([not_a_form], stored_period(window.session.period.id))
    )
    try:
        assert not only_refused.apply_button.isEnabled()
    finally:
        only_refused.dialog.deleteLater()


def test_status_view_marks_sent_received_and_passes_the_model_tester(
    window, monkeypatch, tmp_path, qtmodeltester
) -> None:
    _generate(window, monkeypatch, tmp_path / "formulare", ["DRU", "DRP"])
    dialog = FormsStatusDialog(window, window.session)
    try:
        model = dialog.model
        qtmodeltester.check(model)
        dru, drp = _sub("DRU").id, _sub("DRP").id
        row = model.row_of(dru)
        assert model.index(row, 2).data() == _label(FormState.GENERATED)
        assert model.index(row, 3).data().startswith(dt.date.today().strftime("%d.%m.%Y"))
        assert model.index(model.row_of(_sub("DS").id), 2).data() == tr("FormStatusModel", "Negenerat")
        assert not dialog.buttons[FormState.SENT].isEnabled()  # nothing selected

        dialog.select([dru, drp])
        dialog.buttons[FormState.SENT].click()
        assert model.index(model.row_of(dru), 2).data() == _label(FormState.SENT)
        assert model.index(model.row_of(drp), 4).data()  # the time it was sent
        dialog.select([drp])
        dialog.buttons[FormState.NEEDS_CORRECTION].click()
        qtmodeltester.check(model)
        assert model.index(model.row_of(drp), 2).data() == _label(FormState.NEEDS_CORRECTION)
        assert f"{_label(FormState.NEEDS_CORRECTION)}: 1" in dialog.summary.text()

        dialog.undo()  # Ctrl+Z in the dialog
        assert model.index(model.row_of(drp), 2).data() == _label(FormState.SENT)
        dialog.select([dru])
        dialog.buttons[FormState.RECEIVED].click()
        assert model.index(model.row_of(dru), 2).data() == _label(FormState.RECEIVED)
    finally:
        dialog.dialog.deleteLater()
    states = {r.code: r.state for r in form_statuses(stored_period(window.session.period.id))}
    assert states["DRU"] is FormState.RECEIVED and states["DRP"] is FormState.SENT


def test_forms_entries_need_a_period(start_window, tmp_path) -> None:
    window = start_window(tmp_path / "gol.sqlite")
    assert window.session.period is None
    actions = window.forms_actions
    assert not any(
        a.isEnabled() for a in (actions.generate_action, actions.import_action, actions.status_action)
    )
    menus = [a.text() for a in window.menuBar().actions()]
    assert tr("MainWindow", "F&ormulare") in menus


@pytest.mark.parametrize(
    ("form", "names"),
    [
        (
            "forms_out_dialog.ui",
            ["folderEdit", "deadlineEdit", "allRadio", "prefillCheck", "subdivisionList"],
        ),
        (
            "forms_preview_dialog.ui",
            ["changesView", "showAllCheck", "filesTable", "newFindingsList", "buttonBox"],
        ),
        ("forms_status_dialog.ui", ["table", "sentButton", "receivedButton", "correctionButton"]),
    ],
)
def test_the_forms_dialogs_load_with_their_widgets_and_comma_below_letters(qtbot, form, names) -> None:
    widget = build_form(form)
    qtbot.addWidget(widget)
    for name in names:
        assert widget.findChild(QObject, name) is not None, name
    texts = [w.text() for w in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton)]
    assert texts and not any(ch in text for text in texts for ch in "şţŞŢ")


def test_regenerating_forms_ends_the_undo_history_so_no_superseded_form_id_comes_back(
    window, monkeypatch, tmp_path
) -> None:
    """Ctrl+Z after a regeneration must not bring back an old form id (the current form would then be
    reported as "not the latest generated" on import): the history ends at the generation, and says so."""
    from balti_monitor.db.models import FormStatus

    folder = tmp_path / "formulare"
    _generate(window, monkeypatch, folder, ["DRU"])
    form = folder / "Retur_DRU_2023-S1.xlsx"
    _fill(form, {"1.1#2": "21 concursuri"})
    monkeypatch.setattr(FormsPreviewDialog, "ask", staticmethod(lambda parent, preview: []))
    assert window.forms_actions.import_forms([form])
    assert window.session.undo_stack.canUndo()
    summary = _generate(window, monkeypatch, tmp_path / "din-nou", ["DRU"])
    assert not window.session.undo_stack.canUndo()
    emptied = (
        "Istoricul de anulare (Ctrl+Z) a fost golit: pașii de dinainte de generare nu mai pot fi "
        "anulați, pentru că formularele noi i-au înlocuit pe cei vechi."
    )
    assert tr("FormsActions", emptied) in summary
    window.undo()  # nothing left to undo: the latest form id stays
    current = FormStatus.get(FormStatus.subdivision == _sub("DRU").id).form_id
    fresh = tmp_path / "din-nou" / "Retur_DRU_2023-S1.xlsx"
    _fill(fresh, {"1.1#2": "22 concursuri"})
    preview = preview_import([fresh], window.session.period)
    assert preview.files and not any(
        "nu este ultimul generat" in w for f in preview.files for w in f.warnings
    )
    assert current


def _cancel_when_progress_shows() -> list[int]:
    """Press "Anulează" on the progress dialog once it has shown some progress; returns what it saw."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

    seen: list[int] = []
    timer = QTimer()
    timer.setInterval(20)

    def poll() -> None:
        for widget in QApplication.topLevelWidgets() + [
            w for top in QApplication.topLevelWidgets() for w in top.findChildren(QProgressDialog)
        ]:
            if isinstance(widget, QProgressDialog) and widget.isVisible() and widget.value() >= 1:
                seen.append(widget.value())
                timer.stop()
                widget.findChild(QPushButton).click()  # "Anulează", as the user presses it
                return

    timer.timeout.connect(poll)
    timer.start()
    seen.append(-1)
    _keep.append(timer)
    return seen


_keep: list[object] = []


def test_generation_runs_in_a_worker_and_cancels_cleanly(window, monkeypatch, tmp_path, ui_language) -> None:
    import threading
    import time

    from balti_monitor.interchange import forms_out

    real = forms_out.build_workbook

    def slow(*args, **kwargs):
        time.sleep(0.15)
        return real(*args, **kwargs)

    monkeypatch.setattr(forms_out, "build_workbook", slow)
    folder = tmp_path / "formulare"
    seen = _cancel_when_progress_shows()
    messages: list[str] = []
    window.session.message.connect(messages.append)
    summary = _generate(window, monkeypatch, folder)
    assert len(seen) == 2, "the progress dialog never showed"
    assert summary == []  # no "generated" summary
    assert window.forms_actions.last_worker_thread not in (0, threading.get_ident())
    assert not folder.exists() or list(folder.iterdir()) == []  # no form, no temporary file
    assert all(r.state is None for r in form_statuses(window.session.period))
    assert tr("FormsActions", "Generarea a fost anulată; nu s-a scris niciun formular.") in messages

    # without cancelling, the same run writes every form (in the worker) and records them
    monkeypatch.setattr(forms_out, "build_workbook", real)
    summary = _generate(window, monkeypatch, folder, ["DRU"])
    assert "2023-S1" in summary[0] and (
        ui_language != "ro" or summary[0].startswith("A fost generat 1 formular")
    )
    assert window.forms_actions.last_worker_thread not in (0, threading.get_ident())


def test_reading_filled_forms_runs_in_a_worker_and_cancels_cleanly(window, monkeypatch, tmp_path) -> None:
    import threading
    import time

    from balti_monitor.interchange import forms_in

    folder = tmp_path / "formulare"
    _generate(window, monkeypatch, folder)
    paths = sorted(folder.glob("*.xlsx"))
    _fill(paths[0], {})
    real = forms_in.read_workbook

    def slow(path):
        time.sleep(0.15)
        return real(path)

    monkeypatch.setattr(forms_in, "read_workbook", slow)
    asked: list[object] = []
    monkeypatch.setattr(
        FormsPreviewDialog, "ask", staticmethod(lambda parent, preview: asked.append(preview))
    )
    depth = window.session.undo_stack.count()
    seen = _cancel_when_progress_shows()
    assert window.forms_actions.import_forms(paths) is False
    assert len(seen) == 2 and asked == []  # cancelled before any preview
    assert window.session.undo_stack.count() == depth
    assert window.forms_actions.last_worker_thread not in (0, threading.get_ident())


def test_a_follow_up_goes_out_in_the_form_and_its_answer_shows_in_the_preview(
    window, monkeypatch, tmp_path
) -> None:
    from balti_monitor.services.comments import period_comments

    select_action(window, "1.13")
    page = window.action_page
    ds = _sub("DS").id
    page.view.setCurrentIndex(page.model.index(page.model.row_of_subdivision(ds), 1))
    assert page.add_comment("de clarificat: 7 sau 8 acte?")
    folder = tmp_path / "formulare"
    _generate(window, monkeypatch, folder, ["DS"])
    form = folder / "Retur_DS_2023-S1.xlsx"
    wb = load_workbook(form)
    ws = wb["Retur"]
    ids = next(row for row in ws.iter_rows(max_row=10) if row[0].value == "#col")
    column = {c.value: c.column for c in ids if c.value}
    row = next(r[0].row for r in ws.iter_rows() if r[0].value == "1.13#1")
    assert ws.cell(row, column["question"]).value == "de clarificat: 7 sau 8 acte?"
    ws.cell(row, column["answer"]).value = "Sunt 8 acte."
    wb.save(form)

    preview = preview_import([form], stored_period(window.session.period.id))
    dialog = FormsPreviewDialog(window, preview)
    try:
        table = dialog.answers
        assert table is not None and table.rowCount() == 1
        assert [table.item(0, c).text() for c in range(4)] == [
            _sub("DS").name,
            "1.13 · Indicatorul 1",
            "de clarificat: 7 sau 8 acte?",
            "Sunt 8 acte.",
        ]
        answers = tr(
            "FormsPreviewDialog", "Răspunsuri la observații: <b>{n}</b> (se păstrează la observațiile lor)."
        )
        assert answers.format(n=1) in dialog.ui.summaryLabel.text()
        assert dialog.apply_button.isEnabled()
    finally:
        dialog.dialog.deleteLater()
    monkeypatch.setattr(FormsPreviewDialog, "ask", staticmethod(lambda parent, p: []))  # "Aplică"
    assert window.forms_actions.import_forms([form])
    assert [c.reply for c in period_comments(window.session.period.id)] == ["Sunt 8 acte."]
    window.session.undo_stack.undo()  # the import's undo takes the answer back too
    assert [c.reply for c in period_comments(window.session.period.id)] == [""]
