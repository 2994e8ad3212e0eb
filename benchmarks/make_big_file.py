"""Generate a 10-year benchmark file: 20 semesters × the full plan × every responsible subdivision.

Descriptions and values come from the S1-2023 demo (realistic Romanian texts and value shapes), with
figures varied per period; actions owned by "all subdivisions" get a row from every subdivision.

    python benchmarks/make_big_file.py OUT.sqlite
"""

from __future__ import annotations

import random
import re
import sys
import time
from pathlib import Path

from balti_monitor.db.connection import close_database, open_database
from balti_monitor.db.models import (
    Action,
    Indicator,
    Narrative,
    Period,
    Responsibility,
    Return,
    Subdivision,
    Value,
    database,
)
from balti_monitor.services.bundled import bundled_json, ensure_bundled_plan, load_demo
from balti_monitor.services.values import parsed_columns

YEARS = range(2023, 2033)
_NUMBER = re.compile(r"\d+")


def _vary(raw: str, rng: random.Random) -> str:
    """Change the figures of a value, keep its words."""
    return _NUMBER.sub(lambda m: str(max(0, int(m.group()) + rng.randint(-3, 9))), raw, count=1)


def make_big_file(path: Path, seed: int = 2023) -> Path:
    """Write the benchmark database to ``path`` (replacing it) and return the path."""
    rng = random.Random(seed)
    path.unlink(missing_ok=True)
    open_database(path)
    plan, _ = ensure_bundled_plan()
    demo_period, _ = load_demo()
    demo = bundled_json("demo_2023_S1.json")
    by_action: dict[str, list[dict[str, object]]] = {}
    for item in demo["returns"]:
        by_action.setdefault(item["action"], []).append(item)
    descriptions = [str(r["description"]) for r in demo["returns"] if len(str(r["description"])) > 80]
    subdivisions = list(Subdivision.select())
    actions = list(Action.select())
    indicators: dict[int, list[Indicator]] = {}
    for ind in Indicator.select().order_by(Indicator.number):
        indicators.setdefault(ind.action_id, []).append(ind)
    narrative = Narrative.get(Narrative.period == demo_period)
    with database.atomic():
        for year in YEARS:
            for semester in (1, 2):
                if (year, semester) == (2023, 1):
                    continue
                period = Period.create(plan=plan, year=year, semester=semester)
                Narrative.create(
                    period=period,
                    executive_summary=narrative.executive_summary,
                    risks=narrative.risks,
                    proposals=narrative.proposals,
                    prepared_by_name=narrative.prepared_by_name,
                    prepared_by_function=narrative.prepared_by_function,
                )
                for action in actions:
                    owners = [
                        r.subdivision_id
                        for r in Responsibility.select().where(Responsibility.action == action)
                    ]
                    if action.all_subdivisions:
                        owners += [s.id for s in subdivisions if s.id not in owners]
                    samples = by_action.get(action.code, [])
                    rows = []
                    for index, sub_id in enumerate(owners):
                        sample = samples[index % len(samples)] if samples else None
                        description = str(sample["description"]) if sample else rng.choice(descriptions)
                        ret = Return.create(
                            action=action, subdivision=sub_id, period=period, description=description
                        )
                        raw_values = list(sample["values"]) if sample else []  # type: ignore[call-overload]
                        for ind in indicators.get(action.id, []):
                            raw = raw_values[ind.number - 1] if ind.number - 1 < len(raw_values) else ""
                            rows.append(
                                {"ret": ret.id, "indicator": ind.id, **parsed_columns(_vary(raw, rng))}
                            )
                    if rows:
                        Value.insert_many(rows).execute()
    close_database()
    return path


def main() -> None:
    """Command-line entry."""
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "big.sqlite")
    start = time.perf_counter()
    make_big_file(out)
    print(f"{out}: {out.stat().st_size / 1e6:.1f} MB în {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
