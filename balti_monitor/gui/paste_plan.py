"""Planning a paste: which cells a tab-separated block writes, and what is left out.

:func:`plan_paste` turns a parsed block and the target rectangle into the cell edits of one undo step; the
view applies them (:meth:`~.grid_view.GridView.paste`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QModelIndex

from balti_monitor.services.editing import CellEdit

from .grid_model import GridModel


@dataclass
class PastePlan:
    """The edits a paste makes, the cells they go to, what was left out and the block actually covered."""

    edits: list[CellEdit] = field(default_factory=list)
    indexes: list[QModelIndex] = field(default_factory=list)
    skipped: int = 0  # values that fall outside the grid or on the Total row
    hatched: int = 0  # values that fall on cells whose subdivision does not answer the indicator
    last_row: int = 0
    last_column: int = 0


def plan_paste(model: GridModel, block: list[list[str]], rect: tuple[int, int, int, int]) -> PastePlan:
    """The edits writing ``block`` at the top-left of ``rect`` (a single value fills the whole ``rect``)."""
    top, left, bottom, right = rect
    if len(block) == 1 and len(block[0]) == 1 and (bottom > top or right > left):
        block = [[block[0][0]] * (right - left + 1) for _ in range(bottom - top + 1)]
    plan = PastePlan(last_row=top, last_column=left)
    for i, values in enumerate(block):
        for j, value in enumerate(values):
            row, column = top + i, left + j
            if row >= model.rowCount() or column >= model.columnCount():
                plan.skipped += 1
                continue
            index = model.index(row, column)
            if model.is_hatched(row, column):
                if value.strip():
                    plan.hatched += 1  # never summed silently: the user types there to include it
                continue
            edit = model.edit_for(index, value)
            if edit is None:
                plan.skipped += 1
                continue
            if (edit.text or None) == (model.current_text(index) or None):
                plan.last_row, plan.last_column = max(plan.last_row, row), max(plan.last_column, column)
                continue
            plan.edits.append(edit)
            plan.indexes.append(index)
            plan.last_row, plan.last_column = max(plan.last_row, row), max(plan.last_column, column)
    return plan
