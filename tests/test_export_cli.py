"""The ``balti-monitor export`` command."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from export_support import action_sections

from balti_monitor import cli
from balti_monitor.export.docx_check import check_docx, read_blocks


@pytest.fixture
def demo_copy(demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    if "report" not in cli.COMMAND_MODULES:
        monkeypatch.setattr(cli, "COMMAND_MODULES", [*cli.COMMAND_MODULES, "report"])
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_file, path)
    return path


def test_export_command_writes_the_report(
    demo_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "raport.docx"
    code = cli.main(["--db", str(demo_copy), "export", "--period", "2023-S1", "--out", str(out)])
    assert code == 0
    captured = capsys.readouterr()
    assert "Raportul a fost salvat" in captured.out
    # progress is drawn only on a terminal
    assert "Se completează șablonul" not in captured.err
    # the pre-flight comes first: 3.7 indicator 1 is totalled by hand in the plan and nobody typed it
    assert captured.out.startswith("Verificarea dinaintea exportului:")
    assert "3.7 · Indicator 1: celula Total este goală (totalul se completează manual)." in captured.out
    assert captured.out.index("Verificarea") < captured.out.index("Raportul a fost salvat")
    assert check_docx(out) == []
    assert len(action_sections(read_blocks(out))) == 48


def test_db_option_after_the_command_and_priorities(demo_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "vi.docx"
    code = cli.main(
        ["export", "--db", str(demo_copy), "--period", "2023-s1", "--out", str(out), "--priorities", "VI",
         "--quiet"]
    )  # fmt: skip
    assert code == 0
    assert list(action_sections(read_blocks(out))) == ["6.1"]


def test_errors_are_romanian_and_exit_2(
    demo_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.docx"
    assert cli.main(["--db", str(demo_copy), "export", "--period", "2024-S1", "--out", str(out)]) == 2
    assert "Eroare: Perioada 2024-S1 nu există" in capsys.readouterr().err
    out.write_bytes(b"vechi")
    (tmp_path / "~$r.docx").write_bytes(b"owner")
    assert cli.main(["--db", str(demo_copy), "export", "--period", "2023-S1", "--out", str(out)]) == 2
    assert "deschis în Word" in capsys.readouterr().err
    assert out.read_bytes() == b"vechi"
    missing = tmp_path / "nu-exista.sqlite"
    assert cli.main(["--db", str(missing), "export", "--period", "2023-S1", "--out", str(out)]) == 2
    assert not missing.exists()
