"""The report's free-text sections for a period: summary, risks, proposals, signatures."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

from balti_monitor.db.models import Narrative, database
from balti_monitor.services.changes import ChangeSet, Focus
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.periods import PeriodRef, period_id_of
from balti_monitor.services.values import text_problem


@dataclass(frozen=True, slots=True)
class NarrativeData:
    """Plain copy of a period's narrative (what the GUI edits and the exporter prints)."""

    executive_summary: str = ""
    risks_intro: str = ""
    risks: list[str] = field(default_factory=list)
    proposals_intro: str = ""
    proposals: list[str] = field(default_factory=list)
    prepared_by_name: str = ""
    prepared_by_function: str = ""
    coordinated_by_name: str = ""
    coordinated_by_function: str = ""
    extra_signatures: list[dict[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """Field name → value."""
        return asdict(self)


_FIELDS = list(NarrativeData.__dataclass_fields__)


def get_narrative(period: PeriodRef | int) -> NarrativeData:
    """The period's narrative (empty when never written)."""
    row = Narrative.get_or_none(Narrative.period == period_id_of(period))
    if row is None:
        return NarrativeData()
    return NarrativeData(**{name: getattr(row, name) for name in _FIELDS})


def save_narrative(period: PeriodRef | int, data: NarrativeData) -> ChangeSet:
    """Replace the period's narrative."""
    texts = [data.executive_summary, data.risks_intro, data.proposals_intro, *data.risks, *data.proposals]
    texts += [
        data.prepared_by_name,
        data.prepared_by_function,
        data.coordinated_by_name,
        data.coordinated_by_function,
    ]
    for signature in data.extra_signatures:
        texts += [str(v) for v in signature.values()]
    for text in texts:
        problem = text_problem(text)
        if problem:
            raise ServiceError(problem)
    values = data.as_dict()
    values["risks"] = [r for r in data.risks if r.strip()]
    values["proposals"] = [p for p in data.proposals if p.strip()]
    row = Narrative.get_or_none(Narrative.period == period_id_of(period))
    if row is None:
        Narrative.create(period=period_id_of(period), **values)
    else:
        for name, value in values.items():
            setattr(row, name, value)
        row.save()
    return ChangeSet(narrative=True)


@dataclass(frozen=True, slots=True)
class SaveNarrative:
    """Replace a period's narrative with ``data``; ``data`` None removes it (the period had none)."""

    period_id: int
    data: NarrativeData | None

    @property
    def show_first(self) -> int:
        """The period written into."""
        return self.period_id

    def apply(self) -> ChangeSet:
        """Save (or remove) the narrative; the inverse puts back the previous one, or none."""
        with database.atomic():
            row = Narrative.get_or_none(Narrative.period == self.period_id)
            previous = (
                None if row is None else NarrativeData(**{name: getattr(row, name) for name in _FIELDS})
            )
            if self.data is not None:
                changes = save_narrative(self.period_id, self.data)
            else:
                Narrative.delete().where(Narrative.period == self.period_id).execute()
                changes = ChangeSet(narrative=True)
        return replace(changes, inverse=SaveNarrative(self.period_id, previous), focus=Focus(self.period_id))
