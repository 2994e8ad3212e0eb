"""The "Total instituții responsabile" row: indicator totals and the three subdivision counts.

Totals are always computed from the rows; an override typed by the specialist is shown instead of the
computed text, but the computed value stays available so checks can compare the two.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from balti_monitor.domain.grid import ActionGrid, Aggregation, GridRow, IndicatorDef, OverrideDef
from balti_monitor.domain.text import fold_key
from balti_monitor.domain.values import ParsedValue, Status, ValueState, format_quantity, unit_key
from balti_monitor.i18n import N_, ngettext


class Problem:
    """Why a total could not be computed (Romanian, shown to the user)."""

    MIXED_UNITS = N_("unități de măsură diferite")
    TEXT_IN_SUM = N_("valori text care nu se pot calcula")
    SOURCES_DISAGREE = N_("subdiviziunile raportează cifre diferite pentru același obiect")
    MANUAL = N_("totalul se completează manual")


@dataclass(frozen=True, slots=True)
class IndicatorTotal:
    """The computed Total cell of one indicator (and the override, if any)."""

    number: int
    text: str
    quantity: Decimal | None = None
    unit: str | None = None
    women: int | None = None
    men: int | None = None
    approximate: bool = False
    problem: str | None = None
    contributors: int = 0
    override: OverrideDef | None = None

    @property
    def computable(self) -> bool:
        """False when the rule cannot produce a figure (mixed units, disagreeing sources, manual)."""
        return self.problem is None

    @property
    def shown(self) -> str:
        """What the report prints: the override as typed, else the computed text."""
        return self.override.raw_text if self.override is not None else self.text


@dataclass(frozen=True, slots=True)
class Counts:
    """Subdivisions that achieved all applicable indicators / have arrears / achieved none."""

    all_done: tuple[str, ...]
    arrears: tuple[str, ...]
    none_done: tuple[str, ...]

    @property
    def n_all(self) -> int:
        """n1."""
        return len(self.all_done)

    @property
    def n_arrears(self) -> int:
        """n2."""
        return len(self.arrears)

    @property
    def n_none(self) -> int:
        """n3."""
        return len(self.none_done)

    @property
    def total(self) -> int:
        """n1 + n2 + n3, always the number of rows."""
        return self.n_all + self.n_arrears + self.n_none

    def sentence(self) -> str:
        """The Romanian sentence of the Total row, naming the subdivisions in arrears or with none."""

        def named(names: tuple[str, ...]) -> str:
            return f" ({', '.join(names)})" if names else ""

        return (
            f"Numărul de subdiviziuni care au realizat toți indicatorii – {self.n_all}; "
            f"Numărul de subdiviziuni care au restanțe la anumiți indicatori – {self.n_arrears}"
            f"{named(self.arrears)}; "
            f"Numărul de subdiviziuni care nu au realizat niciun indicator – {self.n_none}"
            f"{named(self.none_done)}."
        )


@dataclass(frozen=True, slots=True)
class ActionTotals:
    """The whole Total row of one action for one period."""

    code: str
    indicators: tuple[IndicatorTotal, ...]
    counts: Counts
    counts_override: OverrideDef | None = None

    @property
    def counts_shown(self) -> str:
        """The counts cell as printed: the override as typed, else the computed sentence."""
        return self.counts_override.raw_text if self.counts_override is not None else self.counts.sentence()

    def by_number(self, number: int) -> IndicatorTotal:
        """The total of indicator ``number``."""
        for total in self.indicators:
            if total.number == number:
                return total
        raise KeyError(number)


def applicable_numbers(row: GridRow, indicators: tuple[IndicatorDef, ...]) -> frozenset[int]:
    """The indicators a row answers; an empty applicability means all of them."""
    return row.applicable or frozenset(ind.number for ind in indicators)


@dataclass(frozen=True, slots=True)
class Shortfall:
    """Why a row is not "all achieved": indicators it answers with nothing written, and those written but
    not achieved ("-", "Nu este cazul", "În proces" …), with what was written."""

    missing: tuple[int, ...]
    not_achieved: tuple[tuple[int, str], ...]

    def __bool__(self) -> bool:
        return bool(self.missing or self.not_achieved)

    def sentence(self) -> str:
        """Romanian: "lipsesc indicatorii 2, 3; nerealizat: indicatorul 4 („-”)"."""
        parts = []
        if self.missing:
            numbers = ", ".join(str(n) for n in self.missing)
            parts.append(
                ngettext(
                    "lipsește indicatorul {numbers}", "lipsesc indicatorii {numbers}", len(self.missing)
                ).format(numbers=numbers)
            )
        if self.not_achieved:
            written = ", ".join(f"{n} („{raw}”)" for n, raw in self.not_achieved)
            parts.append(
                ngettext(
                    "nerealizat: indicatorul {written}",
                    "nerealizat: indicatorii {written}",
                    len(self.not_achieved),
                ).format(written=written)
            )
        return "; ".join(parts)


def row_shortfall(row: GridRow, indicators: tuple[IndicatorDef, ...]) -> Shortfall:
    """The indicators a row answers but has not achieved (the reason it is in arrears or has none)."""
    if not row.has_return:
        return Shortfall(tuple(sorted(applicable_numbers(row, indicators))), ())
    missing: list[int] = []
    not_achieved: list[tuple[int, str]] = []
    for number in sorted(applicable_numbers(row, indicators)):
        value = row.values.get(number)
        if value is None or value.state == ValueState.MISSING:
            missing.append(number)
        elif not value.achieved:
            not_achieved.append((number, value.raw.strip()))
    return Shortfall(tuple(missing), tuple(not_achieved))


def row_bucket(row: GridRow, indicators: tuple[IndicatorDef, ...]) -> str:
    """Classify a row as ``"all"``, ``"arrears"`` or ``"none"``.

    Achieved means a reported value (numbers, zero, a done status or text); ``-``, blank, "Nu este cazul",
    "În proces" on an indicator the subdivision answers are not achieved. No return at all is "none".
    """
    if not row.has_return:
        return "none"
    wanted = applicable_numbers(row, indicators)
    done = sum(1 for n in wanted if (v := row.values.get(n)) is not None and v.achieved)
    if done == len(wanted):
        return "all"
    return "none" if done == 0 else "arrears"


def compute_counts(grid: ActionGrid) -> Counts:
    """n1/n2/n3 with the names of the subdivisions in each bucket, in row order."""
    buckets: dict[str, list[str]] = {"all": [], "arrears": [], "none": []}
    for row in grid.rows:
        buckets[row_bucket(row, grid.indicators)].append(row.subdivision_name)
    return Counts(tuple(buckets["all"]), tuple(buckets["arrears"]), tuple(buckets["none"]))


def _reported(grid: ActionGrid, number: int) -> list[ParsedValue]:
    """The values that make a Total: never one written in a cell its subdivision does not answer (such a
    value is a finding, see ``checks``, and stays out of the sum until the subdivision is made to answer)."""
    values = [
        row.values.get(number)
        for row in grid.rows
        if row.has_return and number in applicable_numbers(row, grid.indicators)
    ]
    return [v for v in values if v is not None and v.state in (ValueState.REPORTED, ValueState.ZERO)]


def _empty_total(grid: ActionGrid, number: int) -> str:
    """Nothing reported: the words when the rows say "Nu este cazul" / "Nu e cazul" (as written when they all
    agree, else "Nu este cazul"), "-" when they only wrote "-", else blank. The words are kept: "-" would
    change the meaning."""
    worded: list[str] = []
    dashed = False
    for row in grid.rows:
        value = row.values.get(number)
        if value is not None and value.state == ValueState.NOT_APPLICABLE:
            if any(ch.isalpha() for ch in value.raw):
                worded.append(value.raw.strip())
            else:
                dashed = True
    if worded:
        return worded[0] if len({fold_key(w) for w in worded}) == 1 else "Nu este cazul"
    return "-" if dashed else ""


def _first_unit(values: list[ParsedValue]) -> str | None:
    nonzero = [v.unit for v in values if v.unit and v.quantity]
    anyunit = [v.unit for v in values if v.unit]
    units = nonzero or anyunit
    return units[0] if units else None


def _units_disagree(values: list[ParsedValue]) -> bool:
    keys = {unit_key(v.unit) for v in values if v.unit}
    return len(keys) > 1


def _quantity_text(quantity: Decimal, unit: str | None, approximate: bool, fb: tuple[int, int] | None) -> str:
    text = format_quantity(quantity)
    if unit:
        text = f"{text} {unit}"
    if approximate:
        text = f"cca. {text}"
    if fb is not None:
        text = f"{text} ({fb[0]}F/{fb[1]}B)"
    return text


def _sum_total(ind: IndicatorDef, values: list[ParsedValue]) -> IndicatorTotal:
    number = ind.number
    if any(v.quantity is None for v in values):
        return IndicatorTotal(number, "", problem=Problem.TEXT_IN_SUM, contributors=len(values))
    if _units_disagree(values):
        return IndicatorTotal(number, "", problem=Problem.MIXED_UNITS, contributors=len(values))
    quantity = sum((v.quantity for v in values if v.quantity is not None), Decimal(0))
    approximate = any(v.approximate for v in values)
    unit = _first_unit(values)
    fb: tuple[int, int] | None = None
    split = [v for v in values if v.quantity]
    if split and all(v.women is not None and v.men is not None for v in split):
        fb = (sum(v.women or 0 for v in split), sum(v.men or 0 for v in split))
    return IndicatorTotal(
        number,
        _quantity_text(quantity, unit, approximate, fb),
        quantity=quantity,
        unit=unit,
        women=fb[0] if fb else None,
        men=fb[1] if fb else None,
        approximate=approximate,
        contributors=len(values),
    )


def _max_total(ind: IndicatorDef, values: list[ParsedValue], distinct: bool) -> IndicatorTotal:
    number = ind.number
    numeric = [v for v in values if v.quantity is not None]
    if not numeric:
        texts = {fold_key(v.raw) for v in values}
        if len(texts) == 1:
            return IndicatorTotal(number, values[0].raw.strip(), contributors=len(values))
        return IndicatorTotal(number, "", problem=Problem.SOURCES_DISAGREE, contributors=len(values))
    if len(numeric) != len(values):
        return IndicatorTotal(number, "", problem=Problem.TEXT_IN_SUM, contributors=len(values))
    quantities = {v.quantity for v in numeric}
    if distinct and len(quantities) > 1:
        return IndicatorTotal(number, "", problem=Problem.SOURCES_DISAGREE, contributors=len(values))
    if not distinct and _units_disagree(numeric):
        return IndicatorTotal(number, "", problem=Problem.MIXED_UNITS, contributors=len(values))
    best = max(numeric, key=lambda v: v.quantity or Decimal(0))
    assert best.quantity is not None
    fb = (best.women, best.men) if best.women is not None and best.men is not None else None
    return IndicatorTotal(
        number,
        _quantity_text(best.quantity, best.unit, best.approximate, fb),
        quantity=best.quantity,
        unit=best.unit,
        women=best.women,
        men=best.men,
        approximate=best.approximate,
        contributors=len(values),
    )


def _status_total(grid: ActionGrid, ind: IndicatorDef) -> IndicatorTotal:
    answering = [
        row for row in grid.rows if row.has_return and ind.number in applicable_numbers(row, grid.indicators)
    ]
    values = [row.values.get(ind.number) for row in answering]
    achieved = [v for v in values if v is not None and v.achieved]
    if not answering or not any(
        v is not None and v.state in (ValueState.REPORTED, ValueState.ZERO) for v in values
    ):
        return IndicatorTotal(ind.number, _empty_total(grid, ind.number))
    if len(achieved) == len(values):
        texts = {fold_key(v.raw) for v in achieved}
        text = achieved[0].raw.strip() if len(texts) == 1 else "Realizat"
        return IndicatorTotal(ind.number, text, contributors=len(achieved))
    if achieved or any(v is not None and v.status == Status.IN_PROGRESS for v in values):
        return IndicatorTotal(ind.number, "Parțial realizat", contributors=len(achieved))
    return IndicatorTotal(ind.number, "Nerealizat")


def compute_indicator_total(grid: ActionGrid, ind: IndicatorDef) -> IndicatorTotal:
    """The Total cell of one indicator by its aggregation rule (without the override)."""
    if ind.aggregation == Aggregation.STATUS:
        return _status_total(grid, ind)
    values = _reported(grid, ind.number)
    if not values:
        return IndicatorTotal(ind.number, _empty_total(grid, ind.number))
    if ind.aggregation == Aggregation.MANUAL:
        return IndicatorTotal(ind.number, "", problem=Problem.MANUAL, contributors=len(values))
    if ind.aggregation == Aggregation.SUM:
        return _sum_total(ind, values)
    return _max_total(ind, values, distinct=ind.aggregation == Aggregation.DISTINCT)


def compute_totals(grid: ActionGrid) -> ActionTotals:
    """The whole Total row of an action: every indicator total (with overrides attached) and the counts."""
    totals = []
    for ind in grid.indicators:
        total = compute_indicator_total(grid, ind)
        override = grid.overrides.get(ind.number)
        if override is not None:
            total = replace(total, override=override)
        totals.append(total)
    return ActionTotals(grid.code, tuple(totals), compute_counts(grid), grid.overrides.get(None))
