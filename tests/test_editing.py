"""Editing returns through the services: values, descriptions, overrides, refusals that change nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from balti_monitor.db.models import Period, Plan, Return, Subdivision, TotalOverride, Value
from balti_monitor.services.editing import (
    CellEdit,
    action_by_code,
    cell_text,
    clear_override,
    set_cell,
    set_cells,
    set_override,
)
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.grids import load_grid
from balti_monitor.services.periods import create_next_period, parse_period_code
from balti_monitor.services.results import action_result


def sub(code: str) -> int:
    return int(Subdivision.get(Subdivision.code == code).id)


def test_editing_a_value_updates_the_total(engine_demo_db: str) -> None:
    period = Period.get()
    action = action_by_code(Plan.get().id, "1.13")
    before = action_result(load_grid(period, action.id)).totals.by_number(1)
    assert before.text == "8 acte"
    changes = set_cell(period, action.id, sub("DS"), 1, "6 acte")
    assert changes.actions == {action.id}
    after = action_result(load_grid(period, action.id)).totals.by_number(1)
    assert after.text == "9 acte"
    assert cell_text(period, action.id, sub("DS"), 1) == "6 acte"


def test_raw_text_is_stored_verbatim_with_parsed_facts_beside(engine_demo_db: str) -> None:
    period = Period.get()
    action = action_by_code(Plan.get().id, "1.1")
    raw = "  12 funcţionari (7F/ 5B) ; "
    set_cell(period, action.id, sub("DRU"), 1, raw)
    value = (
        Value.select()
        .join(Return)
        .where((Return.action == action.id) & (Return.subdivision == sub("DRU")))
        .order_by(Value.indicator)
        .first()
    )
    assert value.raw_text == raw
    assert (value.quantity, value.women, value.men) == ("12", 7, 5)


def test_negative_value_refused_and_nothing_stored(engine_demo_db: str) -> None:
    period = Period.get()
    action = action_by_code(Plan.get().id, "1.13")
    before = cell_text(period, action.id, sub("DS"), 1)
    with pytest.raises(ServiceError, match="negativă"):
        set_cell(period, action.id, sub("DS"), 1, "-5 acte")
    assert cell_text(period, action.id, sub("DS"), 1) == before


def test_paste_is_all_or_nothing(engine_demo_db: str) -> None:
    period = Period.get()
    action = action_by_code(Plan.get().id, "1.13")
    before = [cell_text(period, action.id, sub("DS"), c) for c in (1, 2)]
    with pytest.raises(ServiceError):
        set_cells(period, action.id, [CellEdit(sub("DS"), 1, "1 act"), CellEdit(sub("DS"), 2, "-3 acte")])
    assert [cell_text(period, action.id, sub("DS"), c) for c in (1, 2)] == before


def test_first_edit_creates_a_return_and_clearing_it_removes_it(engine_demo_db: str) -> None:
    period, _ = create_next_period(Plan.get())
    action = action_by_code(Plan.get().id, "1.2")
    assert cell_text(period, action.id, sub("DRU"), 1) is None
    set_cell(period, action.id, sub("DRU"), 1, "2 cazuri")
    assert Return.select().where(Return.period == period).count() == 1
    set_cell(period, action.id, sub("DRU"), 1, None)
    assert Return.select().where(Return.period == period).count() == 0


def test_override_needs_a_reason_and_is_shown_instead(engine_demo_db: str) -> None:
    period = Period.get()
    action = action_by_code(Plan.get().id, "1.2")
    with pytest.raises(ServiceError, match="motivul"):
        set_override(period, action.id, 1, "3 cazuri", "  ")
    set_override(period, action.id, 1, "3 cazuri", "confirmat telefonic", "Olga")
    total = action_result(load_grid(period, action.id)).totals.by_number(1)
    assert total.shown == "3 cazuri"
    assert total.text == "0 cazuri"
    assert TotalOverride.get(TotalOverride.raw_text == "3 cazuri").author == "Olga"
    clear_override(period, action.id, 1)
    assert action_result(load_grid(period, action.id)).totals.by_number(1).shown == "0 cazuri"


def test_next_period_and_period_codes(engine_demo_db: str) -> None:
    period, changes = create_next_period(Plan.get())
    assert (period.year, period.semester) == (2023, 2)
    assert changes.periods
    assert parse_period_code("2024-s1").code == "2024-S1"
    with pytest.raises(ServiceError, match="2023-S1"):
        parse_period_code("semestrul 1")


def test_lone_surrogate_is_refused_not_a_crash(engine_demo_db: str) -> None:
    period = Period.get()
    action = action_by_code(Plan.get().id, "1.13")
    before = cell_text(period, action.id, sub("DS"), 0)
    with pytest.raises(ServiceError, match="caracter invalid"):
        set_cell(period, action.id, sub("DS"), 0, "text \udc80 rupt")
    assert cell_text(period, action.id, sub("DS"), 0) == before


def test_typed_text_is_stored_verbatim_except_windows_line_ends_and_blank_means_clear() -> None:
    from balti_monitor.services.editing import cell_text_to_store

    assert (
        cell_text_to_store("  12 funcţionari ;\r\nrând 2\rrând 3 ") == "  12 funcţionari ;\nrând 2\nrând 3 "
    )
    assert cell_text_to_store(" \r\n\t") is None
    assert cell_text_to_store("") is None


def test_the_next_period_follows_the_latest_semester_and_ignores_annual_periods() -> None:
    from balti_monitor.services.periods import PeriodInfo, PeriodKey, next_period_key

    def periods(*keys: tuple[int, int]) -> list[PeriodInfo]:
        return [PeriodInfo(n, 1, year, semester) for n, (year, semester) in enumerate(keys, start=1)]

    assert next_period_key(2023, []) == PeriodKey(2023, 1)
    assert next_period_key(2023, periods((2023, 1))) == PeriodKey(2023, 2)
    assert next_period_key(2023, periods((2023, 2), (2023, 1), (2023, 0))) == PeriodKey(2024, 1)
    assert next_period_key(2023, periods((2024, 0))) == PeriodKey(2023, 1)


def test_a_typed_value_is_written_and_committed_in_one_transaction_without_savepoints(demo_db: Path) -> None:
    """Issue 20: an edit is one transaction - the cell read for undo, its value row and its return's
    ``updated_at`` - committed before the service returns; the undo puts the old text back."""
    from balti_monitor.db.models import database
    from balti_monitor.services.editing import SetCells

    period = Period.get()
    action = action_by_code(Plan.get().id, "1.13")
    before = cell_text(period, action.id, sub("DS"), 1)
    assert before
    statements: list[str] = []
    connection = database.connection()
    connection.set_trace_callback(statements.append)
    try:
        changes = SetCells(period.id, action.id, (CellEdit(sub("DS"), 1, "6 acte"),)).apply()
    finally:
        connection.set_trace_callback(None)
    # the trace repeats a statement for each trigger program it runs, and shows those programs as "--"
    words = [s.split()[0].upper() for s in statements if not s.startswith("--")]
    assert words.count("BEGIN") == 1 and words[-1] == "COMMIT"
    assert "SAVEPOINT" not in words
    writes = {s for s in statements if s.split()[0].upper() in ("UPDATE", "INSERT", "DELETE")}
    assert len(writes) == 2  # the value row and the return's updated_at
    assert not database.in_transaction()
    assert cell_text(period, action.id, sub("DS"), 1) == "6 acte"
    assert changes.inverse is not None
    changes.inverse.apply()
    assert cell_text(period, action.id, sub("DS"), 1) == before


def test_a_count_of_people_too_large_to_store_is_refused_with_a_message(engine_demo_db: str) -> None:
    # 23 digits do not fit the 64-bit integer of the women/men columns: SQLite raised OverflowError and the
    # server an error of its own; the value is refused with a message and nothing changes
    period = Period.get()
    action = action_by_code(Plan.get().id, "1.13")
    before = cell_text(period, action.id, sub("DS"), 1)
    with pytest.raises(ServiceError, match="prea mare"):
        set_cell(period, action.id, sub("DS"), 1, "99999999999999999999999 acte (F)")
    assert cell_text(period, action.id, sub("DS"), 1) == before
    set_cell(period, action.id, sub("DS"), 1, "99999999999999999999999 acte")  # a quantity is kept as text
    assert cell_text(period, action.id, sub("DS"), 1) == "99999999999999999999999 acte"
