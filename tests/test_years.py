"""The multi-year file (``benchmarks/make_big_file.py``): annual totals against a hand computation, the
annual figure that wins, and the annual Word report read back."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from balti_monitor import cli
from balti_monitor.db.connection import close_database, open_database
from balti_monitor.db.models import Action, Indicator, Period, Plan, Return, Subdivision, Value
from balti_monitor.domain.checks import FindingCode
from balti_monitor.export.pdf import find_soffice
from balti_monitor.services.grids import load_grid
from balti_monitor.services.results import action_result

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from make_big_file import make_big_file


@pytest.fixture(scope="session")
def years_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2023-S1 … 2024-S2 and 2023-A, 2024-A, built once."""
    return make_big_file(tmp_path_factory.mktemp("years") / "years.sqlite", years=range(2023, 2025))


@pytest.fixture
def years_db(years_file: Path, tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "years.sqlite"
    shutil.copyfile(years_file, path)
    open_database(path)
    yield path
    close_database()


def _period(year: int, semester: int) -> Period:
    return Period.get((Period.year == year) & (Period.semester == semester))


def _quantities(period: Period, action: Action, number: int) -> dict[int, Decimal]:
    """What each subdivision wrote for an indicator in a period, read straight from the stored rows."""
    ind = Indicator.get((Indicator.action == action) & (Indicator.number == number))
    found = {}
    for value in (
        Value.select(Value, Return).join(Return).where((Return.period == period) & (Value.indicator == ind))
    ):
        if value.quantity is not None:
            found[value.ret.subdivision_id] = Decimal(value.quantity)
    return found


def test_annual_total_of_a_count_is_the_hand_sum_with_the_own_annual_figure_winning(years_db: Path) -> None:
    codes = sorted(f"{p.year}-{'A' if p.semester == 0 else 'S' + str(p.semester)}" for p in Period.select())
    assert codes == ["2023-A", "2023-S1", "2023-S2", "2024-A", "2024-S1", "2024-S2"]
    action = Action.get(Action.code == "1.1")
    dru = Subdivision.get(Subdivision.code == "DRU").id
    for year in (2023, 2024):
        s1 = _quantities(_period(year, 1), action, 2)
        s2 = _quantities(_period(year, 2), action, 2)
        own = _quantities(_period(year, 0), action, 2)
        assert set(own) == {dru}
        by_hand = {sub: s1.get(sub, Decimal(0)) + s2.get(sub, Decimal(0)) for sub in set(s1) | set(s2)}
        by_hand.update(own)  # DRU's own annual figure wins
        result = action_result(load_grid(_period(year, 0), action.id))
        assert result.totals.by_number(2).quantity == sum(by_hand.values())
        derived = s1.get(dru, Decimal(0)) + s2.get(dru, Decimal(0))
        differs = [f for f in result.findings if f.code is FindingCode.ANNUAL_DIFFERS]
        assert bool(differs) == (own[dru] != derived)


def test_totals_and_check_take_an_annual_period(years_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--db", str(years_file), "totals", "--period", "2023-A", "--action", "1.1"]) == 0
    out = capsys.readouterr().out
    assert "Acțiunea 1.1" in out and re.search(r"Indicator 2: \d+ concursuri", out)
    assert cli.main(["--db", str(years_file), "check", "--period", "2024-A"]) in (0, 1)
    assert "2024-A" in capsys.readouterr().out


@pytest.mark.slow
@pytest.mark.skipif(
    find_soffice() is None and not os.environ.get("CI"), reason="LibreOffice is not installed"
)
def test_the_annual_report_read_back_from_its_pdf(years_file: Path, tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) is not installed")
    db = tmp_path / "y.sqlite"
    shutil.copyfile(years_file, db)
    out = tmp_path / "anual.docx"
    args = ["--db", str(db), "export", "--period", "2023-A", "--out", str(out), "--pdf", "--quiet"]
    assert cli.main([*args, "--semester-columns"]) == 0
    text = subprocess.run(
        ["pdftotext", str(out.with_suffix(".pdf")), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert flat.startswith("Raport anual privind implementarea")
    assert "în anul 2023" in flat and "perioada de raport –" not in flat
    order = [
        "I. Rezumatul executiv",
        "Sinteza anului 2023.",
        "II. Progresul în implementarea",
        "Acțiunea 1.1.",
        "Progresul în implementarea acțiunii 1.1.",
        "Total instituții responsabile",
        "III. Riscuri",
        "IV. Propuneri",
    ]
    positions = [flat.find(item) for item in order]
    assert all(p >= 0 for p in positions), dict(zip(order, positions, strict=True))
    assert positions == sorted(positions)
    # the S1 | S2 | An columns: three header cells per indicator in the Word table
    from docx import Document

    table = Document(str(out)).tables[0]
    header = [" ".join(c.text.split()) for c in table.rows[1].cells]
    assert header[2:5] == ["Indicator 1 S1", "Indicator 1 S2", "Indicator 1 An"]
    # without the option: one column per indicator
    plain = tmp_path / "simplu.docx"
    assert cli.main(["--db", str(db), "export", "--period", "2023-A", "--out", str(plain), "--quiet"]) == 0
    header = [" ".join(c.text.split()) for c in Document(str(plain)).tables[0].rows[1].cells]
    assert "Indicator 1 S1" not in header and "Indicator 1" in header


def test_trend_numbers_match_a_hand_computation(years_db: Path, tmp_path: Path) -> None:
    from balti_monitor.db.models import Responsibility
    from balti_monitor.services.trends import action_trend, plan_overview

    plan = Plan.get()
    action = Action.get(Action.code == "1.1")
    answering = {
        r.subdivision_id
        for r in Responsibility.select().where(Responsibility.action == action)
        if not r.indicators or 2 in r.indicators
    }
    semesters = sorted((p for p in Period.select() if p.semester), key=lambda p: (p.year, p.semester))
    by_hand = []
    for period in semesters:
        figures = _quantities(period, action, 2)
        by_hand.append(sum((q for sub, q in figures.items() if sub in answering), Decimal(0)))
    trend = action_trend(plan.id, action.id)
    assert trend.periods == ["2023-S1", "2023-S2", "2024-S1", "2024-S2"]
    two = next(i for i in trend.indicators if i.number == 2)
    assert two.totals == by_hand
    dru = Subdivision.get(Subdivision.code == "DRU")
    assert two.by_subdivision[dru.name] == [_quantities(p, action, 2)[dru.id] for p in semesters]
    years = action_trend(plan.id, action.id, annual=True)
    assert years.periods == ["2023-A", "2024-A"]
    own = [_quantities(_period(y, 0), action, 2)[dru.id] for y in (2023, 2024)]
    assert (
        next(i for i in years.indicators if i.number == 2).by_subdivision[dru.name] == own
    )  # its own figure
    for overview in plan_overview(plan.id):
        assert (
            sum(p.achieved + p.arrears + p.empty + p.not_due for p in overview.priorities)
            == Action.select().count()
        )
        assert 0 < overview.completeness <= 1


def test_charts_are_png_files(years_file: Path, tmp_path: Path) -> None:
    chart = tmp_path / "tendinta.png"
    assert cli.main(["--db", str(years_file), "trend", "--action", "1.1", "--png", str(chart)]) == 0
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and chart.stat().st_size > 10_000
    folder = tmp_path / "ansamblu"
    assert cli.main(["--db", str(years_file), "overview", "--png-dir", str(folder)]) == 0
    names = sorted(p.name for p in folder.iterdir())
    assert "completitudine.png" in names and "ansamblu_2024-S2.png" in names


def test_the_chart_annex_follows_the_signatures(years_file: Path, tmp_path: Path) -> None:
    from docx import Document

    db = tmp_path / "y.sqlite"
    shutil.copyfile(years_file, db)
    out = tmp_path / "anexa.docx"
    args = ["--db", str(db), "export", "--period", "2024-S2", "--out", str(out), "--quiet"]
    assert cli.main([*args, "--chart-annex"]) == 0
    document = Document(str(out))
    texts = [p.text for p in document.paragraphs]
    annex = texts.index("Anexă. Grafice")
    assert any(t.startswith("Elaborat") for t in texts[:annex])
    assert texts[annex + 1] == "Figura 1. Acțiunile planului pe priorități în perioada 2024-S2"
    assert len(document.inline_shapes) == 2
    plain = tmp_path / "simplu.docx"
    assert cli.main(["--db", str(db), "export", "--period", "2024-S2", "--out", str(plain), "--quiet"]) == 0
    assert "Anexă. Grafice" not in [p.text for p in Document(str(plain)).paragraphs]
