"""Hostile text round-trips exactly through the database, the JSON interchange and the Word export.

The texts mix XML specials, template syntax (``{{ }}``, ``{% %}``, docxtpl's ``{_{``), control characters,
bidi marks, zero-width characters, emoji (also joined sequences and flags), combining diacritics, both
``ş``/``ș`` and ``ţ``/``ț``, odd line ends and arbitrary Unicode, plus 1 MB texts.

What the Word export does with text is documented in ``balti_monitor/export/text.py`` and restated here
independently: ``\\r\\n``/``\\r`` become line ends; characters XML 1.0 cannot carry (controls other than tab
and line feed, C1 controls, lone surrogates, U+FFFE/U+FFFF) are printed visibly as ``[U+XXXX]``; an
indicator value keeps its line breaks; a description becomes one paragraph per non-empty line (stripped),
lines written as "- …"/"• …" becoming list bullets. The database and the JSON keep every character.

Two characters are refused at the door rather than stored: NUL (SQLite text would be cut there) and lone
surrogates (not encodable as UTF-8); they are not generated here - see the NUL test at the end.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
from collections import Counter
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from balti_monitor.db.connection import close_database, open_database
from balti_monitor.db.models import Period, Plan, Responsibility
from balti_monitor.export.render import export_report
from balti_monitor.interchange.json_io import dumps, export_document, export_json, import_json
from balti_monitor.services.editing import action_by_code, cell_text, set_cell, validate_cell
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.narrative import NarrativeData, get_narrative, save_narrative
from balti_monitor.services.periods import PeriodKey, create_period, find_period

PIECES = [
    "<", ">", "&", "&amp;", "&#x0;", '"', "'", "]]>", "<w:p>", "</w:t>", "<![CDATA[x]]>",
    "{{ x }}", "{{", "}}", "{% if x %}", "{%p for r in rows %}", "{%tr endfor %}", "%}", "{#", "#}",
    "{_{", "}_}", "{{r rt }}", "\\n", "$(rm -rf /)", "'; DROP TABLE value; --",
    "\u200f", "\u200e", "\u202e", "\u2066", "\u200b", "\u200d", "\ufeff", "\u00ad",
    "😀", "👩‍👩‍👧", "🇲🇩", "🏳️‍🌈", "𝔅ă𝔩ț𝔦",
    "s\u0326", "t\u0327", "a\u0306", "\u0301\u0301\u0301", "ș", "ş", "ț", "ţ", "Ș", "Ş", "ă", "î", "â",
    "\t", "\n", "\r\n", "\r", "\n\n", "\x0b", "\x0c", "\x01", "\x07", "\x1b[31m", "\x1f", "\x7f", "\x85",
    "\x9f", "\u2028", "\u2029", "\ufffe", "\uffff", "\ufffd", " ", "  ", "\u00a0", "\u3000",
    "- punct", "• punct", "https://balti.md/a?b=1&c=<2>", "www.balti.md", "10 acte", "-5", "0", "cca. 3",
]  # fmt: skip

_characters = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
HOSTILE = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(_characters, min_size=1, max_size=6)), min_size=1, max_size=25
).map("".join)

BIG = "".join(itertools.islice(itertools.cycle(PIECES), 0, 200_000))
while len(BIG.encode("utf-8")) < 1_000_000:
    BIG += BIG[:50_000]


def _settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


# ------------------------------------------------------------------------ the documented export rules


def _xml_cannot_carry(ch: str) -> bool:
    code = ord(ch)
    return (
        (code < 0x20 and ch not in "\t\n")
        or 0x7F <= code <= 0x9F
        or 0xD800 <= code <= 0xDFFF
        or ch in "\ufffe\uffff"
    )


def as_printed(text: str) -> str:
    """What the documentation promises to print for a text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(f"[U+{ord(ch):04X}]" if _xml_cannot_carry(ch) else ch for ch in text)


BULLET_MARKERS = "-–—•·▪◦*"


def description_matches(printed_paragraphs: list[str], text: str) -> bool:
    """One paragraph per non-empty line, stripped; a bullet line may lose its marker."""
    lines = [line.strip() for line in as_printed(text).split("\n") if line.strip()]
    if len(lines) != len(printed_paragraphs) and not (not lines and printed_paragraphs == [""]):
        return False
    for line, printed in zip(lines, printed_paragraphs, strict=False):
        if printed == line:
            continue
        body = line[1:].strip() if line[0] in BULLET_MARKERS else None
        if body is None or printed not in (body, f"• {body}"):
            return False
    return True


def _paragraph_text(paragraph: object) -> str:
    parts = []
    for node in paragraph.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")):  # type: ignore[attr-defined]
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        elif node.tag == qn("w:tab"):
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def cell_paragraphs(document_path: Path, marker: str) -> list[str]:
    """The paragraphs of the one table cell whose text contains ``marker`` (read back with python-docx)."""
    document = docx.Document(str(document_path))
    found = []
    for cell in document.element.body.iter(qn("w:tc")):
        paragraphs = [_paragraph_text(p) for p in cell.iter(qn("w:p"))]
        if marker in "".join(paragraphs):
            found.append(paragraphs)
    assert len(found) == 1, f"{len(found)} cells hold {marker!r}"
    return found[0]


# ----------------------------------------------------------------------------------------- fixtures


def _target(plan_name: str = "1.13") -> tuple[Period, int, int]:
    plan = Plan.get()
    period = find_period(plan, PeriodKey(2023, 1))
    action = action_by_code(plan.id, plan_name)
    responsible = (
        Responsibility.select().where(Responsibility.action == action).order_by(Responsibility.position)
    )
    return period, action.id, responsible.first().subdivision_id


def _stored_raw(db: Path, text: str) -> bool:
    """The text is in the file itself (read with plain sqlite3, not through the program)."""
    conn = sqlite3.connect(db)
    try:
        hits = conn.execute(
            'SELECT (SELECT COUNT(*) FROM "return" WHERE description = ?) + '
            "(SELECT COUNT(*) FROM value WHERE raw_text = ?)",
            (text, text),
        ).fetchone()[0]
    finally:
        conn.close()
    return int(hits) > 0


@pytest.fixture
def period_db(plan_db: Path) -> Path:
    """The bundled plan with an empty 2023-S1 period (smaller than the demo, so JSON round trips are quick)."""
    create_period(Plan.get(), PeriodKey(2023, 1))
    return plan_db


# -------------------------------------------------------------------------------------------- tests


@pytest.mark.stress
@_settings(150)
@given(text=HOSTILE)
@example(text=BIG[:19_000])
def test_hostile_text_round_trips_through_the_database(demo_db: Path, text: str) -> None:
    period, action_id, sub_id = _target()
    set_cell(period, action_id, sub_id, 0, text)
    assert cell_text(period, action_id, sub_id, 0) == text
    assert _stored_raw(demo_db, text)
    before = cell_text(period, action_id, sub_id, 1)
    refusal = validate_cell(1, text)
    if refusal is None:
        set_cell(period, action_id, sub_id, 1, text)
        assert cell_text(period, action_id, sub_id, 1) == text
    else:  # e.g. "-5": a negative count is refused with a reason, and nothing changes
        with pytest.raises(ServiceError, match=refusal):
            set_cell(period, action_id, sub_id, 1, text)
        assert cell_text(period, action_id, sub_id, 1) == before


_files = itertools.count()


@pytest.mark.stress
@_settings(30)
@given(text=HOSTILE)
def test_hostile_text_round_trips_through_json(period_db: Path, tmp_path: Path, text: str) -> None:
    period, action_id, sub_id = _target()
    set_cell(period, action_id, sub_id, 0, text)
    if validate_cell(2, text) is None:
        set_cell(period, action_id, sub_id, 2, text)
    save_narrative(period, NarrativeData(executive_summary=text, risks_intro=text, prepared_by_name=text))
    exported = tmp_path / f"export-{next(_files)}.json"
    export_json(exported)
    first = exported.read_text(encoding="utf-8")
    assert json.loads(first)  # valid JSON whatever the text
    expected_value = cell_text(period, action_id, sub_id, 2)

    open_database(tmp_path / "copie.sqlite")
    try:
        import_json(exported, replace=True)
        period, action_id, sub_id = _target()
        assert cell_text(period, action_id, sub_id, 0) == text
        assert cell_text(period, action_id, sub_id, 2) == expected_value
        narrative = get_narrative(period)
        assert (narrative.executive_summary, narrative.risks_intro, narrative.prepared_by_name) == (text,) * 3
        again = export_document()
        original = json.loads(first)
        # the imported log holds the document's log; replacing earlier data adds the import's own records
        log, imported = original.pop("change_log"), again.pop("change_log")
        held = Counter(json.dumps(e, sort_keys=True) for e in imported)
        assert all(held[json.dumps(e, sort_keys=True)] >= n for e, n in ((e, 1) for e in log))
        assert json.loads(dumps(again)) == original
    finally:
        close_database()
        open_database(period_db)


@pytest.mark.stress
@_settings(30)
@given(description=HOSTILE, value=HOSTILE)
def test_hostile_text_prints_in_the_word_report_as_documented(
    period_db: Path, tmp_path: Path, description: str, value: str
) -> None:
    period, action_id, sub_id = _target()
    description = "⟦D⟧" + description
    value = "⟦V⟧" + value
    set_cell(period, action_id, sub_id, 0, description)
    if validate_cell(1, value) is not None:
        value = "⟦V⟧ " + value.replace("-", "−")
    set_cell(period, action_id, sub_id, 1, value)
    out = export_report(period, tmp_path / f"raport-{next(_files)}.docx")

    assert "\n".join(cell_paragraphs(out, "⟦V⟧")) == as_printed(value)
    printed = cell_paragraphs(out, "⟦D⟧")
    assert description_matches(printed, description), (printed, as_printed(description))
    # the database still holds every character, whatever the document had to replace
    assert cell_text(period, action_id, sub_id, 0) == description
    assert cell_text(period, action_id, sub_id, 1) == value


def test_a_one_megabyte_text_round_trips_everywhere(demo_db: Path, tmp_path: Path) -> None:
    period, action_id, sub_id = _target()
    text = "⟦M⟧" + BIG
    assert len(text.encode("utf-8")) >= 1_000_000
    set_cell(period, action_id, sub_id, 0, text)
    save_narrative(period, NarrativeData(executive_summary=text))
    close_database()
    open_database(demo_db)
    period, action_id, sub_id = _target()
    assert cell_text(period, action_id, sub_id, 0) == text

    exported = tmp_path / "mare.json"
    export_json(exported)
    copy = tmp_path / "mare.sqlite"
    open_database(copy)
    import_json(exported)
    period, action_id, sub_id = _target()
    assert cell_text(period, action_id, sub_id, 0) == text
    assert get_narrative(period).executive_summary == text

    out = export_report(period, tmp_path / "mare.docx")
    assert description_matches(cell_paragraphs(out, "⟦M⟧"), text)
    close_database()
    open_database(demo_db)


def test_characters_xml_cannot_carry_are_printed_visibly_and_kept_in_the_database(
    demo_db: Path, tmp_path: Path
) -> None:
    period, action_id, sub_id = _target()
    value = "⟦X⟧ 3 acte\x0bcopiate din Word\x07, ESC\x1b, NEL\x85"
    set_cell(period, action_id, sub_id, 1, value)
    out = export_report(period, tmp_path / "raport.docx")
    assert cell_paragraphs(out, "⟦X⟧") == [
        "⟦X⟧ 3 acte[U+000B]copiate din Word[U+0007], ESC[U+001B], NEL[U+0085]"
    ]
    assert cell_text(period, action_id, sub_id, 1) == value


def test_ş_and_ș_stay_different_characters_everywhere(demo_db: Path, tmp_path: Path) -> None:
    period, action_id, sub_id = _target()
    text = "⟦S⟧ Direcţia şcoli / Direcția școli"
    set_cell(period, action_id, sub_id, 0, text)
    exported = tmp_path / "e.json"
    export_json(exported)
    assert "Direcţia şcoli / Direcția școli" in exported.read_text(encoding="utf-8")
    out = export_report(period, tmp_path / "r.docx")
    assert cell_paragraphs(out, "⟦S⟧") == [text]


def test_a_nul_character_is_refused_with_a_reason_and_nothing_changes(demo_db: Path) -> None:
    period, action_id, sub_id = _target()
    before = cell_text(period, action_id, sub_id, 0)
    with pytest.raises(ServiceError, match="caracter nul"):
        set_cell(period, action_id, sub_id, 0, "înainte\x00după")
    assert cell_text(period, action_id, sub_id, 0) == before
