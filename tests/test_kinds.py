"""Plan kinds as data: the bundled descriptions load, bad descriptions are refused with the place named,
status words parse to their meaning with the raw text kept."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from balti_monitor.domain.kinds import KindError, StatusMeaning, load_kind
from balti_monitor.resources import resource_dir
from balti_monitor.services.kinds import bundled_kinds, get_kind


def _document(code: str) -> dict[str, Any]:
    text = resource_dir("data").joinpath("kinds", f"{code}.json").read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


def test_every_seed_family_has_a_bundled_kind() -> None:
    kinds = bundled_kinds()
    assert set(kinds) == {"pla", "integritate", "program", "guvernare"}
    pla = kinds["pla"]
    assert pla.report_layout == "action_blocks"
    assert (pla.progress.by, pla.progress.values, pla.progress.totals) == ("subdivision", True, True)
    assert pla.progress.statuses == ()


def test_seed_001_columns_in_document_order() -> None:
    kind = get_kind("integritate")
    plan_labels = [c.label for c in kind.columns if c.in_plan]
    assert plan_labels == [
        "Măsuri",
        "Indicatori de performanță",
        "Riscuri",
        "Surse de verificare",
        "Termen de realizare",
        "Responsabili",
        "Buget",
    ]
    assert [c.key for c in kind.declared_columns] == ["risks", "sources", "budget"]
    assert kind.groups.own_columns


def test_seed_002_is_reported_per_action_over_a_span() -> None:
    kind = get_kind("program")
    assert kind.progress.by_action and kind.progress.period == "span"
    assert not kind.progress.values and not kind.progress.totals
    assert [c.label for c in kind.columns] == [
        "Nr. d/o",
        "Denumirea acțiunii",
        "Termenii de implementare și responsabili",
        "Rezultatele",
        "Estimarea generală",
    ]


def test_seed_003_numbered_columns_and_004_progress_column() -> None:
    kind = get_kind("guvernare")
    assert kind.sub_actions and kind.numbered_row
    plan = [c for c in kind.columns if c.in_plan]
    assert [c.number for c in plan] == [str(n) for n in range(1, 9)]
    assert [c.label for c in plan][2:] == [
        "Subacțiune",
        "Instituții responsabile",
        "Parteneri",
        "Termen de realizare",
        "Costuri/sursa de finanțare",
        "Indicatori de progres",
    ]
    assert [c.source for c in kind.columns if c.in_report][-1] == "progress"
    assert kind.progress.status_choices() == [
        "Realizată",
        "În proces de realizare",
        "Inițiată",
        "Neinițiată",
        "Nerealizată",
    ]


@pytest.mark.parametrize(
    ("raw", "meaning"),
    [
        ("Realizată", StatusMeaning.DONE),
        ("Realizată  ", StatusMeaning.DONE),
        ("realizata.", StatusMeaning.DONE),
        ("În proces de realizare \nPentru evaluarea …", StatusMeaning.IN_PROGRESS),
        ("Inițiată", StatusMeaning.STARTED),
        ("Iniţiată", StatusMeaning.STARTED),  # cedilla
        ("Neinițiată", StatusMeaning.NOT_STARTED),
        ("Nerealizată", StatusMeaning.NOT_DONE),
        ("Amânată", None),
        ("", None),
    ],
)
def test_status_words_parse_to_their_meaning_keeping_the_raw_text(
    raw: str, meaning: StatusMeaning | None
) -> None:
    parsed = get_kind("guvernare").parse_status(raw)
    assert parsed.meaning is meaning
    assert parsed.raw == raw


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d.pop("columns"), "$.columns"),
        (lambda d: d["columns"][1].update(source="nowhere"), "$.columns[1].source"),
        (lambda d: d["columns"][2].update(key=d["columns"][1]["key"]), "$.columns[2].key"),
        (lambda d: d["columns"][0].update(key="Măsuri"), "$.columns[0].key"),
        (lambda d: d["columns"][0].update(in_plan="da"), "$.columns[0].in_plan"),
        (lambda d: d["progress"].update(by="city"), "$.progress.by"),
        (lambda d: d["progress"].update(totals=True), "$.progress.totals"),
        (lambda d: d["progress"]["statuses"][1].update(meaning="almost"), "$.progress.statuses[1].meaning"),
        (lambda d: d["progress"]["statuses"][1]["words"].append("Realizată"), "$.progress.statuses[1].words"),
        (lambda d: d.update(report_layout="poster"), "$.report_layout"),
        (lambda d: d["groups"].update(heading="Obiectiv"), "$.groups.heading"),
        (lambda d: d.update(version=7), "$.version"),
    ],
)
def test_a_wrong_description_is_refused_saying_where(change: Any, where: str) -> None:
    document = copy.deepcopy(_document("integritate"))
    change(document)
    with pytest.raises(KindError) as caught:
        load_kind(document)
    assert str(caught.value).startswith(where)


def test_a_file_named_otherwise_than_its_code_is_refused() -> None:
    with pytest.raises(KindError, match="numele fișierului"):
        load_kind(_document("pla"), expected_code="integritate")


def test_unknown_kind_names_the_known_ones() -> None:
    with pytest.raises(KindError, match="integritate"):
        get_kind("registru")


def test_cell_texts_follow_the_column_sources() -> None:
    from balti_monitor.domain.kinds import ItemTexts, cell_text

    kind = get_kind("guvernare")
    parent = ItemTexts("1.", "Asigurarea accesului la informație")
    sub = ItemTexts(
        "1.1.",
        "1.1. Evaluarea necesităților populației",
        indicators=("Număr de sondaje efectuate",),
        deadline="Anual",
        responsible="Ministere,\nCancelaria de Stat",
        columns=(("cost", "În limitele bugetului aprobat"),),
        description="Pentru evaluarea necesităților …",
        status="În proces de realizare",
        links=(("https://docs.google.com/f", "https://docs.google.com/f"),),
    )
    row = {c.key: cell_text(c, sub, parent) for c in kind.columns}
    assert row["number"] == "1." and row["action"] == "Asigurarea accesului la informație"
    assert row["action_report"] == "1. Asigurarea accesului la informație"
    assert row["sub_action"] == "1.1. Evaluarea necesităților populației"  # the code is not doubled
    assert row["partners"] == "" and row["cost"] == "În limitele bugetului aprobat"
    assert row["responsible"] == "Ministere,\nCancelaria de Stat"
    assert row["progress"] == (
        "În proces de realizare\nPentru evaluarea necesităților …\nhttps://docs.google.com/f"
    )
    measure = get_kind("integritate").column("measure")
    assert measure is not None
    assert cell_text(measure, ItemTexts("1.1", "Adoptarea declarației")) == "1.1 Adoptarea declarației"
