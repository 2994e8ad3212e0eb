"""The bundled example plans (``data/examples``) hold the seeds' texts verbatim (expected text from the
transcriptions in ``tests/data/seed_tables``, not from the generator)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from seed_register import seed

from balti_monitor.resources import read_resource_text


def _strings(node: Any) -> set[str]:
    if isinstance(node, str):
        return {node}
    if isinstance(node, dict):
        return set().union(*(_strings(v) for v in node.values())) if node else set()
    if isinstance(node, list):
        return set().union(*(_strings(v) for v in node)) if node else set()
    return set()


def _example(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(read_resource_text("data", f"examples/{name}.json"))
    return data


def test_the_index_lists_every_example_with_a_romanian_description() -> None:
    index = json.loads(read_resource_text("data", "examples/index.json"))
    assert [e["name"] for e in index] == [
        "integritate-baltati",
        "program-balti-2017-2019",
        "guvernare-deschisa-2019-2020",
    ]
    for entry in index:
        assert entry["description"] and "\t" not in entry["description"]
        assert _example(entry["name"])["version"] == 2


@pytest.mark.parametrize(
    ("name", "numbers"),
    [
        ("integritate-baltati", ["001"]),
        ("program-balti-2017-2019", ["002"]),
        ("guvernare-deschisa-2019-2020", ["003", "004"]),
    ],
)
def test_every_cell_of_the_seed_is_in_the_example_verbatim(name: str, numbers: list[str]) -> None:
    texts = _strings(_example(name))
    for number in numbers:
        for table in seed(number)["tables"]:
            if "group" in table:
                assert table["group"].split(": ", 1)[1] in texts
            for row in table["rows"]:
                if "group" in row and number != "004":  # 004 spells its headings with ş/ţ; the plan is 003's
                    assert row["group"] in texts
                for cell in row.get("cells", []):
                    if cell and number != "004":
                        assert cell in texts, cell
                for key in ("status", "narrative"):
                    if key in row:
                        assert row[key] in texts
                for url in row.get("links", []):
                    assert url in texts


def test_the_open_government_report_has_one_status_per_sub_action_and_its_links() -> None:
    plan = _example("guvernare-deschisa-2019-2020")["plans"][0]
    (period,) = plan["periods"]
    assert (period["year"], period["semester"], period["span_end"]) == (2020, 1, 0)
    subs = [a["code"] for p in plan["priorities"] for a in p["actions"] if a["parent"]]
    assert [r["action"] for r in period["returns"]] == subs
    assert len(subs) == 29
    assert {r["status"] for r in period["returns"]} == {
        "Realizată",
        "În proces de realizare",
        "Inițiată",
        "Neiniţiată",
    }
    assert sum(len(r["links"]) for r in period["returns"]) == 12
