"""``log``, ``sign``, ``unsign`` and ``verify-report`` from the command line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from balti_monitor.cli import main


@pytest.fixture
def db(demo_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "d.sqlite"
    shutil.copyfile(demo_file, path)
    return path


def run(db: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_sign_locks_verify_report_recognises_unsign_unlocks_and_log_tells_it_all(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("USER", "ion")
    monkeypatch.setenv("LOGNAME", "ion")
    report = tmp_path / "raport.docx"
    assert run(db, capsys, "export", "--period", "2023-S1", "--out", str(report), "--quiet")[0] == 0
    code, out, _ = run(db, capsys, "sign", "--period", "2023-S1", "--report", str(report))
    assert code == 0 and "Perioada 2023-S1 este acum semnată de ion la " in out  # "perioada … semnată"
    code, out, _ = run(db, capsys, "verify-report", str(report))
    assert (
        code == 0 and "raportul semnat al perioadei 2023-S1 (semnat de ion la " in out
    )  # "raportul … semnat"
    # a second export of the same data is the same document
    again = tmp_path / "din-nou.docx"
    assert run(db, capsys, "export", "--period", "2023-S1", "--out", str(again), "--quiet")[0] == 0
    assert run(db, capsys, "verify-report", str(again))[0] == 0
    # the lock refuses a writer of that period (a forms status is not its data; a JSON import that changes it is)
    code, _, err = run(db, capsys, "unsign", "--period", "2023-S1", "--reason", " ")
    assert code == 2 and "motivul" in err
    code, out, _ = run(db, capsys, "unsign", "--period", "2023-S1", "--reason", "corectare DS")
    assert code == 0
    code, out, _ = run(db, capsys, "verify-report", str(report))
    assert code == 1 and "retrasă" in out
    code, out, _ = run(db, capsys, "log", "--period", "2023-S1")
    assert code == 0
    lines = out.splitlines()
    assert any("[semnare]" in line and "ion" in line for line in lines)
    assert any("[retragerea semnăturii]" in line and "corectare DS" in line for line in lines)
    book_path = tmp_path / "jurnal.xlsx"
    code, out, _ = run(db, capsys, "log", "--period", "2023-S1", "--out", str(book_path))
    assert code == 0 and book_path.exists()
    sheet = load_workbook(book_path)["Jurnal"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=3)]
    assert [r[3] for r in rows][-2:] == ["semnare", "retragerea semnăturii"]
    assert rows[-1][11] == "corectare DS"


def test_verify_report_of_an_unknown_document_exits_1(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "altul.docx"
    other.write_bytes(b"PK\x03\x04 nu este raportul")
    code, out, _ = run(db, capsys, "verify-report", str(other))
    assert code == 1 and "nu este raportul semnat" in out
