"""The core in Russian as well as Romanian (issue 17): every message of the core is in the Russian catalogue,
plurals follow each language's rules, the command line follows ``--lang`` / ``LANG``, and the report, the
list of defaulters and the JSON stay Romanian whatever the interface language."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from balti_monitor import i18n
from balti_monitor.cli import main
from balti_monitor.i18n import _, language_from_environment, ngettext, report_texts, set_language

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "balti_monitor"
CYRILLIC = re.compile("[\u0400-\u04ff]")

#: Russian texts that may equal the Romanian msgid, and why.
SAME_IN_RUSSIAN: dict[str, str] = {}


def _is_core(path: str) -> bool:
    return not path.replace("\\", "/").startswith("gui/")


def core_messages() -> dict[str | tuple[str, ...], list[str]]:
    """msgid (a tuple for plurals) → where it is used, extracted by Babel as ``pybabel extract`` does."""
    found: dict[str | tuple[str, ...], list[str]] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords={"_": None, "N_": None, "ngettext": (1, 2)}
    ):
        if not _is_core(filename):
            continue
        key = message if isinstance(message, str) else tuple(message)
        found.setdefault(key, []).append(f"{filename}:{lineno}")
    return found


def catalogue(language: str) -> dict[str | tuple[str, ...], str | tuple[str, ...]]:
    po, _mo = i18n.catalogue_paths(language)
    with po.open("rb") as stream:
        cat = read_po(stream)
    return {m.id if isinstance(m.id, str) else tuple(m.id): m.string for m in cat if m.id}


def _fields(text: str) -> set[str]:
    """The replacement fields of a str.format / %-format message."""
    braces = {m.group(1) for m in re.finditer(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)[^{}]*\}", text)}
    percents = set(re.findall(r"%\((\w+)\)[sdr]", text)) | ({"%s"} if "%s" in text else set())
    return braces | percents


@pytest.fixture
def language() -> Iterator[None]:
    """Whatever a test sets, the next one starts in Romanian."""
    try:
        yield
    finally:
        set_language("ro")


# --- the catalogues -----------------------------------------------------------------------------------------


def test_every_core_message_is_in_the_russian_catalogue_translated() -> None:
    messages = core_messages()
    assert len(messages) > 500, "the extraction found too few messages: is Babel's keyword list right?"
    russian = catalogue("ru")
    missing = [f"{mid!r} ({where[0]})" for mid, where in messages.items() if mid not in russian]
    assert not missing, "not in balti_monitor/locale/ru/LC_MESSAGES/balti_monitor.po:\n" + "\n".join(missing)
    problems = []
    for mid in messages:
        text = russian[mid]
        forms = list(text) if isinstance(text, tuple) else [text]
        sources = list(mid) if isinstance(mid, tuple) else [mid]
        if isinstance(mid, tuple) and len(forms) != 3:
            problems.append(f"{mid!r}: {len(forms)} plural forms, Russian has 3")
        for form in forms:
            if not form.strip():
                problems.append(f"{mid!r}: empty Russian text")
            elif form in sources and form not in SAME_IN_RUSSIAN:
                problems.append(
                    f"{mid!r}: the Russian text is the Romanian one (add it to SAME_IN_RUSSIAN with why)"
                )
            elif _fields(form) != _fields(sources[-1]) and _fields(form) != _fields(sources[0]):
                problems.append(f"{mid!r}: fields {sorted(_fields(form))} differ from the Romanian ones")
            elif form.endswith("\n") != sources[0].endswith("\n"):
                problems.append(f"{mid!r}: the final line break differs")
    assert not problems, "\n".join(problems)


def test_romanian_catalogue_gives_every_plural_message_three_forms() -> None:
    plurals = [mid for mid in core_messages() if isinstance(mid, tuple)]
    assert plurals
    romanian = catalogue("ro")
    for mid in plurals:
        forms = romanian.get(mid)
        assert isinstance(forms, tuple) and len(forms) == 3 and all(forms), f"{mid!r} in the ro catalogue"
        assert forms[0] == mid[0] and forms[1] == mid[1], mid
        if re.search(r"(\{\w+\}|%s) [a-zăâîșț]", mid[1]):  # a number before its noun: "20 de conflicte"
            assert " de " in forms[2].replace(mid[1], ""), f"{mid!r}: the third form needs „de” (20 de …)"


def test_every_gettext_call_of_the_core_has_literal_messages() -> None:
    """``_(variable)`` is only for a constant marked with ``N_`` elsewhere; a message built at run time
    (an f-string, a concatenation) could never be in the catalogue."""
    bad = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative.startswith("gui/") or relative == "i18n.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            name = node.func.id
            literal = [a for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if name == "N_" and len(literal) != 1:
                bad.append(f"{relative}:{node.lineno}: N_() of something else than one literal")
            elif name == "ngettext" and (len(node.args) != 3 or len(literal) != 2):
                bad.append(f"{relative}:{node.lineno}: ngettext() needs two literal messages and a number")
            elif name == "_" and node.args and isinstance(node.args[0], ast.JoinedStr | ast.BinOp):
                bad.append(f"{relative}:{node.lineno}: _() of an f-string or a concatenation")
    assert not bad, "\n".join(bad)


def test_no_message_is_translated_at_import_time() -> None:
    """A module-level ``_()`` would freeze the language of whoever imported the module first."""
    bad = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative.startswith("gui/"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        inside: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                inside.update(id(child) for child in ast.walk(node))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "ngettext")
                and id(node) not in inside
            ):
                bad.append(f"{relative}:{node.lineno}")
    assert not bad, "translated at import (use N_ and translate where shown): " + ", ".join(bad)


# --- plurals ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "1 конфликт"),
        (2, "2 конфликта"),
        (5, "5 конфликтов"),
        (11, "11 конфликтов"),
        (21, "21 конфликт"),
        (22, "22 конфликта"),
        (25, "25 конфликтов"),
        (111, "111 конфликтов"),
    ],
)
def test_russian_plural_forms(n: int, expected: str, language: None) -> None:
    set_language("ru")
    assert ngettext("{n} conflict", "{n} conflicte", n).format(n=n) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "1 conflict"),
        (2, "2 conflicte"),
        (19, "19 conflicte"),
        (20, "20 de conflicte"),
        (101, "101 conflicte"),
    ],
)
def test_romanian_plural_forms(n: int, expected: str, language: None) -> None:
    set_language("ro")
    assert ngettext("{n} conflict", "{n} conflicte", n).format(n=n) == expected


def test_romanian_rows_summary_says_de_from_twenty(language: None) -> None:
    from balti_monitor.services.forms_import import ChangeKind, _rows_phrase

    assert _rows_phrase(ChangeKind.NEW, 1) == "1 rând nou"
    assert _rows_phrase(ChangeKind.NEW, 3) == "3 rânduri noi"
    assert _rows_phrase(ChangeKind.UNCHANGED, 40) == "40 de rânduri neschimbate"
    set_language("ru")
    assert _rows_phrase(ChangeKind.UNCHANGED, 40) == "40 строк без изменений"
    assert _rows_phrase(ChangeKind.NEW, 21) == "21 новая строка"


# --- language choice ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "ro"),
        ({"LANG": "ru_RU.UTF-8"}, "ru"),
        ({"LANG": "ru_MD.UTF-8"}, "ru"),
        ({"LANG": "ro_MD.UTF-8"}, "ro"),
        ({"LANG": "C.UTF-8"}, "ro"),
        ({"LANG": "en_US.UTF-8"}, "ro"),
        ({"LC_MESSAGES": "ru_RU.UTF-8", "LANG": "ro_RO.UTF-8"}, "ru"),
        ({"LC_ALL": "ro_RO.UTF-8", "LC_MESSAGES": "ru_RU.UTF-8"}, "ro"),
        ({"LANGUAGE": "en:ru", "LANG": "ro_RO.UTF-8"}, "ru"),
        ({"LANGUAGE": "", "LANG": "ru_RU"}, "ru"),
    ],
)
def test_language_from_the_environment(environ: dict[str, str], expected: str) -> None:
    assert language_from_environment(environ) == expected


def test_unknown_language_is_refused(language: None) -> None:
    with pytest.raises(ValueError):
        set_language("en")
    assert i18n.current_language() == "ro"


def test_report_texts_are_romanian_in_russian_mode(language: None) -> None:
    set_language("ru")
    assert _("Fișierul nu există.") == "Файл не существует."
    with report_texts():
        assert _("Fișierul nu există.") == "Fișierul nu există."
        assert ngettext("{n} conflict", "{n} conflicte", 20).format(n=20) == "20 de conflicte"
    assert _("Fișierul nu există.") == "Файл не существует."


# --- the command line ---------------------------------------------------------------------------------------


def _clean_environment(monkeypatch: pytest.MonkeyPatch, **values: str) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in values.items():
        monkeypatch.setenv(name, value)


def test_check_in_russian_with_the_option(
    demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _clean_environment(monkeypatch)
    db = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_file, db)
    assert main(["--lang", "ru", "--db", str(db), "check", "--period", "2023-S1"]) == 1
    out = capsys.readouterr().out
    assert "Индикатор требует разбивки на женщин и мужчин" in out
    assert "1.13 · Индикатор 2" in out
    assert "Indicatorul cere" not in out
    assert i18n.current_language() == "ro", "an in-process run must leave the caller's language alone"
    # after the sub-command, like --db
    assert main(["--db", str(db), "check", "--period", "2023-S1", "--lang", "ru"]) == 1
    assert "Индикатор требует разбивки" in capsys.readouterr().out


def test_check_follows_lang_and_defaults_to_romanian(
    demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_file, db)
    _clean_environment(monkeypatch, LANG="ru_RU.UTF-8")
    assert main(["--db", str(db), "check", "--period", "2023-S1"]) == 1
    assert "Индикатор требует разбивки" in capsys.readouterr().out
    assert main(["--lang", "ro", "--db", str(db), "check", "--period", "2023-S1"]) == 1
    assert "Indicatorul cere repartizarea femei/bărbați" in capsys.readouterr().out
    _clean_environment(monkeypatch)
    assert main(["--db", str(db), "check", "--period", "2023-S1"]) == 1
    out = capsys.readouterr().out
    assert "Indicatorul cere repartizarea femei/bărbați" in out
    assert not CYRILLIC.search(out)


def test_help_and_argument_errors_in_russian(tmp_path: Path) -> None:
    env = {"PATH": "", "LANG": "ru_RU.UTF-8", "PYTHONIOENCODING": "utf-8", "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "balti_monitor", "check"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env={**env, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 2
    assert "Использование: balti-monitor check" in result.stderr
    assert "Ошибка: отсутствуют обязательные аргументы: --period" in result.stderr
    helped = subprocess.run(
        [sys.executable, "-m", "balti_monitor", "--lang", "ru", "--help"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env={**env, "LANG": "C", "PYTHONPATH": str(ROOT)},
    )
    assert helped.returncode == 0
    assert "показать эту справку и выйти" in helped.stdout
    assert "экспортирует семестровый отчёт в Word (.docx)" in helped.stdout


def test_unknown_language_option_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--lang", "en", "check", "--period", "2023-S1"])
    assert stop.value.code == 2
    assert "--lang" in capsys.readouterr().err


# --- what stays Romanian ------------------------------------------------------------------------------------


def test_export_in_russian_mode_writes_the_romanian_report(
    demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _clean_environment(monkeypatch, LANG="ru_RU.UTF-8")
    db = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_file, db)
    report = tmp_path / "raport.docx"
    review = tmp_path / "revizuire.docx"
    data = tmp_path / "date.json"
    assert main(["--db", str(db), "export", "--period", "2023-S1", "--out", str(report), "--quiet"]) == 0
    assert (
        main(["--db", str(db), "export", "--period", "2023-S1", "--out", str(review), "--review", "--quiet"])
        == 0
    )
    assert main(["--db", str(db), "export-json", "--out", str(data)]) == 0
    messages = capsys.readouterr().out
    assert CYRILLIC.search(messages), "the command itself speaks Russian"
    for document in (report, review):
        with zipfile.ZipFile(document) as package:
            xml = "".join(
                package.read(name).decode("utf-8") for name in package.namelist() if name.endswith(".xml")
            )
        assert not CYRILLIC.search(xml), f"Cyrillic in {document.name}"
        assert "Numărul de subdiviziuni care au realizat toți indicatorii" in xml
    with zipfile.ZipFile(review) as package:
        comments = package.read("word/comments.xml").decode("utf-8")
    assert "Indicatorul cere repartizarea femei/bărbați" in comments
    assert not CYRILLIC.search(data.read_text(encoding="utf-8"))
    # the same document as in Romanian: byte for byte
    _clean_environment(monkeypatch)
    again = tmp_path / "raport-ro.docx"
    assert main(["--db", str(db), "export", "--period", "2023-S1", "--out", str(again), "--quiet"]) == 0
    assert again.read_bytes() == report.read_bytes()


def test_acknowledgement_holds_in_either_language(demo_db: Path, language: None) -> None:
    from balti_monitor.db.models import Plan
    from balti_monitor.domain.checks import check_action, fingerprint
    from balti_monitor.services.grids import load_grids
    from balti_monitor.services.periods import find_period, parse_period_code

    plan = Plan.select().first()
    period = find_period(plan, parse_period_code("2023-S1"))
    grids = load_grids(period)
    romanian = {a: [(f.key, fingerprint(g, f), f.message) for f in check_action(g)] for a, g in grids.items()}
    set_language("ru")
    russian = {a: [(f.key, fingerprint(g, f), f.message) for f in check_action(g)] for a, g in grids.items()}
    assert any(CYRILLIC.search(m) for found in russian.values() for _k, _f, m in found)
    assert {a: [(k, f) for k, f, _m in v] for a, v in romanian.items()} == {
        a: [(k, f) for k, f, _m in v] for a, v in russian.items()
    }


def test_list_of_defaulters_stays_romanian(demo_db: Path, tmp_path: Path, language: None) -> None:
    from openpyxl import load_workbook

    from balti_monitor.db.models import Plan
    from balti_monitor.export.completeness import write_overdue_xlsx
    from balti_monitor.services.completeness import period_completeness
    from balti_monitor.services.periods import find_period, parse_period_code

    set_language("ru")
    period = find_period(Plan.select().first(), parse_period_code("2023-S1"))
    written = write_overdue_xlsx(period_completeness(period.id), tmp_path / "lista.xlsx", "10.07.2023")
    book = load_workbook(written)
    texts = [str(c.value) for sheet in book.worksheets for row in sheet.iter_rows() for c in row if c.value]
    assert any("informația nu a fost prezentată" in t for t in texts)
    assert not any(CYRILLIC.search(t) for t in texts)


# --- loading --------------------------------------------------------------------------------------------------


def test_importing_i18n_is_cheap_and_babel_is_not_loaded_at_run_time() -> None:
    i18n.compile_all()  # the build step: the .mo files exist, as in an installation
    code = (
        "import sys; import balti_monitor.i18n as i; "
        "heavy = [m for m in ('babel', 'gettext', 'threading') if m in sys.modules]; "
        "i.set_language('ru'); text = i._('Fișierul nu există.'); "
        "print(heavy, 'babel' in sys.modules, text)"
    )
    result = subprocess.run(
        [sys.executable, "-I", "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        check=True,
    )
    assert result.stdout.strip() == "[] False Файл не существует.", result.stdout + result.stderr


def test_a_checkout_without_compiled_catalogues_compiles_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: None
) -> None:
    locale = tmp_path / "locale"
    shutil.copytree(PACKAGE / "locale", locale, ignore=shutil.ignore_patterns("*.mo"))
    monkeypatch.setattr(i18n, "_LOCALE_DIR", str(locale))
    monkeypatch.setattr(i18n, "_catalogues", {})
    set_language("ru")
    assert _("Fișierul nu există.") == "Файл не существует."
    assert (locale / "ru" / "LC_MESSAGES" / "balti_monitor.mo").is_file()


def test_the_catalogues_are_committed_as_po_only() -> None:
    tracked = subprocess.run(
        ["git", "ls-files", "balti_monitor/locale"], capture_output=True, text=True, cwd=ROOT, check=False
    ).stdout.split()
    assert sorted(tracked) == [
        "balti_monitor/locale/ro/LC_MESSAGES/balti_monitor.po",
        "balti_monitor/locale/ru/LC_MESSAGES/balti_monitor.po",
    ]


def test_report_language_modules_exist() -> None:
    import importlib

    for name in i18n.REPORT_LANGUAGE_MODULES:
        importlib.import_module(name)


#: Romanian literals given to an error, a finding, print or argparse that stay Romanian on purpose, and why
#: (as "path:text" prefixes).
ROMANIAN_ON_PURPOSE: dict[str, str] = {}

_SHOWN_BY = ("fail", "print", "echo", "add_argument", "add_parser", "Finding", "_finding")
_ROMANIAN = re.compile("[ăâîșțĂÂÎȘȚ]")


def test_no_romanian_message_of_the_core_bypasses_the_catalogue() -> None:
    """A message the user reads (an error, a finding, the CLI's output and help) written as a bare
    Romanian literal would stay Romanian in Russian mode; every one goes through ``_()``/``N_()``."""
    bare = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative.startswith("gui/") or relative == "i18n.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        wrapped = {
            id(inner)
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("_", "N_", "ngettext")
            for inner in ast.walk(node)
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = (
                func.id
                if isinstance(func, ast.Name)
                else func.attr
                if isinstance(func, ast.Attribute)
                else ""
            )
            if not (name.endswith(("Error", "Refused")) or name in _SHOWN_BY):
                continue
            for argument in [*node.args, *(k.value for k in node.keywords)]:
                for inner in ast.walk(argument):
                    if (
                        id(inner) not in wrapped
                        and isinstance(inner, ast.Constant)
                        and isinstance(inner.value, str)
                        and _ROMANIAN.search(inner.value)
                        and not any(f"{relative}:{inner.value}".startswith(p) for p in ROMANIAN_ON_PURPOSE)
                    ):
                        bare.append(f"{relative}:{inner.lineno}: {inner.value[:80]!r}")
    assert not bare, f"{len(bare)} Romanian messages outside _():\n" + "\n".join(sorted(set(bare)))


def test_every_placeholder_of_the_command_line_help_is_translated(language: None) -> None:
    """``--help`` in Russian names each argument's value in Russian (``--action КОД``, not ``--action COD``):
    the placeholders (argparse's metavars) of every command, read as the user's ``--help`` shows them."""
    import argparse

    from balti_monitor.cli import COMMANDS, build_parser

    def metavars(language_code: str) -> dict[tuple[str, str], str]:
        set_language(language_code)
        found: dict[tuple[str, str], str] = {}
        for command in COMMANDS:
            parser = build_parser(command)
            sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
            for action in sub.choices[command]._actions:
                names = tuple(action.metavar) if isinstance(action.metavar, tuple) else (action.metavar,)
                for i, name in enumerate(names):
                    if name:
                        found[(command, f"{action.dest}{i}")] = str(name)
        return found

    romanian, russian = metavars("ro"), metavars("ru")
    assert romanian.keys() == russian.keys() and romanian
    untranslated = sorted(
        f"{cmd} {dest}: {romanian[cmd, dest]}"
        for cmd, dest in romanian
        if romanian[cmd, dest] == russian[cmd, dest]
    )
    assert not untranslated, untranslated
