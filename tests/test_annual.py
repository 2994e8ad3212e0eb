"""The year: annual rules (inferred and chosen), annual values derived from S1 and S2, annual figures that win."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from balti_monitor.db.models import Plan, Subdivision
from balti_monitor.domain.annual import derive_value, infer_annual_rule
from balti_monitor.domain.checks import FindingCode
from balti_monitor.domain.grid import Aggregation, AnnualRule
from balti_monitor.domain.values import parse_value
from balti_monitor.services.annual import SetAnnualRule, indicator_rules, set_annual_rule
from balti_monitor.services.editing import CellEdit, action_by_code, set_cells
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.grids import load_grid
from balti_monitor.services.periods import PeriodKey, create_period
from balti_monitor.services.results import action_result


def _rule(text: str, aggregation: Aggregation = Aggregation.SUM) -> AnnualRule:
    return infer_annual_rule(text, aggregation)


def test_default_rules_follow_the_indicator_text_and_total_rule() -> None:
    assert _rule("numărul de concursuri organizate") is AnnualRule.SUM
    assert _rule("pagină oficială funcțională a primăriei", Aggregation.MAX) is AnnualRule.LAST
    assert (
        _rule("Registrul de evidență a conflictelor de interese, aprobat", Aggregation.STATUS)
        is AnnualRule.LAST
    )
    assert (
        _rule("numărul mediu de operatori economici participanți la o procedură", Aggregation.MANUAL)
        is AnnualRule.MEAN
    )
    assert (
        _rule("măsurile întreprinse în vederea înlăturării încălcărilor", Aggregation.MANUAL)
        is AnnualRule.MANUAL
    )
    assert (
        _rule("număr total al subiecților declarării averii care activează în entitatea publică")
        is AnnualRule.LAST
    )


def _v(raw: str):  # type: ignore[no-untyped-def]
    return parse_value(raw)


@pytest.mark.parametrize(
    ("rule", "s1", "s2", "expected"),
    [
        (AnnualRule.SUM, "17 concursuri", "5 concursuri", Decimal(22)),
        (AnnualRule.SUM, "3 (2F/1B)", "4 (1F/3B)", Decimal(7)),
        (AnnualRule.SUM, "17", "", Decimal(17)),
        (AnnualRule.LAST, "10", "12", Decimal(12)),
        (AnnualRule.LAST, "10", "", Decimal(10)),
        (AnnualRule.MAX, "39", "12", Decimal(39)),
        (AnnualRule.MEAN, "3", "4,4", Decimal("3.7")),
    ],
)
def test_each_rule_derives_the_year_from_the_semesters(
    rule: AnnualRule, s1: str, s2: str, expected: Decimal
) -> None:
    value, problem = derive_value(rule, _v(s1), _v(s2))
    assert problem is None and value is not None
    assert value.quantity == expected


def test_a_sum_keeps_the_women_men_split_and_manual_derives_nothing() -> None:
    value, _ = derive_value(AnnualRule.SUM, _v("3 (2F/1B)"), _v("4 (1F/3B)"))
    assert value is not None and (value.women, value.men) == (3, 4) and value.raw == "7 (3F/4B)"
    nothing, why = derive_value(AnnualRule.MANUAL, _v("3"), _v("4"))
    assert nothing is None and why is not None and "manual" in why
    text, why = derive_value(AnnualRule.SUM, _v("3"), _v("Realizat parțial"))
    assert text is None and why is not None


@pytest.fixture
def year(plan_db: Path) -> dict[str, int]:
    plan = Plan.get()
    ids = {}
    for key in (PeriodKey(2023, 1), PeriodKey(2023, 2), PeriodKey(2023, 0)):
        period, _ = create_period(plan, key)
        ids[key.code] = period.id
    ids["action"] = action_by_code(plan.id, "1.1").id
    ids["dru"] = Subdivision.get(Subdivision.code == "DRU").id
    return ids


def _write(
    period_id: int, action_id: int, sub: int, values: dict[int, str], description: str = "Măsuri."
) -> None:
    edits = [CellEdit(sub, 0, description)] + [CellEdit(sub, n, t) for n, t in values.items()]
    set_cells(period_id, action_id, edits)


def test_the_annual_grid_and_total_derive_from_s1_and_s2(year: dict[str, int]) -> None:
    action, dru = year["action"], year["dru"]
    rules = {r.number: r for r in indicator_rules(Plan.get().id, action)}
    assert rules[2].rule is AnnualRule.SUM and not rules[2].chosen
    set_annual_rule(rules[3].indicator_id, AnnualRule.LAST)
    set_annual_rule(rules[4].indicator_id, AnnualRule.MAX)
    set_annual_rule(rules[5].indicator_id, AnnualRule.MEAN)
    set_annual_rule(rules[6].indicator_id, AnnualRule.MANUAL)
    _write(
        year["2023-S1"], action, dru, {2: "17 concursuri", 3: "7 caziere", 4: "2", 5: "39", 6: "1"}, "Primul."
    )
    _write(
        year["2023-S2"],
        action,
        dru,
        {2: "5 concursuri", 3: "4 caziere", 4: "9", 5: "40", 6: "2"},
        "Al doilea.",
    )
    grid = load_grid(_period(year["2023-A"]), action)
    row = next(r for r in grid.rows if r.subdivision_id == dru)
    assert row.has_return
    assert row.values[2].raw == "22 concursuri"
    assert row.values[3].quantity == 4
    assert row.values[4].quantity == 9
    assert row.values[5].quantity == Decimal("39.5")
    assert 6 not in row.values  # manual: nothing until the annual figure is entered
    assert row.description == "Semestrul I: Primul.\nSemestrul II: Al doilea."
    cell = grid.annual[(dru, 2)]
    assert cell.s1 is not None and cell.s1.raw == "17 concursuri" and cell.s2 is not None
    result = action_result(grid)
    assert result.totals.by_number(2).quantity == 22


def test_an_annual_figure_of_its_own_wins_and_a_difference_is_a_finding(year: dict[str, int]) -> None:
    action, dru = year["action"], year["dru"]
    _write(year["2023-S1"], action, dru, {2: "17 concursuri"})
    _write(year["2023-S2"], action, dru, {2: "5 concursuri"})
    _write(year["2023-A"], action, dru, {2: "23 concursuri"}, "Raport anual.")
    result = action_result(load_grid(_period(year["2023-A"]), action))
    row = next(r for r in result.grid.rows if r.subdivision_id == dru)
    assert row.values[2].raw == "23 concursuri" and row.description == "Raport anual."
    assert result.totals.by_number(2).quantity == 23
    differs = [f for f in result.findings if f.code is FindingCode.ANNUAL_DIFFERS]
    assert len(differs) == 1 and "„22 concursuri”" in differs[0].message and differs[0].indicator == 2
    _write(year["2023-A"], action, dru, {2: "22 concursuri"}, "Raport anual.")
    again = action_result(load_grid(_period(year["2023-A"]), action))
    assert not [f for f in again.findings if f.code is FindingCode.ANNUAL_DIFFERS]


def test_choosing_a_rule_is_undone_and_refuses_unknown_rules(year: dict[str, int]) -> None:
    rules = {r.number: r for r in indicator_rules(Plan.get().id, year["action"])}
    target = rules[2].indicator_id
    changes = SetAnnualRule(target, AnnualRule.MAX).apply()
    assert {r.number: r for r in indicator_rules(Plan.get().id, year["action"])}[2].rule is AnnualRule.MAX
    assert changes.inverse is not None
    changes.inverse.apply()
    back = {r.number: r for r in indicator_rules(Plan.get().id, year["action"])}[2]
    assert back.rule is AnnualRule.SUM and not back.chosen
    with pytest.raises(ServiceError, match="nu există"):
        set_annual_rule(target, "medie")


def _period(period_id: int):  # type: ignore[no-untyped-def]
    from balti_monitor.services.periods import stored_period

    return stored_period(period_id)


def test_the_history_of_a_cell_lists_every_period_newest_first(year: dict[str, int]) -> None:
    from balti_monitor.services.history import row_history

    action, dru = year["action"], year["dru"]
    _write(year["2023-S1"], action, dru, {2: "17 concursuri"}, "Primul.")
    _write(year["2023-S2"], action, dru, {2: "5 concursuri"}, "Al doilea.")
    history = row_history(Plan.get().id, action, dru)
    entries = history.entries(2)
    assert [(e.code, e.text, e.derived) for e in entries] == [
        ("2023-A", "22 concursuri", True),
        ("2023-S2", "5 concursuri", False),
        ("2023-S1", "17 concursuri", False),
    ]
    assert [e.text for e in history.entries(0)] == ["", "Al doilea.", "Primul."]
    assert history.previous_text(year["2023-S2"], 2) == "17 concursuri"
    assert history.previous_text(year["2023-S1"], 2) is None  # no 2022-S2
    assert history.previous_text(year["2023-A"], 2) is None  # no 2022-A
