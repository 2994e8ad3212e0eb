"""Generate the bundled example plans ``data/examples/*.json`` (JSON interchange, format version 2) from the
seeds' transcriptions in ``tests/data/seed_tables`` (001-004). Run from the repository root::

    python tools/make_examples.py

Every text is the seed's, verbatim. The files are committed; ``data/examples/index.json`` lists them with a
description (``balti-monitor load-example --list``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "data" / "seed_tables"
OUT = ROOT / "data" / "examples"


def seed(number: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SEEDS / f"{number}.json").read_text(encoding="utf-8"))
    return data


def action(code: str, title: str, **fields: Any) -> dict[str, Any]:
    indicators = fields.pop("indicators", [])
    return {
        "code": code,
        "parent": fields.pop("parent", None),
        "title": title,
        "title_placeholder": False,
        "deadline": fields.pop("deadline", ""),
        "frequency": "unknown",
        "gender_perspective": False,
        "responsible_text": fields.pop("responsible_text", ""),
        "all_subdivisions": False,
        "other_responsible": [],
        "indicators_placeholder": False,
        "extra": {},
        "indicators": [
            {"number": n, "text": t, "aggregation": "manual", "gender_split": False, "placeholder": False}
            for n, t in enumerate(indicators, start=1)
            if t
        ],
        "responsible": [],
        "values": {k: v for k, v in fields.pop("values", {}).items() if v},
    }


def column(
    key: str,
    label: str,
    number: str,
    source: str,
    fmt: str = "text",
    merge: str = "none",
    in_plan: bool = True,
    in_report: bool = True,
) -> dict[str, Any]:
    return {
        "key": key,
        "label": label,
        "number": number,
        "source": source,
        "format": fmt,
        "merge": merge,
        "in_plan": in_plan,
        "in_report": in_report,
    }


def plan(
    code: str,
    title: str,
    kind: str,
    first: int,
    last: int,
    columns: list[dict[str, Any]],
    priorities: list[dict[str, Any]],
    periods: list[dict[str, Any]],
    approving_act: str = "",
    short_title: str = "",
) -> dict[str, Any]:
    return {
        "code": code,
        "title": title,
        "short_title": short_title,
        "approving_act": approving_act,
        "first_year": first,
        "last_year": last,
        "kind": kind,
        "extra": {},
        "columns": columns,
        "priorities": priorities,
        "periods": periods,
    }


def period(year: int, semester: int, span_end: int, returns: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "year": year,
        "semester": semester,
        "span_end": span_end,
        "responsible": [],
        "acknowledgements": [],
        "narrative": None,
        "returns": returns,
        "overrides": [],
        "references": [],
        "signature": None,
    }


def ret(code: str, description: str, status: str = "", links: list[str] | None = None) -> dict[str, Any]:
    return {
        "action": code,
        "subdivision": None,
        "description": description,
        "received_date": None,
        "review_status": "received",
        "status": status,
        "updated_at": "2020-09-01T00:00:00",
        "values": [],
        "links": [{"text": u, "url": u} for u in links or []],
    }


def document(p: dict[str, Any]) -> dict[str, Any]:
    return {"format": "balti-monitor-file", "version": 2, "subdivisions": [], "plans": [p], "change_log": []}


def integritate() -> dict[str, Any]:
    data = seed("001")
    keys = {
        "Măsuri": "measure",
        "Indicatori de performanță": "indicators",
        "Riscuri": "risks",
        "Surse de verificare": "sources",
        "Termen de realizare": "deadline",
        "Responsabili": "responsible",
        "Responsabil": "responsible",
        "Buget": "budget",
    }
    first = data["tables"][0]["columns"]
    columns = [
        column("measure", first[0], "", "code_title"),
        column("indicators", first[1], "", "indicators"),
        column("risks", first[2], "", "column"),
        column("sources", first[3], "", "column"),
        column("deadline", first[4], "", "deadline"),
        column("responsible", first[5], "", "responsible"),
        column("budget", first[6], "", "column"),
    ]
    priorities = []
    for table in data["tables"]:
        number, title = re.match(r"Obiectiv (\d+): (.*)", table["group"], re.S).groups()  # type: ignore[union-attr]
        actions = []
        for row in table["rows"]:
            cells = dict(zip([keys[c] for c in table["columns"]], row["cells"], strict=True))
            actions.append(
                action(
                    cells["measure"].split(" ")[0],
                    cells["measure"],
                    indicators=[cells["indicators"]],
                    deadline=cells.get("deadline", ""),
                    responsible_text=cells["responsible"],
                    values={"risks": cells["risks"], "sources": cells["sources"], "budget": cells["budget"]},
                )
            )
        own = [{"key": keys[c], "label": c} for c in table["columns"]]
        priorities.append(
            {"number": number, "title": title, "title_placeholder": False, "columns": own, "actions": actions}
        )
    return document(
        plan(
            "PI-BALTATI-2022",
            data["title"][0],
            "integritate",
            2022,
            2025,
            columns,
            priorities,
            [],
            short_title="Plan de integritate Bălțați",
        )
    )


def program() -> dict[str, Any]:
    data = seed("002")
    table = data["tables"][0]
    labels = table["columns"]
    columns = [
        column("number", labels[0], "", "code"),
        column("title", labels[1], "", "title"),
        column("term_responsible", labels[2], "", "column"),
        column("results", labels[3], "", "progress_description", in_plan=False),
        column("estimate", labels[4], "", "column"),
    ]
    priorities: list[dict[str, Any]] = []
    returns = []
    for row in table["rows"]:
        if "group" in row:
            priorities.append(
                {
                    "number": str(len(priorities) + 1),
                    "title": row["group"],
                    "title_placeholder": False,
                    "actions": [],
                }
            )
            continue
        nr, title, term, results, estimate = row["cells"]
        priorities[-1]["actions"].append(
            action(nr, title, values={"term_responsible": term, "estimate": estimate})
        )
        if results:
            returns.append(ret(nr, results))
    # the seed names the plan in the genitive ("INFORMAȚIE CU PRIVIRE LA REALIZAREA Planului de acțiuni …"):
    # the plan's own title is the nominative, the rest verbatim
    title = " ".join(data["title"][1:])
    assert title.startswith("Planului ")
    title = "Planul " + title.removeprefix("Planului ")
    return document(
        plan(
            "PM-ONC-2017-2019",
            title,
            "program",
            2017,
            2019,
            columns,
            priorities,
            [period(2017, 0, 2019, returns)],
            short_title="Program ONC Bălți 2017-2019",
        )
    )


def guvernare() -> dict[str, Any]:
    plan_data, report = seed("003"), seed("004")
    table = plan_data["tables"][0]
    labels, numbers = table["columns"], table["numbers"]
    columns = [
        column("number", labels[0], numbers[0], "parent_code", merge="down", in_report=True),
        column("action", labels[1], numbers[1], "parent_title", merge="down"),
        column("sub_action", labels[2], numbers[2], "code_title"),
        column("responsible", labels[3], numbers[3], "responsible"),
        column("partners", labels[4], numbers[4], "column", in_report=False),
        column("deadline", labels[5], numbers[5], "deadline"),
        column("cost", labels[6], numbers[6], "column"),
        column("indicators", labels[7], numbers[7], "indicators"),
        column("progress", report["tables"][0]["columns"][-1], "9", "progress", in_plan=False),
    ]
    priorities: list[dict[str, Any]] = []
    parent = ""
    for row in table["rows"]:
        if "group" in row:
            priorities.append(
                {
                    "number": str(len(priorities) + 1),
                    "title": row["group"],
                    "title_placeholder": False,
                    "actions": [],
                }
            )
            continue
        nr, act, sub, resp, partners, term, cost, ind = row["cells"]
        if nr is not None:
            parent = nr
            priorities[-1]["actions"].append(action(nr, act))
        priorities[-1]["actions"].append(
            action(
                sub.split(" ")[0].rstrip("."),
                sub,
                parent=parent,
                indicators=[ind],
                deadline=term,
                responsible_text=resp,
                values={"partners": partners, "cost": cost},
            )
        )
    returns = [
        ret(row["cells"][2].split(" ")[0].rstrip("."), row["narrative"], row["status"], row["links"])
        for row in report["tables"][0]["rows"]
        if "cells" in row
    ]
    return document(
        plan(
            "OGP-2019-2020",
            "Planul de acțiuni pentru o guvernare deschisă pe anii 2019-2020",
            "guvernare",
            2019,
            2020,
            columns,
            priorities,
            [period(2020, 1, 0, returns)],
            approving_act="Hotărîrea Guvernului nr.1172/2018",
            short_title="Guvernare deschisă 2019-2020",
        )
    )


EXAMPLES = [
    (
        "integritate-baltati",
        integritate,
        "Planul de integritate al Comunei Bălțați (4 obiective, măsuri cu indicatori, riscuri, surse de verificare, termen, responsabili, buget)",
    ),
    (
        "program-balti-2017-2019",
        program,
        "Raportul 2017-2019 al Programului municipal Bălți de cooperare cu organizațiile necomerciale (acțiuni, termen și responsabili, rezultate, estimare)",
    ),
    (
        "guvernare-deschisa-2019-2020",
        guvernare,
        "Planul de acțiuni pentru o guvernare deschisă 2019-2020 (acțiuni, subacțiuni, instituții, parteneri, costuri, indicatori) cu raportul pe semestrul I 2020 (status, măsuri întreprinse, legături)",
    ),
]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    index = []
    for name, make, description in EXAMPLES:
        text = json.dumps(make(), ensure_ascii=False, indent=2) + "\n"
        (OUT / f"{name}.json").write_text(text, encoding="utf-8")
        index.append({"name": name, "file": f"{name}.json", "description": description})
    (OUT / "index.json").write_text(json.dumps(index, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
