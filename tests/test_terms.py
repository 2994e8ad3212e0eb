"""Deadlines: the term grammar on every term text of the bundled plan, terms set by hand, due states,
the section III draft and the commands."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from balti_monitor import cli
from balti_monitor.db.models import Plan
from balti_monitor.domain.terms import DueState, Term, TermKind, due_state, parse_term
from balti_monitor.resources import read_resource_text
from balti_monitor.services.editing import action_by_code
from balti_monitor.services.periods import PeriodKey, create_period, find_period
from balti_monitor.services.results import ActionMark, period_results
from balti_monitor.services.terms import SetActionTerm, action_terms, section3_items, set_term

ANNUAL = "permanent, cu verificarea anuală a indicatorilor de progres"
SEMESTER = "permanent, cu verificarea semestrială a indicatorilor de progres"


def _bundled_terms() -> dict[str, str]:
    plan = json.loads(read_resource_text("data", "pla_2023_2027.json"))
    return {a["code"]: a["deadline"] for p in plan["priorities"] for a in p["actions"]}


def test_every_term_of_the_bundled_plan_is_read_or_listed_never_guessed() -> None:
    terms = _bundled_terms()
    assert len(terms) == 48
    expected: dict[str, TermKind | None] = {}
    for code, text in terms.items():
        # what a reader of the plan concludes, written out by hand from the texts
        if text.startswith(ANNUAL):
            expected[code] = TermKind.ANNUAL
        elif text == SEMESTER:
            expected[code] = TermKind.SEMESTER
        elif text == "după necesitate":
            expected[code] = TermKind.AS_NEEDED
        else:
            expected[code] = None  # empty, or 5.1's copy of the next action's title
    assert [c for c, k in expected.items() if k is None] == ["2.2", "4.1", "5.1"]
    assert sorted(c for c, k in expected.items() if k is TermKind.SEMESTER) == sorted(
        ["1.6", "4.4", "5.2", "5.3", "5.4", "5.5", "5.6", "5.7", "5.8", "6.1"]
    )
    for code, text in terms.items():
        term = parse_term(text)
        assert (term.kind if term is not None else None) is expected[code], (code, text)
        assert term is None or term.due is None  # no date is in any of these texts


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("permanent", Term(TermKind.SEMESTER)),
        ("anual", Term(TermKind.ANNUAL)),
        ("Semestrial", Term(TermKind.SEMESTER)),
        ("după necesitate", Term(TermKind.AS_NEEDED)),
        ("Trimestrul IV, 2023", Term(TermKind.DEADLINE, dt.date(2023, 12, 31))),
        ("trimestrul II 2024", Term(TermKind.DEADLINE, dt.date(2024, 6, 30))),
        ("2023-2024", Term(TermKind.DEADLINE, dt.date(2024, 12, 31))),
        ("anii 2023 – 2025", Term(TermKind.DEADLINE, dt.date(2025, 12, 31))),
        ("2026", Term(TermKind.DEADLINE, dt.date(2026, 12, 31))),
        ("până la 31.12.2024", Term(TermKind.DEADLINE, dt.date(2024, 12, 31))),
        ("Pînă la 1.03.2025", Term(TermKind.DEADLINE, dt.date(2025, 3, 1))),
        ("iunie 2025", Term(TermKind.DEADLINE, dt.date(2025, 6, 30))),
        ("februarie 2024", Term(TermKind.DEADLINE, dt.date(2024, 2, 29))),
        ("semestrul I, 2024", Term(TermKind.DEADLINE, dt.date(2024, 6, 30))),
        ("", None),
        ("până la 31.02.2024", None),  # not a date
        ("2025-2023", None),
        ("pe parcursul anului, după caz, cu raportare", None),
        ("Evidența reclamațiilor cetățenilor", None),
    ],
)
def test_the_term_grammar(text: str, term: Term | None) -> None:
    assert parse_term(text) == term


@pytest.mark.parametrize(
    ("term", "period", "achieved", "state"),
    [
        (Term(TermKind.ANNUAL), (2023, 1), False, DueState.ONGOING),
        (Term(TermKind.ANNUAL), (2023, 2), False, DueState.OVERDUE),
        (Term(TermKind.ANNUAL), (2023, 0), True, DueState.ACHIEVED),
        (Term(TermKind.SEMESTER), (2023, 1), True, DueState.ACHIEVED),
        (Term(TermKind.SEMESTER), (2023, 1), False, DueState.OVERDUE),
        (Term(TermKind.AS_NEEDED), (2024, 2), False, DueState.ONGOING),
        (Term(TermKind.DEADLINE, dt.date(2024, 12, 31)), (2023, 2), False, DueState.NOT_DUE),
        (Term(TermKind.DEADLINE, dt.date(2024, 12, 31)), (2024, 1), True, DueState.NOT_DUE),
        (Term(TermKind.DEADLINE, dt.date(2024, 12, 31)), (2024, 2), False, DueState.OVERDUE),
        (Term(TermKind.DEADLINE, dt.date(2024, 12, 31)), (2024, 0), True, DueState.ACHIEVED),
        (Term(TermKind.DEADLINE, dt.date(2024, 3, 31)), (2025, 1), False, DueState.OVERDUE),
        (None, (2023, 1), True, DueState.UNKNOWN),
    ],
)
def test_due_states(term: Term | None, period: tuple[int, int], achieved: bool, state: DueState) -> None:
    assert due_state(term, period[0], period[1], achieved) is state


def test_section_three_lists_the_due_actions_not_achieved(engine_demo_db: str) -> None:
    plan = Plan.get()
    results = period_results(find_period(plan, PeriodKey(2023, 1)))
    semester_terms = {"1.6", "4.4", "5.2", "5.3", "5.4", "5.5", "5.6", "5.7", "5.8", "6.1"}
    behind = {r.grid.code for r in results.values() if r.mark is not ActionMark.COMPLETE}
    overdue = {r.grid.code for r in results.values() if r.due is DueState.OVERDUE}
    assert overdue == semester_terms & behind and overdue  # in S1 the annual actions are not yet checked
    assert results[action_by_code(plan.id, "1.1").id].due is DueState.ONGOING
    assert results[action_by_code(plan.id, "1.13").id].due is DueState.ONGOING
    items = section3_items(results)
    assert [item.split(" ", 2)[1] for item in items] == sorted(
        overdue, key=lambda c: [int(x) for x in c.split(".")]
    )
    six = next(item for item in items if item.startswith("Acțiunea 6.1 "))
    assert "nerealizat, termen depășit" in six and "Direcția gospodărie comunală" in six


def test_a_term_set_by_hand_decides_and_is_undone(engine_demo_db: str) -> None:
    plan = Plan.get()
    action = action_by_code(plan.id, "2.2").id
    create_period(plan, PeriodKey(2023, 2))
    s2 = find_period(plan, PeriodKey(2023, 2))
    assert period_results(s2, [action])[action].due is DueState.UNKNOWN
    changes = SetActionTerm(action, Term(TermKind.DEADLINE, dt.date(2024, 12, 31))).apply()
    assert period_results(s2, [action])[action].due is DueState.NOT_DUE
    info = next(t for t in action_terms(plan.id) if t.action_id == action)
    assert info.text == "" and info.manual is not None and not info.unparsed  # the plan's text unchanged
    assert changes.inverse is not None
    changes.inverse.apply()
    assert period_results(s2, [action])[action].due is DueState.UNKNOWN
    with pytest.raises(Exception, match="cere data"):
        set_term(action, Term(TermKind.DEADLINE))


def test_the_commands(demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "t.sqlite"
    db.write_bytes(demo_file.read_bytes())
    assert cli.main(["--db", str(db), "terms", "--unparsed"]) == 1
    out = capsys.readouterr().out
    assert [line.split("\t")[0] for line in out.splitlines() if "\t" in line] == ["2.2", "4.1", "5.1"]
    assert cli.main(["--db", str(db), "terms", "--set", "2.2", "deadline", "31.12.2024"]) == 0
    assert "2.2\tla 31.12.2024 [stabilit manual]\t„”" in capsys.readouterr().out
    assert cli.main(["--db", str(db), "terms", "--set", "4.1", "deadline", "31.02.2024"]) == 2
    assert cli.main(["--db", str(db), "due", "--period", "2023-S1", "--section3"]) == 0
    assert "- Acțiunea 6.1 " in capsys.readouterr().out
    assert cli.main(["--db", str(db), "new-period", "2023-A"]) == 0
    assert cli.main(["--db", str(db), "annual-rules", "--set", "1.1.2", "max"]) == 0
    assert "1.1.2\tmax\t(ales" in capsys.readouterr().out
    assert cli.main(["--db", str(db), "annual-rules", "--set", "1.1.2", "medie"]) == 2


def test_rules_and_terms_set_by_hand_survive_the_json_round_trip(demo_file: Path, tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    db.write_bytes(demo_file.read_bytes())
    assert cli.main(["--db", str(db), "terms", "--set", "2.2", "deadline", "31.12.2024"]) == 0
    assert cli.main(["--db", str(db), "annual-rules", "--set", "1.1.2", "max"]) == 0
    out = tmp_path / "a.json"
    assert cli.main(["--db", str(db), "export-json", "--out", str(out)]) == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    actions = {a["code"]: a for p in document["plans"][0]["priorities"] for a in p["actions"]}
    assert actions["2.2"]["term"] == {"kind": "deadline", "due": "2024-12-31"}
    assert actions["1.1"]["indicators"][1]["annual_rule"] == "max"
    assert "term" not in actions["1.1"] and "annual_rule" not in actions["1.1"]["indicators"][0]
    copy = tmp_path / "b.sqlite"
    assert cli.main(["--db", str(copy), "import-json", str(out)]) == 0
    from balti_monitor.db.connection import close_database, open_database
    from balti_monitor.services.annual import indicator_rules

    open_database(copy)
    try:
        plan = Plan.get()
        info = next(t for t in action_terms(plan.id) if t.code == "2.2")
        assert info.manual == Term(TermKind.DEADLINE, dt.date(2024, 12, 31))
        rules = {(r.action_code, r.number): r for r in indicator_rules(plan.id)}
        assert rules[("1.1", 2)].chosen and rules[("1.1", 2)].rule.value == "max"
        assert not rules[("1.1", 1)].chosen
    finally:
        close_database()
