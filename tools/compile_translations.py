"""Compile the translations: the core's gettext catalogues (``balti_monitor/locale/*/LC_MESSAGES/*.po`` →
``.mo`` beside them, with Babel) and the GUI's Qt Linguist catalogues (``ui/balti_monitor_<lang>.ts`` →
``.qm``). Run by ``.ci/run``, ``build_installer.spec`` and the wheel build (``setup.py``); a checkout without
the compiled files still works (``balti_monitor.i18n`` and ``balti_monitor.gui.translations`` compile them
on first use).

    python tools/compile_translations.py                 # .po -> .mo, ui/*.ts -> ui/balti_monitor_<lang>.qm
    python tools/compile_translations.py --qm-out DIR    # the .qm files into DIR instead of ui/
    python tools/compile_translations.py --update        # extract the GUI's strings again first: new ones
                                                         # are added (to translate in Qt Linguist),
                                                         # vanished ones dropped

The ``.po``/``.ts`` files are the sources (committed); ``.mo``/``.qm`` are build output (git-ignored).

Why not ``pyside6-lupdate`` straight onto the ``.ts``: it marks a message as plural ("numerus") only for
``self.tr(text, "", n)``, never for ``QCoreApplication.translate(context, text, "", n)``; here every source
text with ``%n`` is plural, whichever call wrote it, and the existing translations are carried over by
(context, source).

``ui/balti_monitor_ru.ts`` translates everything. ``ui/balti_monitor_ro.ts`` holds only the plural messages:
the sources are Romanian, but one source text cannot say "1 conflict / 2 conflicte / 20 de conflicte".
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from balti_monitor.gui.translations import (  # noqa: E402
    APP_CATALOGUE,
    LANGUAGES,
    compile_catalogue,
    lupdate_program,
)
from balti_monitor.i18n import compile_all as compile_core  # noqa: E402

UI = ROOT / "ui"
#: Qt's name of each catalogue's language (plural rules come from it).
TS_LANGUAGE = {"ro": "ro_RO", "ru": "ru_RU"}
#: Languages whose catalogue holds only the plural messages.
PLURALS_ONLY = {"ro"}

Key = tuple[str, str]  # (context, source)


def ts_path(language: str) -> Path:
    """``ui/balti_monitor_<language>.ts``."""
    return UI / f"{APP_CATALOGUE}_{language}.ts"


def source_files() -> list[Path]:
    """What ``lupdate`` reads: the GUI's modules (not the generated forms) and the Designer forms."""
    gui = ROOT / "balti_monitor" / "gui"
    return sorted(gui.glob("*.py")) + sorted(UI.glob("*.ui"))


class Message:
    """One message of a catalogue."""

    def __init__(self, context: str, source: str, files: list[str]) -> None:
        self.context = context
        self.source = source
        self.files = files
        self.numerus = "%n" in source
        self.translation: str | list[str] = [] if self.numerus else ""
        self.finished = False

    @property
    def key(self) -> Key:
        """(context, source)."""
        return self.context, self.source


def extract() -> list[Message]:
    """Every translatable string of the GUI, in lupdate's order (contexts sorted)."""
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "extract.ts"
        result = subprocess.run(
            [str(lupdate_program()), *map(str, source_files()), "-ts", str(out)],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0 or not out.is_file():
            raise SystemExit(f"lupdate failed: {result.stdout}{result.stderr}")
        root = ET.parse(out).getroot()
    messages: list[Message] = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            files = sorted(
                {
                    Path(loc.get("filename", "")).name
                    for loc in message.iter("location")
                    if loc.get("filename")
                }
            )
            messages.append(Message(name, message.findtext("source") or "", files))
    return messages


def read_ts(path: Path) -> dict[Key, Message]:
    """The messages of an existing ``.ts`` (translations included)."""
    found: dict[Key, Message] = {}
    if not path.is_file():
        return found
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            item = Message(name, message.findtext("source") or "", [])
            node = message.find("translation")
            if node is not None:
                forms = [f.text or "" for f in node.iter("numerusform")]
                item.translation = forms if item.numerus else (node.text or "")
                item.finished = node.get("type") not in ("unfinished", "obsolete", "vanished")
            found[item.key] = item
    return found


def write_ts(path: Path, language: str, messages: list[Message]) -> None:
    """Write a catalogue (contexts in order, one location line per file)."""
    root = ET.Element("TS", {"version": "2.1", "language": TS_LANGUAGE[language], "sourcelanguage": "ro_RO"})
    by_context: dict[str, list[Message]] = {}
    for message in messages:
        by_context.setdefault(message.context, []).append(message)
    for name in sorted(by_context):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for message in by_context[name]:
            node = ET.SubElement(context, "message", {"numerus": "yes"} if message.numerus else {})
            for file in message.files:
                ET.SubElement(node, "location", {"filename": file})
            ET.SubElement(node, "source").text = message.source
            translation = ET.SubElement(
                node, "translation", {} if message.finished else {"type": "unfinished"}
            )
            if message.numerus:
                forms = message.translation if isinstance(message.translation, list) else []
                for form in forms or [""]:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = str(message.translation)
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8")


def update() -> dict[str, int]:
    """Extract again into every catalogue, keeping the translations; returns the unfinished count per
    language."""
    extracted = extract()
    unfinished: dict[str, int] = {}
    for language in LANGUAGES:
        if language == "ro" and not any(m.numerus for m in extracted):
            continue
        old = read_ts(ts_path(language))
        messages = []
        for fresh in extracted:
            if language in PLURALS_ONLY and not fresh.numerus:
                continue
            previous = old.get(fresh.key)
            if previous is not None and previous.numerus == fresh.numerus:
                fresh.translation = previous.translation
                fresh.finished = previous.finished
            messages.append(fresh)
        write_ts(ts_path(language), language, messages)
        unfinished[language] = sum(1 for m in messages if not m.finished)
    return unfinished


def compile_all(out: Path | None = None) -> list[Path]:
    """Compile every ``ui/balti_monitor_<lang>.ts`` into ``out`` (default ``ui/``); returns the files."""
    written = []
    for language in LANGUAGES:
        source = ts_path(language)
        if source.is_file():
            target = (out or UI) / f"{APP_CATALOGUE}_{language}.qm"
            compile_catalogue(source, target)
            written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="extract the strings into the .ts files first")
    parser.add_argument("--qm-out", type=Path, help="folder of the .qm files (default: ui/)")
    args = parser.parse_args(argv)
    for mo in compile_core():
        print(mo)
    if args.update:
        for language, count in update().items():
            print(f"{ts_path(language).relative_to(ROOT)}: {count} unfinished")
    for path in compile_all(args.qm_out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
