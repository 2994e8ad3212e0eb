"""Several people editing the same grid: a cell write carries the text it was read with (its version);
different cells both succeed, the same cell is refused for the second person with both values, never
overwritten silently. On both engines; the concurrent writers run on the server, each with its own
connection."""

from __future__ import annotations

import random
import threading
import time
from typing import Any

import pytest

from balti_monitor.db.models import Period, Plan, Subdivision, database
from balti_monitor.services.audit import apply_recorded
from balti_monitor.services.editing import CellConflict, CellEdit, SetCells, action_by_code, cell_text


def sub(code: str) -> int:
    return int(Subdivision.get(Subdivision.code == code).id)


def place(action: str = "1.13") -> tuple[int, int]:
    return int(Period.get().id), int(action_by_code(Plan.get().id, action).id)


def write(period: int, action: int, subdivision: int, column: int, text: str | None, read: str | None) -> Any:
    return apply_recorded(SetCells(period, action, (CellEdit(subdivision, column, text),), (read,)), "typed")


def test_two_people_on_different_cells_both_succeed(engine_demo_db: str) -> None:
    period, action = place()
    ds, dru = sub("DS"), sub("DRU")
    read_ds = cell_text(period, action, ds, 1)  # the first person's window
    read_dru = cell_text(period, action, dru, 1)  # the second person's window
    write(period, action, ds, 1, "4 acte", read_ds)
    write(period, action, dru, 1, "2 acte", read_dru)
    assert cell_text(period, action, ds, 1) == "4 acte"
    assert cell_text(period, action, dru, 1) == "2 acte"


def test_the_same_cell_the_second_save_is_refused_with_both_values(engine_demo_db: str) -> None:
    period, action = place()
    ds = sub("DS")
    read = cell_text(period, action, ds, 1)
    write(period, action, ds, 1, "7 acte", read)  # the first person saves
    with pytest.raises(CellConflict) as refused:  # the second person read the same text before
        write(period, action, ds, 1, "5 acte", read)
    clash = refused.value.clashes[0]
    assert (clash.read, clash.mine, clash.theirs) == (read, "5 acte", "7 acte")
    assert "7 acte" in str(refused.value) and "5 acte" in str(refused.value)
    assert cell_text(period, action, ds, 1) == "7 acte"  # nothing overwritten
    # "keep mine": the same write over what the cell holds now
    forward = SetCells(period, action, (CellEdit(ds, 1, "5 acte"),), (read,))
    apply_recorded(forward.over(refused.value), "typed")
    assert cell_text(period, action, ds, 1) == "5 acte"


def test_taking_theirs_keeps_the_other_cells_of_a_paste(engine_demo_db: str) -> None:
    period, action = place()
    ds, dru = sub("DS"), sub("DRU")
    read = (cell_text(period, action, ds, 1), cell_text(period, action, dru, 1))
    write(period, action, ds, 1, "7 acte", read[0])
    paste = SetCells(period, action, (CellEdit(ds, 1, "1 act"), CellEdit(dru, 1, "3 acte")), read)
    with pytest.raises(CellConflict) as refused:
        apply_recorded(paste, "paste")
    assert cell_text(period, action, dru, 1) == read[1]  # all or nothing
    rest = paste.without(refused.value)
    assert rest is not None and [e.subdivision_id for e in rest.edits] == [dru]
    apply_recorded(rest, "paste")
    assert (cell_text(period, action, ds, 1), cell_text(period, action, dru, 1)) == ("7 acte", "3 acte")


def test_the_same_text_saved_by_both_is_no_conflict(engine_demo_db: str) -> None:
    period, action = place()
    ds = sub("DS")
    read = cell_text(period, action, ds, 1)
    write(period, action, ds, 1, "7 acte", read)
    write(period, action, ds, 1, "7 acte", read)  # both typed the same: nothing to choose
    assert cell_text(period, action, ds, 1) == "7 acte"


def test_an_undo_does_not_overwrite_what_someone_saved_after(engine_demo_db: str) -> None:
    period, action = place()
    ds = sub("DS")
    read = cell_text(period, action, ds, 1)
    mine = write(period, action, ds, 1, "7 acte", read)
    write(period, action, ds, 1, "9 acte", "7 acte")  # somebody else, after
    with pytest.raises(CellConflict):
        apply_recorded(mine.inverse, "undo")
    assert cell_text(period, action, ds, 1) == "9 acte"


def test_a_first_value_in_an_empty_cell_is_versioned_too(engine_demo_db: str) -> None:
    period, action = place("2.2")
    ds = next(int(s.id) for s in Subdivision.select() if cell_text(period, action, int(s.id), 1) is None)
    write(period, action, ds, 1, "1 act", None)
    with pytest.raises(CellConflict) as refused:
        write(period, action, ds, 1, "2 acte", None)
    assert refused.value.clashes[0].theirs == "1 act"


# ------------------------------------------------------------------------------------------------------
# Concurrent writers on a server: no lost update


def _hammer(writers: int, edits: int, url: str) -> None:
    """``writers`` threads (each its own connection) add 1 to random cells ``edits`` times each, reading
    then writing with the version read; a refused save reads again. Afterwards the sum of the cells is
    exactly the number of acknowledged saves (without the versions, this test loses updates)."""
    from balti_monitor.db.pg_driver import retryable

    period, action = place()
    cells = [(sub(code), 1) for code in ("DS", "DRU")]
    apply_recorded(SetCells(period, action, tuple(CellEdit(s, c, "0") for s, c in cells)), "typed")
    acknowledged = [0] * writers
    conflicts = [0] * writers
    failures: list[BaseException] = []

    def work(n: int) -> None:
        rng = random.Random(n)
        database.connect(reuse_if_open=True)  # this thread's own connection (closed below)
        try:
            while acknowledged[n] < edits:
                subdivision, column = rng.choice(cells)
                read = cell_text(period, action, subdivision, column)
                # each writer its own spelling of a number (trailing spaces: raw text is kept as typed), so
                # two writers never save the same text and every acknowledged save must count
                wanted = str(int((read or "0").strip()) + 1) + " " * n
                time.sleep(rng.random() * 0.003)  # the time it takes to type
                try:
                    write(period, action, subdivision, column, wanted, read)
                except CellConflict:
                    conflicts[n] += 1
                    continue
                except Exception as exc:
                    if retryable(exc):
                        conflicts[n] += 1
                        continue
                    raise
                acknowledged[n] += 1
        except BaseException as exc:  # reported by the main thread
            failures.append(exc)
        finally:
            database.close()  # this thread's connection

    threads = [threading.Thread(target=work, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures, failures[:3]
    total = sum(int((cell_text(period, action, s, c) or "0").strip()) for s, c in cells)
    assert total == sum(acknowledged) == writers * edits
    assert sum(conflicts) > 0  # the writers did meet (else the test proves nothing)


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_concurrent_writers_lose_no_update(engine_demo_db: str) -> None:
    _hammer(6, 25, engine_demo_db)


@pytest.mark.stress
@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_twenty_writers_times_500_edits_lose_no_update(engine_demo_db: str) -> None:
    _hammer(20, 500, engine_demo_db)


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_two_people_typing_the_first_value_of_a_new_return_at_once(engine_demo_db: str) -> None:
    """Neither return exists yet: both try to create it; one saves, the other gets the conflict (its write
    was run again after the server's serialisation failure), never a crash or two returns."""
    period, action = place("2.2")
    empty = next(int(s.id) for s in Subdivision.select() if cell_text(period, action, int(s.id), 0) is None)
    start = threading.Barrier(2)
    outcome: list[str] = []

    def person(text: str) -> None:
        database.connect(reuse_if_open=True)
        try:
            start.wait()
            write(period, action, empty, 1, text, None)
            outcome.append("saved")
        except CellConflict:
            outcome.append("conflict")
        except BaseException as exc:
            outcome.append(repr(exc))
        finally:
            database.close()

    threads = [threading.Thread(target=person, args=(t,)) for t in ("1 act", "2 acte")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcome) == ["conflict", "saved"]
    assert cell_text(period, action, empty, 1) in ("1 act", "2 acte")
