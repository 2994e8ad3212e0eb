"""The plan editor ("Plan → Editează planul…"): add, rename, move and delete items, each an undo step, the
plan tree following; deleting an item with data asks first and backs the file up."""

from __future__ import annotations

from gui_helpers import ModalDriver, press, select_action, tr, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from balti_monitor.gui import dialogs
from balti_monitor.gui.plan_editor import PlanEditor
from balti_monitor.gui.plan_item_dialog import ItemDialog
from balti_monitor.gui.tree_model import CODE_ROLE
from balti_monitor.services.backup import list_auto_backups
from balti_monitor.services.plan_delete import item_contents
from balti_monitor.services.plan_fields import ActionFields, IndicatorFields, PriorityFields

DELETE_QUESTION = (
    "{contents}\n\nElementul se șterge din plan cu tot ce este sub el. Înainte de ștergere se face o copie "
    "automată (Fișier → Copii automate); Ctrl+Z îl readuce.\n\nȘtergeți?"
)


def tree_codes(window, number: str) -> list[str]:
    """The codes the main window's plan tree shows under a priority (sub-actions after their parent)."""
    model = window.plan_panel.model

    def walk(parent) -> list[str]:
        out: list[str] = []
        for r in range(model.rowCount(parent)):
            child = model.index(r, 0, parent)
            out += [model.data(child, CODE_ROLE), *walk(child)]
        return out

    for row in range(model.rowCount()):
        p = model.index(row, 0)
        if model.data(p, CODE_ROLE) == number:
            return walk(p)
    raise AssertionError(number)


def editor_for(window, qtbot) -> PlanEditor:
    editor = PlanEditor(window.session, window)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def answer(monkeypatch, fields) -> list[object]:
    """Make the item form return ``fields`` (recording the fields it was opened with)."""
    shown: list[object] = []

    def ask(self):
        shown.append(self.fields)
        return fields

    monkeypatch.setattr(ItemDialog, "ask", ask)
    return shown


def test_an_action_is_added_renamed_moved_and_deleted_and_undo_brings_it_back(
    window, qtbot, monkeypatch
) -> None:
    editor = editor_for(window, qtbot)
    assert tree_codes(window, "VI") == ["6.1"]
    assert editor.select("action", window.session.action_by_code("6.1").id)
    shown = answer(monkeypatch, ActionFields("6.2", "Acțiune adăugată"))
    editor.add_action_button.click()
    assert shown[0].code == "6.2"  # the next free code is suggested
    assert tree_codes(window, "VI") == ["6.1", "6.2"]
    new = window.session.action_by_code("6.2")
    assert editor.current().item_id == new.id

    answer(monkeypatch, ActionFields("6.2", "Acțiune redenumită"))
    editor.edit_button.click()
    assert window.session.action_by_code("6.2").title == "Acțiune redenumită"
    index = window.plan_panel.model.index_of_action(new.id)
    assert "Acțiune redenumită" in index.data()

    editor.up_button.click()
    assert tree_codes(window, "VI") == ["6.2", "6.1"]

    editor.delete_button.click()  # no data: deleted at once (Ctrl+Z brings it back)
    assert tree_codes(window, "VI") == ["6.1"]
    window.undo()
    assert tree_codes(window, "VI") == ["6.2", "6.1"]
    window.undo()
    assert tree_codes(window, "VI") == ["6.1", "6.2"]
    window.undo()
    assert window.session.action_by_code("6.2").title == "Acțiune adăugată"
    window.undo()
    assert tree_codes(window, "VI") == ["6.1"]
    window.redo()
    assert tree_codes(window, "VI") == ["6.1", "6.2"]


def test_deleting_an_action_with_data_asks_backs_up_and_undo_restores_its_values(
    window, qtbot, monkeypatch
) -> None:
    select_action(window, "1.13")
    editor = editor_for(window, qtbot)
    a13 = window.session.action_by_code("1.13")
    assert editor.select("action", a13.id)
    asked: list[str] = []

    def refuse(parent, title, text):
        asked.append(text)
        return False

    monkeypatch.setattr(dialogs, "confirm", refuse)
    editor.delete_button.click()
    contents = item_contents("action", a13.id)
    values = dict(contents.counts)["value"]
    assert values > 0 and f"• {values} " in contents.describe()  # the question counts the values lost
    assert asked == [tr("PlanEditor", DELETE_QUESTION).format(contents=contents.describe())]
    assert window.session.action_by_code("1.13") is not None  # "No" deletes nothing
    assert not [b for b in list_auto_backups() if b.reason == "stergereplan"]

    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    editor.delete_button.click()
    assert window.session.action_by_code("1.13") is None
    assert "1.13" not in tree_codes(window, "I")
    backups = {b.path.name for b in list_auto_backups()}
    copy_named = tr("PlanEditor", " Copia automată de dinainte: {name}.")
    assert any(copy_named.format(name=name) in editor.last_message for name in backups)  # a copy holding 1.13
    editor.close()
    window.undo()
    assert window.session.action_by_code("1.13") is not None
    select_action(window, "1.13")
    model = window.action_page.model
    texts = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert "5 acte" in texts  # the DS value is back


def test_a_sub_action_and_an_indicator_are_added_under_the_selected_action(
    window, qtbot, monkeypatch
) -> None:
    editor = editor_for(window, qtbot)
    a61 = window.session.action_by_code("6.1")
    editor.select("action", a61.id)
    answer(monkeypatch, ActionFields("6.1.1", "Subacțiune"))
    editor.add_sub_button.click()
    assert tree_codes(window, "VI") == ["6.1", "6.1.1"]
    sub = window.session.action_by_code("6.1.1")
    assert sub.parent_id == a61.id
    editor.select("action", a61.id)
    answer(monkeypatch, IndicatorFields("numărul de instruiri"))
    editor.add_indicator_button.click()
    info = window.session.action_by_code("6.1")
    assert info.indicators[-1].text == "numărul de instruiri"
    assert info.indicators[-1].number == len(info.indicators)


def test_the_placeholder_of_priority_iv_is_filled_in_the_editor(window, qtbot, monkeypatch) -> None:
    editor = editor_for(window, qtbot)
    iv = next(p for p in window.session.outline if p.number == "IV")
    assert iv.title_placeholder
    editor.select("priority", iv.id)

    def fill(dialog: QDialog) -> None:
        form = editor_form[0]
        assert form.placeholder_box.isChecked()
        form.title_edit.selectAll()
        type_text(form.title_edit, "Prevenirea corupției în achizițiile publice")
        assert not form.placeholder_box.isChecked()  # typed over: no longer provisional
        dialog.accept()

    editor_form: list[ItemDialog] = []
    original = ItemDialog.__init__

    def keep(self, *args, **kwargs):
        original(self, *args, **kwargs)
        editor_form.append(self)

    monkeypatch.setattr(ItemDialog, "__init__", keep)
    driver = ModalDriver(fill)
    editor.edit_button.click()
    driver.check()
    iv = next(p for p in window.session.outline if p.number == "IV")
    assert iv.title == "Prevenirea corupției în achizițiile publice" and not iv.title_placeholder
    index = next(
        window.plan_panel.model.index(r, 0)
        for r in range(window.plan_panel.model.rowCount())
        if window.plan_panel.model.index(r, 0).data(CODE_ROLE) == "IV"
    )
    assert "achizițiile publice" in index.data()
    window.undo()
    assert next(p for p in window.session.outline if p.number == "IV").title_placeholder


def test_the_item_form_refuses_an_empty_code(qtbot) -> None:
    form = ItemDialog(None, "Acțiune nouă", ActionFields("", ""))
    qtbot.addWidget(form.dialog)
    form._accept()
    assert form.error.text() == tr("PlanEditor", "Completați numărul (codul).")
    assert form.dialog.result() != QDialog.DialogCode.Accepted
    form.number_edit.setText("7.1")
    type_text(form.title_edit, "Titlu")
    form._accept()
    assert form.dialog.result() == QDialog.DialogCode.Accepted
    assert form.result() == ActionFields("7.1", "Titlu")


def test_the_editor_is_keyboard_usable(window, qtbot, monkeypatch) -> None:
    editor = editor_for(window, qtbot)
    editor.activateWindow()
    a61 = window.session.action_by_code("6.1")
    editor.select("action", a61.id)
    answer(monkeypatch, PriorityFields("VII", "Prioritate nouă"))
    editor.add_priority_button.click()
    assert [p.number for p in window.session.outline][-1] == "VII"
    answer(monkeypatch, ActionFields("6.1", "Titlu prin Enter"))
    editor.select("action", a61.id)
    press(editor.tree, Qt.Key.Key_Return)  # Enter on an item opens its form
    QApplication.processEvents()
    assert window.session.action_by_code("6.1").title == "Titlu prin Enter"


def test_the_menu_opens_the_editor(window, monkeypatch) -> None:
    opened: list[PlanEditor] = []
    monkeypatch.setattr(PlanEditor, "exec", lambda self: opened.append(self) or 0)
    window.plan_actions.edit_action.trigger()
    assert opened and opened[0].tree.topLevelItemCount() == len(window.session.outline)


def test_a_column_is_added_and_an_actions_text_in_it_is_typed_then_shown_in_its_header(
    window, qtbot, monkeypatch
) -> None:
    from balti_monitor.services.plan_fields import ColumnFields

    editor = editor_for(window, qtbot)
    real_ask = ItemDialog.ask
    answer(monkeypatch, ColumnFields("Parteneri", "6"))
    editor.add_column_button.click()
    ref = editor.current()
    assert ref.kind == "column"
    number = tr("PlanEditor", " (nr. {number})").format(number="6")
    shown_column = tr("PlanEditor", "Coloana: {label}{number}").format(label="Parteneri", number=number)
    assert editor.tree.currentItem().text(0) == shown_column
    a13 = window.session.action_by_code("1.13")
    editor.select("action", a13.id)
    shown = answer(monkeypatch, None)
    editor.edit_button.click()
    assert shown[0].columns == (("parteneri", ""),)  # the form offers the new column

    def fill(dialog: QDialog) -> None:
        form = forms[-1]
        ((key, edit),) = form.column_edits
        assert key == "parteneri"
        edit.setPlainText("Centrul Național Anticorupție")
        dialog.accept()

    forms: list[ItemDialog] = []
    original = ItemDialog.__init__
    monkeypatch.setattr(ItemDialog, "ask", real_ask)  # the real form again

    def keep(self, *args, **kwargs):
        original(self, *args, **kwargs)
        forms.append(self)

    monkeypatch.setattr(ItemDialog, "__init__", keep)
    driver = ModalDriver(fill)
    editor.edit_button.click()
    driver.check()
    info = window.session.action_by_code("1.13")
    assert info.columns == (("parteneri", "Centrul Național Anticorupție"),)
    editor.close()
    select_action(window, "1.13")
    assert "Parteneri: Centrul Național Anticorupție" in window.action_page.header.text
    window.undo()
    assert window.session.action_by_code("1.13").columns == ()


def test_the_action_shown_is_edited_from_the_plan_menu(window, monkeypatch) -> None:
    select_action(window, "2.2")
    shown = answer(monkeypatch, None)
    assert not window.plan_actions.edit_current_action()  # cancelled: nothing written
    old = shown[0]
    assert old.code == "2.2" and old.title_placeholder
    filled = ActionFields("2.2", "Titlul acțiunii 2.2", old.deadline, old.responsible_text, False, False)
    answer(monkeypatch, filled)
    window.plan_actions.edit_item_action.trigger()
    assert window.session.action_by_code("2.2").title == "Titlul acțiunii 2.2"
    assert "Titlul acțiunii 2.2" in window.action_page.header.text
    window.undo()
    assert window.session.action_by_code("2.2").title_placeholder


def test_each_form_draws_only_its_own_fields(qtbot) -> None:
    from balti_monitor.services.plan_fields import ColumnFields

    for fields in (
        PriorityFields("I", "Titlu"),
        ActionFields("1.1", "Titlu", "permanent", "DRU"),
        IndicatorFields("numărul de acte"),
        ColumnFields("Parteneri"),
    ):
        form = ItemDialog(None, "Formular", fields)
        qtbot.addWidget(form.dialog)
        form.dialog.show()
        layout = form.dialog.layout().itemAt(0).layout()
        stray = [
            w
            for w in form.dialog.findChildren(QWidget)
            if w.isVisibleTo(form.dialog)
            and w.parent() is form.dialog
            and layout.indexOf(w) < 0
            and w is not form.error
            and not w.inherits("QDialogButtonBox")
        ]
        assert stray == [], (type(fields).__name__, [type(w).__name__ for w in stray])
        form.dialog.close()
