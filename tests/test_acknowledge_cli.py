"""Acknowledging findings from the command line; ``check`` lists acknowledged ones apart (issue 11 item 6)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from balti_monitor.cli import main


def test_acknowledge_moves_a_finding_out_of_the_unresolved_count_until_its_data_changes(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "d.sqlite")
    shutil.copyfile(demo_file, db)
    assert main(["--db", db, "check", "--period", "2023-S1"]) == 1
    out = capsys.readouterr().out
    assert "[1.6/3/1/fb_missing]" in out
    before = int(out.strip().splitlines()[-1].split()[0])

    assert (
        main(["--db", db, "acknowledge", "1.6/3/1/fb_missing", "--period", "2023-S1"]) == 2
    )  # a note is required
    assert "notă" in capsys.readouterr().err
    assert (
        main(
            [
                "--db",
                db,
                "acknowledge",
                "1.6/3/1/fb_missing",
                "--period",
                "2023-S1",
                "--note",
                "Un singur caz.",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["--db", db, "check", "--period", "2023-S1"]) == 1
    out = capsys.readouterr().out
    unresolved, _, acknowledged = out.partition("Confirmate (1;")
    assert "1.6/3/1/fb_missing" not in unresolved
    assert "[1.6/3/1/fb_missing]  Notă: Un singur caz." in acknowledged
    assert f"{before - 1} constatări nerezolvate" in out

    assert main(["--db", db, "acknowledge", "9.9/-/-/no_return", "--period", "2023-S1", "--note", "x"]) == 2

    from balti_monitor.db.connection import close_database, open_database
    from balti_monitor.db.models import Action, Period, Subdivision
    from balti_monitor.services.editing import CellEdit, set_cells

    open_database(db)
    action = Action.get(Action.code == "1.6")
    dru = Subdivision.get(Subdivision.code == "DRU").id
    set_cells(Period.get(), action.id, [CellEdit(dru, 3, "2 cazuri")])
    close_database()
    assert main(["--db", db, "check", "--period", "2023-S1"]) == 1
    out = capsys.readouterr().out
    assert "Confirmate" not in out and "[1.6/3/1/fb_missing]" in out  # the data changed: unresolved again
