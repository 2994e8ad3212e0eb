"""The command line: init, demo, check, totals, JSON export/import, errors that change nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from balti_monitor import __version__
from balti_monitor.cli import main


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "balti_monitor", *args],
        capture_output=True,
        text=True,
        timeout=120,
        encoding="utf-8",
    )


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_demo_then_check_reports_findings_with_exit_code_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "d.sqlite")
    assert main(["--db", db, "demo"]) == 0
    assert main(["--db", db, "check", "--period", "2023-S1"]) == 1
    out = capsys.readouterr().out
    assert "1.13 · Indicator 2: Raportul original: „7 acte”; calculat: 8 acte." in out
    assert "constatări nerezolvate în perioada 2023-S1" in out


def test_check_on_a_clean_period_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "d.sqlite")
    assert main(["--db", db, "init"]) == 0
    from balti_monitor.db.connection import close_database, open_database
    from balti_monitor.db.models import Plan
    from balti_monitor.services.periods import PeriodKey, create_period

    open_database(db)
    create_period(Plan.get(), PeriodKey(2024, 1))
    close_database()
    # an empty period: every responsible subdivision lacks a return, which is a finding
    assert main(["--db", db, "check", "--period", "2024-S1"]) == 1
    assert "nu a prezentat informația" in capsys.readouterr().out


def test_totals_of_one_action(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "d.sqlite")
    main(["--db", db, "demo"])
    capsys.readouterr()
    assert main(["--db", db, "totals", "--period", "2023-S1", "--action", "1.13"]) == 0
    out = capsys.readouterr().out
    assert "Indicator 1: 8 acte" in out
    assert "Indicator 2: 8 acte   [raportul original: 7 acte]" in out


def test_unknown_period_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "d.sqlite")
    main(["--db", db, "demo"])
    assert main(["--db", db, "check", "--period", "2031-S1"]) == 2
    err = capsys.readouterr().err
    assert "Perioada 2031-S1 nu există" in err and "2023-S1" in err


def test_missing_database_is_not_created_by_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "nowhere.sqlite"
    assert main(["--db", str(db), "check", "--period", "2023-S1"]) == 2
    assert "nu există" in capsys.readouterr().err
    assert not db.exists()


def test_json_round_trip_through_the_cli(tmp_path: Path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    assert main(["--db", str(tmp_path / "d.sqlite"), "demo"]) == 0
    assert main(["--db", str(tmp_path / "d.sqlite"), "export-json", "--out", str(first)]) == 0
    assert main(["--db", str(tmp_path / "e.sqlite"), "import-json", str(first)]) == 0
    assert main(["--db", str(tmp_path / "e.sqlite"), "export-json", "--out", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    # importing again into a file with data is refused
    assert main(["--db", str(tmp_path / "e.sqlite"), "import-json", str(first)]) == 2


def test_bad_arguments_exit_2_in_romanian() -> None:
    result = run("check")
    assert result.returncode == 2
    assert "Eroare:" in result.stderr
