"""The workbooks the program writes (change log, list of defaulters) never leave a half-written file."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from balti_monitor.export.options import ExportError
from balti_monitor.export.xlsx_file import save_workbook


def test_a_workbook_is_saved_under_its_name(tmp_path: Path) -> None:
    out = save_workbook(Workbook(), tmp_path / "jurnal.xlsx", "Jurnalul nu a putut fi salvat")
    assert out.read_bytes()[:2] == b"PK"
    assert [p.name for p in tmp_path.iterdir()] == ["jurnal.xlsx"]


def test_a_failed_save_says_so_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    class Failing:
        def save(self, name: str) -> None:
            Path(name).write_bytes(b"PK half")
            raise OSError(28, "No space left on device")

    with pytest.raises(ExportError, match=r"Lista nu a putut fi salvată în .*No space left"):
        save_workbook(Failing(), tmp_path / "restantieri.xlsx", "Lista nu a putut fi salvată")
    assert list(tmp_path.iterdir()) == []
