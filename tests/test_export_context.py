"""build_context on its own: the plain data the report prints, read from the database without changing it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from export_support import DEMO, PLAN, PLAN_ACTIONS, ROOT, action_sections, demo_action

from balti_monitor.db.models import Period, Subdivision
from balti_monitor.export.context import build_context, context_actions, genitive_title
from balti_monitor.export.docx_check import check_docx, read_blocks
from balti_monitor.export.layout import BULLET_STYLE, LINK_STYLE, TABLE_MARKER, TABLE_STYLE, VALUE_STYLE
from balti_monitor.export.render import (
    TEMPLATE_NAME,
    ExportError,
    ExportOptions,
    export_report,
    find_template,
    jinja_environment,
    prepare_context,
)
from balti_monitor.services.bundled import ensure_bundled_plan
from balti_monitor.services.editing import action_by_code, set_cell
from balti_monitor.services.periods import PeriodKey, create_period


@pytest.fixture
def period(engine_demo_db: str) -> Period:
    return Period.get((Period.year == 2023) & (Period.semester == 1))


def test_title_and_report_blocks(period: Period) -> None:
    ctx = build_context(period.plan, period)
    assert ctx["report"]["title"] == (
        "Raport semestrial privind implementarea Planului local anticorupție pentru anii 2023-2027 "
        "în municipiul Bălți, perioada de raport – semestrul I al anului 2023"
    )
    assert ctx["report"]["title"] == DEMO["narrative"]["report_title"]
    assert ctx["report"]["kind"] == "semestrial"
    assert ctx["period"]["label"] == "semestrul I al anului 2023"
    assert ctx["plan"]["title_genitive"].startswith("Planului local anticorupție")
    assert ctx["signatures"] == {
        "prepared": "Olga SARANCIUC, specialist principal Direcția relații cu publicul",
        "coordinated": "Tamara MORAR, șef Direcția relații cu publicul",
        "others": ["Irina SERDIUC, Secretarul Consiliului municipal Bălți"],
    }
    assert ctx["narrative"]["risks"] == DEMO["narrative"]["risks"]
    assert ctx["narrative"]["proposals"] == DEMO["narrative"]["proposals"]


def test_action_1_1_as_in_the_original_report(period: Period) -> None:
    ctx = build_context(period.plan, period)
    actions = {a["code"]: a for a in context_actions(ctx)}
    assert list(actions) == [a["code"] for a in PLAN_ACTIONS]
    a = actions["1.1"]
    assert a["title"] == demo_action("1.1")["title"]
    assert (
        a["deadline"]
        == "permanent, cu verificarea anuală a indicatorilor de progres, inclusiv din perspectivă de gen"
    )
    assert a["responsible"] == "Direcția resurse umane; Direcția - Serviciul de presă;"
    assert [i["number"] for i in a["indicators"]] == list(range(1, 8))
    assert [c["number"] for c in a["columns"]] == list(range(1, 8))
    assert [r["name"] for r in a["rows"]] == ["Direcția resurse umane", "Direcția-serviciul de presă"]
    assert a["rows"][1]["cells"] == ["-", "-", "-", "-", "39 informații", "-", "-"]
    assert a["rows"][1]["description"].endswith("http://balti.md/primaria/posturi-vacante/anunturi/")
    assert a["counts"] == (
        "Numărul de subdiviziuni care au realizat toți indicatorii – 2; "
        "Numărul de subdiviziuni care au restanțe la anumiți indicatori – 0; "
        "Numărul de subdiviziuni care nu au realizat niciun indicator – 0."
    )
    assert a["totals"][:4] == ["10 funcționari", "17 concursuri", "7 caziere", "0 contestații"]
    assert a["totals"][4].startswith("39 ")  # the same 39 announcements reported by both (not 78)


def test_priorities_are_in_plan_order_with_their_actions(period: Period) -> None:
    ctx = build_context(period.plan, period)
    assert [p["number"] for p in ctx["priorities"]] == [p["number"] for p in PLAN["priorities"]]
    for printed, planned in zip(ctx["priorities"], PLAN["priorities"], strict=True):
        assert [a["code"] for a in printed["actions"]] == [a["code"] for a in planned["actions"]]
    assert ctx["priorities"][3]["title_placeholder"] is True


def test_options_choose_priorities_and_drop_empty_actions(period: Period) -> None:
    ctx = build_context(period.plan, period, ExportOptions(priorities={" ii ", "V"}))
    assert [p["number"] for p in ctx["priorities"]] == ["II", "V"]
    with pytest.raises(ExportError, match="VIII"):
        build_context(period.plan, period, ExportOptions(priorities={"VIII"}))
    plan, _ = ensure_bundled_plan()
    s2, _ = create_period(plan, PeriodKey(2023, 2))
    empty = build_context(plan, s2, ExportOptions(include_empty_actions=False))
    assert empty["priorities"] == []
    action = action_by_code(plan.id, "5.2")
    set_cell(s2, action.id, Subdivision.get(Subdivision.code == "DRP").id, 1, "3 plângeri")
    one = build_context(plan, s2, ExportOptions(include_empty_actions=False))
    assert [a["code"] for a in context_actions(one)] == ["5.2"]


def test_every_template_variable_is_provided(period: Period) -> None:
    ctx = build_context(period.plan, period)
    template = DocxTemplate(str(find_template()))
    used = template.get_undeclared_template_variables(jinja_environment())
    assert used == {"report", "plan", "period", "narrative", "signatures", "priorities"}
    assert used <= set(ctx)
    # nested names too: rendering with StrictUndefined fails on any attribute the context lacks
    template.render(prepare_context(ctx, template), jinja_environment())


def test_genitive_of_titles() -> None:
    assert genitive_title("Planul local anticorupție") == "Planului local anticorupție"
    assert genitive_title("Programul de integritate") == "Programului de integritate"
    assert genitive_title("Alt titlu") == "Alt titlu"


def test_bundled_template_has_what_the_exporter_relies_on() -> None:
    document = docx.Document(str(find_template()))
    names = {s.name for s in document.styles}
    assert {TABLE_STYLE, BULLET_STYLE, VALUE_STYLE, LINK_STYLE} <= names
    captions = [c.get(qn("w:val")) for c in document.element.body.iter(qn("w:tblCaption"))]
    assert captions == [TABLE_MARKER]


def test_the_template_script_builds_a_working_template(demo_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "sablon"
    folder.mkdir()
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_template.py"), "--out", str(folder / TEMPLATE_NAME)],
        check=True,
        capture_output=True,
    )
    period = Period.get((Period.year == 2023) & (Period.semester == 1))
    out = export_report(period, tmp_path / "r.docx", ExportOptions(template_dir=folder))
    assert check_docx(out) == []
    assert len(action_sections(read_blocks(out))) == len(PLAN_ACTIONS)
