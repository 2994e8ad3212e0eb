"""The report's free-text sections for a period: summary, risks, proposals, signatures.

Several people on a server: :class:`SaveNarrative` carries the texts as the user read them (``expected``); a
field somebody else changed since is kept when this save did not change it, and refused with both texts
(:class:`NarrativeConflict`) when it did, nothing written.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

from balti_monitor.db.models import Narrative, database
from balti_monitor.i18n import _
from balti_monitor.services.changes import ChangeSet, Focus
from balti_monitor.services.conflicts import EditConflict, FieldClash, merge_fields
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


def stored_form(data: NarrativeData | None) -> NarrativeData:
    """The narrative as :func:`save_narrative` stores it (blank risks and proposals left out; none: empty),
    the form two versions are compared in."""
    if data is None:
        return NarrativeData()
    return replace(
        data,
        risks=[r for r in data.risks if r.strip()],
        proposals=[p for p in data.proposals if p.strip()],
    )


def _field_name(field: str) -> str:
    names = {
        "executive_summary": _("rezumatul executiv"),
        "risks_intro": _("introducerea riscurilor"),
        "risks": _("riscurile"),
        "proposals_intro": _("introducerea propunerilor"),
        "proposals": _("propunerile"),
        "prepared_by_name": _("numele celui care a elaborat"),
        "prepared_by_function": _("funcția celui care a elaborat"),
        "coordinated_by_name": _("numele celui care a coordonat"),
        "coordinated_by_function": _("funcția celui care a coordonat"),
        "extra_signatures": _("alte semnături"),
    }
    return names[field]


def _shown(value: object) -> str:
    if isinstance(value, list):
        return " / ".join(" | ".join(map(str, v.values())) if isinstance(v, dict) else str(v) for v in value)
    return str(value)


class NarrativeConflict(EditConflict):
    """Somebody else saved the report's texts since they were read: nothing was written.

    ``mine`` is what this save would store (its own texts where they clash, the others' where it changed
    nothing), ``theirs`` what is stored now; :meth:`SaveNarrative.over` saves ``mine`` over ``theirs``."""

    def __init__(
        self, period_id: int, clashes: tuple[FieldClash, ...], mine: NarrativeData, theirs: NarrativeData
    ) -> None:
        first = clashes[0]
        message = _(
            "Altcineva a modificat între timp textul raportului ({field}): acum este salvat „{theirs}”, iar "
            "dumneavoastră ați scris „{mine}”. Nu s-a scris nimic."
        ).format(field=_field_name(first.field), theirs=_shown(first.theirs), mine=_shown(first.mine))
        super().__init__(message, period_id, clashes)
        self.mine = mine
        self.theirs = theirs


def _locked_row(period_id: int) -> Narrative | None:
    """The period's narrative row; on a server locked until the end of the transaction (the check of what
    was read and the write are one step for everybody)."""
    query = Narrative.select().where(Narrative.period == period_id)
    if getattr(database, "for_update", False):
        query = query.for_update()
    found: Narrative | None = query.first()
    return found


@dataclass(frozen=True, slots=True)
class SaveNarrative:
    """Replace a period's narrative with ``data``; ``data`` None removes it (the period had none).

    ``expected`` (optional; None: no check) is the narrative as the user read it (none read: empty): a text
    this save leaves as read takes what is stored now, a text somebody else changed to another than this
    save's raises :class:`NarrativeConflict` (nothing written)."""

    period_id: int
    data: NarrativeData | None
    expected: NarrativeData | None = None

    @property
    def show_first(self) -> int:
        """The period written into."""
        return self.period_id

    def over(self, conflict: NarrativeConflict) -> SaveNarrative:
        """The same save made over what is stored now ("keep mine" after a conflict)."""
        return replace(self, data=conflict.mine, expected=conflict.theirs)

    def apply(self) -> ChangeSet:
        """Save (or remove) the narrative; the inverse puts back the previous one, or none."""
        with database.atomic():
            row = _locked_row(self.period_id)
            previous = (
                None if row is None else NarrativeData(**{name: getattr(row, name) for name in _FIELDS})
            )
            target = self.data
            if self.expected is not None:
                now = stored_form(previous)
                read, wanted = stored_form(self.expected), stored_form(self.data)
                fields, clashes = merge_fields(read.as_dict(), wanted.as_dict(), now.as_dict())
                merged = NarrativeData(**fields)
                if clashes:
                    raise NarrativeConflict(self.period_id, clashes, merged, now)
                # a removal (an undo to "no narrative") removes only when nobody else wrote meanwhile
                target = None if self.data is None and merged == NarrativeData() else merged
            if target is not None:
                changes = save_narrative(self.period_id, target)
            else:
                Narrative.delete().where(Narrative.period == self.period_id).execute()
                changes = ChangeSet(narrative=True)
        # the undo expects what this save left, so it does not overwrite what somebody saves after it
        written = None if self.expected is None else stored_form(target)
        return replace(
            changes, inverse=SaveNarrative(self.period_id, previous, written), focus=Focus(self.period_id)
        )
