"""The bundled example plans: each loads into a file as a new plan (once), and its export in the register
layout reproduces the seed's table cell by cell (expected text: the transcriptions in tests/data/seed_tables)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from seed_register import expected_rows, hyperlinks, read_register, seed, words

from balti_monitor.cli import main
from balti_monitor.db.connection import close_database, open_database
from balti_monitor.db.models import Period, Plan
from balti_monitor.export.register import export_register
from balti_monitor.export.register_context import plan_register
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.examples import list_examples, load_example

EXAMPLES = ["integritate-baltati", "program-balti-2017-2019", "guvernare-deschisa-2019-2020"]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "exemple.sqlite"
    open_database(path, create=True)
    yield path
    close_database()


def _count_rows(path: Path) -> dict[str, int]:
    import sqlite3

    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        con.close()


def test_the_list_names_every_example() -> None:
    assert [e.name for e in list_examples()] == EXAMPLES


@pytest.mark.parametrize("name", EXAMPLES)
def test_each_example_loads_and_a_second_load_changes_nothing(db: Path, name: str) -> None:
    plan_id, changes = load_example(name)
    assert changes.plan_structure and changes.periods  # every view reloads
    plan = Plan.get_by_id(plan_id)
    assert plan.code == next(e.plan_code for e in list_examples() if e.name == name)
    before = _count_rows(db)
    with pytest.raises(ServiceError, match="este deja în acest fișier"):
        load_example(name)
    assert _count_rows(db) == before


def test_all_examples_live_side_by_side_in_one_file(db: Path) -> None:
    for name in EXAMPLES:
        load_example(name)
    assert Plan.select().count() == 3


def test_an_unknown_example_is_refused_with_the_known_names(db: Path) -> None:
    with pytest.raises(ServiceError, match="integritate-baltati"):
        load_example("nu-exista")


def _compare(out: Path, number: str, *, fold_cedilla: bool = False) -> None:
    got = read_register(out)
    expected = expected_rows(seed(number))
    assert len(got) == len(expected)

    def norm(text: str | None) -> str | None:
        text = words(text)
        if text is not None and fold_cedilla:
            text = text.replace("ş", "ș").replace("ţ", "ț")
        return text

    for index, ((kind, cells), (_, read)) in enumerate(zip(expected, got, strict=True)):
        fold = fold_cedilla and kind == "group"
        want = [norm(c) if fold else words(c) for c in cells]
        have = [norm(c) if fold else words(c) for c in read]
        assert have == want, f"row {index} ({kind})"


def _period(plan_id: int) -> int:
    (period,) = Period.select().where(Period.plan == plan_id)
    return int(period.id)


def test_integrity_plan_exports_as_seed_001(db: Path, tmp_path: Path) -> None:
    plan_id, _ = load_example("integritate-baltati")
    out = export_register(plan_register(plan_id), tmp_path / "001.docx")
    _compare(out, "001")


def test_programme_report_exports_as_seed_002(db: Path, tmp_path: Path) -> None:
    plan_id, _ = load_example("program-balti-2017-2019")
    period = Period.get_by_id(_period(plan_id))
    assert (period.year, period.span_end) == (2017, 2019)
    out = export_register(plan_register(plan_id, period.id), tmp_path / "002.docx")
    _compare(out, "002")


def test_open_government_plan_exports_as_seed_003_and_its_report_as_004(db: Path, tmp_path: Path) -> None:
    plan_id, _ = load_example("guvernare-deschisa-2019-2020")
    out = export_register(plan_register(plan_id), tmp_path / "003.docx")
    _compare(out, "003")
    report = export_register(plan_register(plan_id, _period(plan_id)), tmp_path / "004.docx")
    # 004 writes its objective headings with ş/ţ (cedilla); the plan, 003, with ș/ț
    _compare(report, "004", fold_cedilla=True)
    links = [url for row in seed("004")["tables"][0]["rows"] for url in row.get("links", [])]
    assert hyperlinks(report) == links


def test_cli_lists_loads_once_and_exports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "cli.sqlite"
    assert main(["load-example", "--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[0] for line in lines] == EXAMPLES
    assert all(len(line.split("\t")) == 2 for line in lines)
    assert main(["--db", str(db), "load-example", "guvernare-deschisa-2019-2020"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "load-example", "guvernare-deschisa-2019-2020"]) == 2
    assert "este deja în acest fișier" in capsys.readouterr().err
    out = tmp_path / "plan.docx"
    assert main(["--db", str(db), "export", "--out", str(out)]) == 0
    assert read_register(out)[1][1] == ["1", "2", "3", "4", "5", "6", "7", "8"]
    report = tmp_path / "raport.docx"
    assert main(["--db", str(db), "export", "--period", "2020-S1", "--out", str(report), "--quiet"]) == 0
    assert read_register(report)[1][1] == ["1", "2", "3", "4", "6", "7", "8", "9"]


def test_the_bundled_plan_without_a_period_prints_its_own_table(db: Path, tmp_path: Path) -> None:
    import json

    from balti_monitor.resources import read_resource_text
    from balti_monitor.services.bundled import ensure_bundled_plan

    plan, _ = ensure_bundled_plan()
    out = export_register(plan_register(plan.id), tmp_path / "pla.docx")
    rows = read_register(out)
    kind = json.loads(read_resource_text("data", "kinds/pla.json"))
    assert rows[0][1] == [c["label"] for c in kind["columns"] if c["in_plan"]]
    bundled = json.loads(read_resource_text("data", "pla_2023_2027.json"))
    first = bundled["priorities"][0]["actions"][0]
    assert rows[2][1][:2] == [first["code"], first["title"]]
    assert len(rows) == 1 + sum(1 + len(p["actions"]) for p in bundled["priorities"])


def test_adding_an_example_to_a_file_with_data_backs_it_up_first(db: Path) -> None:
    from balti_monitor.services.backup import auto_backup_dir

    load_example("integritate-baltati")
    load_example("program-balti-2017-2019")
    copies = sorted(p.name for p in auto_backup_dir(db).glob("*-exemplu.sqlite"))
    assert copies, "no automatic backup before the second example"
