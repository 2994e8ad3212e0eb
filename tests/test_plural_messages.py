"""Counted messages of the core take each language's plural forms (issue 17: no "1 conflicte", no
"rândurile 168" for one row).

A static scan finds the messages a number or a list of any length is put into next to a word, and
requires them to go through ``ngettext``; behavioural tests render the messages fixed for that with 1, 2, 5
and 21 in Romanian and Russian and compare with texts written by hand."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from balti_monitor.i18n import set_language

PACKAGE = Path(__file__).resolve().parent.parent / "balti_monitor"

#: Names of a placeholder or of the variable/attribute filling it that hold a count.
COUNT_NAME = re.compile(r"^(n|count|total|size|times|n_\w+|\w+_count|\w+_n)$")
#: Calls whose result is a number.
NUMBER_CALLS = {"len", "sum", "int", "abs", "round"}
#: A word after a placeholder (optionally "de ", Romanian's 20+ form): the noun a count is put before.
WORD_AFTER = r"\s+(?:de\s+)?[a-zăâîșț]"
#: A word before a placeholder: the (plural) noun a list is put after ("rândurile {rows}").
WORD_BEFORE = re.compile(r"[A-Za-zĂÂÎȘȚăâîșț]{3,}\s+$")

#: Messages of the core that the scan flags but need no plural form, each with why. Key: (module relative to
#: balti_monitor/, the placeholder, the start of the message).
ALLOWED: dict[tuple[str, str, str], str] = {
    ("db/postgres.py", "version", "Baza de date „{name}” are structura versiunii {version} și"): (
        "a version number (an int), not a count; the word after it is „și”"
    ),
    ("interchange/json_io.py", "versions", "$.version: versiunea {value!r} nu este cunoscută"): (
        "the constant list of the versions this program reads: always two or more"
    ),
    ("interchange/report_reader.py", "count", "indicatorii {value}–{count} rămân"): (
        "the last number of a range of two or more; one indicator has its own message"
    ),
    ("services/server_setup.py", "roles", "Numele „{name}” nu poate fi folosit"): (
        "after „decât” (than): the constant list of the reserved role names, no agreement"
    ),
}


def _module_constants(tree: ast.Module) -> dict[str, ast.expr]:
    found: dict[str, ast.expr] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            found[node.targets[0].id] = node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value:
            found[node.target.id] = node.value
    return found


def _local_assignments(function: ast.AST | None) -> dict[str, ast.expr]:
    found: dict[str, ast.expr] = {}
    if function is None:
        return found
    for node in ast.walk(function):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found[target.id] = node.value
                elif isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple):
                    for t, v in zip(target.elts, node.value.elts, strict=False):
                        if isinstance(t, ast.Name):
                            found[t.id] = v
    return found


def _kind(expr: ast.expr, scope: dict[str, ast.expr], depth: int = 0) -> str | None:
    """ "count", "list" or None: what a value put into a message is, as far as the source says."""
    if depth > 4:
        return None
    if isinstance(expr, ast.Constant):
        return "count" if isinstance(expr.value, int | float) and not isinstance(expr.value, bool) else None
    if isinstance(expr, ast.Call):
        if isinstance(expr.func, ast.Name) and expr.func.id in NUMBER_CALLS:
            return "count"
        if isinstance(expr.func, ast.Attribute) and expr.func.attr == "join":
            return "list"
        return None
    if isinstance(expr, ast.BinOp):
        kinds = {_kind(expr.left, scope, depth + 1), _kind(expr.right, scope, depth + 1)}
        return "list" if "list" in kinds else "count" if "count" in kinds else None
    if isinstance(expr, ast.UnaryOp):
        return _kind(expr.operand, scope, depth + 1)
    if isinstance(expr, ast.Name):
        if expr.id in scope and scope[expr.id] is not expr:
            found = _kind(scope[expr.id], scope, depth + 1)
            if found:
                return found
        return "count" if COUNT_NAME.match(expr.id) else None
    if isinstance(expr, ast.Attribute):
        return "count" if COUNT_NAME.match(expr.attr) else None
    return None


def _messages(tree: ast.Module) -> Iterator[tuple[str, dict[str, ast.expr], ast.AST | None]]:
    """(message, the values given for its fields, the enclosing function) of every ``_()`` / ``N_()``."""
    parents: dict[ast.AST, ast.AST] = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("_", "N_")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            continue
        values: dict[str, ast.expr] = {}
        parent = parents.get(node)
        if isinstance(parent, ast.Attribute) and parent.attr == "format":
            parent = parents.get(parent)  # _("…").format(...)
        if isinstance(parent, ast.Call):  # .format(...) or _says(N_("…"), ...)
            values = {k.arg: k.value for k in parent.keywords if k.arg}
        function: ast.AST | None = node
        while function is not None and not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            function = parents.get(function)
        yield node.args[0].value, values, function


def flagged_in(tree: ast.Module) -> list[tuple[str, str]]:
    """(placeholder, message) of each ``_()`` message of ``tree`` that puts a count before a word or a list
    after a word: the Romanian or Russian grammar of that word depends on the number."""
    found = []
    constants = _module_constants(tree)
    for message, values, function in _messages(tree):
        scope = {**constants, **_local_assignments(function)}
        for match in re.finditer(r"(?<!\{)\{(\w+)[^{}]*\}", message):
            field = match.group(1)
            value = values.get(field)
            kind = _kind(value, scope) if value is not None else _kind(ast.Name(field), scope)
            after = message[match.end() :]
            before = message[: match.start()]
            if (kind == "count" and re.match(WORD_AFTER, after)) or (
                kind == "list" and WORD_BEFORE.search(before)
            ):
                found.append((field, message))
    return found


def counted_messages_outside_ngettext() -> list[tuple[str, str, str]]:
    """(module, placeholder, message) of every core module's :func:`flagged_in`."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if not relative.startswith("gui/"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            found += [(relative, field, message) for field, message in flagged_in(tree)]
    return found


def test_no_counted_message_of_the_core_bypasses_ngettext() -> None:
    found = counted_messages_outside_ngettext()
    flagged = [
        f"{module}: {{{field}}} in {message!r}"
        for module, field, message in found
        if not any(module == m and field == f and message.startswith(s) for m, f, s in ALLOWED)
    ]
    assert not flagged, (
        "a count or a list next to a word must use ngettext (or be listed in ALLOWED with why):\n"
        + "\n".join(flagged)
    )
    stale = [
        k for k in ALLOWED if not any(k[0] == m and k[1] == f and msg.startswith(k[2]) for m, f, msg in found)
    ]
    assert not stale, f"ALLOWED lists messages the scan no longer flags: {stale}"


def test_the_scan_flags_the_messages_as_they_were_before_the_fix() -> None:
    """The stray-rows warning as it was ("rândurile 168 conțin …" for one row) and a count before its
    noun outside ngettext are flagged; the same texts through ngettext, or a label "Rânduri: {n}", are not."""
    before = """
def warn(raw):
    rows_text = ", ".join(str(n) for n in raw.stray[:5])
    return _("rândurile {rows_text} conțin date în afara rândurilor formularului.").format(rows_text=rows_text)

def imported(result, files):
    return _("Importat: {applied} celule din {n_files} formulare.").format(applied=result.applied, n_files=len(files))

def label(rows):
    return _("Rânduri: {n}.").format(n=len(rows))

def fixed(raw):
    return ngettext("{n} rând ignorat", "{n} rânduri ignorate", len(raw.stray)).format(n=len(raw.stray))
"""
    assert flagged_in(ast.parse(before)) == [
        ("rows_text", "rândurile {rows_text} conțin date în afara rândurilor formularului."),
        ("n_files", "Importat: {applied} celule din {n_files} formulare."),
    ]


# --- the fixed messages, rendered -------------------------------------------------------------------------


@pytest.fixture
def language() -> Iterator[None]:
    try:
        yield
    finally:
        set_language("ro")


STRAY_ONE = "{n} rând cu date în afara formularului a fost ignorat (rândul {rows_text} al foii)."
STRAY_MANY = "{n} rânduri cu date în afara formularului au fost ignorate (rândurile {rows_text} ale foii)."


@pytest.mark.parametrize(
    ("lang", "n", "expected"),
    [
        ("ro", 1, "1 rând cu date în afara formularului a fost ignorat (rândul R al foii)."),
        ("ro", 2, "2 rânduri cu date în afara formularului au fost ignorate (rândurile R ale foii)."),
        ("ro", 5, "5 rânduri cu date în afara formularului au fost ignorate (rândurile R ale foii)."),
        ("ro", 21, "21 de rânduri cu date în afara formularului au fost ignorate (rândurile R ale foii)."),
        ("ru", 1, "1 строка с данными вне строк формы проигнорирована (№ в листе: R)."),
        ("ru", 2, "2 строки с данными вне строк формы проигнорированы (№ в листе: R)."),
        ("ru", 5, "5 строк с данными вне строк формы проигнорировано (№ в листе: R)."),
        ("ru", 21, "21 строка с данными вне строк формы проигнорирована (№ в листе: R)."),
    ],
)
def test_stray_rows_warning_agrees_with_its_count(lang: str, n: int, expected: str, language: None) -> None:
    from balti_monitor.i18n import ngettext

    set_language(lang)
    assert ngettext(STRAY_ONE, STRAY_MANY, n).format(n=n, rows_text="R") == expected


@pytest.mark.parametrize(
    ("lang", "size", "expected"),
    [
        ("ro", 1, "1 octet"),
        ("ro", 2, "2 octeți"),
        ("ro", 5, "5 octeți"),
        ("ro", 21, "21 de octeți"),
        ("ru", 1, "1 байт"),
        ("ru", 2, "2 байта"),
        ("ru", 5, "5 байт"),
        ("ru", 21, "21 байт"),
    ],
)
def test_file_size_in_bytes(lang: str, size: int, expected: str, language: None) -> None:
    from balti_monitor.services.file_report import format_size

    set_language(lang)
    assert format_size(size) == expected


@pytest.mark.parametrize(
    ("lang", "extra", "expected"),
    [
        ("ro", 1, "(20001 caractere;"),  # 20 001: the last two digits decide, 01 takes no „de”
        ("ro", 2, "(20002 caractere;"),
        ("ro", 5, "(20005 caractere;"),
        ("ro", 21, "(20021 de caractere;"),
        ("ru", 1, "(20001 символ;"),
        ("ru", 2, "(20002 символа;"),
        ("ru", 5, "(20005 символов;"),
        ("ru", 21, "(20021 символ;"),
    ],
)
def test_too_long_value_counts_its_characters(lang: str, extra: int, expected: str, language: None) -> None:
    from balti_monitor.services.values import MAX_VALUE_LENGTH, validate_value

    assert MAX_VALUE_LENGTH == 20_000  # the expected texts above are written for it
    set_language(lang)
    message = validate_value("x" * (MAX_VALUE_LENGTH + extra))
    assert message is not None and expected in message


@pytest.mark.parametrize(
    ("lang", "count", "expected"),
    [
        ("ro", 1, "lipsește valoarea indicatorului 1"),
        ("ro", 2, "lipsesc valorile indicatorilor 1, 2"),
        ("ro", 5, "lipsesc valorile indicatorilor 1, 2, 3, 4, 5"),
        ("ru", 1, "нет значения индикатора 1"),
        ("ru", 2, "нет значений индикаторов 1, 2"),
        ("ru", 21, "нет значений индикаторов " + ", ".join(str(i) for i in range(1, 22))),
    ],
)
def test_missing_indicators_list_agrees_with_its_length(
    lang: str, count: int, expected: str, language: None
) -> None:
    """A list, not a count: 21 indicators are plural in Russian too (not the singular form of 21)."""
    from balti_monitor.services.completeness import describe_owed

    class Owed:
        state = "partial"
        missing_indicators = tuple(range(1, count + 1))

    set_language(lang)
    assert describe_owed(Owed()) == expected  # type: ignore[arg-type]


# --- the GUI's messages (tr / translate, Qt numerus with %n) ----------------------------------------------

#: GUI messages the scan flags but need no plural form, each with why. Key: (module in gui/, placeholder,
#: the start of the message).
GUI_ALLOWED: dict[tuple[str, str, str], str] = {
    ("forms_out_dialog.py", "n", "Alese: {n} din {total}"): (
        "a label, „Alese: 3 din 12” (chosen: 3 of 12): „din” is a preposition, nothing agrees with the number"
    ),
    ("marks.py", "all", "Subdiviziuni: {all} cu toți"): (
        "a label („Subdiviziuni:”) then counts each followed by a phrase with „cu”/„fără”, which does not "
        "agree with the number in Romanian or Russian"
    ),
    ("marks.py", "arrears", "Subdiviziuni: {all} cu toți"): "the same label",
    ("marks.py", "none", "Subdiviziuni: {all} cu toți"): "the same label",
}


class _AsGettext(ast.NodeTransformer):
    """``self.tr("…")`` / ``translate(context, "…")`` without a count → ``_("…")``, so :func:`flagged_in`
    reads the GUI like the core (calls with a count, Qt numerus, are left alone)."""

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        text: ast.expr | None = None
        if name == "tr" and len(node.args) == 1:
            text = node.args[0]
        elif name == "translate" and len(node.args) == 2:
            text = node.args[1]
        if isinstance(text, ast.Constant) and isinstance(text.value, str):
            return ast.copy_location(ast.Call(func=ast.Name("_"), args=[text], keywords=node.keywords), node)
        return node


def test_no_counted_message_of_the_gui_bypasses_numerus() -> None:
    found = []
    for path in sorted((PACKAGE / "gui").glob("*.py")):
        tree = _AsGettext().visit(ast.parse(path.read_text(encoding="utf-8")))
        found += [(path.name, field, message) for field, message in flagged_in(tree)]
    flagged = [
        f"gui/{module}: {{{field}}} in {message!r}"
        for module, field, message in found
        if not any(module == m and field == f and message.startswith(s) for m, f, s in GUI_ALLOWED)
    ]
    assert not flagged, (
        'a count before a word needs Qt\'s numerus: self.tr("… %n …", "", n) with its forms in ui/*.ts '
        "(or GUI_ALLOWED with why):\n" + "\n".join(flagged)
    )
    stale = [
        k
        for k in GUI_ALLOWED
        if not any(k[0] == m and k[1] == f and msg.startswith(k[2]) for m, f, msg in found)
    ]
    assert not stale, f"GUI_ALLOWED lists messages the scan no longer flags: {stale}"


def test_translate_gets_its_count_as_a_plain_name() -> None:
    """``pyside6-lupdate`` skips ``translate(context, "… %n …", "", len(x))`` (or ``x.count``, ``n - 1``)
    without a word: the message is then in no catalogue and shows Romanian in Russian. ``self.tr`` reads
    any expression."""
    bad = []
    for path in sorted((PACKAGE / "gui").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or len(node.args) < 4:
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name == "translate" and not isinstance(node.args[3], ast.Name | ast.Constant):
                bad.append(f"gui/{path.name}:{node.lineno}")
    assert not bad, "give translate() its count as a plain name: " + ", ".join(bad)


GUI_COUNTED = [
    # (context, source, language, n, expected): written by hand
    ("FormsActions", "%n celule scrise", "ro", 1, "1 celulă scrisă"),
    ("FormsActions", "%n celule scrise", "ro", 2, "2 celule scrise"),
    ("FormsActions", "%n celule scrise", "ro", 5, "5 celule scrise"),
    ("FormsActions", "%n celule scrise", "ro", 21, "21 de celule scrise"),
    ("FormsActions", "%n celule scrise", "ru", 1, "записана 1 ячейка"),
    ("FormsActions", "%n celule scrise", "ru", 2, "записаны 2 ячейки"),
    ("FormsActions", "%n celule scrise", "ru", 5, "записано 5 ячеек"),
    ("FormsActions", "%n celule scrise", "ru", 21, "записана 21 ячейка"),
    ("FormsActions", "din %n formulare", "ro", 1, "din 1 formular"),
    ("FormsActions", "din %n formulare", "ro", 21, "din 21 de formulare"),
    ("FormsActions", "din %n formulare", "ru", 1, "из 1 формы"),
    ("FormsActions", "din %n formulare", "ru", 2, "из 2 форм"),  # genitive after „из”, not „2 формы”
    ("FormsActions", "din %n formulare", "ru", 21, "из 21 формы"),
    ("FindingsPage", "%n constatări deschise", "ro", 1, "1 constatare deschisă"),
    ("FindingsPage", "%n constatări deschise", "ro", 5, "5 constatări deschise"),
    ("FindingsPage", "%n constatări deschise", "ro", 21, "21 de constatări deschise"),
    ("FindingsPage", "%n constatări deschise", "ru", 1, "1 открытое замечание"),
    ("FindingsPage", "%n constatări deschise", "ru", 2, "2 открытых замечания"),
    ("FindingsPage", "%n constatări deschise", "ru", 5, "5 открытых замечаний"),
    ("FindingsPage", "%n confirmate", "ro", 1, "1 confirmată"),
    ("FindingsPage", "%n confirmate", "ro", 2, "2 confirmate"),
    (
        "FollowupsDialog",
        "Perioada {code}: %n comentarii de clarificat.",
        "ro",
        1,
        "Perioada {code}: 1 comentariu de clarificat.",
    ),
    (
        "FollowupsDialog",
        "Perioada {code}: %n comentarii de clarificat.",
        "ro",
        21,
        "Perioada {code}: 21 de comentarii de clarificat.",
    ),
    (
        "FollowupsDialog",
        "Perioada {code}: %n comentarii de clarificat.",
        "ru",
        2,
        "Период {code}: 2 комментария для уточнения.",
    ),
    (
        "FollowupsDialog",
        "Perioada {code}: %n comentarii de clarificat.",
        "ru",
        5,
        "Период {code}: 5 комментариев для уточнения.",
    ),
]


def test_counted_gui_messages_in_both_languages(qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication

    from balti_monitor.gui.translations import install_translations

    app = QCoreApplication.instance()
    try:
        wrong = []
        for context, source, lang, n, expected in GUI_COUNTED:
            install_translations(app, lang)  # type: ignore[arg-type]
            shown = QCoreApplication.translate(context, source, "", n)
            if shown != expected:
                wrong.append((lang, n, shown, expected))
        assert not wrong
    finally:
        install_translations(app, "ro")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("lang", "raw", "shown"),
    [
        ("ro", "100 acte", "Verificați — de 10 ori mai mult decât înainte"),
        ("ro", "200 acte", "Verificați — de 20 de ori mai mult decât înainte"),
        ("ro", "210 acte", "Verificați — de 21 de ori mai mult decât înainte"),
        ("ro", "1010 acte", "Verificați — de 101 ori mai mult decât înainte"),
        ("ru", "100 acte", "Проверьте — в 10 раз больше, чем раньше"),
        ("ru", "220 acte", "Проверьте — в 22 раза больше, чем раньше"),
        ("ru", "210 acte", "Проверьте — в 21 раз больше, чем раньше"),
    ],
)
def test_outlier_finding_counts_its_times_and_keeps_its_fingerprint_text(
    lang: str, raw: str, shown: str, language: None
) -> None:
    """Shown in the form of its number; ``message_ro`` (what an acknowledgement digests) stays the text it
    had before the plural forms ("de 20 ori"), so an outlier confirmed earlier stays confirmed."""
    from decimal import Decimal

    from balti_monitor.domain.checks import FindingCode, time_findings
    from balti_monitor.domain.grid import ActionGrid, GridRow, IndicatorDef
    from balti_monitor.domain.values import parse_value

    grid = ActionGrid(
        code="1.1",
        indicators=(IndicatorDef(1, "Acte"),),
        rows=(GridRow(7, "DRU", frozenset({1}), True, "descriere", {1: parse_value(raw)}),),
        history_max={(7, 1): Decimal(10)},
    )
    set_language(lang)
    (finding,) = [f for f in time_findings(grid) if f.code is FindingCode.VALUE_OUTLIER]
    assert finding.message.startswith(shown)
    times = int(Decimal(raw.split()[0]) / 10)
    assert finding.message_ro == (
        f"Verificați — de {times} ori mai mult decât înainte: „{raw}”, iar cel mai mare număr raportat "
        "anterior este 10."
    )
