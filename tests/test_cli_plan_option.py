"""``--plan CODE`` on every command: the only plan by default, a clear message with several plans, an
unknown code refused; check/totals/export work on the chosen plan."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from kind_plans import open_government_plan

from balti_monitor.cli import COMMANDS, build_parser, main
from balti_monitor.db.connection import close_database, open_database


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_accepts_plan(command: str) -> None:
    parser = build_parser(command)
    sub = next(a for a in parser._actions if a.dest == "command").choices[command]  # type: ignore[index]
    assert "--plan" in sub._option_string_actions


@pytest.fixture
def two_plans(demo_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "doua.sqlite"
    shutil.copyfile(demo_file, path)
    open_database(path)
    open_government_plan()
    close_database()
    return path


def test_several_plans_without_plan_name_the_codes(
    two_plans: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--db", str(two_plans), "--period", "2023-S1"]) == 2
    err = capsys.readouterr().err
    assert "--plan" in err and "PLA-BALTI-2023-2027" in err and "OGP-2019-2020" in err


def test_an_unknown_plan_code_is_refused(two_plans: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["totals", "--db", str(two_plans), "--plan", "PLA-2030", "--period", "2023-S1"]) == 2
    assert "Planul „PLA-2030” nu există" in capsys.readouterr().err


def test_the_chosen_plan_is_the_one_checked(two_plans: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["check", "--db", str(two_plans), "--plan", "PLA-BALTI-2023-2027", "--period", "2023-S1"]) == 1
    )
    assert "constatări nerezolvate în perioada 2023-S1" in capsys.readouterr().out
    # the period exists only in the other plan
    assert main(["--plan", "OGP-2019-2020", "check", "--db", str(two_plans), "--period", "2023-S1"]) == 2
    assert "Perioada 2023-S1 nu există" in capsys.readouterr().err
    assert main(["check", "--db", str(two_plans), "--plan", "OGP-2019-2020", "--period", "2020-S1"]) in (0, 1)


def test_a_span_of_years_is_created_for_the_chosen_plan(
    two_plans: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from balti_monitor.db.models import Plan

    open_database(two_plans)
    Plan.create(code="PROG", title="Program municipal", first_year=2017, last_year=2022, kind="program")
    close_database()
    assert main(["new-period", "--db", str(two_plans), "--plan", "PROG", "2017-2019"]) == 0
    capsys.readouterr()
    assert main(["new-period", "--db", str(two_plans), "--plan", "PROG", "2017 – 2019"]) == 2
    assert "există deja" in capsys.readouterr().err
    assert main(["new-period", "--db", str(two_plans), "--plan", "PROG", "2021-2023"]) == 2
    assert "în afara planului" in capsys.readouterr().err
    open_database(two_plans)
    from balti_monitor.services.periods import period_infos
    from balti_monitor.services.plans import select_plan

    assert [p.key.code for p in period_infos(select_plan("PROG").id)] == ["2017-2019"]
    close_database()


def test_the_log_of_a_span_of_years(two_plans: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from kind_plans import programme_report

    from balti_monitor.services.progress import SaveProgress

    open_database(two_plans)
    ids = programme_report()
    SaveProgress(ids["1.1"], ids["period"], "Au fost aprobate Regulamentele.", "", ()).apply()
    close_database()
    assert main(["log", "--db", str(two_plans), "--plan", "PROG-2017-2019", "--period", "2017-2019"]) == 0
    assert "Au fost aprobate Regulamentele." in capsys.readouterr().out
