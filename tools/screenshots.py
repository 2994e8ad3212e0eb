"""Save PNG screenshots of the main window on the demo data, for looking at the GUI without Windows.

    python tools/screenshots.py [--out screenshots] [--size 1600x950]

Runs offscreen by default (``QT_QPA_PLATFORM=offscreen``); under Xvfb set ``QT_QPA_PLATFORM=xcb`` and
``DISPLAY`` first. The demo database, the user folder and the settings live in a temporary folder, so the
real user's data and settings are never touched. Shots: actions 1.1, 1.15 and 2.2, the same at 1366×768,
an open women/men editor, a refused edit, the narrative page and the three dialogs.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def take(out: Path, size: tuple[int, int]) -> list[Path]:
    """Start the GUI on a fresh demo database and save the screenshots; returns the files written."""
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication, QWidget

    scratch = Path(tempfile.mkdtemp(prefix="balti-shots-"))
    os.environ["BALTI_MONITOR_HOME"] = str(scratch / "home")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch / "settings"))

    from balti_monitor.db.connection import close_database, open_database
    from balti_monitor.gui import app as gui_app
    from balti_monitor.gui import dialogs
    from balti_monitor.gui.override_dialog import OverrideDialog
    from balti_monitor.gui.responsibility_dialog import ResponsibilityDialog
    from balti_monitor.gui.subdivisions_dialog import SubdivisionsDialog
    from balti_monitor.services.bundled import load_demo
    from balti_monitor.services.gui_support import responsibility_state
    from balti_monitor.services.subdivisions import list_subdivisions

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

    window.resize(1366, 768)
    show("1.15")
    shot("action_1_15_1366x768")
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

    window.tabs.setCurrentWidget(window.narrative_page)
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
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.close()
    window.session.close()
    return written


def main() -> int:
    """Command-line entry."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "screenshots"), help="folder for the PNG files")
    parser.add_argument("--size", default="1600x950", help="window size, e.g. 1600x950")
    args = parser.parse_args()
    width, height = (int(x) for x in args.size.lower().split("x"))
    for path in take(Path(args.out), (width, height)):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
