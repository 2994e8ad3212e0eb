"""The register layout reproduces the seeds' tables 001-004 cell by cell, in the seeds' column order.

Expected output comes from the transcriptions of the seeds (``tests/data/seed_tables``), never from the
exporter: each table is printed through :mod:`balti_monitor.export.register` and read back with python-docx.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from seed_register import expected_rows, hyperlinks, read_register, register_from_seed, seed, words

from balti_monitor.export.register import (
    RegisterCell,
    RegisterRow,
    RegisterTable,
    export_register,
    group_row,
    header_row,
)

SEEDS = ["001", "002", "003", "004"]


@pytest.mark.parametrize("number", SEEDS)
def test_export_matches_the_seed_cell_by_cell(number: str, tmp_path: Path) -> None:
    data = seed(number)
    out = export_register(register_from_seed(data), tmp_path / f"{number}.docx")
    got = read_register(out)
    expected = expected_rows(data)
    assert len(got) == len(expected)
    for index, ((kind, cells), (_, read)) in enumerate(zip(expected, got, strict=True)):
        assert [words(c) for c in read] == [words(c) for c in cells], f"row {index} ({kind})"


def test_parent_cells_are_merged_down_over_their_sub_actions(tmp_path: Path) -> None:
    out = export_register(register_from_seed(seed("003")), tmp_path / "003.docx")
    rows = read_register(out)
    # header, numbered row, "Obiectivul 1", then action 1 with sub-actions 1.1 … 1.10
    first, second, last = rows[3][1], rows[4][1], rows[12][1]
    assert first[:3] == [
        "1.",
        "Asigurarea accesului la informație și promovarea utilizării datelor deschise de către cetățeni",
        "1.1. Evaluarea necesităților populației privind datele guvernamentale deschise",
    ]
    assert second[:2] == [None, None] and last[:2] == [None, None]
    assert rows[13][1][0] == "2."
    assert rows[1][1] == ["1", "2", "3", "4", "5", "6", "7", "8"]


def test_group_headings_span_the_whole_table(tmp_path: Path) -> None:
    out = export_register(register_from_seed(seed("003")), tmp_path / "003.docx")
    table = Document(str(out)).tables[0]
    heading = table.rows[2]._tr.tc_lst
    assert len(heading) == 1
    assert heading[0].tcPr.find(qn("w:gridSpan")).get(qn("w:val")) == "8"


def test_progress_cell_has_the_status_first_in_bold_and_real_hyperlinks(tmp_path: Path) -> None:
    data = seed("004")
    out = export_register(register_from_seed(data), tmp_path / "004.docx")
    table = Document(str(out)).tables[0]
    cell = table.rows[3].cells[7]  # sub-action 1.1
    assert cell.paragraphs[0].text == "În proces de realizare"
    assert all(run.bold for run in cell.paragraphs[0].runs)
    expected_links = [url for row in data["tables"][0]["rows"] for url in row.get("links", [])]
    assert len(expected_links) == 12
    assert hyperlinks(out) == expected_links
    assert (
        "https://docs.google.com/forms/d/e/1FAIpQLSf15bWVVBE5hFyUnwkgmBeylCNhWmxkcjPn30IUiMXRj0dG-A/viewform?usp=sf_link"
        in expected_links
    )


def test_a_group_with_fewer_columns_spans_the_missing_ones(tmp_path: Path) -> None:
    out = export_register(register_from_seed(seed("001")), tmp_path / "001.docx")
    rows = read_register(out)
    objective_2 = next(
        i for i, (_, cells) in enumerate(rows) if cells[0] and cells[0].startswith("Obiectiv 2")
    )
    assert rows[objective_2 + 1][1] == [
        "Măsuri",
        "Indicatori de performanță",
        "Riscuri",
        "Surse de verificare",
        "Responsabil",
        "Buget",
    ]
    assert rows[objective_2 - 1][1][4] == ""  # 1.8 has no term in the seed


def test_user_text_prints_literally(tmp_path: Path) -> None:
    text = "{{ plan.title }} & <b>{% if x %}"
    register = RegisterTable(
        columns=("A", "B"),
        rows=(
            header_row(["A", "B"]),
            group_row(text),
            RegisterRow("item", (RegisterCell(text), RegisterCell("x"))),
        ),
        title=(text,),
    )
    out = export_register(register, tmp_path / "r.docx")
    document = Document(str(out))
    assert document.paragraphs[0].text == text
    assert read_register(out)[1][1] == [text]


def test_two_exports_are_byte_identical(tmp_path: Path) -> None:
    register = register_from_seed(seed("002"))
    first = export_register(register, tmp_path / "a.docx").read_bytes()
    second = export_register(register, tmp_path / "b.docx").read_bytes()
    assert first == second


def test_a_row_that_does_not_cover_the_table_is_refused() -> None:
    with pytest.raises(ValueError):
        RegisterTable(columns=("A", "B"), rows=(RegisterRow("item", (RegisterCell("x"),)),))
