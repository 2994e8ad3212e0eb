"""Past semester reports (.docx) into the history: returns, values, narrative and written Totals of a period.

Reads the official layout in both forms: the one this program exports (``balti_monitor.export``) and the
one the city hall wrote by hand (seed 000). The reading is in three steps, so the user sees everything
before anything is written:

1. :func:`~balti_monitor.interchange.report_reader.read_report` reads the document (:mod:`docx_tables`,
   raw XML) into a :class:`~balti_monitor.interchange.report_reading.ReportReading`:
   the period from the title ("semestrul I al anului 2023"), each action's rows found by the action's
   heading ("Acțiunea 1.13." / "Progresul în implementarea acțiunii 1.13."), each row's subdivision matched
   through the alias table, its description (one line per paragraph or list item, list markers kept) and
   its values verbatim; the written Total rows; the narrative (summary, risks, proposals, signatures).
   What cannot be placed is listed (``Unplaced``) with the reason; nothing is dropped silently. The
   layout's recognisers are in :mod:`balti_monitor.interchange.report_layout`.
2. :func:`compare_with_file` (here) lists what the import would change in a period that already has data.
3. :func:`apply_report` (here) writes it all in one transaction after an automatic backup: all or nothing.

The written Total cells and counts go to the reference store (:class:`ReferenceTotal`, "as written in the
source report"), never as overrides: the program's Total stays computed, the checks compare the two.

Hand-made quirks handled: a subdivision's name and its narrative in one cell, wrong "Indicator 1 |
Indicator 1" headers (values are placed by column position, not by the header's numbers), fewer value
columns than indicators (the rest stay empty, with a note), a lost heading (the next action of the plan
with as many indicators as the table has value columns, with a note), a table split across a page with a
repeated header (a table without a Total row continues into the next one), vertically merged cells,
numbered-column rows ("1 2 3 …"), empty rows, tracked changes and content controls.
"""

from __future__ import annotations

from balti_monitor.db.models import (
    Action,
    Indicator,
    Period,
    Plan,
    Priority,
    ReferenceTotal,
    Return,
    Value,
    database,
)
from balti_monitor.i18n import N_, _
from balti_monitor.interchange.report_reader import plan_of
from balti_monitor.interchange.report_reading import Difference, ReportReading
from balti_monitor.services.backup import auto_backup
from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.narrative import NarrativeData, get_narrative, save_narrative
from balti_monitor.services.periods import PeriodKey, create_period
from balti_monitor.services.storage_errors import guard_write
from balti_monitor.services.values import parsed_columns

#: Where the imported written Totals come from (shown with them).
SOURCE_PREFIX = "Raportul importat"


def _period(plan: Plan, reading: ReportReading) -> Period | None:
    return Period.get_or_none(
        (Period.plan == plan) & (Period.year == reading.year) & (Period.semester == reading.semester)
    )


def _actions(plan: Plan) -> dict[str, Action]:
    return {a.code: a for a in Action.select().join(Priority).where(Priority.plan == plan)}


def _indicator_ids(action_ids: list[int]) -> dict[tuple[int, int], int]:
    return {
        (ind.action_id, ind.number): int(ind.id)
        for ind in Indicator.select().where(Indicator.action.in_(action_ids))
    }


def compare_with_file(reading: ReportReading, plan: Plan | int) -> list[Difference]:
    """What the import would change in the open file (empty for a new or empty period)."""
    plan = plan_of(plan)
    period = _period(plan, reading)
    if period is None:
        return []
    actions = _actions(plan)
    diffs: list[Difference] = []
    for row in reading.rows:
        action = actions[row.action]
        ret = Return.get_or_none(
            (Return.action == action) & (Return.subdivision == row.subdivision_id) & (Return.period == period)
        )
        if ret is None:
            values = " | ".join(v or "—" for v in row.values)
            diffs.append(
                Difference(row.action, row.subdivision, _("retur nou"), "", f"{row.description}\n{values}")
            )
            continue
        if ret.description != row.description:
            diffs.append(
                Difference(row.action, row.subdivision, "descrierea", ret.description, row.description)
            )
        stored = {
            v.indicator.number: v.raw_text
            for v in Value.select(Value, Indicator).join(Indicator).where(Value.ret == ret)
        }
        for number, new in enumerate(row.values, start=1):
            old = stored.get(number, "")
            if old != new:
                diffs.append(Difference(row.action, row.subdivision, f"indicatorul {number}", old, new))
    old_narrative = get_narrative(period.id)
    if _has_narrative(old_narrative) and _has_narrative(reading.narrative):
        for name, label in _NARRATIVE_LABELS.items():
            old_value, new_value = getattr(old_narrative, name), getattr(reading.narrative, name)
            if old_value != new_value:
                diffs.append(
                    Difference(
                        "",
                        "",
                        _("narațiunea: {label}").format(label=_(label)),
                        str(old_value),
                        str(new_value),
                    )
                )
    return diffs


_NARRATIVE_LABELS = {
    "executive_summary": N_("rezumatul executiv"),
    "risks_intro": N_("introducerea riscurilor"),
    "risks": N_("riscurile"),
    "proposals_intro": N_("introducerea propunerilor"),
    "proposals": N_("propunerile"),
    "prepared_by_name": N_("elaborat (nume)"),
    "prepared_by_function": N_("elaborat (funcția)"),
    "coordinated_by_name": N_("coordonat (nume)"),
    "coordinated_by_function": N_("coordonat (funcția)"),
    "extra_signatures": N_("alte semnături"),
}


def _has_narrative(data: NarrativeData) -> bool:
    return any(getattr(data, name) for name in _NARRATIVE_LABELS)


def period_has_data(reading: ReportReading, plan: Plan | int) -> bool:
    """Whether the report's period already holds returns (then the differences are shown first)."""
    plan = plan_of(plan)
    period = _period(plan, reading)
    return period is not None and Return.select().where(Return.period == period).exists()


def apply_report(reading: ReportReading, plan: Plan | int) -> ChangeSet:
    """Write the reading into its period: all or nothing, after an automatic backup of the open file.

    Returns of the report replace the same subdivision's return for the same action (description and every
    value); other returns of the period are kept. The written Totals replace that period's references of
    the same actions. The narrative is replaced when the report has one.
    """
    plan = plan_of(plan)
    auto_backup("import")
    source = f"{SOURCE_PREFIX} „{reading.source}”"
    with guard_write(_("Importul raportului")), database.atomic():
        period = _period(plan, reading)
        if period is None:
            period, _created = create_period(plan, PeriodKey(reading.year, reading.semester))
        actions = _actions(plan)
        used = [
            actions[code] for code in {r.action for r in reading.rows} | {t.action for t in reading.totals}
        ]
        indicators = _indicator_ids([int(a.id) for a in used])
        for row in reading.rows:
            action = actions[row.action]
            ret = Return.get_or_none(
                (Return.action == action)
                & (Return.subdivision == row.subdivision_id)
                & (Return.period == period)
            )
            if ret is None:
                ret = Return.create(
                    action=action, subdivision=row.subdivision_id, period=period, description=row.description
                )
            else:
                ret.description = row.description
                ret.save()
                Value.delete().where(Value.ret == ret).execute()
            rows = [
                {"ret": ret.id, "indicator": indicators[(int(action.id), number)], **parsed_columns(raw)}
                for number, raw in enumerate(row.values, start=1)
                if (int(action.id), number) in indicators
            ]
            if rows:
                Value.insert_many(rows).execute()
        references: list[dict[str, object]] = []
        for total in reading.totals:
            action = actions[total.action]
            ReferenceTotal.delete().where(
                (ReferenceTotal.period == period) & (ReferenceTotal.action == action)
            ).execute()
            if total.counts_text:
                references.append(
                    {
                        "action": action.id,
                        "period": period.id,
                        "indicator": None,
                        "raw_text": total.counts_text,
                    }
                )
            for number, cell in enumerate(total.cells, start=1):
                indicator = indicators.get((int(action.id), number))
                if indicator is not None and cell:
                    references.append(
                        {"action": action.id, "period": period.id, "indicator": indicator, "raw_text": cell}
                    )
        seen: set[tuple[object, object]] = set()
        for ref in references:
            key = (ref["action"], ref["indicator"])
            if key in seen:  # a split table repeating its Total: the first one counts
                continue
            seen.add(key)
            ReferenceTotal.create(source=source, **ref)
        if _has_narrative(reading.narrative):
            save_narrative(period.id, reading.narrative)
    return ChangeSet.everything()
