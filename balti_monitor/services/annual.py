"""Annual rules of the indicators: what is in force (chosen or inferred), choosing one, and its undo."""

from __future__ import annotations

from dataclasses import dataclass

from balti_monitor.db.models import Action, Indicator, IndicatorAnnualRule, Period, Priority, database
from balti_monitor.domain.annual import infer_annual_rule
from balti_monitor.domain.grid import Aggregation, AnnualRule
from balti_monitor.i18n import _
from balti_monitor.services.changes import ChangeSet, Focus
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.periods import PeriodRef


@dataclass(frozen=True, slots=True)
class IndicatorRule:
    """One indicator's annual rule: the one in force, the inferred default, and whether it was chosen."""

    indicator_id: int
    action_id: int
    action_code: str
    number: int
    text: str
    rule: AnnualRule
    inferred: AnnualRule
    chosen: bool


def indicator_rules(plan_id: int, action_id: int | None = None) -> list[IndicatorRule]:
    """The annual rules of a plan's indicators (or one action's), in plan order."""
    query = (
        Indicator.select(Indicator, Action)
        .join(Action)
        .join(Priority)
        .where(Priority.plan == plan_id)
        .order_by(Priority.position, Action.position, Indicator.number)
    )
    if action_id is not None:
        query = query.where(Indicator.action == action_id)
    indicators = list(query)
    chosen = {
        row.indicator_id: AnnualRule(row.rule)
        for row in IndicatorAnnualRule.select().where(
            IndicatorAnnualRule.indicator.in_([i.id for i in indicators])
        )
    }
    found: list[IndicatorRule] = []
    for ind in indicators:
        inferred = infer_annual_rule(ind.text, Aggregation(ind.aggregation))
        rule = chosen.get(ind.id, inferred)
        found.append(
            IndicatorRule(
                ind.id, ind.action_id, ind.action.code, ind.number, ind.text, rule, inferred, ind.id in chosen
            )
        )
    return found


def year_semesters(period: PeriodRef) -> dict[int, Period]:
    """The semesters (1, 2) that exist for the year of ``period``."""
    query = Period.select().where(
        (Period.plan == period.plan_id) & (Period.year == period.year) & (Period.semester > 0)
    )
    return {p.semester: p for p in query}


def chosen_rule(indicator_id: int) -> AnnualRule | None:
    """The rule chosen by hand for an indicator (None: inferred)."""
    row = IndicatorAnnualRule.get_or_none(IndicatorAnnualRule.indicator == indicator_id)
    return None if row is None else AnnualRule(row.rule)


def set_annual_rule(indicator_id: int, rule: AnnualRule | str | None) -> ChangeSet:
    """Choose an indicator's annual rule (None: back to the inferred one). Refuses an unknown rule."""
    indicator = Indicator.get_or_none(Indicator.id == indicator_id)
    if indicator is None:
        raise ServiceError(_("Indicatorul nu mai există în plan."))
    if rule is not None:
        try:
            rule = AnnualRule(rule)
        except ValueError:
            names = ", ".join(r.value for r in AnnualRule)
            raise ServiceError(
                _("Regula anuală „{rule}” nu există (reguli: {names}).").format(rule=rule, names=names)
            ) from None
    with database.atomic():
        IndicatorAnnualRule.delete().where(IndicatorAnnualRule.indicator == indicator_id).execute()
        if rule is not None:
            IndicatorAnnualRule.create(indicator=indicator_id, rule=rule.value)
    return ChangeSet(actions=frozenset({indicator.action_id}), plan_structure=True)


@dataclass(frozen=True, slots=True)
class SetAnnualRule:
    """Choose (or, with ``rule`` None, drop the choice of) an indicator's annual rule."""

    indicator_id: int
    rule: AnnualRule | None

    @property
    def show_first(self) -> None:
        """Not tied to a period."""
        return None

    def apply(self) -> ChangeSet:
        """Write the rule; the inverse puts back the previous choice."""
        with database.atomic():
            previous = chosen_rule(self.indicator_id)
            changes = set_annual_rule(self.indicator_id, self.rule)
        action_id = next(iter(changes.actions))
        return ChangeSet(
            changes.actions,
            plan_structure=True,
            inverse=SetAnnualRule(self.indicator_id, previous),
            focus=Focus(None, action_id),
        )
