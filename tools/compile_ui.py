"""Compile the Designer forms ``ui/*.ui`` into typed modules ``balti_monitor/gui/forms/ui_*.py``.

The ``.ui`` files stay the source of truth (edit them in Qt Designer); the modules are generated with
``pyside6-uic`` and never edited by hand. Each gets a "generated, do not edit" header and type annotations
on ``setupUi``/``retranslateUi``, so its widgets are typed attributes: a widget renamed in Designer fails
``mypy`` where the code still uses the old name. ``tests/gui/test_ui_forms.py`` regenerates them into a
temporary folder and fails when the committed modules are stale.

Usage: ``python tools/compile_ui.py`` (from the repository, with the project's environment).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "balti_monitor" / "gui" / "forms"

HEADER = '''"""Generated from ``ui/{ui}`` by ``tools/compile_ui.py`` (pyside6-uic): do not edit, edit the .ui file."""
'''


def uic_program() -> str:
    """``pyside6-uic`` next to the running interpreter (a venv need not be activated), else on the PATH."""
    folder = Path(sys.executable).parent
    for name in ("pyside6-uic", "pyside6-uic.exe"):
        candidate = folder / name
        if candidate.exists():
            return str(candidate)
    found = shutil.which("pyside6-uic")
    if found is None:
        raise SystemExit("pyside6-uic not found: install the project (PySide6-Essentials) first")
    return found


def module_name(ui: Path) -> str:
    """``ui_override_dialog`` for ``override_dialog.ui``."""
    return f"ui_{ui.stem}"


def top_widget_class(ui: Path) -> str:
    """The class of the form's top widget ("QDialog", "QWidget")."""
    widget = ET.parse(ui).getroot().find("widget")
    if widget is None:
        raise SystemExit(f"{ui}: no top widget")
    return widget.attrib["class"]


_ENUM_USE = re.compile(r"\b(Qt|Q[A-Z]\w*)\.([A-Z]\w*)\b")


def _qualify_enums(code: str) -> str:
    """``Qt.RichText`` → ``Qt.TextFormat.RichText``: uic copies the short names the .ui files use, which
    PySide6 accepts at run time but its type stubs (and so mypy) do not."""
    import enum

    from PySide6 import QtCore, QtGui, QtWidgets

    def owner(name: str) -> object:
        for module in (QtWidgets, QtGui, QtCore):
            if hasattr(module, name):
                return getattr(module, name)
        return None

    def qualified(match: re.Match[str]) -> str:
        cls_name, member = match.groups()
        cls = owner(cls_name)
        if cls is None or isinstance(getattr(cls, member, None), type):
            return match.group(0)  # a nested enum or class: already qualified
        for attr_name in dir(cls):
            attr = getattr(cls, attr_name, None)
            if isinstance(attr, type) and issubclass(attr, enum.Enum) and member in attr.__members__:
                return f"{cls_name}.{attr.__name__}.{member}"
        return match.group(0)

    return _ENUM_USE.sub(qualified, code)


def compile_form(ui: Path, uic: str) -> str:
    """The typed Python module for one form."""
    result = subprocess.run(
        [uic, "-g", "python", str(ui)], capture_output=True, text=True, encoding="utf-8", check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"pyside6-uic failed on {ui.name}: {result.stderr}")
    code = result.stdout
    # uic's own banner names a temporary path and version; ours names the source and the tool.
    code = re.sub(r"\A(#.*\n|\s*\n)*", "", code)
    code = _qualify_enums(code)
    top = top_widget_class(ui)
    code = re.sub(r"def setupUi\(self, (\w+)\):", rf"def setupUi(self, \1: {top}) -> None:", code)
    code = re.sub(r"def retranslateUi\(self, (\w+)\):", rf"def retranslateUi(self, \1: {top}) -> None:", code)
    code = re.sub(r"^class (Ui_\w+)\(object\):", r"class \1:", code, flags=re.M)
    code = "\n".join(line.rstrip() for line in code.splitlines()) + "\n"
    return HEADER.format(ui=ui.name) + "\n" + code


def compile_all(target: Path = FORMS_DIR, uic: str | None = None) -> list[Path]:
    """Write one module per ``ui/*.ui`` (and the package marker) into ``target``; the files written."""
    program = uic or uic_program()
    target.mkdir(parents=True, exist_ok=True)
    written = []
    init = target / "__init__.py"
    init.write_text(
        '"""Designer forms compiled by ``tools/compile_ui.py``: one ``ui_<form>.py`` per ``ui/<form>.ui``."""\n',
        encoding="utf-8",
    )
    written.append(init)
    for ui in sorted(UI_DIR.glob("*.ui")):
        path = target / f"{module_name(ui)}.py"
        path.write_text(compile_form(ui, program), encoding="utf-8", newline="\n")
        written.append(path)
    return written


if __name__ == "__main__":
    for path in compile_all():
        print(path.relative_to(ROOT))
