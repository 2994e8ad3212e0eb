"""Totals and checks of a whole period (what the "check" and "totals" commands and the tree show)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from balti_monitor.db.models import Period
from balti_monitor.domain.checks import Finding, FindingCode, check_action, split_acknowledged
from balti_monitor.domain.grid import ActionGrid
from balti_monitor.domain.terms import DueState, due_state
from balti_monitor.domain.totals import ActionTotals, compute_totals
from balti_monitor.services.grids import load_grids


class ActionMark(StrEnum):
    """The status mark of an action in the tree for a period."""

    COMPLETE = "complete"  # every responsible subdivision achieved all its indicators
    ARREARS = "arrears"  # some returns missing or incomplete
    EMPTY = "empty"  # nothing reported yet


@dataclass(frozen=True, slots=True)
class ActionResult:
    """Grid, totals and findings of one action."""

    grid: ActionGrid
    totals: ActionTotals
    findings: tuple[Finding, ...] = field(default_factory=tuple)  # unresolved (not acknowledged)
    acknowledged: tuple[tuple[Finding, str], ...] = field(default_factory=tuple)  # with the note

    @property
    def mark(self) -> ActionMark:
        """Complete / arrears / empty."""
        if self.grid.progress_by_action:
            whole = self.grid.whole
            if whole is None:
                return ActionMark.EMPTY
            done = whole.meaning == "done" if self.grid.statuses else bool(whole.description.strip())
            return ActionMark.COMPLETE if done else ActionMark.ARREARS
        if not any(row.has_return for row in self.grid.rows):
            return ActionMark.EMPTY
        counts = self.totals.counts
        return ActionMark.COMPLETE if counts.n_all == counts.total else ActionMark.ARREARS

    @property
    def due(self) -> DueState:
        """Due and achieved / overdue / not yet due / ongoing at the end of the period (its term)."""
        if not self.grid.year:
            return DueState.UNKNOWN
        achieved = self.mark is ActionMark.COMPLETE
        return due_state(self.grid.term, self.grid.year, self.grid.semester, achieved)

    @property
    def has_overrides(self) -> bool:
        """Any Total cell typed by hand."""
        return bool(self.grid.overrides)


def action_result(grid: ActionGrid) -> ActionResult:
    """Compute totals and run the checks of one grid."""
    totals = compute_totals(grid)
    unresolved, acknowledged = split_acknowledged(grid, check_action(grid, totals))
    return ActionResult(grid, totals, tuple(unresolved), tuple(acknowledged))


def period_results(period: Period, action_ids: list[int] | None = None) -> dict[int, ActionResult]:
    """Results of every action (or the given ones) for a period, in plan order."""
    return {aid: action_result(grid) for aid, grid in load_grids(period, action_ids).items()}


def period_findings(period: Period) -> list[Finding]:
    """Every finding of a period, in plan order."""
    findings: list[Finding] = []
    for result in period_results(period).values():
        findings.extend(result.findings)
    return findings


def findings_by_code(findings: list[Finding]) -> dict[FindingCode, int]:
    """How many findings of each kind."""
    counts: dict[FindingCode, int] = {}
    for finding in findings:
        counts[finding.code] = counts.get(finding.code, 0) + 1
    return counts
