"""Save PNG screenshots of the plans of other kinds: the Open Government plan (seed 003) with its S1-2020
report (seed 004) — tree with sub-actions and the status grid —, the programme report 2017-2019 (002), the
integrity plan (001), the plan editor and its item form, the links of an item, the list of examples and the
server connection, at the office PC's 1366×768.

    python tools/screenshots_plans.py [--out screenshots/plans] [--lang ro|ru]

Runs offscreen by default (``QT_QPA_PLATFORM=offscreen``). The database, the user folder and the settings
live in a temporary folder: the real user's data and settings are never touched. The example is added
through the same service as "Plan → Adaugă un plan exemplu…".
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

EXAMPLE = "guvernare-deschisa-2019-2020"
SIZE = (1366, 768)


def take(out: Path, language: str = "ro") -> list[Path]:
    """Start the GUI in ``language`` on a fresh file holding the Bălți plan and the example; save the
    screenshots."""
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    scratch = Path(tempfile.mkdtemp(prefix="balti-plans-"))
    os.environ["BALTI_MONITOR_HOME"] = str(scratch / "home")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch / "settings"))

    from balti_monitor.db.connection import close_database, open_database
    from balti_monitor.gui import app as gui_app
    from balti_monitor.gui import dialogs
    from balti_monitor.gui.examples_dialog import ExamplesDialog
    from balti_monitor.gui.plan_editor import PlanEditor
    from balti_monitor.gui.plan_item_dialog import ItemDialog
    from balti_monitor.gui.server_actions import ServerDialog
    from balti_monitor.gui.settings import LANGUAGE, AppSettings
    from balti_monitor.gui.status_grid import LinksDialog
    from balti_monitor.services.bundled import ensure_bundled_plan
    from balti_monitor.services.examples import list_examples, load_example
    from balti_monitor.services.plan_fields import fields_of
    from balti_monitor.services.plans import plan_columns
    from balti_monitor.services.progress import Link

    settings = AppSettings()  # under BALTI_MONITOR_HOME: the interface language of this run
    settings.set(LANGUAGE, language)
    settings.sync()

    database = scratch / "planuri.sqlite"
    open_database(database)
    ensure_bundled_plan()
    plan_id, _ = load_example(EXAMPLE)
    others = [load_example(name)[0] for name in ("program-balti-2017-2019", "integritate-baltati")]
    close_database()
    dialogs.ask_yes = lambda *a, **k: False  # type: ignore[assignment]

    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    window = gui_app.start(str(database))
    assert window is not None
    app = QApplication.instance()
    assert app is not None

    def settle() -> None:
        deadline = time.monotonic() + 0.3
        while time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)

    def shot(name: str, widget: QWidget | None = None) -> None:
        settle()
        path = out / f"{name}.png"
        (widget or window).grab().save(str(path))
        written.append(path)

    window.resize(*SIZE)
    window.show()
    settle()
    window.session.set_plan(plan_id)
    settle()
    actions = window.session.actions()
    leaf = next((a for a in actions if a.parent_id is not None), actions[0])
    window.plan_panel.select_action(leaf.id)
    shot("guvernare_status_grid_1366x768")
    later = actions[min(len(actions) - 1, len(actions) // 2)]
    window.plan_panel.select_action(later.id)
    shot("guvernare_status_grid_middle_1366x768")

    editor = PlanEditor(window.session, window)
    editor.resize(960, 620)
    editor.show()
    editor.select("action", leaf.id)
    shot("plan_editor", editor)
    editor.close()

    form = ItemDialog(
        window,
        QCoreApplication.translate("PlanActions", "Subacțiunea"),
        fields_of("action", leaf.id),
        labels={c.key: c.label for c in plan_columns(plan_id)},
    )
    form.dialog.show()
    shot("plan_item_form", form.dialog)
    form.dialog.close()
    links = LinksDialog(leaf.code, (Link("Raportul de progres", "https://example.md/raport.pdf"),), window)
    links.show()
    shot("links_dialog", links)
    links.close()
    examples = ExamplesDialog(list_examples(), {p.code for p in window.session.plans()}, window)
    examples.show()
    shot("examples_dialog", examples)
    examples.close()
    server = ServerDialog(window, [])
    server.dialog.show()
    shot("server_dialog", server.dialog)
    server.dialog.close()

    for other, name in zip(others, ("program_2017_2019", "integritate_baltati"), strict=True):
        window.session.set_plan(other)
        settle()
        first = window.session.actions()
        if first:
            window.plan_panel.select_action(first[0].id)
        shot(f"{name}_1366x768")

    balti = next(p for p in window.session.plans() if p.id not in (plan_id, *others))
    window.session.set_plan(balti.id)
    settle()
    info = window.session.action_by_code("4.1")
    if info is not None:
        window.plan_panel.select_action(info.id)
    editor = PlanEditor(window.session, window)
    editor.resize(960, 620)
    editor.show()
    if info is not None:
        editor.select("action", info.id)
    shot("plan_editor_balti", editor)
    editor.close()
    window.close()
    window.session.close()
    return written


def main() -> int:
    """Entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots" / "plans")
    parser.add_argument("--lang", default="ro", choices=("ro", "ru"), help="interface language (default: ro)")
    args = parser.parse_args()
    for path in take(args.out, args.lang):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
