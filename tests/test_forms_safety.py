"""Return forms and hostile input (issue 12, items 1-4, 7 and 13): every text the database accepts goes out in
a form and comes back unchanged; a failed generation leaves no temporary file; cells Excel could not have
written (over 32,767 characters) and numbers no return holds (beyond 10^15, NaN, infinite) are refused with
the cell named, never truncated; a workbook whose parts would unpack far beyond a real form is refused
before it is parsed; several files given to ``forms-in`` are imported all or none."""

from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from balti_monitor.cli import main
from balti_monitor.db.connection import close_database, open_database
from balti_monitor.db.models import Period, Plan, Subdivision
from balti_monitor.interchange import forms_out
from balti_monitor.interchange.forms_common import from_cell, to_cell
from balti_monitor.interchange.forms_in import apply_import, preview_import
from balti_monitor.interchange.forms_out import FormsOutOptions, form_content, generate_forms
from balti_monitor.interchange.forms_read import read_workbook
from balti_monitor.services.editing import CellEdit, action_by_code, cell_text, set_cells, validate_cell
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.periods import PeriodKey, find_period

# Text with every Unicode category but surrogates (which no file format here can hold), plus the pieces
# that broke forms: XML-illegal controls, NUL, U+FFFE/U+FFFF, CR, escapes that look like ours.
PIECES = [
    "\x00", "\x01", "\x07", "\x0b", "\x0c", "\x1b[31m", "\x1f", "\x7f", "\x85", "\x9f", "\r", "\r\n", "\n",
    "\t", "\ufffe", "\uffff", "\ufffd", "\u2028", "\u202e", "\u200b", "\ufeff", " ", "  ", "\u00a0",
    "[U+000B]", "[U+005B]", "[U+0000]", "[U+10FFFF]", "[U+", "[", "]", "=1+2", "@SUM(A1)", "<w:t>", "&amp;",
    "ș", "ş", "ț", "a\u0306", "😀", "👩‍👩‍👧", "10 acte", "0", "cca. 3", "-",
]  # fmt: skip
_any_char = st.characters(blacklist_categories=("Cs",))
TEXT = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(_any_char, min_size=1, max_size=5)), min_size=0, max_size=12
).map("".join)


def _settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        derandomize=False,
    )


# ------------------------------------------------------------------------------------------------------
# The cell escape
# ------------------------------------------------------------------------------------------------------


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


_SHEET = Workbook().active


@_settings(500)
@given(TEXT)
def test_every_text_survives_the_cell_escape_and_a_cell_can_hold_it(text: str) -> None:
    cell = to_cell(text)
    assert not _XML_ILLEGAL.search(cell)
    assert from_cell(cell) == text
    _SHEET["A1"] = cell  # openpyxl refuses what a cell cannot hold: it must not raise here


def test_the_escape_is_the_reports_visible_rule() -> None:
    assert to_cell("a\x0bb\ufffe") == "a[U+000B]b[U+FFFE]"
    assert from_cell("a[U+000B]b") == "a\x0bb"
    # a text that already reads like an escape keeps its meaning
    assert from_cell(to_cell("[U+000B]")) == "[U+000B]"


# ------------------------------------------------------------------------------------------------------
# Forms out and in with hostile texts
# ------------------------------------------------------------------------------------------------------


def _period() -> Period:
    return find_period(Plan.select().order_by(Plan.id).first(), PeriodKey(2023, 1))


def _rows_of(period: Period, sub_id: int) -> list[tuple[int, int, str]]:
    """(action id, column, key) of every row of the subdivision's form (all indicators)."""
    content = form_content(period, sub_id, FormsOutOptions(all_indicators=True))
    plan_id = period.plan_id
    out = []
    for row in content.rows:
        action_id = action_by_code(plan_id, row.action_code).id
        out.append((action_id, 0 if row.number is None else row.number, row.key))
    return out


def _place(texts: list[str], rows: list[tuple[int, int, str]]) -> dict[str, tuple[int, int, str]]:
    """Give each text a row that accepts it (values refuse e.g. negative numbers and NUL)."""
    placed: dict[str, tuple[int, int, str]] = {}
    free = list(rows)
    for text in texts:
        for slot in free:
            if validate_cell(slot[1], text) is None:
                placed[slot[2]] = (slot[0], slot[1], text)
                free.remove(slot)
                break
    return placed


def _store(period: Period, sub_id: int, placed: dict[str, tuple[int, int, str]], clear: bool = False) -> None:
    grouped: dict[int, list[CellEdit]] = {}
    for action_id, column, text in placed.values():
        grouped.setdefault(action_id, []).append(CellEdit(sub_id, column, None if clear else text))
    for action_id, edits in grouped.items():
        set_cells(period, action_id, edits)


def _fill(path: Path, texts: dict[str, Any], out: Path) -> Path:
    wb = load_workbook(path)
    ws = wb["Retur"]
    for row in ws.iter_rows():
        if row[0].value in texts:
            row[3].value = texts[row[0].value]
    wb.save(out)
    return out


def _round_trip(tmp: Path, texts: list[str]) -> int:
    """Store ``texts`` in DRU's cells, generate its form, and check both directions; the texts checked."""
    period = _period()
    dru = Subdivision.get(Subdivision.code == "DRU")
    placed = _place(texts, _rows_of(period, dru.id))
    _store(period, dru.id, placed)
    out = tmp / "out"
    shutil.rmtree(out, ignore_errors=True)
    options = FormsOutOptions(subdivision_ids=frozenset({dru.id}), all_indicators=True, overwrite=True)
    form = generate_forms(period, out, options).forms[0].path
    assert sorted(p.name for p in out.iterdir()) == [form.name]  # no temporary file left
    # out: every stored text is in its cell, exactly
    shown = {row.key: row.value for row in read_workbook(form).rows}
    for key, (_a, _c, text) in placed.items():
        assert shown[key] == text, key
    # back unchanged: nothing to import
    preview = preview_import([form], period)
    assert preview.refused == () and not preview.pending
    # in: the cells emptied in the app, the form (made then) filled with the texts as a cell holds them
    _store(period, dru.id, placed, clear=True)
    empty = generate_forms(period, out, options).forms[0].path
    typed = {key: to_cell(text) for key, (_a, _c, text) in placed.items()}
    filled = _fill(empty, typed, tmp / "filled.xlsx")
    preview = preview_import([filled], period)
    assert preview.refused == (), preview.refused
    apply_import(preview)
    checked = 0
    for action_id, column, text in placed.values():
        expected = text if text.strip() else None  # a cell of only spaces is an empty cell
        stored = cell_text(period, action_id, dru.id, column)
        assert (stored or None) == expected, (text, stored)
        checked += 1
    return checked


@_settings(6)
@given(st.lists(TEXT, min_size=1, max_size=40))
def test_every_text_the_database_accepts_goes_out_in_a_form_and_comes_back(
    demo_db: Path, tmp_path: Path, texts: list[str]
) -> None:
    _round_trip(tmp_path, texts)


@pytest.mark.stress
@_settings(60)
@given(st.lists(TEXT, min_size=30, max_size=60))
def test_many_hostile_texts_round_trip_through_forms(demo_db: Path, tmp_path: Path, texts: list[str]) -> None:
    _round_trip(tmp_path, texts)


def test_a_control_character_in_a_subdivision_name_goes_into_the_form(demo_db: Path, tmp_path: Path) -> None:
    period = _period()
    dru = Subdivision.get(Subdivision.code == "DRU")
    dru.name = "Direcția\x0b resurse\ufffe umane\x1b"
    dru.save()
    result = generate_forms(period, tmp_path / "out", FormsOutOptions(subdivision_ids=frozenset({dru.id})))
    wb = load_workbook(result.forms[0].path)
    assert "Direcția[U+000B] resurse[U+FFFE] umane[U+001B]" in str(wb["Retur"]["B1"].value)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [result.forms[0].path.name]


def test_a_failed_generation_leaves_no_file_and_records_nothing(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    period = _period()
    real = forms_out.build_workbook
    calls = {"n": 0}

    def failing(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(28, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(forms_out, "build_workbook", failing)
    with pytest.raises(ServiceError, match="nu au putut fi scrise"):
        generate_forms(period, tmp_path / "out", FormsOutOptions())
    assert list((tmp_path / "out").iterdir()) == []
    from balti_monitor.interchange.forms_common import form_statuses

    assert all(row.state is None for row in form_statuses(period))


# ------------------------------------------------------------------------------------------------------
# Cells a form cannot hold
# ------------------------------------------------------------------------------------------------------


def _form_with(tmp: Path, key: str, placeholder: Any) -> tuple[Path, str]:
    """DRU's form with ``placeholder`` typed in the value cell of row ``key``; and that cell's name."""
    period = _period()
    dru = Subdivision.get(Subdivision.code == "DRU")
    form = (
        generate_forms(
            period, tmp / "out", FormsOutOptions(subdivision_ids=frozenset({dru.id}), overwrite=True)
        )
        .forms[0]
        .path
    )
    wb = load_workbook(form)
    ws = wb["Retur"]
    coordinate = ""
    for row in ws.iter_rows():
        if row[0].value == key:
            row[3].value = placeholder
            coordinate = row[3].coordinate
    wb.save(form)
    return form, coordinate


def _rewrite(path: Path, old: bytes, new: bytes) -> None:
    """Replace bytes inside the workbook's XML parts (what a hand-made or forged workbook may hold)."""
    parts = {}
    with zipfile.ZipFile(path) as zin:
        for item in zin.infolist():
            parts[item.filename] = zin.read(item.filename)
    hits = 0
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in parts.items():
            hits += data.count(old)
            zout.writestr(name, data.replace(old, new))
    assert hits == 1, hits


def _values_digest(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT * FROM value ORDER BY id").fetchall()
        rows += conn.execute('SELECT id, description FROM "return" ORDER BY id').fetchall()
    finally:
        conn.close()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def test_a_cell_longer_than_excel_allows_is_refused_naming_the_cell_never_truncated(
    demo_db: Path, tmp_path: Path
) -> None:
    form, cell = _form_with(tmp_path, "1.1#D", "PLACEHOLDER-LONG")
    _rewrite(form, b"PLACEHOLDER-LONG", b"x" * 40_000)
    before = _values_digest(demo_db)
    preview = preview_import([form], _period())
    assert preview.files == () and len(preview.refused) == 1
    message = preview.refused[0].message
    assert f"celula {cell}" in message and "40000" in message and "32767" in message
    assert _values_digest(demo_db) == before


@pytest.mark.parametrize("number", [b"1e308", b"1.5E16", b"NaN", b"INF", b"-INF", b"-1e300"])
def test_a_number_no_return_can_hold_is_refused_naming_the_cell(
    demo_db: Path, tmp_path: Path, number: bytes
) -> None:
    form, cell = _form_with(tmp_path, "1.1#2", 987654.125)
    _rewrite(form, b"<v>987654.125</v>", b"<v>" + number + b"</v>")
    preview = preview_import([form], _period())
    assert preview.files == () and len(preview.refused) == 1
    assert f"celula {cell}" in preview.refused[0].message


def test_numbers_come_back_as_the_user_reads_them(demo_db: Path, tmp_path: Path) -> None:
    period = _period()
    form, _cell = _form_with(tmp_path, "1.1#2", 0.1 + 0.2)
    preview = preview_import([form], period)
    assert [c.incoming for c in preview.changes if c.location.startswith("1.1 · Indicatorul 2 ")] == ["0,3"]
    form, _cell = _form_with(tmp_path, "1.1#2", 99_999_999_999_999)
    preview = preview_import([form], period)
    assert [c.incoming for c in preview.changes if c.location.startswith("1.1 · Indicatorul 2 ")] == [
        "99999999999999"
    ]


# ------------------------------------------------------------------------------------------------------
# Archive limits
# ------------------------------------------------------------------------------------------------------


def test_a_workbook_that_would_unpack_far_beyond_a_form_is_refused_before_parsing(
    demo_db: Path, tmp_path: Path
) -> None:
    form, _cell = _form_with(tmp_path, "1.1#2", "5")
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(form) as zin, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item.filename, zin.read(item.filename))
        zout.writestr("xl/media/padding.bin", b"\0" * (40 * 1024 * 1024))  # ~40 KB on disk
    assert bomb.stat().st_size < 1024 * 1024
    preview = preview_import([bomb], _period())
    assert len(preview.refused) == 1 and "după dezarhivare" in preview.refused[0].message

    many = tmp_path / "many.xlsx"
    with zipfile.ZipFile(form) as zin, zipfile.ZipFile(many, "w") as zout:
        for item in zin.infolist():
            zout.writestr(item.filename, zin.read(item.filename))
        for n in range(400):
            zout.writestr(f"customXml/item{n}.xml", b"<a/>")
    preview = preview_import([many], _period())
    assert len(preview.refused) == 1 and "părți interne" in preview.refused[0].message


# ------------------------------------------------------------------------------------------------------
# Several files: all or none
# ------------------------------------------------------------------------------------------------------


@pytest.fixture
def demo_copy(demo_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "d.sqlite"
    shutil.copyfile(demo_file, path)
    return path


def _generate_cli(db: Path, out: Path) -> None:
    assert main(["--db", str(db), "forms-out", "--period", "2023-S1", "--dir", str(out)]) == 0


@pytest.mark.parametrize("bad", ["same-form-twice", "tampered", "not-a-form"])
def test_forms_in_of_several_files_changes_nothing_when_one_is_refused(
    demo_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], bad: str
) -> None:
    out = tmp_path / "out"
    _generate_cli(demo_copy, out)
    ds = out / "Retur_DS_2023-S1.xlsx"
    good = [
        _fill(out / "Retur_DRU_2023-S1.xlsx", {"1.1#2": "21 concursuri"}, tmp_path / "dru.xlsx"),
        _fill(ds, {read_workbook(ds).rows[0].key: "Text nou"}, tmp_path / "ds.xlsx"),
    ]
    if bad == "same-form-twice":
        extra = shutil.copyfile(good[0], tmp_path / "dru-copie.xlsx")
    elif bad == "tampered":
        extra = _fill(out / "Retur_DAP_2023-S1.xlsx", {}, tmp_path / "dap.xlsx")
        wb = load_workbook(extra)
        wb["_id"]["B4"] = "DRU"  # another subdivision's code under the signature
        wb.save(extra)
    else:
        extra = tmp_path / "nota.xlsx"
        Workbook().save(extra)
    before = _values_digest(demo_copy)
    capsys.readouterr()
    assert main(["--db", str(demo_copy), "forms-in", *map(str, good), str(extra)]) == 2
    err = capsys.readouterr().err
    assert extra.name in err and "nu s-a importat nimic" in err
    assert _values_digest(demo_copy) == before
    # without the refused file the same import goes through
    assert main(["--db", str(demo_copy), "forms-in", *map(str, good)]) == 0
    assert _values_digest(demo_copy) != before


@pytest.fixture(autouse=True)
def _closed() -> Any:
    yield
    close_database()


def test_read_only_preview_needs_no_lock(
    demo_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from balti_monitor.services.lock import DatabaseLock

    out = tmp_path / "out"
    _generate_cli(demo_copy, out)
    form = _fill(out / "Retur_DRU_2023-S1.xlsx", {"1.1#2": "21 concursuri"}, tmp_path / "dru.xlsx")
    with DatabaseLock(demo_copy):
        assert main(["--db", str(demo_copy), "forms-in", str(form), "--dry-run"]) == 0
        assert "„17 concursuri” → „21 concursuri”" in capsys.readouterr().out
        assert main(["--db", str(demo_copy), "forms-in", str(form)]) == 2
        assert "deja deschis" in capsys.readouterr().err
    open_database(demo_copy)
    assert cell_text(
        _period(), action_by_code(_period().plan_id, "1.1").id, Subdivision.get(code="DRU").id, 2
    ) == ("17 concursuri")


# ------------------------------------------------------------------------------------------------------
# Set-based writing (issue 20): the same result as cell-by-cell writing
# ------------------------------------------------------------------------------------------------------


def _content(db: Path) -> list[Any]:
    conn = sqlite3.connect(db)
    try:
        returns = conn.execute(
            'SELECT action_id, subdivision_id, period_id, description, status FROM "return" ORDER BY 1, 2, 3'
        ).fetchall()
        values = conn.execute(
            "SELECT r.action_id, r.subdivision_id, v.indicator_id, v.raw_text, v.state, v.quantity, v.unit, "
            'v.women, v.men, v.approximate, v.status FROM value v JOIN "return" r ON r.id = v.return_id '
            "ORDER BY 1, 2, 3"
        ).fetchall()
    finally:
        conn.close()
    return [returns, values]


_EDIT_TEXT = st.one_of(
    st.none(), st.sampled_from(["", "5", "12 acte", "Realizat", "3 (2F/1B)", "desc"]), TEXT
)


@_settings(25)
@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 3), st.integers(0, 3), _EDIT_TEXT), max_size=25))
def test_set_based_writing_gives_what_cell_by_cell_writing_gives(
    demo_file: Path, tmp_path_factory: pytest.TempPathFactory, edits: list[tuple[int, int, int, str | None]]
) -> None:
    from balti_monitor.db.models import Action, Indicator
    from balti_monitor.services.forms_import import write_cells

    folder = tmp_path_factory.mktemp("bulk")
    results = []
    for mode in ("cells", "bulk"):
        db = folder / f"{mode}.sqlite"
        shutil.copyfile(demo_file, db)
        open_database(db)
        try:
            period = _period()
            actions = [
                a
                for a in Action.select().order_by(Action.position)
                if Indicator.select().where(Indicator.action == a).count() >= 3
            ][:6]
            subs = [s.id for s in Subdivision.select().order_by(Subdivision.position)][:4]
            pairs = [
                (actions[a].id, CellEdit(subs[s], column, text))
                for a, s, column, text in edits
                if text is None or validate_cell(column, text) is None
            ]
            if mode == "cells":
                for action_id, edit in pairs:
                    set_cells(period, action_id, [edit])
            else:
                write_cells(period, pairs)
        finally:
            close_database()
        results.append(_content(db))
    assert results[0] == results[1]


def test_the_forms_use_cases_do_not_import_the_file_formats_or_qt() -> None:
    """services/form_status.py and services/forms_import.py take parsed data; interchange calls them."""
    import ast

    root = Path(__file__).resolve().parent.parent / "balti_monitor" / "services"
    for name in ("form_status.py", "forms_import.py"):
        tree = ast.parse((root / name).read_text(encoding="utf-8"))
        imported = [
            node.module if isinstance(node, ast.ImportFrom) else alias.name
            for node in ast.walk(tree)
            if isinstance(node, (ast.Import, ast.ImportFrom))
            for alias in (node.names if isinstance(node, ast.Import) else [None])  # type: ignore[list-item]
        ]
        bad = [m for m in imported if m and ("interchange" in m or "PySide6" in m or "openpyxl" in m)]
        assert bad == [], (name, bad)


# ------------------------------------------------------------------------------------------------------
# Tampered workbooks
# ------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pristine_form(demo_file: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A private demo copy and DRU's form generated from it (filled with one new value)."""
    folder = tmp_path_factory.mktemp("tamper")
    db = folder / "d.sqlite"
    shutil.copyfile(demo_file, db)
    open_database(db)
    try:
        dru = Subdivision.get(Subdivision.code == "DRU")
        form = (
            generate_forms(_period(), folder / "out", FormsOutOptions(subdivision_ids=frozenset({dru.id})))
            .forms[0]
            .path
        )
    finally:
        close_database()
    return db, _fill(form, {"1.1#2": "21 concursuri"}, folder / "filled.xlsx")


_HEADER_FIELDS = ("format", "version", "plan", "period", "subdivision", "form_id", "generated_at", "key_id")
_TAMPER_TARGET = st.one_of(
    st.tuples(st.just("header"), st.integers(1, 8)),  # a signed header field of the "_id" sheet
    st.just(("signature",)),
    st.tuples(st.just("signed-key"), st.integers(0, 40)),
    st.tuples(st.just("signed-base"), st.integers(0, 40)),
    st.tuples(st.just("signed-shown"), st.integers(0, 40)),
    st.tuples(st.just("row-key"), st.integers(0, 40)),
)


@_settings(30)
@example(target=("signature",), value="ă")  # a non-ASCII signature once crashed the comparison
@given(target=_TAMPER_TARGET, value=st.one_of(TEXT, st.text("0123456789abcdef#.DS", min_size=1, max_size=34)))
def test_a_tampered_form_is_refused_and_nothing_changes(
    pristine_form: tuple[Path, Path],
    tmp_path_factory: pytest.TempPathFactory,
    target: tuple[Any, ...],
    value: str,
) -> None:
    db, form = pristine_form
    wb = load_workbook(form)
    ids, sheet = wb["_id"], wb["Retur"]
    id_rows = [row for row in ids.iter_rows() if row[0].value]
    start = next(i for i, row in enumerate(id_rows) if row[0].value == "key") + 1
    signed_rows = id_rows[start:]
    signed_keys = {str(row[0].value) for row in signed_rows}
    kind = target[0]
    if kind == "header":
        cell = next(row[1] for row in id_rows if row[0].value == _HEADER_FIELDS[target[1] - 1])
    elif kind == "signature":
        cell = next(row[1] for row in id_rows if row[0].value == "signature")
    elif kind == "row-key":
        keyed = [row[0] for row in sheet.iter_rows() if row[0].value in signed_keys]
        cell = keyed[target[1] % len(keyed)]
        assume(value.strip() and value.strip() not in signed_keys)
    else:
        row = signed_rows[target[1] % len(signed_rows)]
        cell = row[{"signed-key": 0, "signed-base": 1, "signed-shown": 2}[kind]]
        if kind == "signed-shown":
            value = "0" if str(cell.value) == "1" else "1"
    old = "" if cell.value is None else str(cell.value)
    assume(value.strip() != old.strip())
    cell.value = to_cell(value)
    tampered = tmp_path_factory.mktemp("t") / "formular.xlsx"
    wb.save(tampered)
    before = _values_digest(db)
    open_database(db)
    try:
        preview = preview_import([tampered], _period())
    finally:
        close_database()
    assert preview.files == () and len(preview.refused) == 1, (kind, value)
    assert _values_digest(db) == before
