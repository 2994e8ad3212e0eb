"""Deleting a reporting period with everything entered for it, after an automatic backup.

The user is first told exactly what goes (:func:`period_contents`): the subdivisions' returns and their
values, the report's text, the manual totals, the return forms' status. The deletion itself is one
transaction, preceded by an automatic backup (reason "stergere"), so the period can always be brought back
from "Fișier → Copii automate".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from balti_monitor.db.models import FormStatus, Narrative, Period, Return, TotalOverride, Value, database
from balti_monitor.i18n import _, ngettext
from balti_monitor.services.backup import auto_backup
from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.periods import key_of
from balti_monitor.services.storage_errors import guard_write


@dataclass(frozen=True, slots=True)
class PeriodContents:
    """What a period holds (what its deletion loses)."""

    period_id: int
    code: str
    label: str
    returns: int
    values: int
    narrative: bool
    overrides: int
    forms: int

    @property
    def empty(self) -> bool:
        """Nothing was entered for the period."""
        return not (self.returns or self.values or self.narrative or self.overrides or self.forms)

    def describe(self) -> str:
        """What is lost, in Romanian (one line per kind of data)."""
        if self.empty:
            return _("Perioada {label} nu conține date.").format(label=self.label)
        lines = [_("Perioada {label} ({code}) conține:").format(label=self.label, code=self.code)]
        if self.returns:
            lines.append(
                ngettext(
                    "• {returns} informație a subdiviziunilor (descriere), cu {values} valori ale indicatorilor;",
                    "• {returns} informații ale subdiviziunilor (descrieri), cu {values} valori ale indicatorilor;",
                    self.returns,
                ).format(returns=self.returns, values=self.values)
            )
        elif self.values:
            lines.append(
                ngettext(
                    "• {values} valoare a indicatorilor;", "• {values} valori ale indicatorilor;", self.values
                ).format(values=self.values)
            )
        if self.narrative:
            lines.append(_("• textul raportului (rezumat, riscuri, propuneri, semnături);"))
        if self.overrides:
            lines.append(
                ngettext(
                    "• {overrides} total introdus manual, cu motivul lui;",
                    "• {overrides} totaluri introduse manual, cu motivele lor;",
                    self.overrides,
                ).format(overrides=self.overrides)
            )
        if self.forms:
            lines.append(
                ngettext(
                    "• starea a {forms} formular de retur.",
                    "• starea a {forms} formulare de retur.",
                    self.forms,
                ).format(forms=self.forms)
            )
        return "\n".join(lines)


def _narrative_has_text(period_id: int) -> bool:
    narrative = Narrative.get_or_none(Narrative.period == period_id)
    if narrative is None:
        return False
    texts = [
        narrative.executive_summary,
        narrative.risks_intro,
        narrative.proposals_intro,
        narrative.prepared_by_name,
        narrative.coordinated_by_name,
    ]
    return any(str(t or "").strip() for t in texts) or bool(narrative.risks or narrative.proposals)


def period_contents(period_id: int) -> PeriodContents:
    """What the period holds."""
    period = Period.get_or_none(Period.id == period_id)
    if period is None:
        raise ServiceError(_("Perioada nu mai există."))
    key = key_of(period)
    returns = Return.select().where(Return.period == period_id)
    values = Value.select().join(Return).where((Return.period == period_id) & (Value.raw_text != "")).count()
    return PeriodContents(
        period_id=period_id,
        code=key.code,
        label=key.label,
        returns=returns.where(Return.description != "").count(),
        values=values,
        narrative=_narrative_has_text(period_id),
        overrides=TotalOverride.select().where(TotalOverride.period == period_id).count(),
        forms=FormStatus.select().where(FormStatus.period == period_id).count(),
    )


def delete_period(period_id: int) -> tuple[Path | None, ChangeSet]:
    """Delete a period and everything entered for it, after an automatic backup; returns the backup (None
    when the file held nothing to back up) and what changed.

    Raises :class:`ServiceError` when the backup cannot be written (nothing is deleted then) or the
    deletion fails (the data stays as it was).
    """
    period = Period.get_or_none(Period.id == period_id)
    if period is None:
        raise ServiceError(_("Perioada nu mai există."))
    backup = auto_backup("stergere")
    with guard_write(_("Ștergerea perioadei {code}").format(code=key_of(period).code)), database.atomic():
        returns = Return.select(Return.id).where(Return.period == period_id)
        Value.delete().where(Value.ret.in_(returns)).execute()
        Return.delete().where(Return.period == period_id).execute()
        Narrative.delete().where(Narrative.period == period_id).execute()
        TotalOverride.delete().where(TotalOverride.period == period_id).execute()
        FormStatus.delete().where(FormStatus.period == period_id).execute()
        period.delete_instance()  # anything else tied to the period goes with it (ON DELETE CASCADE)
    return backup, ChangeSet(periods=True, narrative=True)
