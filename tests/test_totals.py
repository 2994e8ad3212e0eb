"""Totals and counts of the Total row, on hand-built grids with hand-computed expectations."""

from __future__ import annotations

from decimal import Decimal

from balti_monitor.domain.grid import ActionGrid, Aggregation, GridRow, IndicatorDef, OverrideDef
from balti_monitor.domain.totals import Problem, compute_totals
from balti_monitor.domain.values import parse_value


def row(
    sid: int, name: str, values: list[str], applicable: set[int] | None = None, desc: str = "d"
) -> GridRow:
    parsed = {n: parse_value(v) for n, v in enumerate(values, start=1)}
    return GridRow(sid, name, frozenset(applicable or set()), True, desc, parsed)


def grid(indicators: list[IndicatorDef], rows: list[GridRow], overrides=None) -> ActionGrid:
    return ActionGrid("9.9", tuple(indicators), tuple(rows), overrides or {})


SUM = Aggregation.SUM


def test_sum_adds_counts_and_keeps_the_unit() -> None:
    g = grid(
        [IndicatorDef(1, "acte", SUM)],
        [row(1, "A", ["5 acte"]), row(2, "B", ["2 acte"]), row(3, "C", ["1 act"]), row(4, "D", ["0"])],
    )
    total = compute_totals(g).by_number(1)
    assert total.quantity == Decimal(8)
    assert total.text == "8 acte"


def test_sum_of_women_and_men() -> None:
    g = grid(
        [IndicatorDef(1, "persoane (F/B)", SUM, gender_split=True)],
        [row(1, "A", ["4 persoane (3F/1B)"]), row(2, "B", ["18 persoane (12F/ 6B)"])],
    )
    total = compute_totals(g).by_number(1)
    assert total.quantity == 22
    assert (total.women, total.men) == (15, 7)
    assert "15F/7B" in total.text


def test_mixed_units_are_not_summed() -> None:
    g = grid([IndicatorDef(1, "x", SUM)], [row(1, "A", ["50 angajați"]), row(2, "B", ["60 persoane"])])
    total = compute_totals(g).by_number(1)
    assert total.problem == Problem.MIXED_UNITS
    assert total.quantity is None
    assert total.text == ""


def test_approximate_values_make_an_approximate_sum() -> None:
    g = grid([IndicatorDef(1, "ore", SUM)], [row(1, "A", ["cca. 2520 ore"]), row(2, "B", ["20 ore"])])
    total = compute_totals(g).by_number(1)
    assert total.quantity == 2540
    assert total.approximate
    assert total.text.startswith("cca.")


def test_max_and_distinct() -> None:
    inds = [IndicatorDef(1, "registru", Aggregation.MAX), IndicatorDef(2, "anunțuri", Aggregation.DISTINCT)]
    same = grid(
        inds, [row(1, "A", ["1 registru", "39 anunțuri"]), row(2, "B", ["1 registru", "39 informații"])]
    )
    totals = compute_totals(same)
    assert totals.by_number(1).quantity == 1
    assert totals.by_number(2).quantity == 39
    differ = grid(
        inds, [row(1, "A", ["1 registru", "608 cereri"]), row(2, "B", ["1 registru", "596 cereri"])]
    )
    t2 = compute_totals(differ).by_number(2)
    assert t2.problem == Problem.SOURCES_DISAGREE
    assert t2.quantity is None


def test_status_needs_every_applicable_subdivision_done() -> None:
    inds = [IndicatorDef(1, "mecanism", Aggregation.STATUS)]
    done = grid(inds, [row(1, "A", ["Realizat"]), row(2, "B", ["realizat"])])
    assert compute_totals(done).by_number(1).text == "Realizat"
    partly = grid(inds, [row(1, "A", ["Realizat"]), row(2, "B", ["În proces"])])
    assert compute_totals(partly).by_number(1).text == "Parțial realizat"
    # B does not answer indicator 1: only A counts
    only_a = grid(
        [*inds, IndicatorDef(2, "y", SUM)], [row(1, "A", ["Realizat", "1"]), row(2, "B", ["-", "2"], {2})]
    )
    assert compute_totals(only_a).by_number(1).text == "Realizat"


def test_nothing_reported_gives_dash_or_blank_never_zero() -> None:
    inds = [IndicatorDef(1, "x", SUM), IndicatorDef(2, "y", SUM)]
    g = grid(inds, [row(1, "A", ["-", ""]), row(2, "B", ["--", ""])])
    totals = compute_totals(g)
    assert totals.by_number(1).text == "-"
    assert totals.by_number(2).text == ""


def test_counts_buckets_add_up_and_name_subdivisions() -> None:
    inds = [IndicatorDef(1, "x", SUM), IndicatorDef(2, "y", SUM)]
    rows = [
        row(1, "Direcția resurse umane", ["1", "0"]),
        row(2, "Direcția relații cu publicul", ["1", "-"]),
        row(3, "Direcția secretariat", ["-", ""]),
        row(4, "Direcția-serviciul de presă", ["-", "3"], applicable={2}),
        GridRow(5, "Direcția cultură", frozenset(), has_return=False),
    ]
    counts = compute_totals(grid(inds, rows)).counts
    assert (counts.n_all, counts.n_arrears, counts.n_none) == (2, 1, 2)
    assert counts.arrears == ("Direcția relații cu publicul",)
    assert counts.none_done == ("Direcția secretariat", "Direcția cultură")
    sentence = counts.sentence()
    assert "toți indicatorii – 2" in sentence
    assert "restanțe la anumiți indicatori – 1 (Direcția relații cu publicul)" in sentence
    assert "niciun indicator – 2 (Direcția secretariat, Direcția cultură)" in sentence


def test_in_progress_is_an_arrear() -> None:
    g = grid(
        [IndicatorDef(1, "x", Aggregation.STATUS), IndicatorDef(2, "y", SUM)],
        [row(1, "A", ["În proces", "2"])],
    )
    assert compute_totals(g).counts.n_arrears == 1


def test_override_is_shown_but_computed_value_kept() -> None:
    g = grid(
        [IndicatorDef(1, "acte", SUM)],
        [row(1, "A", ["5 acte"]), row(2, "B", ["3 acte"])],
        overrides={1: OverrideDef("7 acte", "scris de mână", "Olga")},
    )
    total = compute_totals(g).by_number(1)
    assert total.shown == "7 acte"
    assert total.text == "8 acte"


def test_status_total_keeps_the_words_of_not_applicable_rows() -> None:
    status = IndicatorDef(1, "mecanism", Aggregation.STATUS)
    total = compute_totals(grid([status], [row(1, "A", ["Nu este cazul"]), row(2, "B", ["Nu este cazul"])]))
    assert total.by_number(1).shown == "Nu este cazul"
    total = compute_totals(grid([status], [row(1, "A", ["Nu e cazul"])]))
    assert total.by_number(1).shown == "Nu e cazul"
    total = compute_totals(grid([status], [row(1, "A", ["Nu e cazul"]), row(2, "B", ["nu este cazul"])]))
    assert total.by_number(1).shown == "Nu este cazul"
    total = compute_totals(grid([IndicatorDef(1, "acte", SUM)], [row(1, "A", ["-"]), row(2, "B", ["-"])]))
    assert total.by_number(1).shown == "-"


def test_the_source_report_s_written_total_is_a_reference_compared_by_the_checks() -> None:
    from balti_monitor.domain.checks import FindingCode, check_action

    g = ActionGrid(
        "1.13",
        (IndicatorDef(1, "acte", SUM), IndicatorDef(2, "acte", SUM)),
        (row(1, "A", ["5 acte", "5 acte"]), row(2, "B", ["3 acte", "3 acte"])),
        references={
            1: "8 acte",
            2: "7 acte",
            None: "Numărul de subdiviziuni care au realizat toți indicatorii – 18; Numărul de subdiviziuni care "
            "au restanțe la anumiți indicatori – 0; Numărul de subdiviziuni care nu au realizat niciun indicator – 0.",
        },
    )
    totals = compute_totals(g)
    assert totals.by_number(2).shown == "8 acte"  # never the reference
    found = [(f.code, f.indicator, f.message) for f in check_action(g, totals) if "original" in f.message]
    assert found == [
        (FindingCode.REFERENCE_DIFFERS, 2, "Raportul original: „7 acte”; calculat: 8 acte."),
        (
            FindingCode.COUNTS_REFERENCE_DIFFERS,
            None,
            "Raportul original: „18 / 0 / 0” subdiviziuni (toți indicatorii / restanțe / niciunul); "
            "calculat: 2 / 0 / 0.",
        ),
    ]
