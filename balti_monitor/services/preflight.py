"""What a signer must know before the report is written (the export's pre-flight).

:func:`preflight` lists, for the actions the export prints: manual totals that differ from the computed
value, unresolved findings (by kind, with counts), placeholders still in the plan text, responsible
subdivisions without a return, and blank Total cells; first of all, for a signed period, a plan amended
after the signature (the new document will not be the one signed). Each line carries where it is (action, subdivision,
column) so the GUI can jump to the cell. Reads only.

:func:`unresolved_findings` is the one place that decides which findings are still open; acknowledged
findings (issue 11) are to be filtered there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from balti_monitor.db.models import Action, Indicator, Period, Priority, database
from balti_monitor.domain.checks import Finding, FindingCode, override_differs
from balti_monitor.i18n import N_, _
from balti_monitor.services.grids import plan_actions
from balti_monitor.services.periods import key_of
from balti_monitor.services.plan_signatures import plan_amended_after_signature
from balti_monitor.services.results import ActionResult, period_results

#: The Total row in a jump target (``subdivision_id``), like the GUI's TOTAL_ROW.
TOTAL_ROW = 0

#: Findings that are about the Total row's manual values, listed on their own lines, not among the kinds.
_MANUAL = (FindingCode.OVERRIDE_DIFFERS, FindingCode.COUNTS_OVERRIDE_DIFFERS)

#: Romanian names of the finding kinds, as the pre-flight groups them.
KIND_LABELS: dict[FindingCode, str] = {
    FindingCode.FB_MISMATCH: N_("F + B diferit de total"),
    FindingCode.FB_MISSING: N_("lipsește repartizarea femei/bărbați"),
    FindingCode.NO_RETURN: N_("subdiviziuni responsabile fără informație"),
    FindingCode.MIXED_UNITS: N_("unități de măsură diferite"),
    FindingCode.TEXT_IN_SUM: N_("valori text într-o sumă"),
    FindingCode.SOURCES_DISAGREE: N_("surse care nu concordă"),
    FindingCode.MANUAL_TOTAL_MISSING: N_("total manual necompletat"),
    FindingCode.OVERRIDE_DIFFERS: N_("total manual diferit de cel calculat"),
    FindingCode.COUNTS_OVERRIDE_DIFFERS: N_("număr de subdiviziuni manual diferit de cel calculat"),
    FindingCode.DESCRIPTION_EMPTY: N_("descriere lipsă"),
    FindingCode.APPROXIMATE_IN_SUM: N_("valori aproximative în sumă"),
    FindingCode.REFERENCE_DIFFERS: N_("total diferit de raportul original"),
    FindingCode.COUNTS_REFERENCE_DIFFERS: N_("număr de subdiviziuni diferit de raportul original"),
}


class LineKind(StrEnum):
    """The sections of the pre-flight."""

    SIGNATURE = "signature"
    MANUAL_TOTAL = "manual_total"
    FINDINGS = "findings"
    PLACEHOLDER = "placeholder"
    NO_RETURN = "no_return"
    BLANK_TOTAL = "blank_total"


SECTION_TITLES: dict[LineKind, str] = {
    LineKind.SIGNATURE: N_("Perioadă semnată"),
    LineKind.MANUAL_TOTAL: N_("Totaluri introduse manual care diferă de cele calculate"),
    LineKind.FINDINGS: N_("Constatări nerezolvate ale verificărilor"),
    LineKind.PLACEHOLDER: N_("Texte provizorii în plan (de completat)"),
    LineKind.NO_RETURN: N_("Subdiviziuni responsabile care nu au prezentat informația"),
    LineKind.BLANK_TOTAL: N_("Celule goale în rândul Total"),
}


@dataclass(frozen=True, slots=True)
class PreflightLine:
    """One thing to know, with the cell it is about (``action_id`` 0 = not about one action's grid).

    ``subdivision_id`` is :data:`TOTAL_ROW` for the Total row, -1 when no cell applies; ``column`` is 0 for the
    description/counts column, else the indicator number.
    """

    kind: LineKind
    text: str
    action_id: int = 0
    subdivision_id: int = -1
    column: int = 0
    group: str = ""  # findings: the kind's label ("surse care nu concordă" …)


@dataclass(frozen=True, slots=True)
class Preflight:
    """The whole pre-flight of one export."""

    lines: tuple[PreflightLine, ...] = ()
    finding_counts: tuple[tuple[str, int], ...] = field(default_factory=tuple)

    @property
    def clean(self) -> bool:
        """Nothing a signer must know."""
        return not self.lines

    def of(self, kind: LineKind) -> list[PreflightLine]:
        """The lines of one section."""
        return [line for line in self.lines if line.kind == kind]

    def as_text(self) -> str:
        """The pre-flight as plain Romanian text (what the CLI prints)."""
        if self.clean:
            return _("Verificarea dinaintea exportului: nimic de semnalat.")
        out = [_("Verificarea dinaintea exportului:")]
        for kind in LineKind:
            lines = self.of(kind)
            if not lines:
                continue
            out.append(f"\n{_(SECTION_TITLES[kind])} ({len(lines)}):")
            if kind == LineKind.FINDINGS:
                out.extend(f"  - {label}: {count}" for label, count in self.finding_counts)
            out.extend(f"  - {line.text}" for line in lines if kind != LineKind.FINDINGS)
        return "\n".join(out)


def unresolved_findings(results: Mapping[int, ActionResult]) -> dict[int, list[Finding]]:
    """The findings still open, per action id (today: all of them; acknowledged ones will be left out here)."""
    return {action_id: list(result.findings) for action_id, result in results.items()}


def exported_action_ids(
    period: Period, priorities: set[str] | None, include_empty: bool, results: Mapping[int, ActionResult]
) -> list[int]:
    """The actions an export with these options prints, in plan order."""
    ids: list[int] = []
    for action in plan_actions(period.plan_id):
        if priorities is not None and action.priority.number not in priorities:
            continue
        result = results.get(action.id)
        if result is None:
            continue
        if not include_empty and not any(r.has_return for r in result.grid.rows):
            continue
        ids.append(action.id)
    return ids


def _placeholders(period: Period, action_ids: Iterable[int]) -> list[PreflightLine]:
    wanted = list(action_ids)
    lines: list[PreflightLine] = []
    actions = {a.id: a for a in Action.select().where(Action.id.in_(wanted))}
    priorities = {a.priority_id for a in actions.values()}
    for prio in Priority.select().where(Priority.id.in_(list(priorities))).order_by(Priority.position):
        if prio.title_placeholder:
            lines.append(
                PreflightLine(
                    LineKind.PLACEHOLDER,
                    _("Prioritatea {number}: titlul este un text provizoriu.").format(number=prio.number),
                )
            )
    with_placeholder = {
        ind.action_id
        for ind in Indicator.select(Indicator.action).where(
            Indicator.action.in_(wanted) & (Indicator.placeholder == True)  # noqa: E712
        )
    }
    for action_id in wanted:
        action = actions[action_id]
        parts = []
        if action.title_placeholder:
            parts.append(_("titlul"))
        if action.indicators_placeholder or action_id in with_placeholder:
            parts.append(_("indicatorii"))
        if parts:
            lines.append(
                PreflightLine(
                    LineKind.PLACEHOLDER,
                    _("Acțiunea {code}: {parts} — text provizoriu din plan.").format(
                        code=action.code, parts=_(" și ").join(parts)
                    ),
                    action_id,
                )
            )
    return lines


def preflight(
    period: Period,
    priorities: set[str] | None = None,
    include_empty: bool = True,
    results: Mapping[int, ActionResult] | None = None,
) -> Preflight:
    """The pre-flight of exporting ``period`` with these options (reads only)."""
    with database.atomic():
        results = results if results is not None else period_results(period)
        action_ids = exported_action_ids(period, priorities, include_empty, results)
        open_findings = unresolved_findings({a: results[a] for a in action_ids})
        placeholders = _placeholders(period, action_ids)
        signature = _plan_amended(period)
    manual: list[PreflightLine] = []
    findings: list[PreflightLine] = []
    missing: list[PreflightLine] = []
    blank: list[PreflightLine] = []
    kinds: Counter[FindingCode] = Counter()
    for action_id in action_ids:
        result = results[action_id]
        code = result.grid.code
        totals = result.totals
        for total in totals.indicators:
            override = total.override
            if override is not None and override_differs(total, override):
                manual.append(
                    PreflightLine(
                        LineKind.MANUAL_TOTAL,
                        f"{code} · Indicator {total.number}: introdus „{override.raw_text}”, "
                        f"calculat „{total.text or '(gol)'}”.",
                        action_id,
                        TOTAL_ROW,
                        total.number,
                    )
                )
            if not total.shown.strip():
                why = f" ({_(total.problem)})" if total.problem else ""
                blank.append(
                    PreflightLine(
                        LineKind.BLANK_TOTAL,
                        _("{code} · Indicator {number}: celula Total este goală{why}.").format(
                            code=code, number=total.number, why=why
                        ),
                        action_id,
                        TOTAL_ROW,
                        total.number,
                    )
                )
        counts_override = totals.counts_override
        if counts_override is not None and any(
            f.code == FindingCode.COUNTS_OVERRIDE_DIFFERS for f in result.findings
        ):
            manual.append(
                PreflightLine(
                    LineKind.MANUAL_TOTAL,
                    _(
                        "{code} · numărul de subdiviziuni: introdus „{raw_text}”, calculat {n_all} / {n_arrears} / {n_none}."
                    ).format(
                        code=code,
                        raw_text=counts_override.raw_text,
                        n_all=totals.counts.n_all,
                        n_arrears=totals.counts.n_arrears,
                        n_none=totals.counts.n_none,
                    ),
                    action_id,
                    TOTAL_ROW,
                    0,
                )
            )
        for finding in open_findings.get(action_id, []):
            if finding.code == FindingCode.NO_RETURN:
                missing.append(
                    PreflightLine(
                        LineKind.NO_RETURN,
                        _("{code} · {subdivision}: nu a prezentat informația.").format(
                            code=code, subdivision=finding.subdivision
                        ),
                        action_id,
                        finding.subdivision_id if finding.subdivision_id is not None else -1,
                        0,
                    )
                )
            if finding.code in _MANUAL:
                continue
            kinds[finding.code] += 1
            findings.append(
                PreflightLine(
                    LineKind.FINDINGS,
                    f"{finding.location()}: {finding.message}",
                    action_id,
                    finding.subdivision_id if finding.subdivision_id is not None else TOTAL_ROW,
                    finding.indicator or 0,
                    _(KIND_LABELS[finding.code]) if finding.code in KIND_LABELS else str(finding.code),
                )
            )
    counts = tuple(
        (_(KIND_LABELS[code]) if code in KIND_LABELS else str(code), n)
        for code, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    return Preflight(tuple(signature + manual + findings + placeholders + missing + blank), counts)


def _plan_amended(period: Period) -> list[PreflightLine]:
    """The line saying that the plan of a signed period changed after the signature."""
    amended = plan_amended_after_signature(period.id)
    if amended is None:
        return []
    if amended.last_edit is None:
        text = _(
            "Planul a fost modificat după semnarea perioadei {period}; documentul nu va fi identic cu cel semnat."
        ).format(period=key_of(period).code)
    else:
        text = _(
            "Planul a fost modificat după semnarea perioadei {period} (ultima modificare: {when}); documentul "
            "nu va fi identic cu cel semnat."
        ).format(period=key_of(period).code, when=amended.last_edit.strftime("%d.%m.%Y %H:%M"))
    return [PreflightLine(LineKind.SIGNATURE, text)]
