"""What the caller can choose about a report export, and the one error an export raises."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from balti_monitor.errors import BaltiMonitorError

#: ``progress(done, total, message)``: called between the steps of an export (message in Romanian).
#: An exception raised by the callback aborts the export; no file is written.
ProgressCallback = Callable[[int, int, str], None]


class ExportError(BaltiMonitorError):
    """The report could not be exported; the message is Romanian and says why (nothing was written)."""


class ExportCancelled(Exception):
    """Raised by a progress callback to stop an export (nothing is written); never wrapped."""


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """Choices for one export.

    ``priorities``: the priority numbers to include ("I", "IV" …; ``None`` = all).
    ``include_empty_actions``: also print actions for which no subdivision sent anything this period.
    ``template_dir``: a folder searched for ``raport_semestrial.docx`` before the bundled template.
    ``review``: the review copy — a Word comment on every manual Total and every finding (the final copy
    has none).
    ``author``: the document's author property (empty: the template's own author).
    ``semester_columns``: in an annual report, three columns per indicator: S1 | S2 | An (the two
    semesters and the year) instead of the year alone.
    """

    priorities: set[str] | None = None
    include_empty_actions: bool = True
    template_dir: Path | None = None
    review: bool = False
    author: str = ""
    semester_columns: bool = False
    chart_annex: bool = False  # an annex with the plan overview charts (PNG) after the signatures
