"""Save PNG screenshots of the main window on the demo data, for looking at the GUI without Windows.

    python tools/screenshots.py [--out screenshots] [--size 1600x950] [--lang ro|ru]

Runs offscreen by default (``QT_QPA_PLATFORM=offscreen``); under Xvfb set ``QT_QPA_PLATFORM=xcb`` and
``DISPLAY`` first. The demo database, the user folder and the settings live in a temporary folder, so the
real user's data and settings are never touched. Shots: actions 1.1, 1.15 and 2.2; 1.1, 1.15, 4.1 and 5.3 at 1366×768 and 1024×700,
an open women/men editor, a refused edit, the narrative page, the three plan dialogs, and the data-safety
and return-form dialogs (backup done, restore preview, automatic backups, file check, recovery offer,
form generation options, import preview with its three tabs, form status), the menus, the pre-flight before
an export, the findings, follow-ups, search, terms, annual rules, trend and overview windows, the F1 key list,
"Despre", the interface-language dialog. ``--lang ru`` takes them with the Russian interface.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def take(out: Path, size: tuple[int, int], language: str = "ro") -> list[Path]:
    """Start the GUI on a fresh demo database in ``language`` and save the screenshots; returns the files."""
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    scratch = Path(tempfile.mkdtemp(prefix="balti-shots-"))
    os.environ["BALTI_MONITOR_HOME"] = str(scratch / "home")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch / "settings"))

    from balti_monitor.db.connection import close_database, open_database
    from balti_monitor.gui import app as gui_app
    from balti_monitor.gui import dialogs
    from balti_monitor.gui.override_dialog import OverrideDialog
    from balti_monitor.gui.responsibility_dialog import ResponsibilityDialog
    from balti_monitor.gui.settings import LANGUAGE, AppSettings
    from balti_monitor.gui.subdivisions_dialog import SubdivisionsDialog
    from balti_monitor.services.bundled import load_demo
    from balti_monitor.services.responsibilities import responsibility_state
    from balti_monitor.services.subdivisions import list_subdivisions

    settings = AppSettings()  # under BALTI_MONITOR_HOME: the interface language of this run
    settings.set(LANGUAGE, language)
    settings.sync()

    database = scratch / "demo.sqlite"
    open_database(database)
    load_demo()
    close_database()
    dialogs.ask_yes = lambda *a, **k: False  # type: ignore[assignment]

    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    window = gui_app.start(str(database))
    assert window is not None
    app = QApplication.instance()
    assert app is not None

    def settle() -> None:
        deadline = time.monotonic() + 0.15  # let deferred work (column fitting, tree marks) run
        while time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)

    def shot(name: str, widget: QWidget | None = None) -> None:
        settle()
        path = out / f"{name}.png"
        (widget or window).grab().save(str(path))
        written.append(path)

    def show(code: str) -> None:
        info = window.session.action_by_code(code)
        assert info is not None
        window.plan_panel.select_action(info.id)
        window.tabs.setCurrentWidget(window.action_page)
        settle()

    window.resize(*size)
    for code in ("1.1", "1.15", "2.2"):
        show(code)
        shot(f"action_{code.replace('.', '_')}")

    for width, height in ((1366, 768), (1024, 700)):  # the office PC's screen and a small one
        window.resize(width, height)
        for code in ("1.1", "1.15", "4.1", "5.3"):
            show(code)
            shot(f"action_{code.replace('.', '_')}_{width}x{height}")
    window.resize(*size)

    # The women/men editor open on action 1.2, indicator 1.
    show("1.2")
    view = window.action_page.view
    model = window.action_page.model
    view.setCurrentIndex(model.index(0, 1))
    view.edit(model.index(0, 1))
    shot("editor_women_men")
    view.closePersistentEditor(model.index(0, 1))
    if view.delegate.current_editor is not None:
        view.delegate.closeEditor.emit(view.delegate.current_editor)
    settle()

    # A cell missing and one the subdivision does not answer (action 1.1, press service).
    show("1.1")
    model.setData(model.index(1, 1), "")
    model.setData(model.index(1, 5), "")
    view.setCurrentIndex(model.index(1, 5))
    shot("cells_missing_and_not_assigned")
    window.session.undo_stack.undo()
    window.session.undo_stack.undo()

    # A refused edit: the message in the status bar, the editor reopened with the text typed.
    show("1.6")
    model.setData(model.index(0, 5), "-3 cazuri")
    shot("refused_edit")
    if view.delegate.current_editor is not None:
        view.delegate.closeEditor.emit(view.delegate.current_editor)

    window.tabs.setCurrentIndex(1)  # the narrative tab (its page is built when first shown)
    shot("narrative")
    window.tabs.setCurrentWidget(window.action_page)

    def dialog_shot(name: str, build: Callable[[], QWidget]) -> None:
        dialog = build()
        dialog.show()
        shot(name, dialog)
        dialog.close()
        dialog.deleteLater()

    show("1.15")
    total = model.total_of(2)
    assert total is not None
    dialog_shot(
        "dialog_override",
        lambda: (
            OverrideDialog(
                window,
                "Acțiunea 1.15 · Indicator 2: numărul de ore de instruire",
                total.text,
                total.override,
                "O. S.",
            ).dialog
        ),
    )
    info = window.session.action_by_code("1.15")
    assert info is not None
    subs = [(s.id, s.name) for s in list_subdivisions()]
    dialog_shot(
        "dialog_responsibilities",
        lambda: ResponsibilityDialog(window, info, responsibility_state(info.id), subs).dialog,
    )
    holder: list[SubdivisionsDialog] = []

    def subdivisions() -> QWidget:
        holder.append(SubdivisionsDialog(window, window.session))
        return holder[-1].dialog

    dialog_shot("dialog_subdivisions", subdivisions)
    window.session.changed.disconnect(holder[0]._on_changed)

    # the change log: a typed edit, its undo, a paste-free history of the demo values
    show("1.13")
    model.setData(model.index(1, 1), "6 acte")
    model.setData(model.index(1, 1), "7 acte")
    window.session.undo_stack.undo()
    settle()
    log = window.signing_actions.show_log()
    log.resize(1400, 520)
    settle()
    shot("change_log", log)
    view.setCurrentIndex(model.index(1, 1))
    log.cell_check.setChecked(True)
    settle()
    shot("change_log_cell", log)
    log.close()
    page = window.signing_actions.show_completeness()
    page.resize(1500, 700)
    settle()
    shot("completeness", page)
    page.close()

    safety_and_forms(window, scratch, shot, dialog_shot, settle)
    more_windows(window, shot, dialog_shot, settle)
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.close()
    window.session.close()
    return written


def modal_shot(name: str, shot: Callable[[str, QWidget | None], None], run: Callable[[], object]) -> None:
    """Screenshot a message box that ``run`` shows modally, then close it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    def grab() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QDialog):
            shot(name, widget)
            widget.reject()
        else:
            QTimer.singleShot(30, grab)

    QTimer.singleShot(30, grab)
    run()


def safety_and_forms(
    window: Any,
    scratch: Path,
    shot: Callable[[str, QWidget | None], None],
    dialog_shot: Callable[[str, Callable[[], QWidget]], None],
    settle: Callable[[], None],
) -> None:
    """The data-safety and return-form dialogs, on the demo data."""
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QTabWidget

    from balti_monitor.db.models import Subdivision
    from balti_monitor.gui import dialogs
    from balti_monitor.gui.auto_backups_dialog import AutoBackupsDialog
    from balti_monitor.gui.forms_out_dialog import FormsOutDialog
    from balti_monitor.gui.forms_preview_dialog import FormsPreviewDialog
    from balti_monitor.gui.forms_status_dialog import FormsStatusDialog
    from balti_monitor.gui.restore_dialog import RestoreDialog
    from balti_monitor.interchange.forms_common import FormState, set_form_state
    from balti_monitor.interchange.forms_in import preview_import
    from balti_monitor.interchange.forms_out import FormsOutOptions, generate_forms
    from balti_monitor.services.backup import auto_backup, make_backup
    from balti_monitor.services.editing import set_cell
    from balti_monitor.services.file_report import verify_file
    from balti_monitor.services.periods import stored_period
    from balti_monitor.services.restore import preview_restore

    session = window.session
    period = session.period
    assert period is not None and session.path is not None
    stored = stored_period(period.id)  # the forms entry points take the stored row
    from PySide6.QtCore import QCoreApplication

    titles = {
        "&Fișier": "menu_file",
        "&Editare": "menu_edit",
        "&Vizualizare": "menu_view",
        "&Plan": "menu_plan",
    }
    titles |= {"F&ormulare": "menu_forms", "E&xport": "menu_export", "&Ajutor": "menu_help"}
    names = {QCoreApplication.translate("MainWindow", title): name for title, name in titles.items()}
    for action in window.menuBar().actions():
        menu = action.menu()
        if menu is not None and action.text() in names:
            menu.adjustSize()
            shot(names[action.text()], menu)
    folder = scratch / "copii"
    folder.mkdir()
    backup = make_backup(folder, period_code="2023-S1")
    modal_shot(
        "message_backup_done",
        shot,
        lambda: dialogs.done_with_folder(
            window,
            QCoreApplication.translate("BackupActions", "Copia de rezervă a fost creată"),
            backup.message(),
            QCoreApplication.translate(
                "BackupActions",
                "Fișierul se poate trimite prin e-mail ca atașament. Se deschide cu Fișier → Deschide alt "
                "fișier de date, sau se aduce înapoi cu Fișier → Restaurează din copie.",
            ),
        ),
    )
    info = session.action_by_code("1.6")
    dru = Subdivision.get(Subdivision.code == "DRU").id
    drp = Subdivision.get(Subdivision.code == "DRP").id
    set_cell(period, info.id, dru, 3, "2 cazuri")  # newer than the backup
    now = dt.datetime.now()
    auto_backup("import", now=now - dt.timedelta(days=3, hours=2))  # a few more rows for the list
    set_cell(period, info.id, drp, 5, "1 caz")
    auto_backup("restaurare", now=now - dt.timedelta(days=1, minutes=40))
    set_cell(period, info.id, drp, 5, "0")
    report, comparison = preview_restore(backup.path)
    dialog_shot("dialog_restore", lambda: RestoreDialog(window, report, comparison).dialog)
    dialog_shot(
        "dialog_auto_backups", lambda: AutoBackupsDialog(window, session.path, lambda _path: False).dialog
    )
    broken = folder / "balti-monitor-trimis.sqlite"
    broken.write_bytes(backup.path.read_bytes()[:6000])
    bad = verify_file(broken)
    modal_shot(
        "message_verify_bad",
        shot,
        lambda: dialogs.show_report(
            window,
            QCoreApplication.translate("BackupActions", "Verificarea fișierului „{name}”").format(
                name=broken.name
            ),
            bad.ok,
            bad.lines(),
        ),
    )
    modal_shot(
        "message_recovery",
        shot,
        lambda: dialogs.offer_recovery(
            window,
            broken,
            f"{bad.problems[0]}\n\nCea mai nouă copie automată a acestui fișier: „demo-2026-11-25-153000-deschidere.sqlite” "
            "din 25.11.2026 15:30 (la deschiderea fișierului), 412 KB. Puteți continua lucrul cu această copie: "
            "ea se copiază ca fișier nou lângă cel cu probleme.",
        ),
    )

    forms = scratch / "formulare"
    dialog_shot(
        "dialog_forms_out",
        lambda: FormsOutDialog(window, period, forms, "Ana Popescu, tel. 0231 5 44 00").dialog,
    )
    result = generate_forms(stored, forms, FormsOutOptions(subdivision_ids=frozenset({dru, drp})))
    set_cell(period, info.id, dru, 3, "4 cazuri")  # changed in the application after the forms went out
    edits = {
        drp: {"1.6#5": "2 cazuri", "1.6#D": ""},
        dru: {"1.6#3": "3 cazuri", "1.6#2": "1 persoană desemnată"},
    }
    paths = []
    for form in result.forms:
        wb = load_workbook(form.path)
        for row in wb["Retur"].iter_rows():
            if row[0].value in edits[form.subdivision_id]:
                row[3].value = edits[form.subdivision_id][row[0].value]
        wb.save(form.path)
        paths.append(form.path)
    letter = forms / "Retur_DS_2023-S1 (scrisoare).xlsx"
    letter.write_bytes(b"nu este un registru Excel")
    preview = preview_import([*paths, letter], stored)
    for tab, name in enumerate(("changes", "files", "findings")):

        def build(tab: int = tab) -> QWidget:
            found = FormsPreviewDialog(window, preview)
            found.dialog.findChild(QTabWidget, "tabs").setCurrentIndex(tab)
            return found.dialog

        dialog_shot(f"dialog_forms_preview_{name}", build)
    set_form_state(stored, dru, FormState.SENT)
    set_form_state(stored, drp, FormState.NEEDS_CORRECTION)

    def status() -> QWidget:
        found = FormsStatusDialog(window, session)
        found.select([dru])
        return found.dialog

    dialog_shot("dialog_forms_status", status)
    settle()


def more_windows(
    window: Any,
    shot: Callable[[str, QWidget | None], None],
    dialog_shot: Callable[[str, Callable[[], QWidget]], None],
    settle: Callable[[], None],
) -> None:
    """The other windows and dialogs: pre-flight, findings, follow-ups, search, terms, annual rules, charts,
    F1, about, the language choice."""
    from balti_monitor.gui.annual_rules_dialog import AnnualRulesDialog
    from balti_monitor.gui.export_dialog import PreflightDialog
    from balti_monitor.gui.language_action import LanguageDialog
    from balti_monitor.gui.terms_dialog import TermsDialog
    from balti_monitor.gui.translations import current_language
    from balti_monitor.services.annual import indicator_rules
    from balti_monitor.services.preflight import preflight
    from balti_monitor.services.terms import action_terms

    session = window.session
    dialog_shot("dialog_preflight", lambda: PreflightDialog(preflight(session.period), True, False, window))
    for name, opener in (
        ("findings", window.signing_actions.show_findings),
        ("followups", window.signing_actions.show_followups),
    ):
        page = opener()
        settle()
        shot(name, page)
        page.close()
    window.open_search()
    search = window._search_dialog
    search.query.setText("concurs")
    settle()
    shot("dialog_search", search)
    search.close()
    plan = session.plan
    dialog_shot("dialog_terms", lambda: TermsDialog(lambda: action_terms(plan.id), lambda *a: None, window))
    info = session.action_by_code("1.1")
    rules = indicator_rules(plan.id, info.id)
    dialog_shot("dialog_annual_rules", lambda: AnnualRulesDialog(rules[0].action_code, rules, window))
    window.plan_panel.select_action(info.id)
    settle()
    for name, opener in (
        ("trend", window.time_actions.show_trend),
        ("overview", window.time_actions.show_overview),
    ):
        chart = opener()
        if chart is not None:
            settle()
            shot(f"dialog_{name}", chart)
            chart.close()
    dialog_shot("dialog_language", lambda: LanguageDialog(current_language(), window))
    modal_shot("message_keys_f1", shot, window._show_keys)
    modal_shot("message_about", shot, window._show_about)


def main() -> int:
    """Command-line entry."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "screenshots"), help="folder for the PNG files")
    parser.add_argument("--size", default="1600x950", help="window size, e.g. 1600x950")
    parser.add_argument("--lang", default="ro", choices=("ro", "ru"), help="interface language (default: ro)")
    args = parser.parse_args()
    width, height = (int(x) for x in args.size.lower().split("x"))
    for path in take(Path(args.out), (width, height), args.lang):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
