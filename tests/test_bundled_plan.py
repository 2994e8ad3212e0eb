"""The bundled plan goes through the same importer and checks as the JSON interchange."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from balti_monitor.db.models import Action, Indicator, Plan, Priority, Responsibility
from balti_monitor.services.bundled import PLAN_FILE, bundled_json, install_plan
from balti_monitor.services.errors import ServiceError


def test_bundled_plan_is_complete(plan_db: Path) -> None:
    assert Priority.select().count() == 6
    assert Action.select().count() == 48
    assert Indicator.select().count() == 187
    placeholders = [a.code for a in Action.select().where(Action.title_placeholder == True)]  # noqa: E712
    assert placeholders == ["2.2", "4.1"]
    press = Responsibility.select().join(Action).where(Action.code == "1.1").order_by(Responsibility.position)
    assert [r.indicators for r in press] == [[1, 2, 3, 4, 5, 6, 7], [5]]  # the press service answers only 5


def test_unknown_subdivision_in_a_plan_names_its_place(plan_db: Path) -> None:
    document = copy.deepcopy(bundled_json(PLAN_FILE))
    document["plan"]["code"] = "PLA-TEST"
    document["priorities"][0]["actions"][2]["responsible"][0]["subdivision"] = "XYZ"
    with pytest.raises(ServiceError, match=r"priorities\[0\]\.actions\[2\]\.responsible\[0\]\.subdivision"):
        install_plan(document)
    assert Plan.select().count() == 1  # nothing of the broken plan stayed


def test_missing_field_is_a_clear_refusal(plan_db: Path) -> None:
    document = copy.deepcopy(bundled_json(PLAN_FILE))
    document["plan"]["code"] = "PLA-TEST"
    del document["priorities"][1]["actions"][0]["title"]
    with pytest.raises(ServiceError, match="lipsește câmpul obligatoriu 'title'"):
        install_plan(document)
    assert Plan.select().count() == 1
