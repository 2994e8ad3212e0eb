"""Keyboard access in both languages: within each menu (and the menu bar) every item has its own
accelerator letter (the "&" letter: Alt+letter, or the letter in an open menu, reaches exactly one item),
and so do the buttons, buddied labels and tabs shown together in each Designer dialog; no key sequence is
the shortcut of two actions of the main window (Qt then calls it ambiguous and does nothing); the F1 key
list names each key once, names keys that exist, and names the same keys in every language.

Accelerators are compared case-insensitively, as Qt matches them (Alt+Ș and Alt+ș are one key)."""

from __future__ import annotations

import importlib
import inspect
import re
from collections import defaultdict
from pathlib import Path

import pytest
from PySide6 import QtWidgets
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMenu,
    QMessageBox,
    QTabBar,
    QWidget,
)

from balti_monitor.gui import forms as forms_package

FORMS = sorted(p.stem for p in Path(forms_package.__file__).parent.glob("ui_*.py"))


def accelerator(text: str) -> str | None:
    """The accelerator letter of a text ("Ca&ută" → "u"), lower-cased; "&&" is a literal "&"."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] != "&":
                return text[i + 1].casefold()
            i += 1
        i += 1
    return None


def test_accelerator_reading() -> None:
    assert accelerator("Ca&ută acțiunea") == "u"
    assert accelerator("&Șterge") == "ș"
    assert accelerator("Import && export") is None
    assert accelerator("A && B &c") == "c"
    assert accelerator("fără") is None


def _menu_problems(menu: QMenu, path: str) -> list[str]:
    problems = []
    taken: dict[str, list[str]] = defaultdict(list)
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        letter = accelerator(action.text())
        if letter is None:
            if action.isEnabled():  # "(niciunul)" in an empty recent-files list needs none
                problems.append(f"{path}: „{action.text()}” has no accelerator")
        else:
            taken[letter].append(action.text())
        if action.menu() is not None:
            problems += _menu_problems(action.menu(), f"{path} → {action.text()}")
    problems += [f"{path}: Alt+{k} for {texts}" for k, texts in taken.items() if len(texts) > 1]
    return problems


def test_every_menu_item_has_its_own_accelerator(window: object, ui_language: str) -> None:
    bar = window.menuBar()  # type: ignore[attr-defined]
    menus = [a for a in bar.actions() if a.isVisible()]
    assert len(menus) >= 8
    problems = _menu_problems(bar, "menu bar")  # the menus themselves (Alt+F, Alt+E …), then each menu
    assert not problems, f"{ui_language}:\n" + "\n".join(problems)


def test_the_grid_context_menu_has_its_own_accelerators(window: object, ui_language: str) -> None:
    """The right-click menu of the grid holds the grid's actions and the action page's."""
    grid = window.action_page.view  # type: ignore[attr-defined]
    menu = QMenu()
    for action in grid.actions():
        menu.addAction(action)
    assert len(menu.actions()) >= 4
    problems = [p for p in _menu_problems(menu, "grid") if "has no accelerator" not in p]
    assert not problems, f"{ui_language}:\n" + "\n".join(problems)


def test_the_main_windows_widgets_and_menu_bar_share_no_accelerator(window: object, ui_language: str) -> None:
    """Alt+letter in the main window: the menu titles, the tabs and the buddied labels of the period bar
    (Planul, Anul, Perioada) shown together; the same letter twice makes Qt call the key ambiguous."""
    bar = [a.text() for a in window.menuBar().actions() if a.isVisible()]  # type: ignore[attr-defined]
    tabs = window.tabs  # type: ignore[attr-defined]
    problems = []
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        taken = _mnemonic_texts(window)  # type: ignore[arg-type]
        assert sum(len(v) for v in taken.values()) >= 4  # the tabs and the period bar's labels are seen
        for text in bar:
            taken[accelerator(text) or ""].append(text)
        problems += [f"tab {index}: Alt+{k} for {v}" for k, v in taken.items() if k and len(v) > 1]
    assert not problems, f"{ui_language}:\n" + "\n".join(sorted(set(problems)))


# --- shortcuts ------------------------------------------------------------------------------------------


def _shortcut_owners(window: QWidget) -> dict[str, list[str]]:
    owners: dict[str, list[str]] = defaultdict(list)
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            owners[sequence.toString(QKeySequence.SequenceFormat.PortableText)].append(action.text())
    for shortcut in window.findChildren(QShortcut):
        owners[shortcut.key().toString(QKeySequence.SequenceFormat.PortableText)].append(
            f"QShortcut of {type(shortcut.parent()).__name__}"
        )
    return owners


def test_no_key_is_the_shortcut_of_two_actions(window: object, ui_language: str) -> None:
    owners = _shortcut_owners(window)  # type: ignore[arg-type]
    assert {"Ctrl+Z", "Ctrl+E", "F1", "Ctrl+F"} <= set(owners)  # the menu, toolbar and grid actions are seen
    ambiguous = {key: who for key, who in owners.items() if key and len(who) > 1}
    assert not ambiguous, f"{ui_language}: one key, several actions (ambiguous shortcut): {ambiguous}"


def _key_list(window: object, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The keys the F1 list names (its bold cells, split at " / "), shown as the user sees it."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: shown.append(text))
    window.keys_action.trigger()  # type: ignore[attr-defined]
    assert len(shown) == 1
    keys = []
    for cell in re.findall(r"<b>(.*?)</b>", shown[0]):
        keys += [k.strip() for k in cell.split(" / ")]
    return keys


#: The keys of the F1 list, in its order (written by hand; "Tastați direct" is not a key).
KEY_LIST = [
    "Tab",
    "Shift+Tab",
    "Enter",
    "Shift+Enter",
    "F2",
    "Ctrl+Enter",
    "Esc",
    "Delete",
    "Ctrl+C",
    "Ctrl+V",
    "Ctrl+Z",
    "Ctrl+Y",
    "Ctrl+M",
    "Ctrl+'",
    "Ctrl+Shift+H",
    "Ctrl+F",
    "Ctrl+Shift+F",
    "Ctrl+E",
]


def test_the_f1_key_list_names_each_key_once_and_keys_that_exist(
    window: object, ui_language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = _key_list(window, monkeypatch)
    named = [k for k in keys if re.fullmatch(r"[\w+']+", k) and not k.islower()]
    assert named == KEY_LIST, (
        "the keys of the list are not the expected ones (did a translation change a key?)"
    )
    assert len(set(named)) == len(named), f"a key listed twice: {named}"
    owners = _shortcut_owners(window)  # type: ignore[arg-type]
    combos = [k for k in named if k.startswith("Ctrl+") and k != "Ctrl+Enter"]
    missing = [k for k in combos if not owners.get(k)]
    assert not missing, f"the F1 list names keys no action has: {missing}"


# --- Designer dialogs -----------------------------------------------------------------------------------


def _build(stem: str) -> QWidget:
    module = importlib.import_module(f"balti_monitor.gui.forms.{stem}")
    (ui_class,) = [c for name, c in inspect.getmembers(module, inspect.isclass) if name.startswith("Ui_")]
    annotation = inspect.signature(ui_class.setupUi).parameters
    top_name = list(annotation.values())[1].annotation
    top_class = getattr(QtWidgets, top_name if isinstance(top_name, str) else top_name.__name__)
    top = top_class()
    ui = ui_class()
    ui.setupUi(top)
    top._ui = ui  # keep the Python wrappers alive
    return top


def _mnemonic_texts(top: QWidget) -> dict[str, list[str]]:
    """Accelerator letter → texts of the widgets shown now whose mnemonic is active."""
    taken: dict[str, list[str]] = defaultdict(list)
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top):
            continue
        if isinstance(widget, QAbstractButton) or (isinstance(widget, QGroupBox) and widget.isCheckable()):
            text = widget.text() if isinstance(widget, QAbstractButton) else widget.title()
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            text = widget.text()
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                if (letter := accelerator(widget.tabText(index))) is not None:
                    taken[letter].append(widget.tabText(index))
            continue
        else:
            continue
        if (letter := accelerator(text)) is not None:
            taken[letter].append(text)
    return taken


def _states_problems(top: QWidget, name: str) -> list[str]:
    """Accelerators shared by widgets shown together, for every page of every tab widget (one at a time)
    and of a wizard."""
    top.show()
    problems = []
    tabs = top.findChildren(QtWidgets.QTabWidget)
    states: list[tuple[QWidget | None, int]] = [(None, -1)] + [(t, i) for t in tabs for i in range(t.count())]
    if isinstance(top, QtWidgets.QWizard):
        states += [(top, page) for page in top.pageIds()]
    for holder, index in states:
        if isinstance(holder, QtWidgets.QTabWidget):
            holder.setCurrentIndex(index)
        elif isinstance(holder, QtWidgets.QWizard):
            holder.setStartId(index)
            holder.restart()
        where = f"{name}" if holder is None else f"{name}, page {index}"
        problems += [f"{where}: Alt+{k} for {v}" for k, v in _mnemonic_texts(top).items() if len(v) > 1]
    return sorted(set(problems))


@pytest.mark.parametrize("stem", FORMS)
def test_designer_dialogs_have_one_widget_per_accelerator(stem: str, ui_language: str) -> None:
    """The forms as drawn (their widgets and tabs; buttons the dialog adds in code are checked below)."""
    top = _build(stem)
    try:
        problems = _states_problems(top, stem)
        assert not problems, f"{ui_language}: " + "; ".join(problems)
    finally:
        top.close()
        top.deleteLater()


def test_the_dialogs_as_opened_have_one_widget_per_accelerator(window: object, ui_language: str) -> None:
    """The dialogs with the buttons their classes add (Generează, Înapoi …) and the dialogs built in code
    (pre-flight, plan editor, search, terms, examples, language), and the narrative page's buddied labels:
    built as the application builds them. (The findings, follow-ups, completeness and change-log windows
    have no accelerators.)"""
    from balti_monitor.export.context import period_preflight
    from balti_monitor.export.render import ExportOptions
    from balti_monitor.gui.examples_dialog import ExamplesDialog
    from balti_monitor.gui.export_dialog import PreflightDialog
    from balti_monitor.gui.forms_out_dialog import FormsOutDialog
    from balti_monitor.gui.forms_status_dialog import FormsStatusDialog
    from balti_monitor.gui.language_action import LanguageDialog
    from balti_monitor.gui.override_dialog import OverrideDialog
    from balti_monitor.gui.plan_editor import PlanEditor
    from balti_monitor.gui.responsibility_dialog import ResponsibilityDialog
    from balti_monitor.gui.search_dialog import SearchDialog
    from balti_monitor.gui.subdivisions_dialog import SubdivisionsDialog
    from balti_monitor.gui.terms_dialog import TermsDialog
    from balti_monitor.services.examples import list_examples
    from balti_monitor.services.responsibilities import responsibility_state
    from balti_monitor.services.subdivisions import list_subdivisions
    from balti_monitor.services.terms import action_terms

    session = window.session  # type: ignore[attr-defined]
    info = session.action_by_code("1.6")
    subdivisions = [(s.id, s.name) for s in list_subdivisions()]
    built = {
        "FormsOutDialog": FormsOutDialog(window, session.period, Path("."), "").dialog,  # type: ignore[arg-type]
        "FormsStatusDialog": FormsStatusDialog(window, session).dialog,  # type: ignore[arg-type]
        "OverrideDialog": OverrideDialog(window, "1.6 · Indicator 5", "0 cazuri", None, "").dialog,  # type: ignore[arg-type]
        "ResponsibilityDialog": ResponsibilityDialog(
            window,
            info,
            responsibility_state(info.id),
            subdivisions,  # type: ignore[arg-type]
        ).dialog,
        "SubdivisionsDialog": SubdivisionsDialog(window, session).dialog,  # type: ignore[arg-type]
        "PreflightDialog": PreflightDialog(
            period_preflight(session.period, ExportOptions()), False, False, window
        ),  # type: ignore[arg-type]
        "PlanEditor": PlanEditor(session, window),  # type: ignore[arg-type]
        "SearchDialog": SearchDialog(session, window),  # type: ignore[arg-type]
        "TermsDialog": TermsDialog(lambda: action_terms(session.plan.id), lambda *a: None, window),  # type: ignore[arg-type]
        "ExamplesDialog": ExamplesDialog(list_examples(), set(), window),  # type: ignore[arg-type]
        "LanguageDialog": LanguageDialog(ui_language, window),  # type: ignore[arg-type]
    }
    problems = []
    try:
        for name, dialog in built.items():
            problems += _states_problems(dialog, name)
    finally:
        for dialog in built.values():
            dialog.close()
            dialog.deleteLater()
    page = window.narrative_page  # type: ignore[attr-defined]
    window.tabs.setCurrentWidget(page.parentWidget())  # type: ignore[attr-defined]
    narrative = _mnemonic_texts(page)
    assert len(narrative) >= 3  # the signatures' buddied labels are seen
    problems += [f"narrative page: Alt+{k} for {v}" for k, v in narrative.items() if len(v) > 1]
    assert not problems, f"{ui_language}:\n" + "\n".join(problems)
