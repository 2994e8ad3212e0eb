"""Checks: findings a careful reviewer would raise on an action's grid and Total row.

Each finding names the action, the indicator and the subdivision it is about, with a Romanian message the
specialist can act on. Checks never change data.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from balti_monitor.domain.annual import RULE_NAMES
from balti_monitor.domain.grid import ActionGrid, Aggregation, GridRow, OverrideDef
from balti_monitor.domain.text import fold_key
from balti_monitor.domain.totals import (
    ActionTotals,
    Counts,
    IndicatorTotal,
    Problem,
    applicable_numbers,
    compute_totals,
)
from balti_monitor.domain.values import ValueState, format_quantity, parse_value
from balti_monitor.i18n import N_, _, ngettext


class FindingCode(StrEnum):
    """Kinds of findings (stable identifiers for filtering and tests)."""

    FB_MISMATCH = "fb_mismatch"
    FB_MISSING = "fb_missing"
    NO_RETURN = "no_return"
    MIXED_UNITS = "mixed_units"
    TEXT_IN_SUM = "text_in_sum"
    SOURCES_DISAGREE = "sources_disagree"
    MANUAL_TOTAL_MISSING = "manual_total_missing"
    OVERRIDE_DIFFERS = "override_differs"
    COUNTS_OVERRIDE_DIFFERS = "counts_override_differs"
    DESCRIPTION_EMPTY = "description_empty"
    APPROXIMATE_IN_SUM = "approximate_in_sum"
    VALUE_NOT_ANSWERED = "value_not_answered"
    VALUES_EMPTY = "values_empty"
    REFERENCE_DIFFERS = "reference_differs"
    COUNTS_REFERENCE_DIFFERS = "counts_reference_differs"
    ANNUAL_DIFFERS = "annual_differs"
    VALUE_OUTLIER = "value_outlier"
    STATUS_MISSING = "status_missing"
    STATUS_UNKNOWN = "status_unknown"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in an action's data for a period."""

    code: FindingCode
    action: str
    message: str
    indicator: int | None = None
    subdivision: str | None = None
    subdivision_id: int | None = None
    #: The message in Romanian (the source language), whatever the interface language of ``message``:
    #: what the fingerprint digests, so an acknowledgement holds in either language. "" = ``message``.
    message_ro: str = ""

    @property
    def key(self) -> str:
        """A stable name of the finding: "1.13/2/5/fb_mismatch" (action / indicator / subdivision id / kind,
        "-" where it does not apply) - what an acknowledgement refers to."""
        indicator = "-" if self.indicator is None else str(self.indicator)
        subdivision = "-" if self.subdivision_id is None else str(self.subdivision_id)
        return f"{self.action}/{indicator}/{subdivision}/{self.code.value}"

    def location(self) -> str:
        """Human-readable place: "1.13 · Indicator 2 · Direcția secretariat"."""
        parts = [self.action]
        if self.indicator is not None:
            parts.append(_("Indicator {number}").format(number=self.indicator))
        if self.subdivision:
            parts.append(self.subdivision)
        return " · ".join(parts)


class _Word(str):
    """A value put into a finding's message that is itself a text to translate (a rule's name, "(gol)")."""


def _says(template: str, /, **values: object) -> tuple[str, str]:
    """A finding's message: in the interface language, and in Romanian (``Finding.message_ro``)."""
    shown = {k: _(v) if isinstance(v, _Word) else v for k, v in values.items()}
    return _(template).format(**shown), template.format(**values)


def _says_counted(shown_template: str, fingerprinted: str, /, **values: object) -> tuple[str, str]:
    """:func:`_says` for a counted message: ``shown_template`` is the ``ngettext`` form for the count in the
    interface language ("de 20 de ori"); ``message_ro`` is ``fingerprinted`` filled in: the Romanian text
    the finding had before it had plural forms, which acknowledgements made earlier digested."""
    shown = {k: _(v) if isinstance(v, _Word) else v for k, v in values.items()}
    return shown_template.format(**shown), fingerprinted.format(**values)


def _finding(
    code: FindingCode,
    action: str,
    says: tuple[str, str],
    indicator: int | None = None,
    subdivision: str | None = None,
    subdivision_id: int | None = None,
) -> Finding:
    """A :class:`Finding` with its message in both languages (``says``: :func:`_says`)."""
    message, message_ro = says
    return Finding(code, action, message, indicator, subdivision, subdivision_id, message_ro)


_NUMBER = re.compile(r"\d+")


def counts_in_text(text: str) -> tuple[int, ...]:
    """The numbers written after each "–" of a counts sentence (n1, n2, n3), in order."""
    found: list[int] = []
    for part in re.split(r"[;.]\s*(?=Num)", text):
        after = re.split(r"[–-]\s*(?=\d|\s*$)", part)
        tail = after[-1] if len(after) > 1 else ""
        match = _NUMBER.match(tail.strip())
        if match:
            found.append(int(match.group()))
    return tuple(found)


def override_differs(total: IndicatorTotal, override: OverrideDef) -> bool:
    """Whether a typed Total means something else than the computed one.

    Figures compare by quantity (units and wording may differ); texts compare case- and
    diacritic-insensitively. A total the rules cannot compute is never "different": the override is then
    the way to give it.
    """
    if not total.computable:
        return False
    typed = parse_value(override.raw_text)
    if total.quantity is not None:
        return typed.quantity != total.quantity
    nothing = (ValueState.NOT_APPLICABLE, ValueState.MISSING)
    computed = parse_value(total.text)
    if typed.state in nothing or computed.state in nothing:
        return (typed.state in nothing) != (computed.state in nothing)
    if typed.quantity is None and computed.quantity is None:
        # two qualitative answers: they differ only if one says done and the other does not
        return typed.achieved != computed.achieved
    return fold_key(override.raw_text) != fold_key(total.text)


def counts_override_differs(counts: Counts, override: OverrideDef) -> bool:
    """Whether typed counts disagree with the computed n1/n2/n3."""
    return counts_in_text(override.raw_text) != (counts.n_all, counts.n_arrears, counts.n_none)


def check_action(grid: ActionGrid, totals: ActionTotals | None = None) -> list[Finding]:
    """All findings for one action and period, in a stable order (rows first, then totals)."""
    if grid.progress_by_action:
        return progress_findings(grid)
    totals = totals if totals is not None else compute_totals(grid)
    code = grid.code
    found: list[Finding] = []
    for row in grid.rows:
        name = row.subdivision_name
        sid = row.subdivision_id
        if not row.has_return:
            if row.responsible:
                found.append(
                    _finding(
                        FindingCode.NO_RETURN,
                        code,
                        _says(
                            N_(
                                "Subdiviziunea responsabilă „{name}” nu a prezentat informația pentru această perioadă."
                            ),
                            name=name,
                        ),
                        subdivision=name,
                        subdivision_id=sid,
                    )
                )
            continue
        written = [v for v in row.values.values() if v.state != ValueState.MISSING]
        if row.description.strip() and not written and grid.indicators:
            found.append(
                _finding(
                    FindingCode.VALUES_EMPTY,
                    code,
                    _says(N_("Descrierea măsurilor este completată, dar niciun indicator nu are valoare.")),
                    subdivision=name,
                    subdivision_id=sid,
                )
            )
        reported = [v for v in row.values.values() if v.state in (ValueState.REPORTED, ValueState.ZERO)]
        if reported and not row.description.strip():
            found.append(
                _finding(
                    FindingCode.DESCRIPTION_EMPTY,
                    code,
                    _says(N_("Sunt raportate valori, dar descrierea măsurilor întreprinse lipsește.")),
                    subdivision=name,
                    subdivision_id=sid,
                )
            )
        answered = applicable_numbers(row, grid.indicators)
        for ind in grid.indicators:
            value = row.values.get(ind.number)
            if (
                value is not None
                and ind.number not in answered
                and value.state in (ValueState.REPORTED, ValueState.ZERO)
            ):
                found.append(
                    _finding(
                        FindingCode.VALUE_NOT_ANSWERED,
                        code,
                        _says(
                            N_(
                                "„{raw}” este scris la un indicator de care subdiviziunea nu răspunde; nu intră în Total. Includeți subdiviziunea la acest indicator sau ștergeți valoarea."
                            ),
                            raw=value.raw.strip(),
                        ),
                        ind.number,
                        name,
                        sid,
                    )
                )
                continue
            if value is None or value.quantity is None:
                continue
            if value.women is not None and value.men is not None:
                if Decimal(value.women + value.men) != value.quantity:
                    found.append(
                        _finding(
                            FindingCode.FB_MISMATCH,
                            code,
                            _says(
                                N_("F + B = {value}, diferit de total {quantity} („{raw}”)."),
                                value=value.women + value.men,
                                quantity=format_quantity(value.quantity),
                                raw=value.raw.strip(),
                            ),
                            ind.number,
                            name,
                            sid,
                        )
                    )
            elif ind.gender_split and value.quantity > 0:
                found.append(
                    _finding(
                        FindingCode.FB_MISSING,
                        code,
                        _says(
                            N_(
                                "Indicatorul cere repartizarea femei/bărbați (F/B), dar „{raw}” nu o conține."
                            ),
                            raw=value.raw.strip(),
                        ),
                        ind.number,
                        name,
                        sid,
                    )
                )
    for total in totals.indicators:
        found.extend(_total_findings(grid, total))
    found.extend(reference_findings(grid, totals))
    found.extend(time_findings(grid))
    if totals.counts_override is not None and counts_override_differs(totals.counts, totals.counts_override):
        counts = totals.counts
        found.append(
            _finding(
                FindingCode.COUNTS_OVERRIDE_DIFFERS,
                code,
                _says(
                    N_(
                        "Numărul de subdiviziuni introdus manual ({items}) diferă de cel calculat ({n_all} / {n_arrears} / {n_none})."
                    ),
                    items=" / ".join(str(n) for n in counts_in_text(totals.counts_override.raw_text)),
                    n_all=counts.n_all,
                    n_arrears=counts.n_arrears,
                    n_none=counts.n_none,
                ),
            )
        )
    return found


def progress_findings(grid: ActionGrid) -> list[Finding]:
    """Findings of an action whose progress is reported for the action as a whole: no "did not report" and
    no Total; where the kind has a status vocabulary, a reported item (no sub-actions) needs a status from it."""
    if not grid.leaf or not grid.statuses:
        return []
    whole = grid.whole
    choices = ", ".join(grid.statuses)
    if whole is None or not whole.status.strip():
        return [
            _finding(
                FindingCode.STATUS_MISSING,
                grid.code,
                _says(
                    N_("Lipsește statusul realizării pentru această perioadă (de ales: {choices})."),
                    choices=choices,
                ),
            )
        ]
    if not whole.meaning:
        return [
            _finding(
                FindingCode.STATUS_UNKNOWN,
                grid.code,
                _says(
                    N_("Statusul „{status}” nu este unul dintre cele ale planului ({choices})."),
                    status=whole.status.strip(),
                    choices=choices,
                ),
            )
        ]
    return []


#: A value at least this many times its own history's largest is suspicious (an extra zero).
OUTLIER_FACTOR = 10
#: The outlier finding's Romanian text as acknowledgements digest it (``Finding.message_ro``): the msgid of
#: its ``ngettext``, whose Romanian catalogue says "de 20 de ori" where the grammar wants it. Kept as it
#: was so an outlier confirmed before the plural forms stays confirmed.
_OUTLIER_FINGERPRINT = (
    "Verificați — de {times} ori mai mult decât înainte: „{raw}”, iar cel mai mare număr raportat anterior "
    "este {largest}."
)


def time_findings(grid: ActionGrid) -> list[Finding]:
    """Findings that need the other periods: an annual figure that differs from what its semesters give,
    and a value ten times (or more) its subdivision's largest value in earlier semesters."""
    found: list[Finding] = []
    code = grid.code
    names = {row.subdivision_id: row.subdivision_name for row in grid.rows}
    for (sid, number), cell in grid.annual.items():
        if cell.differs and cell.own is not None and cell.derived is not None:
            found.append(
                _finding(
                    FindingCode.ANNUAL_DIFFERS,
                    code,
                    _says(
                        N_(
                            "Cifra anuală trimisă („{raw}”) diferă de cea care rezultă din semestre („{raw2}”, regula anuală: {rule})."
                        ),
                        raw=cell.own.raw.strip(),
                        raw2=cell.derived.raw.strip(),
                        rule=_Word(RULE_NAMES[cell.rule]),
                    ),
                    number,
                    names.get(sid),
                    sid,
                )
            )
    for row in grid.rows:
        for number, value in row.values.items():
            largest = grid.history_max.get((row.subdivision_id, number))
            if largest is None or largest <= 0 or value.quantity is None:
                continue
            if value.quantity >= OUTLIER_FACTOR * largest:
                times = int(value.quantity / largest)
                found.append(
                    _finding(
                        FindingCode.VALUE_OUTLIER,
                        code,
                        _says_counted(
                            ngettext(  # one form in the msgid: ``times`` is at least OUTLIER_FACTOR
                                "Verificați — de {times} ori mai mult decât înainte: „{raw}”, iar cel mai mare număr raportat anterior este {largest}.",
                                "Verificați — de {times} ori mai mult decât înainte: „{raw}”, iar cel mai mare număr raportat anterior este {largest}.",
                                times,
                            ),
                            _OUTLIER_FINGERPRINT,
                            times=times,
                            raw=value.raw.strip(),
                            largest=format_quantity(largest),
                        ),
                        number,
                        row.subdivision_name,
                        row.subdivision_id,
                    )
                )
    return found


def _total_findings(grid: ActionGrid, total: IndicatorTotal) -> list[Finding]:
    code = grid.code
    number = total.number
    ind = grid.indicator(number)
    found: list[Finding] = []
    answered = total.override is not None and total.override.answers_findings
    if answered:
        pass  # a Total typed by hand with a reason answers why the rule could not compute it
    elif total.problem == Problem.MIXED_UNITS:
        units = sorted({v.unit or "" for r in grid.rows if (v := r.values.get(number)) and v.unit})
        found.append(
            _finding(
                FindingCode.MIXED_UNITS,
                code,
                _says(
                    N_("Valorile au unități de măsură diferite ({units}); totalul nu se calculează automat."),
                    units=", ".join(units),
                ),
                number,
            )
        )
    elif total.problem == Problem.TEXT_IN_SUM:
        found.append(
            _finding(
                FindingCode.TEXT_IN_SUM,
                code,
                _says(
                    N_(
                        "Unele valori sunt text, iar totalul nu se poate calcula automat; completați-l manual."
                    )
                ),
                number,
            )
        )
    elif total.problem == Problem.SOURCES_DISAGREE:
        figures = [
            f"{r.subdivision_name}: {v.raw.strip()}"
            for r in grid.rows
            if (v := r.values.get(number)) and v.state in (ValueState.REPORTED, ValueState.ZERO)
        ]
        found.append(
            _finding(
                FindingCode.SOURCES_DISAGREE,
                code,
                _says(
                    N_("Subdiviziunile raportează cifre diferite pentru același obiect ({figures})."),
                    figures="; ".join(figures),
                ),
                number,
            )
        )
    elif total.problem == Problem.MANUAL and total.override is None:
        found.append(
            _finding(
                FindingCode.MANUAL_TOTAL_MISSING,
                code,
                _says(N_("Totalul acestui indicator se completează manual și nu a fost completat.")),
                number,
            )
        )
    if total.override is not None and override_differs(total, total.override):
        found.append(
            _finding(
                FindingCode.OVERRIDE_DIFFERS,
                code,
                _says(
                    N_("Totalul introdus manual „{raw_text}” diferă de cel calculat „{value}”."),
                    raw_text=total.override.raw_text,
                    value=total.text or _Word(N_("(gol)")),
                ),
                number,
            )
        )
    if ind.aggregation == Aggregation.SUM and total.approximate and total.contributors > 1 and not answered:
        found.append(
            _finding(
                FindingCode.APPROXIMATE_IN_SUM,
                code,
                _says(N_("Suma conține valori aproximative (cca., circa); totalul este și el aproximativ.")),
                number,
            )
        )
    return found


def fingerprint(grid: ActionGrid, finding: Finding) -> str:
    """A digest of the data a finding was computed from (its cell, its row or its indicator column, the
    Total typed by hand, and the message): an acknowledgement holds while this stays the same."""

    def cell(row: GridRow, number: int) -> list[object]:
        value = row.values.get(number)
        return [
            number,
            value.raw if value is not None else None,
            number in applicable_numbers(row, grid.indicators),
        ]

    def whole(row: GridRow) -> list[object]:
        return [
            row.subdivision_name,
            row.has_return,
            row.responsible,
            row.description,
            [cell(row, ind.number) for ind in grid.indicators],
        ]

    # no database ids: the fingerprint stays valid in a copy imported from JSON (ids may differ there)
    data: list[object] = [
        finding.code.value,
        finding.action,
        finding.indicator,
        finding.subdivision,
        finding.message_ro or finding.message,
    ]
    rows = [r for r in grid.rows if r.subdivision_id == finding.subdivision_id]
    if finding.subdivision_id is not None and rows:
        row = rows[0]
        if finding.indicator is not None:
            data.append([row.has_return, row.responsible, cell(row, finding.indicator)])
        else:
            data.append(whole(row))
    elif finding.indicator is not None:
        override = grid.overrides.get(finding.indicator)
        data.append([[r.subdivision_name, r.has_return, cell(r, finding.indicator)] for r in grid.rows])
        data.append(None if override is None else [override.raw_text, override.reason])
    else:
        override = grid.overrides.get(None)
        data.append([whole(r) for r in grid.rows])
        data.append(None if override is None else [override.raw_text, override.reason])
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def split_acknowledged(
    grid: ActionGrid, findings: list[Finding]
) -> tuple[list[Finding], list[tuple[Finding, str]]]:
    """Unresolved findings, and acknowledged ones with their note (an acknowledgement whose data changed
    since no longer counts: the finding is unresolved again)."""
    open_: list[Finding] = []
    acknowledged: list[tuple[Finding, str]] = []
    for finding in findings:
        known = grid.acknowledged.get(finding.key)
        if known is not None and known[0] == fingerprint(grid, finding):
            acknowledged.append((finding, known[1]))
        else:
            open_.append(finding)
    return open_, acknowledged


def _counts_label(numbers: tuple[int, ...]) -> str:
    shown = [str(n) for n in numbers[:3]] + ["–"] * (3 - min(len(numbers), 3))
    return " / ".join(shown)


def reference_findings(grid: ActionGrid, totals: ActionTotals) -> list[Finding]:
    """Where the source report's written Total (kept as a reference) says something else than the computed
    Total: "Raportul original: „7 acte”; calculat: 8 acte". A cell the rules cannot compute is not compared."""
    found: list[Finding] = []
    code = grid.code
    for total in totals.indicators:
        written = grid.references.get(total.number)
        if written is None:
            continue
        if override_differs(total, OverrideDef(written)):
            found.append(
                _finding(
                    FindingCode.REFERENCE_DIFFERS,
                    code,
                    _says(
                        N_("Raportul original: „{written}”; calculat: {value}."),
                        written=written.strip(),
                        value=total.text or _Word(N_("(gol)")),
                    ),
                    total.number,
                )
            )
    written_counts = grid.references.get(None)
    if written_counts is not None and counts_override_differs(totals.counts, OverrideDef(written_counts)):
        counts = totals.counts
        found.append(
            _finding(
                FindingCode.COUNTS_REFERENCE_DIFFERS,
                code,
                _says(
                    N_(
                        "Raportul original: „{written_counts}” subdiviziuni (toți indicatorii / restanțe / niciunul); calculat: {n_all} / {n_arrears} / {n_none}."
                    ),
                    written_counts=_counts_label(counts_in_text(written_counts)),
                    n_all=counts.n_all,
                    n_arrears=counts.n_arrears,
                    n_none=counts.n_none,
                ),
            )
        )
    return found
