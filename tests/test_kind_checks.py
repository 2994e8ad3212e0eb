"""Checks follow the plan's kind: no "did not report" and no Total for plans reported per action; a status
missing (or not in the vocabulary) where the kind has one; none on complete 002/004-like data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from kind_plans import open_government_plan, programme_report

from balti_monitor.cli import main
from balti_monitor.db.connection import close_database, open_database
from balti_monitor.db.models import Period
from balti_monitor.domain.checks import FindingCode
from balti_monitor.services.progress import Link, SaveProgress
from balti_monitor.services.results import ActionMark, period_results


def _findings(period_id: int) -> list[tuple[str, FindingCode]]:
    results = period_results(Period.get_by_id(period_id))
    return [(f.action, f.code) for r in results.values() for f in r.findings]


def test_a_complete_status_report_has_no_findings(plan_db: Path) -> None:
    ids = open_government_plan()
    link = (Link("https://date.gov.md", "https://date.gov.md"),)
    SaveProgress(ids["1.1"], ids["period"], "Sondaj lansat.", "În proces de realizare", ()).apply()
    SaveProgress(ids["1.2"], ids["period"], "Portal extins.", "Realizată", link).apply()
    assert _findings(ids["period"]) == []
    results = period_results(Period.get_by_id(ids["period"]))
    assert results[ids["1.2"]].mark is ActionMark.COMPLETE
    assert results[ids["1.1"]].mark is ActionMark.ARREARS
    assert results[ids["1"]].mark is ActionMark.EMPTY  # the parent is not reported itself


def test_a_missing_or_unknown_status_is_found_on_the_sub_action_only(plan_db: Path) -> None:
    ids = open_government_plan()
    assert _findings(ids["period"]) == [
        ("1.1.", FindingCode.STATUS_MISSING),
        ("1.2.", FindingCode.STATUS_MISSING),
    ]
    SaveProgress(ids["1.1"], ids["period"], "Text", "Realizată", ()).apply()
    SaveProgress(ids["1.2"], ids["period"], "Text", "Amânată", ()).apply()
    results = period_results(Period.get_by_id(ids["period"]))
    (finding,) = results[ids["1.2"]].findings
    assert finding.code is FindingCode.STATUS_UNKNOWN and "„Amânată”" in finding.message
    assert "Realizată, În proces de realizare" in finding.message


def test_a_programme_report_over_a_span_has_no_false_findings(plan_db: Path) -> None:
    ids = programme_report()
    assert _findings(ids["period"]) == []  # nothing entered yet: no "did not report", no Total
    SaveProgress(ids["1.1"], ids["period"], "Regulamente aprobate.", "", ()).apply()
    SaveProgress(ids["1.2"], ids["period"], "23 acorduri încheiate.", "", ()).apply()
    assert _findings(ids["period"]) == []
    assert period_results(Period.get_by_id(ids["period"]))[ids["1.1"]].mark is ActionMark.COMPLETE


@pytest.fixture
def file_with_two_plans(demo_file: Path, tmp_path: Path) -> tuple[Path, dict[str, int]]:
    path = tmp_path / "doua.sqlite"
    shutil.copyfile(demo_file, path)
    open_database(path)
    ids = open_government_plan()
    for key in ("1.1", "1.2"):
        SaveProgress(ids[key], ids["period"], "Text", "Realizată", ()).apply()
    close_database()
    return path, ids


def test_check_and_totals_on_the_chosen_plan_of_another_kind(
    file_with_two_plans: tuple[Path, dict[str, int]], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = file_with_two_plans
    assert main(["check", "--db", str(path), "--plan", "OGP-2019-2020", "--period", "2020-S1"]) == 0
    assert "Nicio constatare în perioada 2020-S1" in capsys.readouterr().out
    assert main(["totals", "--db", str(path), "--plan", "OGP-2019-2020", "--period", "2020-S1"]) == 0
    assert "nu are rândul „Total instituții responsabile”" in capsys.readouterr().out
    # the Bălți plan in the same file keeps its findings and totals
    assert main(["check", "--db", str(path), "--plan", "PLA-BALTI-2023-2027", "--period", "2023-S1"]) == 1
    assert main(["totals", "--db", str(path), "--plan", "PLA-BALTI-2023-2027", "--period", "2023-S1"]) == 0
    assert "Acțiunea 1.1" in capsys.readouterr().out
