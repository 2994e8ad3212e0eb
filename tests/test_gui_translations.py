"""The GUI's catalogues are complete: every string of the interface (extracted again with pyside6-lupdate, as
``tools/compile_translations.py`` does) is translated into Russian, every plural has each language's forms,
and no text of the interface escapes ``tr()``."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import compile_translations as ct  # noqa: E402

GUI = ROOT / "balti_monitor" / "gui"

#: Russian translations identical to the Romanian source, each with its reason. Anything else identical to
#: its source is an untranslated string.
SAME_IN_RUSSIAN = {
    "—": "a dash (no period chosen)",
    "= {n}": "a sum shown under the women/men editor",
    "= {n} ≠ {total}": "a sum shown under the women/men editor",
    "{what} · {name}": "layout only: the column and the subdivision",
    "{name}: {label}": "layout only: the subdivision and a review state",
    "{name}: {rows}, {cols} — {first}": "layout only: a table's name, its counted rows and columns, its head",
    "31.12.2024": "an example date, written the same way in both languages",
    "Formulare retur {code}": "the name of the folder of the return forms, which stay Romanian",
    "Raport PLA Bălți {code}.docx": "the file name of the official report, which stays Romanian",
    "Raport PLA Bălți {code} (revizuire).docx": "the file name of the official report, which stays Romanian",
}


@pytest.fixture(scope="module")
def extracted() -> list[ct.Message]:
    return ct.extract()


@pytest.fixture(scope="module")
def russian() -> dict[ct.Key, ct.Message]:
    return ct.read_ts(ct.ts_path("ru"))


@pytest.fixture(scope="module")
def romanian() -> dict[ct.Key, ct.Message]:
    return ct.read_ts(ct.ts_path("ro"))


def _forms(message: ct.Message) -> list[str]:
    value = message.translation
    return list(value) if isinstance(value, list) else [value]


def test_every_string_of_the_gui_is_translated_into_russian(
    extracted: list[ct.Message], russian: dict[ct.Key, ct.Message]
) -> None:
    assert len(extracted) > 700  # the extraction really read the sources
    missing = [m.key for m in extracted if m.key not in russian]
    assert not missing, (
        f"not in ui/balti_monitor_ru.ts (python tools/compile_translations.py --update): {missing}"
    )
    problems = []
    for fresh in extracted:
        message = russian[fresh.key]
        forms = _forms(message)
        if not message.finished:
            problems.append(("unfinished", fresh.key))
        elif fresh.numerus and (not message.numerus or len(forms) != 3):
            problems.append(("needs the three Russian plural forms", fresh.key))
        elif any(not form.strip() for form in forms):
            problems.append(("empty", fresh.key))
        elif fresh.source in forms and fresh.source not in SAME_IN_RUSSIAN:
            problems.append(("identical to the Romanian source", fresh.key))
    assert not problems, problems


def test_the_catalogues_hold_no_string_the_gui_no_longer_has(
    extracted: list[ct.Message], russian: dict[ct.Key, ct.Message], romanian: dict[ct.Key, ct.Message]
) -> None:
    current = {m.key for m in extracted}
    assert not [k for k in russian if k not in current]
    assert not [k for k in romanian if k not in current]
    assert not [k for k in SAME_IN_RUSSIAN if k not in {m.source for m in extracted}]


def test_romanian_plurals_have_their_three_forms(
    extracted: list[ct.Message], romanian: dict[ct.Key, ct.Message]
) -> None:
    plurals = [m for m in extracted if m.numerus]
    assert len(plurals) > 20
    for fresh in plurals:
        message = romanian.get(fresh.key)
        assert message is not None and message.finished, fresh.key
        one, few, many = _forms(message)
        assert "%n" in one and "%n" in few and "%n" in many, fresh.key
        assert "%n de " in many, f"20 and more take 'de' in Romanian: {fresh.key}"
    assert all(m.numerus for m in romanian.values())  # the Romanian catalogue holds the plurals only


def _placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{\w*\}|%n|%\d", text))


def _tags(text: str) -> list[str]:
    return re.findall(r"</?\w+", text)


def test_translations_keep_placeholders_tags_lines_and_accelerators(
    russian: dict[ct.Key, ct.Message],
) -> None:
    for key, message in russian.items():
        source = message.source
        for form in _forms(message):
            assert _placeholders(form) == _placeholders(source), (key, form)
            assert _tags(form) == _tags(source), (key, form)
            assert form.count("\n") == source.count("\n"), (key, form)
            has_accelerator = "&" in re.sub(r"&\w+;", "", source)
            assert has_accelerator == ("&" in re.sub(r"&\w+;", "", form)), (key, form)


def test_russian_plural_forms_follow_russian_grammar(qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication

    from balti_monitor.gui.translations import install_translations

    try:
        install_translations(QCoreApplication.instance(), "ru")  # type: ignore[arg-type]
        counted = [
            QCoreApplication.translate("FormsPreview", "%n conflicte", "", n) for n in (1, 3, 5, 11, 21)
        ]
        assert counted == ["1 конфликт", "3 конфликта", "5 конфликтов", "11 конфликтов", "21 конфликт"]
        install_translations(QCoreApplication.instance(), "ro")  # type: ignore[arg-type]
        counted = [QCoreApplication.translate("FormsPreview", "%n conflicte", "", n) for n in (1, 3, 20, 101)]
        assert counted == ["1 conflict", "3 conflicte", "20 de conflicte", "101 conflicte"]
    finally:
        install_translations(QCoreApplication.instance(), "ro")  # type: ignore[arg-type]


# --- every text of the interface goes through tr() --------------------------------------------------------


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _translated_literals(path: Path) -> list[tuple[str | None, str, int]]:
    """(context or None for self.tr, source, line) of every literal given to tr/translate/QT_TRANSLATE_NOOP,
    with the class the call is in for ``self.tr``."""
    found: list[tuple[str | None, str, int]] = []

    def visit(node: ast.AST, cls: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            visit(child, child.name if isinstance(child, ast.ClassDef) else cls)
        if isinstance(node, ast.Call):
            name = _call_name(node)
            args = node.args
            if name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2:
                context, source = _literal(args[0]), _literal(args[1])
                if context and source:
                    found.append((context, source, node.lineno))
            elif name == "tr" and args and (text := _literal(args[0])) is not None:
                owner = node.func.value if isinstance(node.func, ast.Attribute) else None
                assert isinstance(owner, ast.Name) and owner.id == "self", (
                    f"{path.name}:{node.lineno}: tr() on something else than self has no context lupdate can see"
                )
                found.append((cls, text, node.lineno))

    visit(ast.parse(path.read_text(encoding="utf-8")), None)
    return found


def test_lupdate_sees_every_translated_literal_under_the_context_used_at_run_time(
    extracted: list[ct.Message],
) -> None:
    keys = {m.key for m in extracted}
    unseen = []
    for path in sorted(GUI.glob("*.py")):
        for context, source, line in _translated_literals(path):
            if (context, source) not in keys:
                unseen.append(f"{path.name}:{line}: ({context!r}, {source[:60]!r})")
    assert not unseen, (
        "lupdate misses these (a call inside an f-string? a count given as a call?):\n" + "\n".join(unseen)
    )


#: Qt calls whose text argument the user reads.
_SHOWN = {
    "setText",
    "setWindowTitle",
    "setToolTip",
    "setStatusTip",
    "setPlaceholderText",
    "showMessage",
    "setTabText",
    "addTab",
    "setTitle",
    "setHorizontalHeaderLabels",
    "setHeaderLabels",
    "setButtonText",
    "setLabelText",
    "QAction",
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "addMenu",
    "information",
    "warning",
    "critical",
    "question",
}


def _words(node: ast.expr) -> bool:
    """A literal (or an f-string's literal part) with a word in it."""
    parts = (
        [node] if isinstance(node, ast.Constant) else node.values if isinstance(node, ast.JoinedStr) else []
    )
    return any(
        isinstance(p, ast.Constant) and isinstance(p.value, str) and re.search(r"[^\W\d_]{2,}", p.value)
        for p in parts
    )


def test_no_text_shown_by_qt_is_written_without_tr() -> None:
    raw = []
    for path in sorted(GUI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _call_name(node) in _SHOWN:
                for arg in node.args:
                    if _words(arg):
                        raw.append(f"{path.name}:{node.lineno}: {ast.unparse(arg)[:80]}")
                    if isinstance(arg, ast.List | ast.Tuple):
                        raw += [
                            f"{path.name}:{node.lineno}: {ast.unparse(e)[:80]}" for e in arg.elts if _words(e)
                        ]
    assert not raw, "texts shown without tr():\n" + "\n".join(raw)


def test_every_designer_form_is_in_the_catalogue(extracted: list[ct.Message]) -> None:
    contexts = {m.context for m in extracted}
    for form in sorted((ROOT / "ui").glob("*.ui")):
        top = re.search(r'<widget class="\w+" name="(\w+)"', form.read_text(encoding="utf-8"))
        klass = re.search(r"<class>(\w+)</class>", form.read_text(encoding="utf-8"))
        assert klass is not None and top is not None
        assert klass.group(1) in contexts, form.name


def test_a_missing_or_stale_catalogue_is_compiled_at_start_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import shutil

    from balti_monitor.gui import translations

    folder = tmp_path / "ui"
    folder.mkdir()
    shutil.copyfile(ct.ts_path("ru"), folder / "balti_monitor_ru.ts")
    monkeypatch.setattr(translations, "resource_path", lambda kind, name: folder / name)
    compiled = translations.catalogue_path("ru")
    assert compiled == folder / "balti_monitor_ru.qm" and compiled.stat().st_size > 10_000
    first = compiled.stat().st_mtime_ns
    assert (
        translations.catalogue_path("ru") == compiled and compiled.stat().st_mtime_ns == first
    )  # up to date
    ts = folder / "balti_monitor_ru.ts"
    os.utime(ts, ns=(first + 10**9, first + 10**9))  # the .ts edited after the compilation
    assert translations.catalogue_path("ru") == compiled and compiled.stat().st_mtime_ns > first
