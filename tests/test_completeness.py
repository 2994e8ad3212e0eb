"""Completeness of a period's returns on the demo and on synthetic data; the review status as an undoable
write; "Lista restanțierilor" in text and Excel; the CLI overview."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from balti_monitor.cli import main
from balti_monitor.db.models import Period, Plan, Subdivision
from balti_monitor.export.completeness import write_overdue_xlsx
from balti_monitor.services.applicability import period_state
from balti_monitor.services.completeness import (
    ACCEPTED,
    MISSING,
    NEEDS_CORRECTION,
    PARTIAL,
    RECEIVED,
    SetReviewStatus,
    overdue_text,
    period_completeness,
)
from balti_monitor.services.editing import CellEdit, SetCells, action_by_code
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.periods import CreatePeriod, PeriodKey


def action(code: str) -> int:
    return int(action_by_code(Plan.get().id, code).id)


def sub(code: str) -> int:
    return int(Subdivision.get(Subdivision.code == code).id)


def period() -> Period:
    return Period.get((Period.year == 2023) & (Period.semester == 1))


def test_the_demo_has_the_returns_the_original_report_lacks(engine_demo_db: str) -> None:
    overview = period_completeness(period().id)
    # DSP did not answer 2.1 and 4.2 in the original report; DRU answered everything it had to
    assert overview.cells[(sub("DSP"), action("2.1"))].state == MISSING
    assert [c.action_code for c in overview.owed(sub("DSP"))] == ["2.1", "4.2"]
    assert overview.owed(sub("DRU")) == []
    dru = next(line for line in overview.subdivisions if line.code == "DRU")
    assert dru.counts[RECEIVED] == sum(dru.counts.values()) > 0
    # every cell is a responsibility of the period, counted once per subdivision and per action
    assert sum(sum(line.counts.values()) for line in overview.subdivisions) == len(overview.cells)
    assert sum(sum(c.values()) for c in overview.action_counts.values()) == len(overview.cells)


def test_states_on_synthetic_data(plan_db: Path) -> None:
    pid = CreatePeriod(Plan.get().id, PeriodKey(2024, 1)).apply().new_id
    assert pid is not None
    from balti_monitor.db.models import Action

    # an action with three subdivisions answering, the first one for at least two indicators
    a11 = next(
        a.id
        for a in Action.select().order_by(Action.id)
        if len(state := period_state(pid, a.id)) >= 3 and len(state[0][1]) >= 2
    )
    (first, numbers), (second, _), (third, _), *_ = period_state(pid, a11)
    overview = period_completeness(pid)
    assert {c.state for c in overview.cells.values()} == {MISSING}
    some = sorted(numbers)
    SetCells(pid, a11, (CellEdit(first, some[0], "3 funcționari"),)).apply()
    SetCells(pid, a11, tuple(CellEdit(second, n, "1") for n in period_state(pid, a11)[1][1])).apply()
    SetCells(pid, a11, (CellEdit(third, 0, "Doar o descriere"),)).apply()
    overview = period_completeness(pid)
    partial = overview.cells[(first, a11)]
    assert partial.state == PARTIAL and partial.missing_indicators == tuple(some[1:])
    assert overview.cells[(second, a11)].state == RECEIVED
    assert overview.cells[(third, a11)].state == PARTIAL  # a description without the values
    SetReviewStatus(pid, a11, second, "needs_correction").apply()
    assert period_completeness(pid).cells[(second, a11)].state == NEEDS_CORRECTION
    text = overdue_text(period_completeness(pid), "15.07.2024")[second]
    assert "termen: 15.07.2024" in text and "informația trebuie corectată" in text
    assert (
        f"lipsesc valorile indicatorilor {', '.join(map(str, some[1:]))}"
        in overdue_text(period_completeness(pid))[first]
    )


def test_the_review_status_is_an_undoable_write(engine_demo_db: str) -> None:
    pid, a13, ds = period().id, action("1.13"), sub("DS")
    changes = SetReviewStatus(pid, a13, ds, "accepted").apply()
    assert period_completeness(pid).cells[(ds, a13)].state == ACCEPTED
    assert changes.inverse is not None
    again = changes.inverse.apply()
    assert period_completeness(pid).cells[(ds, a13)].state == RECEIVED
    assert again.inverse == SetReviewStatus(pid, a13, ds, "accepted")
    with pytest.raises(ServiceError, match="nu a prezentat"):
        SetReviewStatus(pid, action("2.1"), sub("DSP"), "accepted").apply()


def test_the_overdue_list_in_excel(engine_demo_db: str, tmp_path: Path) -> None:
    written = write_overdue_xlsx(period_completeness(period().id), tmp_path / "restante.xlsx", "15.07.2023")
    book = load_workbook(written)
    rows = [[c.value for c in r] for r in book["Restanțieri"].iter_rows(min_row=3)]
    assert [
        "Direcția-serviciul de presă",
        "DSP",
        "2.1",
        "informația nu a fost prezentată",
        "lipsă",
        "15.07.2023",
    ] in rows
    messages = [r[1].value for r in book["Mesaje"].iter_rows(min_row=2)]
    assert any(m.startswith("Direcția-serviciul de presă (DSP)") for m in messages)


def test_cli_completeness_prints_the_overview_and_exits_0(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "d.sqlite"
    shutil.copyfile(demo_file, db)
    assert main(["--db", str(db), "completeness", "--period", "2023-S1", "--deadline", "15.07.2023"]) == 0
    out = capsys.readouterr().out
    assert "Perioada 2023-S1: lipsă 8" in out
    assert "DSP" in out and "acțiunea 2.1: informația nu a fost prezentată" in out
