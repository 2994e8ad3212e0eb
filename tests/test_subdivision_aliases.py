"""Name matching through the alias table, tolerant of the seed's many spellings and of ş/ș."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from balti_monitor.resources import read_resource_text
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.subdivisions import add_alias, match_subdivision, save_subdivision


def demo_rows() -> list[tuple[str, str]]:
    demo = json.loads(read_resource_text("data", "demo_2023_S1.json"))
    return sorted({(r["row_label"], r["subdivision"]) for r in demo["returns"]})


@pytest.mark.parametrize(("label", "code"), demo_rows())
def test_every_spelling_in_the_seed_finds_its_subdivision(plan_db: Path, label: str, code: str) -> None:
    found = match_subdivision(label)
    assert found is not None, label
    assert found.code == code


def test_cedilla_and_case_variants_match(plan_db: Path) -> None:
    sub = match_subdivision("DIRECŢIA RELAŢII CU PUBLICUL")
    assert sub is not None and sub.code == "DRP"
    sub = match_subdivision("Direcţia  învăţământ ,  tineret şi sport.")
    assert sub is not None and sub.code == "DITS"


def test_unknown_name_matches_nothing(plan_db: Path) -> None:
    assert match_subdivision("Direcția de zboruri spațiale") is None
    assert match_subdivision("   ") is None


def test_alias_already_used_by_another_subdivision_is_refused(plan_db: Path) -> None:
    drp = match_subdivision("DRP")
    assert drp is not None
    with pytest.raises(ServiceError, match="denumește deja"):
        add_alias(drp.id, "Direcția resurse umane")


def test_new_subdivision_with_aliases(plan_db: Path) -> None:
    sid, changes = save_subdivision(None, "DTI", "Direcția tehnologii informaționale", ["Direcția IT", "DTI"])
    assert changes.subdivisions
    found = match_subdivision("direcţia it")
    assert found is not None and found.id == sid
    with pytest.raises(ServiceError):
        save_subdivision(None, "DTI", "Alt nume", [])
