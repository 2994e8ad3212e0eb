"""A plan from its Word or Excel table: the corpus of tests/plan_corpus.py, each with its expected tree."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from balti_monitor.cli import main
from balti_monitor.db.connection import close_database, open_database
from balti_monitor.db.models import Action, Indicator, Plan, Responsibility, Subdivision, SubdivisionAlias
from balti_monitor.interchange.docx_tables import NUMBER_FROM_DEFINITIONS
from balti_monitor.interchange.plan_import_doc import import_plan_reading, read_plan_document, unknown_names
from balti_monitor.interchange.plan_mapping import Mapping
from balti_monitor.interchange.plan_parse import NUMBER_FROM_COLUMN
from balti_monitor.interchange.plan_tables import read_tables
from balti_monitor.interchange.schema import InterchangeError
from tests import plan_corpus


def _tree(reading: Any) -> list[tuple[str, str, list[tuple[str, str, list[str]]]]]:
    return [(g.number, g.title, [(a.code, a.title, a.indicators) for a in g.actions]) for g in reading.groups]


def test_word_plan_table_gives_the_tree_with_numbering_merges_and_xml_quirks(
    plan_db: Path, tmp_path: Path
) -> None:
    reading = read_plan_document(plan_corpus.word_plan(tmp_path / "plan.docx"))
    assert reading.kind == "pla"
    assert _tree(reading) == [
        (
            "I",
            "Integritatea instituțională",
            [
                (
                    "1.1",
                    "Asigurarea angajării pe bază de merit",
                    # by paragraph, never by comma
                    [
                        "numărul de concursuri, organizate și desfășurate (F/B)",
                        "numărul de anunțuri publicate",
                    ],
                ),
                # merged action cell over two rows: one action, both rows' indicators; footnote mark gone
                (
                    "1.2",
                    "Asigurarea regimului cadourilor",
                    ["numărul de cadouri declarate", "registrul cadourilor publicat"],
                ),
            ],
        ),
        # tracked change read as accepted; repeated header, numbered-column row and empty row skipped
        (
            "II",
            "Transparența",
            [("2.1", "Asigurarea publicării deciziilor", ["numărul de decizii publicate"])],
        ),
    ]
    actions = {a.code: a for a in reading.actions}
    assert actions["1.1"].code_source == NUMBER_FROM_DEFINITIONS  # "1.1." rebuilt from numbering.xml
    assert actions["2.1"].code_source == NUMBER_FROM_COLUMN
    assert any("definițiile de numerotare Word" in w for w in reading.warnings)
    assert actions["2.1"].deadline == "trimestrial"  # inside a content control
    assert actions["1.1"].responsible == ["Direcția resurse umane", "Direcția-serviciul de presă"]
    assert actions["1.1"].extra == {"risks": "Rezistența angajaților"}
    assert actions["2.1"].all_subdivisions
    assert unknown_names(reading, Mapping()) == ["Agenția Nouă de Comunicare"]
    assert (reading.meta["first_year"], reading.meta["last_year"]) == (2024, 2026)


def test_excel_plan_with_merged_ranges(plan_db: Path, tmp_path: Path) -> None:
    reading = read_plan_document(plan_corpus.excel_plan(tmp_path / "plan.xlsx"))
    assert _tree(reading) == [
        (
            "I",
            "Achiziții transparente",
            [
                (
                    "1.1",
                    "Planificarea achizițiilor",
                    ["numărul de planuri, publicate", "numărul de anunțuri"],
                ),
                ("1.2", "Monitorizarea contractelor", ["numărul de rapoarte", "numărul de modificări"]),
            ],
        )
    ]
    assert unknown_names(reading, Mapping()) == []
    assert any("Anii planului nu apar" in w for w in reading.warnings)


def test_unknown_names_refuse_the_import_until_mapped_then_all_is_written(
    plan_db: Path, tmp_path: Path
) -> None:
    path = plan_corpus.word_plan(tmp_path / "plan.docx")
    reading = read_plan_document(path, Mapping(plan={"code": "PLA-NOU"}))
    plans = Plan.select().count()
    with pytest.raises(InterchangeError, match="Agenția Nouă de Comunicare"):
        import_plan_reading(reading, Mapping())
    assert Plan.select().count() == plans
    mapping = Mapping(subdivisions={"Agenția Nouă de Comunicare": {"create": "ANC"}})
    import_plan_reading(reading, mapping)
    plan = Plan.get(Plan.code == "PLA-NOU")
    action = Action.get(Action.code == "2.1", Action.priority.in_(plan.priorities))
    assert [r.subdivision.code for r in Responsibility.select().where(Responsibility.action == action)] == [
        "ANC"
    ]
    assert action.all_subdivisions
    assert Indicator.select().where(Indicator.action == action).count() == 1
    one = Action.get(Action.code == "1.1", Action.priority.in_(plan.priorities))
    assert one.indicators.order_by(Indicator.number).first().text.endswith("(F/B)")
    # a column beyond the kind's own fields becomes a declared column of the plan, shown and printed
    from balti_monitor.services.plans import action_column_values, plan_columns

    assert [(c.key, c.label) for c in plan_columns(plan.id)][-1] == ("risks", "Riscuri")
    assert action_column_values(one.id) == {"risks": "Rezistența angajaților"}


def test_a_name_matched_by_hand_becomes_an_alias_and_other_is_kept_as_text(
    plan_db: Path, tmp_path: Path
) -> None:
    reading = read_plan_document(
        plan_corpus.word_plan(tmp_path / "plan.docx"), Mapping(plan={"code": "PLA-ALT"})
    )
    import_plan_reading(reading, Mapping(subdivisions={"Agenția Nouă de Comunicare": "DRP"}))
    assert (
        SubdivisionAlias.get(SubdivisionAlias.name == "Agenția Nouă de Comunicare").subdivision.code == "DRP"
    )
    reading = read_plan_document(
        plan_corpus.word_plan(tmp_path / "plan.docx"), Mapping(plan={"code": "PLA-ALT2"})
    )
    assert unknown_names(reading, Mapping()) == []  # the alias matches it now


def test_a_pdf_is_refused_and_a_doc_without_libreoffice_says_so(
    plan_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    with pytest.raises(InterchangeError, match="cereți documentul Word original"):
        read_tables(pdf)
    doc = tmp_path / "plan.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0")
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(InterchangeError, match="LibreOffice nu este instalat"):
        read_tables(doc)


@pytest.mark.slow  # runs LibreOffice (CI's "stress or slow" run)
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed on this machine")
def test_an_odt_is_converted_with_libreoffice(plan_db: Path, tmp_path: Path) -> None:
    source = plan_corpus.word_plan(tmp_path / "plan.docx")
    out = tmp_path / "odt"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'profil'}",
            "--headless",
            "--convert-to",
            "odt",
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    reading = read_plan_document(out / "plan.odt")
    assert [a.title for a in reading.actions][:2] == [
        "Asigurarea angajării pe bază de merit",
        "Asigurarea regimului cadourilor",
    ]


def test_cli_import_plan_with_a_mapping_file(demo_file: Path, tmp_path: Path, capsys: Any) -> None:
    db = tmp_path / "d.sqlite"
    shutil.copyfile(demo_file, db)
    path = plan_corpus.word_plan(tmp_path / "plan.docx")
    template = tmp_path / "corespondenta.json"
    assert main(["--db", str(db), "import-plan", str(path), "--write-mapping", str(template)]) == 1
    out = capsys.readouterr().out
    assert "ghicit din cuvintele capului de tabel" in out and "Nu s-a importat nimic" in out
    data = json.loads(template.read_text(encoding="utf-8"))
    assert data["columns"]["2"] == "action" and data["subdivisions"] == {"Agenția Nouă de Comunicare": None}
    data["subdivisions"]["Agenția Nouă de Comunicare"] = "other"
    data["plan"]["code"] = "PLA-CLI"
    template.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["--db", str(db), "import-plan", str(path), "--mapping", str(template), "--dry-run"]) == 0
    assert main(["--db", str(db), "import-plan", str(path), "--mapping", str(template)]) == 0
    assert "Planul a fost importat: 2 priorități, 3 acțiuni, 5 indicatori" in capsys.readouterr().out
    open_database(db)
    try:
        plan = Plan.get(Plan.code == "PLA-CLI")
        action = Action.get(Action.code == "2.1", Action.priority.in_(plan.priorities))
        assert action.other_responsible == ["Agenția Nouă de Comunicare"]
        assert Subdivision.get_or_none(Subdivision.name == "Agenția Nouă de Comunicare") is None
    finally:
        close_database()
    assert main(["--db", str(db), "import-plan", str(tmp_path / "plan.pdf")]) == 2
