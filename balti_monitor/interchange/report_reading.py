"""What reading a past semester report gives, before anything is written: each subdivision's return as
read (:class:`ReportRow`), the written Total rows (:class:`WrittenTotal`), what cannot be placed and why
(:class:`Unplaced`), all of it with the period, notes and counts (:class:`ReportReading`), and one field
the import would change in the open file (:class:`Difference`). Plain data: read by
:mod:`balti_monitor.interchange.report_reader`, shown by the CLI and the GUI, written by
:mod:`balti_monitor.interchange.report_import`."""

from __future__ import annotations

from dataclasses import dataclass, field

from balti_monitor.i18n import _, ngettext
from balti_monitor.services.narrative import NarrativeData
from balti_monitor.services.periods import PeriodKey


@dataclass(frozen=True, slots=True)
class ReportRow:
    """One subdivision's return for one action, as read."""

    action: str
    subdivision_id: int
    subdivision: str  # the subdivision's name in the file
    label: str  # the name as written in the report
    description: str
    values: tuple[str, ...]
    where: str


@dataclass(frozen=True, slots=True)
class WrittenTotal:
    """What the report wrote in an action's Total row (kept as a reference)."""

    action: str
    counts_text: str
    cells: tuple[str, ...]
    where: str


@dataclass(frozen=True, slots=True)
class Unplaced:
    """Something of the report that cannot be placed, and why."""

    where: str
    text: str
    reason: str


@dataclass(slots=True)
class ReportReading:
    """Everything read from one report, before anything is written."""

    source: str
    year: int
    semester: int
    rows: list[ReportRow] = field(default_factory=list)
    totals: list[WrittenTotal] = field(default_factory=list)
    narrative: NarrativeData = field(default_factory=NarrativeData)
    unplaced: list[Unplaced] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)  # actions whose table was read, in order

    @property
    def period_code(self) -> str:
        """``2023-S1`` / ``2023-A``."""
        return PeriodKey(self.year, self.semester).code

    @property
    def value_count(self) -> int:
        """Non-empty values placed."""
        return sum(1 for row in self.rows for v in row.values if v)

    def summary(self) -> str:
        """One Romanian line with the counts."""
        n_actions, n_rows, n_values = len(self.actions), len(self.rows), self.value_count
        n_totals, n_unplaced = len(self.totals), len(self.unplaced)
        return _("Perioada {period_code}: {actions}, {rows}, {values}, {totals}, {unplaced}.").format(
            period_code=self.period_code,
            actions=ngettext("{n} acțiune", "{n} acțiuni", n_actions).format(n=n_actions),
            rows=ngettext("{n} rând", "{n} rânduri", n_rows).format(n=n_rows),
            values=ngettext("{n} valoare plasată", "{n} valori plasate", n_values).format(n=n_values),
            totals=ngettext(
                "{n} rând Total păstrat ca referință", "{n} rânduri Total păstrate ca referință", n_totals
            ).format(n=n_totals),
            unplaced=ngettext("{n} element neplasat", "{n} elemente neplasate", n_unplaced).format(
                n=n_unplaced
            ),
        )


@dataclass(frozen=True, slots=True)
class Difference:
    """One field the import would change in the open file."""

    action: str
    subdivision: str
    what: str
    old: str
    new: str
