"""Run on the S1-2023 demo, the checks find the original report's own errors (domain.md §6).

The demo loads with no override: every Total is computed, and the original's written totals are kept as
references that the checks compare against."""

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
    assert FindingCode.REFERENCE_DIFFERS in at(findings, "1.13", 2)
    message = next(f.message for f in findings if f.action == "1.13" and f.indicator == 2)
    assert message == "Raportul original: „7 acte”; calculat: 8 acte."
    # indicator 1 has the same values and a correct written total: no finding there
    assert FindingCode.REFERENCE_DIFFERS not in at(findings, "1.13", 1)


def test_1_15_hours_and_staff_totals_are_flagged(findings: list[Finding]) -> None:
    assert at(findings, "1.15", 2) & {FindingCode.REFERENCE_DIFFERS, FindingCode.MIXED_UNITS}
    assert at(findings, "1.15", 3) & {FindingCode.REFERENCE_DIFFERS, FindingCode.MIXED_UNITS}


def test_5_1_total_row_of_zeros_is_flagged(findings: list[Finding]) -> None:
    flagged = {f.indicator for f in findings if f.action == "5.1" and f.code == FindingCode.REFERENCE_DIFFERS}
    assert {1, 2} <= flagged


@pytest.mark.parametrize("action", ["1.11", "2.3", "4.7", "4.11", "4.14", "6.1"])
def test_mismatched_subdivision_counts(findings: list[Finding], action: str) -> None:
    assert FindingCode.COUNTS_REFERENCE_DIFFERS in at(findings, action)


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


def test_the_demo_loads_with_no_override_and_keeps_the_written_totals_as_references(demo_db: Path) -> None:
    from balti_monitor.db.models import ReferenceTotal, TotalOverride

    assert TotalOverride.select().count() == 0
    period = Period.get()
    results = {r.grid.code: r for r in period_results(period).values()}
    # every Total is computed: 1.13 indicator 2 prints 8, the original's "7 acte" is a reference beside it
    assert results["1.13"].totals.by_number(2).shown == "8 acte"
    assert results["1.13"].grid.references[2] == "7 acte"
    assert results["5.1"].totals.by_number(1).shown != "0"
    assert ReferenceTotal.select().count() > 200


def test_the_cna_footnote_mark_stays_in_the_reference_only(demo_db: Path) -> None:
    """4.3-4.11 carried the CNA form's instruction text with a dangling "³": it is kept as written in the
    reference, while the Total row prints the computed sentence."""
    period = Period.get()
    results = {r.grid.code: r for r in period_results(period).values()}
    for code in ("4.3", "4.4", "4.6", "4.8"):
        assert "³" in results[code].grid.references[None]
        assert "³" not in results[code].totals.counts_shown
        assert "indicați" not in results[code].totals.counts_shown


def test_counts_compared_with_the_original(findings: list[Finding]) -> None:
    message = next(
        f.message for f in findings if f.action == "1.11" and f.code == FindingCode.COUNTS_REFERENCE_DIFFERS
    )
    assert message.startswith("Raportul original: „18 / 0 / 0”")
    assert message.endswith("calculat: 1 / 0 / 0.")
