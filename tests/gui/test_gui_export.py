"""Export from the window: the pre-flight dialog (jump to a cell or export anyway), the review copy, the PDF,
and the worker thread with its progress dialog and clean cancel."""

from __future__ import annotations

import threading
import zipfile
from pathlib import Path

import docx
from gui_helpers import tr
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton

from balti_monitor import i18n
from balti_monitor.export import pdf as pdf_module
from balti_monitor.gui import dialogs, export_dialog, export_worker
from balti_monitor.gui.export_dialog import ExportChoice, PreflightDialog
from balti_monitor.services.preflight import SECTION_TITLES, LineKind, preflight


def test_the_preflight_dialog_lists_the_sections_and_a_line_jumps_to_its_cell(window, ui_language) -> None:
    check = preflight(window.session.period)
    dialog = PreflightDialog(check, pdf=True, review=False, parent=window)
    sections = [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]
    assert any(s.endswith(" (8)") for s in sections)
    assert ui_language != "ro" or "Subdiviziuni responsabile care nu au prezentat informația (8)" in sections
    titles = {kind: i18n._(SECTION_TITLES[kind]) for kind in SECTION_TITLES}  # the core's, in its language
    assert any(s.startswith(titles[LineKind.NO_RETURN] + " (") for s in sections)
    assert any(s.startswith(titles[LineKind.FINDINGS] + " (") for s in sections)
    assert any(s.startswith(titles[LineKind.BLANK_TOTAL] + " (") for s in sections)
    assert dialog.export_button.text() == tr("PreflightDialog", "&Exportă oricum")
    assert dialog.pdf_box.isChecked() and not dialog.review_box.isChecked()
    blank_line = i18n._("{code} · Indicator {number}: celula Total este goală{why}.")  # the core's line
    where = blank_line.split(":")[0].format(code="3.7", number=1)
    blank = next(
        item
        for item in dialog.lines()
        if item.data(0, export_dialog.LINE_ROLE).kind == LineKind.BLANK_TOTAL
        and item.text(0).startswith(where)
    )
    dialog.tree.itemActivated.emit(blank, 0)
    choice = dialog.choice()
    assert choice.jump is not None and choice.jump.text == blank.text(0)
    dialog.deleteLater()


def test_going_to_a_cell_from_the_preflight_exports_nothing_and_shows_the_cell(
    window, monkeypatch, tmp_path
) -> None:
    check = preflight(window.session.period)
    line = next(x for x in check.of(LineKind.NO_RETURN) if x.text.startswith("1.10 ·"))
    monkeypatch.setattr(export_dialog, "ask", lambda *a, **k: ExportChoice(jump=line))
    assert window.export_actions.export_report(tmp_path / "raport.docx") is None
    assert not (tmp_path / "raport.docx").exists()
    info = window.session.action_by_code("1.10")
    assert window.plan_panel.current_action() == info.id
    current = window.action_page.view.currentIndex()
    assert current.row() == window.action_page.model.row_of_subdivision(line.subdivision_id)


def test_back_from_the_preflight_exports_nothing(window, monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(export_dialog, "ask", lambda *a, **k: None)
    monkeypatch.setattr(dialogs, "choose_save_path", lambda *a: tmp_path / "x.docx")
    window.export_actions.report_action.trigger()
    assert window.export_actions.last_report is None and not (tmp_path / "x.docx").exists()


def test_review_copy_and_pdf_from_the_window(window, monkeypatch, tmp_path) -> None:
    class FakeConverter:
        name = "test"

        def convert(self, docx_path: Path, pdf: Path, cancelled: object) -> None:
            pdf.write_bytes(b"%PDF-1.7\nfake")

    monkeypatch.setattr(pdf_module, "find_converter", lambda: FakeConverter())
    monkeypatch.setattr(export_dialog, "ask", lambda *a, **k: ExportChoice(pdf=True, review=True))
    offered = []
    monkeypatch.setattr(
        dialogs, "after_export", lambda parent, path, note: offered.append(note) or dialogs.CLOSE
    )
    written = window.export_actions.export_report(tmp_path / "revizuire.docx")
    assert written == tmp_path / "revizuire.docx"
    assert window.export_actions.last_pdf == tmp_path / "revizuire.pdf"
    assert (tmp_path / "revizuire.pdf").read_bytes().startswith(b"%PDF-")
    assert len(list(docx.Document(str(written)).comments)) > 50
    assert (
        tr("ExportActions", "PDF-ul a fost salvat alături: {name}").format(name="revizuire.pdf") in offered[0]
    )


def test_no_pdf_converter_is_said_plainly_and_the_docx_is_kept(
    window, monkeypatch, tmp_path, ui_language
) -> None:
    monkeypatch.setattr(pdf_module, "find_converter", lambda: None)
    monkeypatch.setattr(export_dialog, "ask", lambda *a, **k: ExportChoice(pdf=True))
    offered = []
    monkeypatch.setattr(
        dialogs, "after_export", lambda parent, path, note: offered.append(note) or dialogs.CLOSE
    )
    written = window.export_actions.export_report(tmp_path / "raport.docx")
    assert written is not None and written.is_file()
    assert not (tmp_path / "raport.pdf").exists()
    assert "LibreOffice" in offered[0] and (
        ui_language != "ro" or "nici LibreOffice, nici Microsoft Word" in offered[0]
    )
    with zipfile.ZipFile(written) as z:
        assert "word/comments.xml" not in z.namelist()  # the final copy


def test_the_export_runs_in_a_worker_the_window_stays_live_and_cancel_writes_nothing(
    window, monkeypatch, tmp_path
) -> None:
    """The core reports progress through its callback from a worker thread; the GUI thread keeps handling
    events (a timer fires meanwhile); "Anulează" stops it and no file is written."""
    started = threading.Event()
    threads: list[str] = []
    real = export_worker.render_context

    def slow_render(context, path, options, progress, **kwargs):
        threads.append(threading.current_thread().name)
        started.set()
        for step in range(200):
            progress(step, 200, f"pasul {step}")
            threading.Event().wait(0.02)
        return real(context, path, options, progress, **kwargs)

    monkeypatch.setattr(export_worker, "render_context", slow_render)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)

    def cancel_when_running() -> None:
        job = window.export_actions.current_job
        if job is None or not started.is_set() or len(ticks) < 5:
            QTimer.singleShot(20, cancel_when_running)
            return
        progress = window.export_actions.progress
        assert (
            progress is not None
            and progress.isVisible()
            and progress.windowTitle() == tr("ExportActions", "Export Word")
        )
        button = progress.findChild(QPushButton)
        assert button.text() == tr("ExportActions", "Anulează")
        button.click()

    QTimer.singleShot(20, cancel_when_running)
    messages = []
    window.session.message.connect(messages.append)
    out = tmp_path / "export"
    out.mkdir()
    result = window.export_actions.export_report(out / "anulat.docx")
    timer.stop()
    assert result is None
    assert threads and threads[0] != threading.main_thread().name
    assert len(ticks) >= 5  # the GUI thread kept running its timers during the export
    assert not list(out.iterdir())  # nothing written, no temporary file left
    assert tr("ExportActions", "Exportul a fost anulat; nu s-a scris niciun fișier.") in messages


def test_the_original_report_s_total_shows_on_hover_over_the_total_cell(window, ui_language) -> None:
    from gui_helpers import select_action
    from PySide6.QtCore import Qt

    select_action(window, "1.13")
    model = window.action_page.model
    tip = model.index(model.total_row, 2).data(Qt.ItemDataRole.ToolTipRole)
    shown = model.index(model.total_row, 2).data(Qt.ItemDataRole.DisplayRole)
    assert shown == "8 acte"  # the computed Total
    assert "7 acte" in tip and (
        ui_language != "ro" or "Raportul original: „7 acte”; calculat: 8 acte." in tip
    )
    assert (
        tr("GridModel", "Scris în raportul original (referință, nu se exportă): „{text}”").format(
            text="7 acte"
        )
        in tip
    )
    counts_tip = model.index(model.total_row, 0).data(Qt.ItemDataRole.ToolTipRole)
    reference = tr("GridModel", "Scris în raportul original (referință, nu se exportă): „{text}”")
    assert reference.split("{text}")[0][:-1] in counts_tip


def test_after_an_unlock_the_suggested_name_says_the_new_version(window, monkeypatch, tmp_path) -> None:
    from balti_monitor.services.signing import sign_period, unsign_period

    monkeypatch.setattr(export_dialog, "ask", lambda *a, **k: ExportChoice())
    offered: list[Path] = []
    monkeypatch.setattr(dialogs, "choose_save_path", lambda parent, title, path, kinds: offered.append(path))
    window.export_actions.export_report()
    assert offered[-1].name == "Raport PLA Bălți 2023-S1.docx"
    period_id = window.session.period.id
    report = tmp_path / "semnat.docx"
    report.write_bytes(b"the signed report")
    sign_period(period_id, report)
    unsign_period(period_id, "corectare")
    window.export_actions.export_report()
    assert offered[-1].name == "Raport PLA Bălți 2023-S1 v2.docx"
