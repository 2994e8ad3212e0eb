"""All findings of a period in one list (the findings page): open and acknowledged, with the acknowledgement's
note, each with the cell it is about. Built from :func:`services.results.period_results`, the same results
the export's pre-flight counts (:mod:`balti_monitor.services.preflight`)."""

from __future__ import annotations

from dataclasses import dataclass

from balti_monitor.db.models import Period
from balti_monitor.domain.checks import Finding
from balti_monitor.i18n import _
from balti_monitor.services.editing import TOTAL_ROW
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.preflight import KIND_LABELS
from balti_monitor.services.results import period_results


@dataclass(frozen=True, slots=True)
class FindingRow:
    """One finding of the period as the page lists it."""

    key: str
    action_id: int
    action_code: str
    subdivision_id: int  # 0: the Total row (a finding about the action's totals)
    subdivision: str
    indicator: int | None
    kind: str  # Romanian label of the kind
    message: str
    acknowledged: bool
    note: str = ""

    @property
    def column(self) -> int:
        """The grid column to show (the indicator, else the description / first column)."""
        return self.indicator or 0

    @property
    def state(self) -> str:
        """ "deschisă" or "confirmată"."""
        return _("confirmată") if self.acknowledged else _("deschisă")


def _row(action_id: int, finding: Finding, acknowledged: bool, note: str = "") -> FindingRow:
    return FindingRow(
        finding.key,
        action_id,
        finding.action,
        finding.subdivision_id if finding.subdivision_id is not None else TOTAL_ROW,
        finding.subdivision or "",
        finding.indicator,
        _(KIND_LABELS[finding.code]) if finding.code in KIND_LABELS else str(finding.code.value),
        finding.message,
        acknowledged,
        note,
    )


def period_finding_rows(period_id: int) -> list[FindingRow]:
    """Every finding of the period, open ones then acknowledged ones, each in plan order."""
    period = Period.get_or_none(Period.id == period_id)
    if period is None:
        raise ServiceError(_("Perioada nu mai există."))
    open_rows: list[FindingRow] = []
    acknowledged: list[FindingRow] = []
    for action_id, result in period_results(period).items():
        open_rows.extend(_row(action_id, f, False) for f in result.findings)
        acknowledged.extend(_row(action_id, f, True, note) for f, note in result.acknowledged)
    return open_rows + acknowledged
