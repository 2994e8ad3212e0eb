"""Editing a plan that has signed periods: every plan edit is refused unless confirmed (and then it is one
undoable step whose undo does not ask again), a plan without signed periods is not asked, and the export's
pre-flight of a signed period says when its plan changed after the signature."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_undo_services import action, period, state, undo_redo

from balti_monitor import i18n
from balti_monitor.db.models import Action, ChangeLog, Indicator, Plan, Priority
from balti_monitor.services.audit import apply_recorded, set_user_name
from balti_monitor.services.changes import Write
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.plan_delete import DeleteItem
from balti_monitor.services.plan_edit import AddAction, AddColumn, AddIndicator, AddPriority, EditItem
from balti_monitor.services.plan_fields import (
    ActionFields,
    ColumnFields,
    IndicatorFields,
    PriorityFields,
    fields_of,
)
from balti_monitor.services.plan_order import MoveItem, Renumber
from balti_monitor.services.plan_signatures import (
    SIGNED_PLAN_KEY,
    SignedPlanEdit,
    plan_amended_after_signature,
    plan_fingerprint,
    signed_periods_printing,
)
from balti_monitor.services.preflight import LineKind, preflight
from balti_monitor.services.signing import sign_period, unsign_period

SIGNED_WORDS = "Planul are perioade semnate: semestrul I al anului 2023 (2023-S1)."


def plan_id() -> int:
    return int(Plan.get().id)


def priority(number: str) -> int:
    return int(Priority.get((Priority.plan == plan_id()) & (Priority.number == number)).id)


def indicator(code: str, number: int) -> int:
    return int(Indicator.get((Indicator.action == action(code)) & (Indicator.number == number)).id)


def sign(tmp_path: Path) -> None:
    """Sign 2023-S1 with a stand-in report (signing stores its SHA-256; the bytes do not matter here)."""
    report = tmp_path / "raport_semnat.docx"
    report.write_bytes(b"raportul semnat")
    set_user_name("Ion Semnatar")
    sign_period(period().id, report)
    set_user_name("")


def plan_edits() -> list[Write]:
    """One write of each kind the plan editor makes (and the renumbering an indicator's move makes)."""
    a13 = action("1.13")
    renamed = ActionFields(**{**_as_dict(fields_of("action", a13)), "title": "Titlu schimbat"})
    return [
        AddPriority(plan_id(), PriorityFields("VII", "Prioritate nouă")),
        AddAction(priority("VI"), None, ActionFields("6.2", "Acțiune nouă")),
        AddIndicator(a13, IndicatorFields("numărul de ședințe")),
        AddColumn(plan_id(), ColumnFields("Parteneri")),
        EditItem("action", a13, renamed),
        EditItem("indicator", indicator("1.13", 1), IndicatorFields("Text schimbat")),
        MoveItem("action", action("2.2"), -1),
        MoveItem("indicator", indicator("1.2", 1), 1),
        Renumber(action("1.2"), ((1, 2), (2, 1))),
        DeleteItem("indicator", indicator("1.2", 3)),
        DeleteItem("action", action("6.1")),
    ]


def _as_dict(fields: object) -> dict[str, object]:
    return {name: getattr(fields, name) for name in fields.__slots__}  # type: ignore[attr-defined]


def test_the_signed_periods_printing_a_plan_or_an_item_are_named_in_the_interface_language(
    engine_demo_db: str, tmp_path: Path
) -> None:
    assert signed_periods_printing(plan_id()) == ()
    sign(tmp_path)
    (signed,) = signed_periods_printing(plan_id())
    assert (signed.code, signed.shown, signed.signed_by) == (
        "2023-S1",
        "semestrul I al anului 2023",
        "Ion Semnatar",
    )
    assert signed_periods_printing(kind="indicator", item_id=indicator("1.13", 2)) == (signed,)
    assert signed_periods_printing(kind="action", item_id=-1) == ()  # gone: printed nowhere
    i18n.set_language("ru")
    try:
        assert signed_periods_printing(plan_id())[0].shown == "I полугодие 2023 года"
    finally:
        i18n.set_language("ro")


def test_every_plan_edit_is_refused_without_confirmation_and_changes_nothing(
    engine_demo_db: str, tmp_path: Path
) -> None:
    sign(tmp_path)
    writes = plan_edits()
    log = ChangeLog.select().count()
    before = state()
    for write in writes:
        with pytest.raises(SignedPlanEdit, match=r"semestrul I al anului 2023 \(2023-S1\)") as refused:
            apply_recorded(write, "typed")
        assert str(refused.value).startswith(SIGNED_WORDS)
        assert [p.code for p in refused.value.periods] == ["2023-S1"]
    assert state() == before
    assert ChangeLog.select().count() == log  # not even recorded


def test_the_refusal_is_translated(engine_demo_db: str, tmp_path: Path) -> None:
    sign(tmp_path)
    i18n.set_language("ru")
    try:
        with pytest.raises(SignedPlanEdit, match=r"У плана есть подписанные периоды: I полугодие 2023 года"):
            EditItem("indicator", indicator("1.13", 1), IndicatorFields("Text schimbat")).apply()
    finally:
        i18n.set_language("ro")


def confirmed(write: Write) -> Write:
    return type(write)(**{**_as_dict(write), "confirm_signed": True})  # type: ignore[call-arg]


@pytest.mark.parametrize("which", range(7))
def test_a_confirmed_plan_edit_is_written_and_undone_without_asking_again(
    engine_demo_db: str, tmp_path: Path, which: int
) -> None:
    sign(tmp_path)
    changes = undo_redo(confirmed(plan_edits()[which]))  # apply, undo, redo, undo: no refusal at any step
    assert changes.inverse is not None and changes.inverse.confirm_signed  # type: ignore[attr-defined]


def test_confirmed_edits_of_an_action_without_data_in_the_signed_period_are_undone(
    engine_demo_db: str, tmp_path: Path
) -> None:
    new = AddAction(priority("VI"), None, ActionFields("6.2", "Acțiune nouă")).apply().new_id
    assert new is not None
    for text in ("primul", "al doilea", "al treilea"):
        AddIndicator(new, IndicatorFields(text)).apply()
    sign(tmp_path)
    second = int(Indicator.get((Indicator.action == new) & (Indicator.number == 2)).id)
    for write in (
        MoveItem("indicator", second, 1),
        Renumber(new, ((1, 3), (3, 1))),
        DeleteItem("indicator", second),
        DeleteItem("action", new),
    ):
        with pytest.raises(SignedPlanEdit):
            write.apply()
        undo_redo(confirmed(write))


@pytest.mark.parametrize("which", range(7, 11))
def test_a_confirmed_edit_that_would_change_a_signed_periods_data_is_still_locked(
    engine_demo_db: str, tmp_path: Path, which: int
) -> None:
    """Renumbering or deleting indicators moves the signed period's responsibilities or deletes its values:
    that stays refused by the lock, confirmation or not."""
    sign(tmp_path)
    before = state()
    with pytest.raises(ServiceError, match=r"Perioada 2023-S1 este semnată de Ion Semnatar"):
        apply_recorded(confirmed(plan_edits()[which]), "typed")
    assert state() == before


def test_a_plan_without_signed_periods_is_edited_without_confirmation(engine_demo_db: str) -> None:
    a13 = action("1.13")
    EditItem("indicator", indicator("1.13", 1), IndicatorFields("Text schimbat")).apply()
    DeleteItem("action", action("6.1")).apply()
    assert Indicator.get_by_id(indicator("1.13", 1)).text == "Text schimbat"
    assert Action.get_or_none(Action.code == "6.1") is None and a13


def test_plan_edits_are_recorded_in_the_change_log(engine_demo_db: str) -> None:
    MoveItem("action", action("2.2"), -1).apply()
    DeleteItem("indicator", indicator("1.2", 3)).apply()
    records = [
        (r.kind, r.field, r.action, r.column_no, r.note)
        for r in ChangeLog.select().where(ChangeLog.field == "structure").order_by(ChangeLog.id)
    ]
    assert records == [
        ("plan", "structure", "2.2", None, "Acțiunea 2.2: mutare"),
        ("plan", "structure", "1.2", 3, "Indicatorul 3 al acțiunii 1.2: ștergere"),
    ]


def amended_lines() -> list[str]:
    return [line.text for line in preflight(period()).of(LineKind.SIGNATURE)]


def test_the_preflight_says_the_plan_changed_after_the_signature(engine_demo_db: str, tmp_path: Path) -> None:
    EditItem("indicator", indicator("1.13", 1), IndicatorFields("Înainte de semnare")).apply()
    assert amended_lines() == []  # not signed
    sign(tmp_path)
    assert amended_lines() == []  # edited before the signature: the signed document printed it
    assert plan_amended_after_signature(period().id) is None
    MoveItem("action", action("2.2"), -1, confirm_signed=True).apply()
    amended = plan_amended_after_signature(period().id)
    assert amended is not None and amended.last_edit is not None
    (line,) = amended_lines()
    assert line == (
        f"Planul a fost modificat după semnarea perioadei 2023-S1 (ultima modificare: "
        f"{amended.last_edit:%d.%m.%Y %H:%M}); documentul nu va fi identic cu cel semnat."
    )
    assert preflight(period()).lines[0].kind == LineKind.SIGNATURE  # the first thing a signer reads
    assert "Planul a fost modificat după semnarea perioadei 2023-S1" in preflight(period()).as_text()
    unsign_period(period().id, "corectarea planului")
    assert amended_lines() == []  # no signature to differ from
    sign(tmp_path)
    assert amended_lines() == []  # signed again after the edit


def test_an_action_title_typed_after_the_signature_counts_too(engine_demo_db: str, tmp_path: Path) -> None:
    sign(tmp_path)
    a13 = action("1.13")
    renamed = ActionFields(**{**_as_dict(fields_of("action", a13)), "title": "Titlu schimbat"})
    apply_recorded(EditItem("action", a13, renamed, confirm_signed=True), "typed")
    assert len(amended_lines()) == 1


def test_the_plans_own_columns_and_texts_need_the_confirmation_too(
    engine_plan_db: str, tmp_path: Path
) -> None:
    from kind_plans import open_government_plan

    from balti_monitor.services.plans import (
        SetColumnValue,
        SetGroupColumns,
        SetPlanColumns,
        new_column,
        plan_columns,
    )

    ids = open_government_plan()
    report = tmp_path / "raport_ogp.docx"
    report.write_bytes(b"raportul semnat")
    sign_period(ids["period"], report)
    group = Priority.get(Priority.plan == ids["plan"]).id
    columns = (*plan_columns(ids["plan"]), new_column("risks", "Riscuri"))
    writes: list[Write] = [
        SetColumnValue(ids["1.1"], "partners", "Societatea civilă"),
        SetPlanColumns(ids["plan"], columns),
        SetGroupColumns(group, (("sub_action", "Măsuri"),)),
    ]
    before = state()
    for write in writes:
        with pytest.raises(SignedPlanEdit, match=r"2020-S1"):
            write.apply()
    assert state() == before
    for write in writes:
        undo_redo(confirmed(write))


def test_an_edit_undone_is_no_amendment_and_one_not_recorded_still_is(
    engine_demo_db: str, tmp_path: Path
) -> None:
    sign(tmp_path)
    title = Priority.get_by_id(priority("I")).title
    Priority.update(title="Schimbat pe alt drum").where(Priority.id == priority("I")).execute()  # no record
    assert amended_lines() == [
        "Planul a fost modificat după semnarea perioadei 2023-S1; documentul nu va fi identic cu cel semnat."
    ]
    Priority.update(title=title).where(Priority.id == priority("I")).execute()
    assert amended_lines() == []
    moved = MoveItem("action", action("2.2"), -1, confirm_signed=True).apply()
    assert len(amended_lines()) == 1
    assert moved.inverse is not None
    moved.inverse.apply()  # the undo: the plan is the one signed again, byte for byte the same report
    assert amended_lines() == []


def test_a_signature_older_than_the_fingerprints_relies_on_the_log(
    engine_demo_db: str, tmp_path: Path
) -> None:
    sign(tmp_path)
    plan = Plan.get_by_id(plan_id())
    plan.extra = {k: v for k, v in plan.extra.items() if k != SIGNED_PLAN_KEY}
    plan.save()
    assert amended_lines() == []
    MoveItem("action", action("2.2"), -1, confirm_signed=True).apply()
    assert len(amended_lines()) == 1  # a plan edit recorded after the signature


def test_the_fingerprint_survives_a_json_export_and_import(engine_demo_db: str) -> None:
    from balti_monitor.interchange.json_io import export_document, import_document

    DeleteItem("action", action("2.2")).apply()  # positions with a gap: the plan's order is what counts
    before = plan_fingerprint(plan_id())
    import_document(export_document(), replace=True)
    assert plan_fingerprint(plan_id()) == before
    EditItem("indicator", indicator("1.13", 1), IndicatorFields("Text schimbat")).apply()
    assert plan_fingerprint(plan_id()) != before


def test_what_the_preflight_says_is_what_verify_report_finds(engine_demo_db: str, tmp_path: Path) -> None:
    from balti_monitor.export.render import export_report
    from balti_monitor.services.signing import verify_report

    signed = export_report(period(), tmp_path / "semnat.docx")
    sign_period(period().id, signed)
    a13 = action("1.13")
    renamed = ActionFields(**{**_as_dict(fields_of("action", a13)), "title": "Titlu schimbat după semnare"})
    edit = EditItem("action", a13, renamed, confirm_signed=True).apply()
    assert len(amended_lines()) == 1
    assert not verify_report(export_report(period(), tmp_path / "dupa_modificare.docx")).signed
    assert edit.inverse is not None
    edit.inverse.apply()
    assert amended_lines() == []
    assert verify_report(export_report(period(), tmp_path / "dupa_anulare.docx")).signed
