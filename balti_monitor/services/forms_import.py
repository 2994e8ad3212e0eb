"""The forms-import use case's services: what an import would change in the checks, computed in memory.

The preview of an import must not write (it runs without the single-writer lock, from a read-only
session): the grids of the touched actions are loaded once, the incoming cell texts are applied to those
plain data in memory (the pure domain: parsing, totals, checks), and the findings before and after are
compared. Nothing here imports the file formats (``interchange``) or Qt.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any

from balti_monitor.db.models import Period, Subdivision
from balti_monitor.domain.checks import Finding
from balti_monitor.domain.grid import ActionGrid, GridRow
from balti_monitor.domain.values import ParsedValue, ValueState, parse_value
from balti_monitor.services.editing import DESCRIPTION_COLUMN, CellEdit
from balti_monitor.services.grids import load_grids
from balti_monitor.services.results import action_result


def edited_grid(grid: ActionGrid, edits: Iterable[CellEdit], names: Mapping[int, str]) -> ActionGrid:
    """The grid as it would be after writing ``edits`` (pure: mirrors :func:`services.editing.set_cells`).

    A row emptied of its description and values loses its return; a subdivision without a row gets one,
    not responsible, answering the indicators it reported.
    """
    rows = {row.subdivision_id: row for row in grid.rows}
    order = [row.subdivision_id for row in grid.rows]
    for edit in edits:
        row = rows.get(edit.subdivision_id)
        if row is None:
            if edit.text is None:
                continue
            row = GridRow(edit.subdivision_id, names.get(edit.subdivision_id, ""), frozenset(), False)
            order.append(edit.subdivision_id)
        values: dict[int, ParsedValue] = dict(row.values)
        description = row.description
        if edit.column == DESCRIPTION_COLUMN:
            description = edit.text or ""
        elif edit.text is None:
            values.pop(edit.column, None)
        else:
            values[edit.column] = parse_value(edit.text)
        has_return = bool(description or values)
        applicable = row.applicable
        if not row.responsible:
            applicable = frozenset(n for n, v in values.items() if v.state != ValueState.MISSING)
        rows[edit.subdivision_id] = dataclasses.replace(
            row,
            description=description if has_return else "",
            values=values if has_return else {},
            has_return=has_return,
            applicable=applicable,
        )
    return dataclasses.replace(grid, rows=tuple(rows[sid] for sid in order))


def _finding_key(f: Finding) -> tuple[Any, ...]:
    return (f.code, f.action, f.indicator, f.subdivision_id, f.message)


def findings_delta(
    period: Period, edits: Mapping[int, list[CellEdit]]
) -> tuple[tuple[Finding, ...], tuple[Finding, ...]]:
    """The findings writing ``edits`` ({action id: edits}) would add and clear, computed in memory."""
    if not edits:
        return (), ()
    grids = load_grids(period, list(edits))
    names = {s.id: str(s.name) for s in Subdivision.select(Subdivision.id, Subdivision.name)}
    before: list[Finding] = []
    after: list[Finding] = []
    for action_id, grid in grids.items():
        before.extend(action_result(grid).findings)
        after.extend(action_result(edited_grid(grid, edits[action_id], names)).findings)
    before_keys = {_finding_key(f) for f in before}
    after_keys = {_finding_key(f) for f in after}
    added = tuple(f for f in after if _finding_key(f) not in before_keys)
    cleared = tuple(f for f in before if _finding_key(f) not in after_keys)
    return added, cleared
