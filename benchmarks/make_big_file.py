"""Generate a 10-year benchmark file: 20 semesters × the full plan × every responsible subdivision, and
the annual period of every year (2023-A …).

Descriptions and values come from the S1-2023 demo (realistic Romanian texts and value shapes), with
figures varied per period (reproducibly: one seeded generator); actions owned by "all subdivisions" get a
row from every subdivision. Annual periods hold no returns of their own (their values derive from the
semesters) except one annual figure per year, sent by DRU for action 1.1, indicator 2 (it differs from the
derived sum: a finding). ``--years 2023-2027`` writes the plan's own five years only.

    python benchmarks/make_big_file.py OUT.sqlite [--years 2023-2027]
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


def make_big_file(path: Path, seed: int = 2023, years: range = YEARS, annual: bool = True) -> Path:
    """Write the benchmark database to ``path`` (replacing it) and return the path.

    ``years``: the years written (2023 S1 is always the demo); ``annual``: also the annual periods.
    """
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
        for year in years:
            for semester in (1, 2, 0) if annual else (1, 2):
                if (year, semester) == (2023, 1):
                    continue
                period = Period.create(plan=plan, year=year, semester=semester)
                if semester == 0:
                    _annual_period(period, narrative, actions, indicators, rng)
                    continue
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


def _annual_period(
    period: Period,
    narrative: Narrative,
    actions: list[Action],
    indicators: dict[int, list[Indicator]],
    rng: random.Random,
) -> None:
    """An annual period: the narrative's signatories and one annual figure of its own (DRU, 1.1, ind. 2)."""
    Narrative.create(
        period=period,
        executive_summary=f"Sinteza anului {period.year}.",
        prepared_by_name=narrative.prepared_by_name,
        prepared_by_function=narrative.prepared_by_function,
    )
    first = next((a for a in actions if a.code == "1.1"), None)
    dru = Subdivision.get_or_none(Subdivision.code == "DRU")
    if first is None or dru is None or len(indicators.get(first.id, [])) < 2:
        return
    ret = Return.create(
        action=first, subdivision=dru, period=period, description="Raportul anual al direcției."
    )
    raw = f"{rng.randint(20, 60)} concursuri"
    Value.create(ret=ret.id, indicator=indicators[first.id][1].id, **parsed_columns(raw))


def main() -> None:
    """Command-line entry."""
    args = [a for a in sys.argv[1:] if not a.startswith("--years")]
    years = YEARS
    for arg in sys.argv[1:]:
        if arg.startswith("--years="):
            first, _, last = arg.split("=", 1)[1].partition("-")
            years = range(int(first), int(last) + 1)
    out = Path(args[0] if args else "big.sqlite")
    start = time.perf_counter()
    make_big_file(out, years=years)
    print(f"{out}: {out.stat().st_size / 1e6:.1f} MB în {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
