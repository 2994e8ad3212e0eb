"""Charts as PNG: an action's trend (each indicator's Total across the periods) and the plan overview
(stacked bars of actions per priority; completeness over time).

matplotlib is imported inside the functions, with the Agg backend (no window, no Qt): the program's
start-up never pays for it; only drawing a chart does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from balti_monitor.services.trends import ActionTrend, PeriodOverview

#: Colours of the overview (achieved / arrears / nothing / not yet due), as the tree's marks.
SHARE_COLOURS = ("#2e7d32", "#e67e00", "#9e9e9e", "#90caf9")
SHARE_LABELS = ("realizate", "cu restanțe", "nimic raportat", "nescadente")


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    return plt


def trend_png(
    trend: ActionTrend, path: Path, *, subdivisions: bool = False, indicator: int | None = None
) -> Path:
    """Draw an action's trend: one line per indicator's Total (or, with ``subdivisions``, one line per
    subdivision of ``indicator``). Periods without a computable figure are gaps."""
    plt = _pyplot()
    figure, axes = plt.subplots(figsize=(7.5, 3.6), dpi=120)
    x = list(range(len(trend.periods)))
    if subdivisions:
        chosen = next((i for i in trend.indicators if i.number == indicator), None) or (
            trend.indicators[0] if trend.indicators else None
        )
        series = list(chosen.by_subdivision.items()) if chosen is not None else []
        title = f"Acțiunea {trend.code}, indicatorul {chosen.number if chosen else '–'}: pe subdiviziuni"
    else:
        series = [(f"Indicator {i.number}", i.totals) for i in trend.indicators]
        title = f"Acțiunea {trend.code}: totalul fiecărui indicator"
    for label, values in series:
        y = [float(v) if v is not None else float("nan") for v in values]
        axes.plot(x, y, marker="o", linewidth=1.6, label=label)
    axes.set_xticks(x, trend.periods, rotation=45, ha="right", fontsize=8)
    axes.set_title(title, fontsize=10)
    axes.grid(True, alpha=0.3)
    if series:
        axes.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, format="png")
    plt.close(figure)
    return path


def overview_png(overview: PeriodOverview, path: Path) -> Path:
    """Stacked bars, one per priority: actions achieved / with arrears / with nothing / not yet due."""
    plt = _pyplot()
    figure, axes = plt.subplots(figsize=(7.5, 3.6), dpi=120)
    names = [f"P. {p.number}" for p in overview.priorities]
    bottoms = [0] * len(names)
    for colour, label, key in zip(
        SHARE_COLOURS, SHARE_LABELS, ("achieved", "arrears", "empty", "not_due"), strict=True
    ):
        values = [getattr(p, key) for p in overview.priorities]
        axes.bar(names, values, bottom=bottoms, color=colour, label=label)
        bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
    axes.set_ylabel("acțiuni", fontsize=8)
    axes.set_title(f"Planul în perioada {overview.code}: acțiunile pe priorități", fontsize=10)
    axes.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, format="png")
    plt.close(figure)
    return path


def completeness_png(overviews: list[PeriodOverview], path: Path) -> Path:
    """The share of responsible subdivisions that answered, period by period (per cent)."""
    plt = _pyplot()
    figure, axes = plt.subplots(figsize=(7.5, 3.0), dpi=120)
    x = list(range(len(overviews)))
    axes.plot(x, [100 * o.completeness for o in overviews], marker="o", color="#1f5fbf")
    axes.set_xticks(x, [o.code for o in overviews], rotation=45, ha="right", fontsize=8)
    axes.set_ylim(0, 105)
    axes.set_ylabel("% subdiviziuni care au răspuns", fontsize=8)
    axes.set_title("Completitudinea informațiilor subdiviziunilor", fontsize=10)
    axes.grid(True, alpha=0.3)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, format="png")
    plt.close(figure)
    return path
