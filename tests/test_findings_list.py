"""All findings of a period in one list: open and acknowledged (with the note), and the same counts as the
export's pre-flight."""

from __future__ import annotations

from collections import Counter

from balti_monitor.db.models import Period
from balti_monitor.domain.checks import FindingCode
from balti_monitor.services.acknowledgements import SetAcknowledgement
from balti_monitor.services.findings_list import period_finding_rows
from balti_monitor.services.preflight import KIND_LABELS, preflight


def period() -> Period:
    return Period.get((Period.year == 2023) & (Period.semester == 1))


def test_the_list_counts_what_the_preflight_counts_and_keeps_acknowledged_notes(engine_demo_db: str) -> None:
    rows = period_finding_rows(period().id)
    assert rows and all(not r.acknowledged for r in rows)
    apart = {KIND_LABELS[c] for c in (FindingCode.OVERRIDE_DIFFERS, FindingCode.COUNTS_OVERRIDE_DIFFERS)}
    listed = Counter(r.kind for r in rows if r.kind not in apart)
    assert listed == Counter(dict(preflight(period()).finding_counts))
    first = rows[0]
    SetAcknowledgement(period().id, first.key, "verificat la telefon").apply()
    after = period_finding_rows(period().id)
    acknowledged = [r for r in after if r.acknowledged]
    assert [(r.key, r.note, r.state) for r in acknowledged] == [
        (first.key, "verificat la telefon", "confirmată")
    ]
    assert len(after) == len(rows)
    assert first.key not in {r.key for r in after if not r.acknowledged}
