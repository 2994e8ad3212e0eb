"""The command line's parser: global options on either side of the sub-command, argparse's own messages in
Romanian, and a light start (no heavy library imported to build the parser)."""

from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from balti_monitor import cli
from balti_monitor.cli import COMMANDS, build_parser, chosen_command, main

HEAVY = ("openpyxl", "docxtpl", "docx", "jinja2", "matplotlib", "psycopg", "psycopg2")


def test_db_after_the_sub_command_works_like_before_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    after, before = tmp_path / "after.sqlite", tmp_path / "before.sqlite"
    assert main(["demo", "--db", str(after)]) == 0
    assert main(["--db", str(before), "demo"]) == 0
    capsys.readouterr()
    assert main(["check", "--period", "2023-S1", "--db", str(after)]) == 1
    from_after = capsys.readouterr().out
    assert main(["--db", str(before), "check", "--period", "2023-S1"]) == 1
    from_before = capsys.readouterr().out
    assert "constatări nerezolvate în perioada 2023-S1" in from_after
    assert from_after.replace(str(after), "") == from_before.replace(str(before), "")


def test_db_given_on_both_sides_the_later_one_wins(tmp_path: Path) -> None:
    first, second = tmp_path / "first.sqlite", tmp_path / "second.sqlite"
    assert main(["--db", str(first), "init", "--db", str(second)]) == 0
    assert second.exists()
    assert not first.exists()


def test_db_equals_form_and_unknown_command_after_db_value() -> None:
    assert chosen_command(["--db=check", "totals"]) == "totals"
    assert chosen_command(["--db", "check", "totals"]) == "totals"
    assert chosen_command(["--version"]) is None
    args = build_parser("totals").parse_args(["totals", "--period", "2023-S1", "--db=x.sqlite"])
    assert args.db == "x.sqlite"


def _error_of(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    return capsys.readouterr().err


def test_unrecognized_arguments_are_reported_in_romanian(capsys: pytest.CaptureFixture[str]) -> None:
    err = _error_of(["demo", "--bogus"], capsys)
    assert "Eroare: argumente necunoscute: --bogus" in err
    assert err.startswith("Utilizare: balti-monitor")
    assert "unrecognized" not in err and "usage" not in err


def test_unknown_command_is_reported_in_romanian(capsys: pytest.CaptureFixture[str]) -> None:
    err = _error_of(["raport"], capsys)
    assert "valoare necunoscută: 'raport' (alegeți dintre 'init', 'demo'" in err
    assert "invalid choice" not in err and "argument " not in err


def test_missing_required_option_and_value_are_reported_in_romanian(
    capsys: pytest.CaptureFixture[str],
) -> None:
    err = _error_of(["check"], capsys)
    assert "Eroare: lipsesc argumentele obligatorii: --period" in err
    assert err.startswith("Utilizare: balti-monitor check")
    err = _error_of(["totals", "--period"], capsys)
    assert "Eroare: argumentul --period: lipsește valoarea" in err
    assert "expected" not in err


def test_help_headings_are_romanian(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("Utilizare: balti-monitor check")
    assert "opțiuni:" in out
    assert "afișează acest ajutor și iese" in out
    assert "--db FIȘIER" in out
    for english in ("usage:", "options:", "show this help"):
        assert english not in out


def test_argparse_keeps_english_for_other_programs_afterwards(capsys: pytest.CaptureFixture[str]) -> None:
    _error_of(["raport"], capsys)
    other = argparse.ArgumentParser(prog="other")
    assert other.format_usage().startswith("usage: other")


def test_every_command_in_the_table_is_registered_by_its_module_with_the_same_help() -> None:
    registered: dict[str, tuple[str, str]] = {}
    for module_name in dict.fromkeys(module for module, _ in COMMANDS.values()):
        parser = argparse.ArgumentParser()
        sub = parser.add_subparsers()
        importlib.import_module(f"balti_monitor.cli.{module_name}").register(sub)
        helps = {action.dest: str(action.help) for action in sub._choices_actions}
        for name in sub.choices:
            registered[name] = (module_name, helps[name])
    assert registered == COMMANDS


def test_global_option_is_listed_in_every_sub_command() -> None:
    for name in COMMANDS:
        parser = build_parser(name)
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        assert "--db" in sub.choices[name].format_help(), name


_PROBE = """
import json, sys
from balti_monitor.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
heavy = sorted({m.split(".")[0] for m in sys.modules} & set(%r))
print(json.dumps(heavy))
"""


@pytest.mark.parametrize("argv", [["--help"], ["check", "--help"], ["--db", "x.sqlite", "verify", "--help"]])
def test_building_the_parser_imports_no_heavy_library(argv: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE % (HEAVY,), *argv],
        capture_output=True,
        text=True,
        timeout=120,
        encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []
    assert "Utilizare: balti-monitor" in result.stdout


def test_command_modules_list_matches_the_table() -> None:
    assert set(cli.COMMAND_MODULES) == {module for module, _ in COMMANDS.values()}


@pytest.mark.parametrize("columns", [50, 200])
def test_help_is_wrapped_to_the_terminal_width(
    columns: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    lines = capsys.readouterr().out.splitlines()
    assert max(len(line) for line in lines) <= columns - 2
    usage = [line for line in lines if line.startswith("Utilizare:")]
    assert usage and ("--db" in usage[0]) == (columns == 200)  # wrapped only on the narrow terminal


def test_a_command_run_as_its_own_process_answers_like_one_run_in_process(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "demo.sqlite"
    assert main(["--db", str(path), "demo"]) == 0
    capsys.readouterr()
    in_process = main(["--db", str(path), "check", "--period", "2023-S1"])
    expected = capsys.readouterr().out
    result = subprocess.run(
        [sys.executable, "-m", "balti_monitor", "--db", str(path), "check", "--period", "2023-S1"],
        capture_output=True,
        timeout=120,
    )
    assert (result.returncode, in_process) == (1, 1)
    assert result.stdout.decode("utf-8").replace("\r\n", "\n") == expected
    assert "constatări nerezolvate în perioada 2023-S1" in expected


def test_only_a_command_run_as_the_program_freezes_what_its_imports_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The program's own process hands its import-time objects to ``gc.freeze``; a caller of ``main(argv)``
    in a longer-lived process (the tests, the benchmarks) keeps its collector untouched."""
    import gc

    path = tmp_path / "f.sqlite"
    gc.unfreeze()
    try:
        assert main(["--db", str(path), "init"]) == 0
        assert gc.get_freeze_count() == 0
        monkeypatch.setattr(sys, "argv", ["balti-monitor", "verify", str(path)])
        assert main() == 0
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


_DRIVER_PROBE = """
import json, sys
from balti_monitor.cli import main
code = main(sys.argv[1:])
print(json.dumps([code, sorted(m for m in ("psycopg", "psycopg2") if m in sys.modules)]))
"""


def test_a_command_on_a_file_never_loads_the_postgresql_driver(demo_file: Path, tmp_path: Path) -> None:
    # peewee imports psycopg with itself when it is installed (85 ms of every start); a file never needs it
    path = tmp_path / "demo.sqlite"
    path.write_bytes(demo_file.read_bytes())
    result = subprocess.run(
        [sys.executable, "-c", _DRIVER_PROBE, "--db", str(path), "check", "--period", "2023-S1"],
        capture_output=True,
        text=True,
        timeout=120,
        encoding="utf-8",
    )
    code, drivers = json.loads(result.stdout.strip().splitlines()[-1])
    assert code in (0, 1), result.stderr  # 1: the demo has findings
    assert drivers == []


def test_a_server_connection_gives_peewee_its_driver_then() -> None:
    probe = (
        "import sys\n"
        "import balti_monitor.db.models\n"
        "assert 'psycopg' not in sys.modules\n"
        "from balti_monitor.db.pg_driver import ServerDatabase\n"
        "db = ServerDatabase('postgresql://nimeni@127.0.0.1:1/nicio_baza')\n"  # nothing is connected yet
        "print(type(db._adapter).__name__)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, encoding="utf-8"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Psycopg3Adapter"
