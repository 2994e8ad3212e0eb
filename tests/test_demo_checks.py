"""Run on the S1-2023 demo, the checks find the original report's own errors (domain.md §6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from balti_monitor.db.models import Period
from balti_monitor.domain.checks import Finding, FindingCode
from balti_monitor.services.results import period_results


@pytest.fixture
def findings(demo_db: Path) -> list[Finding]:
    period = Period.get()
    found: list[Finding] = []
    for result in period_results(period).values():
        found.extend(result.findings)
    return found


def at(findings: list[Finding], action: str, indicator: int | None = None) -> set[FindingCode]:
    return {
        f.code for f in findings if f.action == action and (indicator is None or f.indicator == indicator)
    }


def test_1_13_indicator_2_written_7_but_rows_add_to_8(findings: list[Finding]) -> None:
    assert FindingCode.OVERRIDE_DIFFERS in at(findings, "1.13", 2)
    message = next(f.message for f in findings if f.action == "1.13" and f.indicator == 2)
    assert "7" in message and "8" in message
    # indicator 1 has the same values and a correct written total: no finding there
    assert FindingCode.OVERRIDE_DIFFERS not in at(findings, "1.13", 1)


def test_1_15_hours_and_staff_totals_are_flagged(findings: list[Finding]) -> None:
    assert at(findings, "1.15", 2) & {FindingCode.OVERRIDE_DIFFERS, FindingCode.MIXED_UNITS}
    assert at(findings, "1.15", 3) & {FindingCode.OVERRIDE_DIFFERS, FindingCode.MIXED_UNITS}


def test_5_1_total_row_of_zeros_is_flagged(findings: list[Finding]) -> None:
    flagged = {f.indicator for f in findings if f.action == "5.1" and f.code == FindingCode.OVERRIDE_DIFFERS}
    assert {1, 2} <= flagged


@pytest.mark.parametrize("action", ["1.11", "2.3", "4.7", "4.11", "4.14", "6.1"])
def test_mismatched_subdivision_counts(findings: list[Finding], action: str) -> None:
    assert FindingCode.COUNTS_OVERRIDE_DIFFERS in at(findings, action)


@pytest.mark.parametrize(
    ("action", "subdivision"),
    [
        ("1.5", "Direcția relații cu publicul"),
        ("1.10", "Direcția administrație publică"),
        ("4.2", "Direcția secretariat"),
        ("4.5", "Direcția secretariat"),
    ],
)
def test_responsible_subdivisions_without_a_row(
    findings: list[Finding], action: str, subdivision: str
) -> None:
    assert any(
        f.code == FindingCode.NO_RETURN and f.action == action and f.subdivision == subdivision
        for f in findings
    )


def test_gender_split_missing_on_fb_indicator(findings: list[Finding]) -> None:
    # 1.1 indicator 1 (femei/bărbați) reported as "10 funcționari" without the split
    assert any(f.code == FindingCode.FB_MISSING and f.action == "1.1" and f.indicator == 1 for f in findings)


def test_every_action_has_counts_that_add_up(demo_db: Path) -> None:
    for result in period_results(Period.get()).values():
        counts = result.totals.counts
        assert counts.n_all + counts.n_arrears + counts.n_none == len(result.grid.rows)
