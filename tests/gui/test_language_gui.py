"""The interface language: chosen on the first start from the system's locale, changed from the File menu and
applied at the next start; the core's messages follow; no title or button is cut in either language."""

from __future__ import annotations

from gui_helpers import close_window, tr
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QAbstractButton, QApplication, QHeaderView

from balti_monitor import i18n
from balti_monitor.gui import dialogs, language_action
from balti_monitor.gui.settings import LANGUAGE, AppSettings
from balti_monitor.gui.translations import current_language, system_language


def test_the_first_start_follows_the_systems_locale(monkeypatch) -> None:
    assert system_language(QLocale(QLocale.Language.Russian, QLocale.Country.Moldova)) == "ru"
    assert system_language(QLocale(QLocale.Language.Russian, QLocale.Country.Russia)) == "ru"
    assert system_language(QLocale(QLocale.Language.Romanian, QLocale.Country.Moldova)) == "ro"
    assert system_language(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)) == "ro"
    settings = AppSettings()
    settings.set(LANGUAGE, "")  # never chosen
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.Russian)))
    assert settings.language() == "ru"
    # stored at once: a later change of the system's locale changes nothing
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.English)))
    assert settings.language() == "ru" and AppSettings().text(LANGUAGE) == "ru"


def test_the_window_and_the_core_speak_the_chosen_language(window, ui_language) -> None:
    assert current_language() == ui_language and i18n.current_language() == ui_language
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[0] == {"ro": "&Fișier", "ru": "&Файл"}[ui_language]
    assert (
        QLocale().language() == {"ro": QLocale.Language.Romanian, "ru": QLocale.Language.Russian}[ui_language]
    )


def test_the_language_is_changed_from_the_file_menu_and_applied_at_the_next_start(
    start_window, demo_copy, monkeypatch, ui_language
) -> None:
    other = "ru" if ui_language == "ro" else "ro"
    window = start_window(demo_copy)
    action = window.language_action.action
    file_menu = window.menuBar().actions()[0].menu()
    assert action in file_menu.actions()
    assert action.text() == tr("LanguageAction", "&Limba interfeței…")
    told: list[str] = []
    monkeypatch.setattr(language_action, "ask_language", lambda parent, current: other)
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: told.append(text))
    action.trigger()
    assert AppSettings().language() == other
    # said in the language shown now and in the one chosen, which applies at the next start
    assert told and language_action.RESTART_NOTES[other] in told[0]
    assert menus_of(window)[0] == tr("MainWindow", "&Fișier")  # this window keeps its language
    close_window(window)
    again = start_window(demo_copy)
    assert current_language() == other and i18n.current_language() == other
    assert menus_of(again)[0] == {"ro": "&Fișier", "ru": "&Файл"}[other]
    # nothing changes when the same language is chosen or the dialog is cancelled
    monkeypatch.setattr(language_action, "ask_language", lambda parent, current: None)
    assert not again.language_action.choose()
    monkeypatch.setattr(language_action, "ask_language", lambda parent, current: other)
    assert not again.language_action.choose()


def menus_of(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_the_language_dialog_offers_both_languages_named_in_themselves(qtbot) -> None:
    dialog = language_action.LanguageDialog("ru")
    qtbot.addWidget(dialog)
    combo = dialog.combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["Română", "Русский"]
    assert dialog.chosen() == "ru"
    combo.setCurrentIndex(0)
    assert dialog.chosen() == "ro"


def test_no_button_or_column_title_is_cut_at_1366x768(window) -> None:
    window.resize(1366, 768)
    window.open_search()
    window.signing_actions.show_findings()
    window.signing_actions.show_followups()
    window.signing_actions.show_log()
    QApplication.processEvents()
    cut = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        for button in top.findChildren(QAbstractButton):
            if button.isVisible() and button.text() and button.width() < button.minimumSizeHint().width():
                cut.append(f"{top.objectName()}: button {button.text()!r}")
        for header in top.findChildren(QHeaderView):
            # the grid fits its indicator columns to the window by design (tests/gui/test_screen_fit.py)
            in_grid = header.parent() is not None and header.parent().objectName() in ("grid", "totalRow")
            if header.isVisible() and header.orientation().name == "Horizontal" and not in_grid:
                for section in range(header.count() - 1):  # the last one stretches
                    if not header.isSectionHidden(section) and header.sectionSize(
                        section
                    ) < header.sectionSizeHint(section):
                        title = header.model().headerData(section, header.orientation())
                        cut.append(f"{top.objectName()}: column {title!r}")
    for top in QApplication.topLevelWidgets():
        if top is not window and top.isVisible():
            top.close()
    assert not cut, cut


def test_names_to_pick_from_are_in_the_languages_alphabetical_order(ui_language) -> None:
    from balti_monitor.gui.collation import sorted_by_text

    names = ["Zalău", "Școala", "Ana", "Țara", "Ăla", "Sibiu", "Direcția 10", "Direcția 2"]
    ordered = sorted_by_text(names, str)
    # in both: Ș and Ț among S and T (Python's sorted puts them after Z), numbers compared as numbers
    assert (
        ordered.index("Școala")
        < ordered.index("Timiș" if "Timiș" in ordered else "Țara")
        < ordered.index("Zalău")
    )
    assert ordered.index("Direcția 2") < ordered.index("Direcția 10")
    if ui_language == "ro":  # Romanian's own alphabet: Ă after A, Ș after S, Ț after T
        assert ordered == ["Ana", "Ăla", "Direcția 2", "Direcția 10", "Sibiu", "Școala", "Țara", "Zalău"]
    assert sorted_by_text(["ель", "ёлка", "еда", "жук"], str) == ["еда", "ёлка", "ель", "жук"]


def test_the_responsibility_dialog_offers_the_names_alphabetically(window) -> None:
    from balti_monitor.gui.collation import sorted_by_text
    from balti_monitor.gui.responsibility_dialog import ResponsibilityDialog
    from balti_monitor.services.responsibilities import responsibility_state
    from balti_monitor.services.subdivisions import list_subdivisions

    info = window.session.action_by_code("1.15")
    subs = [(s.id, s.name) for s in list_subdivisions()]
    dialog = ResponsibilityDialog(window, info, responsibility_state(info.id), subs)
    offered = [dialog.combo.itemText(i) for i in range(dialog.combo.count())]
    assert len(offered) > 3 and offered == sorted_by_text(offered, str)
    assert offered != sorted(
        offered
    )  # "Secția …"/"Serviciul …" are not after every "Direcția …" by bytes only
    dialog.dialog.deleteLater()


def test_dates_and_numbers_follow_the_language_raw_text_never_changes(window, ui_language) -> None:
    import datetime as dt

    from balti_monitor.gui.locale_format import date_time_text, number_text, size_text

    moment = dt.datetime(2026, 12, 7, 5, 33, 9)
    assert date_time_text(moment) == "07.12.2026 05:33"
    assert date_time_text(moment, seconds=True) == "07.12.2026 05:33:09"
    group = {"ro": ".", "ru": "\xa0"}[ui_language]
    assert number_text(1234567.891, 1) == f"1{group}234{group}567,9"
    assert size_text(int(1.4 * 1024 * 1024)) == "1,4 MB"
    # a value typed with a decimal point is shown exactly as typed, in either language
    model = window.action_page.model
    assert model.setData(model.index(0, 2), "2.5 concursuri")
    assert model.index(0, 2).data() == "2.5 concursuri"
