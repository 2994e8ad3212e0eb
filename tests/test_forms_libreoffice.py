"""A return form filled and then opened and saved by LibreOffice Calc (to .ods and back to .xlsx, headless)
still imports: the hidden identifiers survive, and values come back as typed."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from balti_monitor.db.models import Plan, Subdivision
from balti_monitor.interchange.forms_in import ChangeKind, apply_import, preview_import
from balti_monitor.interchange.forms_out import FormsOutOptions, generate_forms
from balti_monitor.services.editing import action_by_code, cell_text
from balti_monitor.services.periods import PeriodKey, find_period

VALUE, WOMEN, MEN = 4, 5, 6


def _soffice(profile: Path, target: str, source: Path, outdir: Path) -> Path:
    """Convert one file with LibreOffice in a private profile; returns the converted file."""
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    converted = outdir / (source.stem + "." + target.split(":")[0])
    assert converted.exists(), f"LibreOffice did not write {converted.name}"
    return converted


def _calc_missing() -> str | None:
    """Why LibreOffice Calc cannot run here (None when it can): no ``soffice``, or LibreOffice without its
    Calc component (Writer alone, as ``libreoffice-writer-nogui`` installs it; Calc is
    ``libreoffice-calc-nogui``), whose spreadsheet library ``sclo`` is absent beside the program."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return "LibreOffice is not installed (the CI installs it)"
    program = Path(os.path.realpath(soffice)).parent
    if not any(program.glob("*sclo*")):
        return "LibreOffice Calc is not installed (package libreoffice-calc-nogui; the CI installs it)"
    return None


@pytest.mark.slow
# Only a developer machine without Calc skips, saying why; in CI (which installs it) a missing Calc fails.
@pytest.mark.skipif(_calc_missing() is not None and not os.environ.get("CI"), reason=str(_calc_missing()))
def test_form_saved_by_libreoffice_still_imports(demo_db: Path, tmp_path: Path) -> None:
    plan = Plan.select().order_by(Plan.id).first()
    period = find_period(plan, PeriodKey(2023, 1))
    dru = Subdivision.get(Subdivision.code == "DRU")
    result = generate_forms(period, tmp_path / "out", FormsOutOptions(subdivision_ids=frozenset({dru.id})))
    form = result.forms[0].path

    wb = load_workbook(form)
    for row in wb["Retur"].iter_rows():
        key = row[0].value
        if key == "1.1#1":
            row[WOMEN - 1].value, row[MEN - 1].value = 6, 4  # "10 funcționari" + F/B as numbers
        elif key == "1.1#2":
            row[VALUE - 1].value = 21  # a number
        elif key == "1.1#3":
            row[VALUE - 1].value = "=5+3"  # a formula LibreOffice will calculate; we keep its text
        elif key == "1.2#D":
            row[VALUE - 1].value = "Nu au fost înregistrate cazuri.\nSesizări: 0."
    wb.save(form)

    profile = tmp_path / "lo-profile"
    ods = _soffice(profile, "ods", form, tmp_path / "ods")
    back = _soffice(profile, "xlsx:Calc MS Excel 2007 XML", ods, tmp_path / "xlsx")

    preview = preview_import([back], period)
    assert preview.refused == ()
    changed = {(c.action_code, c.label): c.incoming for c in preview.changes if c.kind is ChangeKind.CHANGED}
    assert changed == {
        ("1.1", "Indicatorul 1"): "10 funcționari (6F/4B)",
        ("1.1", "Indicatorul 2"): "21",
        ("1.1", "Indicatorul 3"): "=5+3",
        ("1.2", "Descriere"): "Nu au fost înregistrate cazuri.\nSesizări: 0.",
    }
    assert preview.count(ChangeKind.CONFLICT) == 0
    apply_import(preview)
    a11 = action_by_code(plan.id, "1.1").id
    assert cell_text(period, a11, dru.id, 1) == "10 funcționari (6F/4B)"
    assert cell_text(period, a11, dru.id, 3) == "=5+3"
    assert cell_text(period, a11, dru.id, 4) == "0 contestații"  # untouched rows stay as they were

    again = preview_import([back], period)
    assert not again.has_changes
