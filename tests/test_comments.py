"""Comments and follow-ups on a value, a return and a Total cell: open / resolved, undoable, listed per
period, the cells with an open follow-up, the CLI list; allowed on a signed period (they are not data)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from balti_monitor.cli import main
from balti_monitor.db.models import Period, Plan, Subdivision
from balti_monitor.services.comments import (
    AddComment,
    DeleteComment,
    SetResolved,
    open_followup_cells,
    period_comments,
)
from balti_monitor.services.editing import action_by_code
from balti_monitor.services.errors import ServiceError


def action(code: str) -> int:
    return int(action_by_code(Plan.get().id, code).id)


def sub(code: str) -> int:
    return int(Subdivision.get(Subdivision.code == code).id)


def period() -> Period:
    return Period.get((Period.year == 2023) & (Period.semester == 1))


def test_a_follow_up_on_a_value_a_return_and_a_total_cell(engine_demo_db: str) -> None:
    pid, a13, ds = period().id, action("1.13"), sub("DS")
    value = AddComment(pid, a13, ds, 1, "de clarificat: 7 sau 8 acte?").apply()
    AddComment(pid, a13, ds, 0, "descrierea nu spune perioada", follow_up=False).apply()
    AddComment(pid, a13, 0, 2, "totalul diferă de raportul vechi").apply()
    assert open_followup_cells(pid, a13) == {(ds, 1), (0, 2)}  # the corner marks
    places = [c.place for c in period_comments(pid)]
    assert places == ["1.13 / DS / indicatorul 1", "1.13 / DS / returul", "1.13 / Total / indicatorul 2"]
    assert [c.text for c in period_comments(pid, only_open=True)] == [
        "de clarificat: 7 sau 8 acte?",
        "totalul diferă de raportul vechi",
    ]
    resolved = SetResolved(value.new_id or 0).apply()
    assert open_followup_cells(pid, a13) == {(0, 2)}
    assert resolved.inverse is not None
    resolved.inverse.apply()  # undo: open again
    assert (ds, 1) in open_followup_cells(pid, a13)
    assert value.inverse is not None
    undone = value.inverse.apply()  # undo of the addition
    assert (ds, 1) not in open_followup_cells(pid, a13)
    assert undone.inverse is not None
    redone = undone.inverse.apply()  # redo: the same comment under the same id
    assert redone.new_id == value.new_id


def test_an_empty_comment_is_refused(engine_demo_db: str) -> None:
    with pytest.raises(ServiceError, match="textul"):
        AddComment(period().id, action("1.13"), sub("DS"), 1, "   ").apply()
    with pytest.raises(ServiceError, match="nu mai există"):
        DeleteComment(99999).apply()


def test_cli_followups(demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from balti_monitor.db.connection import close_database, open_database

    db = tmp_path / "d.sqlite"
    shutil.copyfile(demo_file, db)
    open_database(db)
    AddComment(period().id, action("1.13"), sub("DS"), 1, "de clarificat: 7 sau 8 acte?").apply()
    close_database()
    assert main(["--db", str(db), "followups", "--period", "2023-S1"]) == 0
    out = capsys.readouterr().out
    assert "[deschis] 1.13 / DS / indicatorul 1: de clarificat: 7 sau 8 acte?" in out
