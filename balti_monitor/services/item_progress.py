"""The status grid's rows, for kinds whose progress is ``by: "action"`` (seed 004): every item of the period's
plan in plan order (sub-actions after their action) with its progress (:mod:`.progress`: status as written
and its meaning in the kind's vocabulary, narrative, links), and the statuses the picker offers.

Read for a whole period in a handful of queries; written one item at a time through
:class:`balti_monitor.services.progress.SaveProgress` (an undoable write).
"""

from __future__ import annotations

from dataclasses import dataclass

from balti_monitor.db.models import Period
from balti_monitor.i18n import _
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.outline import plan_outline
from balti_monitor.services.plans import plan_columns, plan_kind
from balti_monitor.services.progress import Link, period_progress

__all__ = [
    "PLA_HEADING",
    "ItemProgress",
    "Link",
    "StatusChoice",
    "group_heading",
    "heading_text",
    "item_progress",
    "progress_by_item",
    "progress_label",
    "status_choices",
]

#: how the Bălți plan writes a group's heading (its kind's ``groups.heading``)
PLA_HEADING = "Prioritatea {number}. {title}"


@dataclass(frozen=True, slots=True)
class ItemProgress:
    """One row of the status grid: an item of the plan and its progress in the period."""

    action_id: int
    code: str
    title: str
    depth: int
    has_children: bool
    status: str  # as written (raw)
    meaning: str  # domain.kinds.StatusMeaning value, "" when empty or not in the vocabulary
    description: str
    links: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class StatusChoice:
    """A status the picker offers: the vocabulary's first word for one meaning."""

    word: str
    meaning: str


def progress_by_item(plan_id: int) -> bool:
    """Whether the plan's progress is kept per item (the status grid) rather than per subdivision."""
    try:
        return plan_kind(plan_id).progress.by == "action"
    except ServiceError:
        return False


def group_heading(plan_id: int) -> str:
    """The template of a group's heading in the plan's kind ("{title}" when the title is the heading)."""
    try:
        return plan_kind(plan_id).groups.heading or PLA_HEADING
    except ServiceError:
        return PLA_HEADING


def heading_text(template: str, number: str, title: str) -> str:
    """A group's heading from its kind's template (``{number}``, ``{title}``)."""
    return template.replace("{number}", number).replace("{title}", title)


def progress_label(plan_id: int) -> str:
    """How the plan's table names its progress column ("Măsuri întreprinse", "Rezultate" …), "" when none."""
    try:
        columns = plan_columns(plan_id)
    except ServiceError:
        return ""
    for source in ("progress_description", "progress"):
        for column in columns:
            if column.source == source and column.label.strip():
                return " ".join(column.label.split())
    return ""


def status_choices(plan_id: int) -> list[StatusChoice]:
    """The statuses of the plan's kind, in the kind's order."""
    return [
        StatusChoice(s.words[0], s.meaning.value) for s in plan_kind(plan_id).progress.statuses if s.words
    ]


def item_progress(period_id: int) -> list[ItemProgress]:
    """Every item of the period's plan in plan order (sub-actions after their action), with its progress."""
    period = Period.get_or_none(Period.id == period_id)
    if period is None:
        raise ServiceError(_("Perioada nu mai există."))
    outline = plan_outline(period.plan_id)
    entries = period_progress(period_id)
    parents = {a.parent_id for p in outline for a in p.actions if a.parent_id is not None}
    rows = []
    for priority in outline:
        for action in priority.actions:
            entry = entries.get(action.id)
            rows.append(
                ItemProgress(
                    action_id=action.id,
                    code=action.code,
                    title=action.shown_title,
                    depth=action.depth,
                    has_children=action.id in parents,
                    status=entry.status if entry is not None else "",
                    meaning=entry.meaning if entry is not None else "",
                    description=entry.description if entry is not None else "",
                    links=entry.links if entry is not None else (),
                )
            )
    return rows
