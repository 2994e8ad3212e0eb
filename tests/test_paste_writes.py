"""A paste (many cells in one write) is written set-based, a few statements per table, and must leave every
row exactly as the cell-by-cell write does: returns created for text in an empty row, emptied returns
dropped, values parsed, cleared cells deleted — and its undo must put every row back (issue 20)."""

from __future__ import annotations

import random
from typing import Any

import pytest
from test_undo_services import state

from balti_monitor.db.models import Action, Indicator, Period, Responsibility, database
from balti_monitor.services import forms_import
from balti_monitor.services.editing import DESCRIPTION_COLUMN, CellEdit, SetCells

TEXTS = [None, "", "  ", "5 acte", "12 ședințe", "7 angajați (3F/4B)", "-", "Măsuri noi\nrândul doi", "0"]


def _edits(action: Action, seed: int) -> list[CellEdit]:
    """A random block over the action's grid: every responsible subdivision × the description and each
    indicator, some cells left out."""
    rng = random.Random(seed)
    subs = [r.subdivision_id for r in Responsibility.select().where(Responsibility.action == action)]
    columns = [DESCRIPTION_COLUMN] + [i.number for i in Indicator.select().where(Indicator.action == action)]
    return [
        CellEdit(sub, column, rng.choice(TEXTS)) for sub in subs for column in columns if rng.random() < 0.8
    ]


@pytest.mark.parametrize("seed", range(4))
def test_a_paste_writes_the_rows_the_cell_by_cell_write_does(engine_demo_db: str, seed: int) -> None:
    period = Period.select().order_by(Period.id).first()
    action = Action.get(Action.code == "1.15")
    edits = _edits(action, seed)
    assert len(edits) > 20
    before = state()

    many = SetCells(period.id, action.id, tuple(edits)).apply()
    after_many = state()
    assert after_many != before
    assert many.inverse is not None
    many.inverse.apply()
    assert state() == before, "the undo of a paste left rows different"

    for edit in edits:
        SetCells(period.id, action.id, (edit,)).apply()
    assert state() == after_many


def _round_trips(monkeypatch: pytest.MonkeyPatch, edits: list[CellEdit]) -> int:
    """How many statements (an ``executemany`` counted once) writing ``edits`` of 1.15 sends."""
    period = Period.select().order_by(Period.id).first()
    action = Action.get(Action.code == "1.15")
    calls = [0]
    engine = getattr(database, "obj", database)  # the open file behind the models' proxy
    real_sql, real_many = engine.execute_sql, forms_import.executemany

    def counted_sql(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return real_sql(*args, **kwargs)

    def counted_many(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return real_many(*args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(engine, "execute_sql", counted_sql)
        patch.setattr(forms_import, "executemany", counted_many)
        SetCells(period.id, action.id, tuple(edits)).apply()
    return calls[0]


def test_a_paste_takes_the_same_few_statements_whatever_its_size(
    demo_db: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    action = Action.get(Action.code == "1.15")
    block = [e for e in _edits(action, 7) if e.text is not None]
    small = _round_trips(monkeypatch, block[:4])
    large = _round_trips(
        monkeypatch, [CellEdit(e.subdivision_id, e.column, f"{n} acte") for n, e in enumerate(block)]
    )
    assert len(block) > 25
    # cell by cell it was three or four statements per cell; set-based it is a few per table
    assert large <= small + 2, (small, large)
    assert large < 20, large
