"""What one return form shows: the actions a subdivision answers and their rows.

Built by :mod:`forms_out` from the database, laid out as a workbook by :mod:`forms_layout`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FormRow:
    """One answerable row: an action's description (``number`` None) or one of its indicators."""

    key: str
    action_code: str
    number: int | None
    label: str
    current: str = ""  # what the database holds now
    prefill: bool = True  # show ``current`` in the value cell (off on request, or when too long for a cell)
    previous: str | None = None  # last period's text, when asked for
    gender_split: bool = False
    numeric: bool = False
    assigned: bool = True  # False: an indicator of the action not assigned to this subdivision
    question: str = ""  # the open follow-ups on this cell ("Observații"), one per line; "" for none


@dataclass(frozen=True, slots=True)
class FormAction:
    """An action the subdivision answers, with its rows (description first)."""

    code: str
    title: str
    deadline: str
    rows: tuple[FormRow, ...]


@dataclass(frozen=True, slots=True)
class FormContent:
    """Everything one subdivision's form shows."""

    plan_code: str
    plan_title: str
    period_code: str
    period_label: str
    period_start: dt.date
    period_end: dt.date
    subdivision_id: int
    subdivision_code: str
    subdivision_name: str
    deadline: dt.date
    previous_code: str | None  # the period whose values fill the read-only column, if any
    actions: tuple[FormAction, ...]

    @property
    def rows(self) -> tuple[FormRow, ...]:
        """All answerable rows, in form order."""
        return tuple(row for action in self.actions for row in action.rows)

    @property
    def questions(self) -> int:
        """Rows with an open follow-up (the form then has the "Observații" columns)."""
        return sum(1 for row in self.rows if row.question)

    @property
    def indicator_count(self) -> int:
        """Indicator rows (descriptions excluded)."""
        return sum(1 for row in self.rows if row.number is not None)
