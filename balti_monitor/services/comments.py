"""Comments and follow-ups on cells: a value, a return (its description, column 0) or a Total cell
(subdivision 0). A follow-up ("de clarificat: 7 sau 8 acte?") stays open until resolved; cells with an open
follow-up carry a corner mark in the grid; the period's list of open follow-ups is what to ask back.

Adding, resolving and deleting are :class:`~balti_monitor.services.changes.Write` s (undoable). Comments
are notes about the data, not the data: they are allowed on a signed period.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from balti_monitor.db.models import Action, CellComment, Period, Priority, Subdivision, database
from balti_monitor.i18n import _, ngettext
from balti_monitor.services.audit import current_user
from balti_monitor.services.changes import ChangeSet, Focus
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.values import text_problem

MAX_COMMENT = 5000
#: ``ChangeSet.detail`` of every comment write: the views refresh the corner marks and lists
COMMENTS = "comments"


@dataclass(frozen=True, slots=True)
class CommentInfo:
    """A comment as the views and the CLI show it."""

    id: int
    period_id: int
    action_id: int
    action_code: str
    subdivision_id: int  # 0: the Total row
    subdivision_code: str  # "Total" for the Total row
    column: int
    text: str
    follow_up: bool
    resolved: bool
    author: str
    created_at: dt.datetime
    reply: str = ""  # the subdivision's answer, come back in the "Observații" column of its return form

    @property
    def open(self) -> bool:
        """An unresolved follow-up."""
        return self.follow_up and not self.resolved

    @property
    def place(self) -> str:
        """ "1.13 / DS / indicatorul 1", "1.13 / DS / returul", "1.13 / Total / indicatorul 2"."""
        what = _("indicatorul {number}").format(number=self.column) if self.column else _("returul")
        return f"{self.action_code} / {self.subdivision_code} / {what}"


def _info(row: CellComment, codes: dict[int, str], actions: dict[int, str]) -> CommentInfo:
    return CommentInfo(
        row.id,
        row.period_id,
        row.action_id,
        actions.get(row.action_id, "?"),
        row.subdivision_id,
        "Total" if row.subdivision_id == 0 else codes.get(row.subdivision_id, "?"),
        row.column_no,
        row.text,
        row.follow_up,
        row.resolved,
        row.author,
        row.created_at,
        row.reply or "",
    )


def period_comments(
    period_id: int, *, only_open: bool = False, action_id: int | None = None
) -> list[CommentInfo]:
    """The comments of a period (optionally of one action; only open follow-ups), oldest first."""
    query = CellComment.select().where(CellComment.period == period_id)
    if action_id is not None:
        query = query.where(CellComment.action == action_id)
    if only_open:
        query = query.where(CellComment.follow_up & ~CellComment.resolved)
    codes = {s.id: s.code for s in Subdivision.select(Subdivision.id, Subdivision.code)}
    period = Period.get_by_id(period_id)
    actions = {
        a.id: a.code
        for a in Action.select(Action.id, Action.code).join(Priority).where(Priority.plan == period.plan_id)
    }
    return [_info(row, codes, actions) for row in query.order_by(CellComment.id)]


def open_followup_cells(period_id: int, action_id: int) -> frozenset[tuple[int, int]]:
    """(subdivision id, column) of the cells of an action with an open follow-up (for the corner mark)."""
    query = CellComment.select(CellComment.subdivision_id, CellComment.column_no).where(
        (CellComment.period == period_id)
        & (CellComment.action == action_id)
        & CellComment.follow_up
        & ~CellComment.resolved
    )
    return frozenset((row.subdivision_id, row.column_no) for row in query)


def form_followups(period_id: int, subdivision_id: int) -> dict[tuple[int, int], list[CommentInfo]]:
    """The open follow-ups on a subdivision's cells, by (action id, column): what its next return form asks
    back in the "Observații" column (oldest first)."""
    found: dict[tuple[int, int], list[CommentInfo]] = {}
    if subdivision_id <= 0:
        return found
    for info in period_comments(period_id, only_open=True):
        if info.subdivision_id == subdivision_id:
            found.setdefault((info.action_id, info.column), []).append(info)
    return found


def answer_targets(period_id: int, action_id: int, subdivision_id: int, column: int) -> tuple[int, ...]:
    """The comments an answer typed in a form row goes to: the cell's open follow-ups, else its latest
    follow-up (answered after it was resolved here), else none."""
    query = CellComment.select(CellComment.id, CellComment.resolved).where(
        (CellComment.period == period_id)
        & (CellComment.action == action_id)
        & (CellComment.subdivision_id == subdivision_id)
        & (CellComment.column_no == column)
        & CellComment.follow_up
    )
    rows = list(query.order_by(CellComment.id))
    opened = tuple(row.id for row in rows if not row.resolved)
    return opened or ((rows[-1].id,) if rows else ())


def set_replies(replies: Sequence[tuple[int, str]]) -> tuple[tuple[int, str], ...]:
    """Store each (comment id, reply) (one transaction; comments gone since are skipped); returns the
    replies they replace, in the same form, for an undo. An empty reply clears it."""
    previous: list[tuple[int, str]] = []
    now = dt.datetime.now().replace(microsecond=0)
    with database.atomic():
        for comment_id, reply in replies:
            row = CellComment.get_or_none(CellComment.id == comment_id)
            if row is None:
                continue
            previous.append((comment_id, row.reply or ""))
            row.reply = reply
            row.replied_at = now if reply else None
            row.save()
    return tuple(previous)


@dataclass(frozen=True, slots=True)
class AddComment:
    """Add a comment (``comment_id`` set: re-create it under that id, as a redo does)."""

    period_id: int
    action_id: int
    subdivision_id: int
    column: int
    text: str
    follow_up: bool = True
    comment_id: int | None = None
    author: str | None = None
    reply: str = ""

    @property
    def show_first(self) -> int:
        """The period of the cell."""
        return self.period_id

    def apply(self) -> ChangeSet:
        """Validate and insert (one transaction)."""
        text = self.text.strip()
        if not text:
            raise ServiceError(_("Scrieți textul comentariului."))
        if len(text) > MAX_COMMENT:
            raise ServiceError(
                ngettext(
                    "Comentariul este prea lung (maximum {MAX_COMMENT} caracter).",
                    "Comentariul este prea lung (maximum {MAX_COMMENT} caractere).",
                    MAX_COMMENT,
                ).format(MAX_COMMENT=MAX_COMMENT)
            )
        problem = text_problem(text)
        if problem:
            raise ServiceError(problem)
        if self.column < 0:
            raise ServiceError(_("Celula nu există."))
        with database.atomic():
            fields = {
                "period": self.period_id,
                "action": self.action_id,
                "subdivision_id": self.subdivision_id,
                "column_no": self.column,
                "text": text,
                "follow_up": self.follow_up,
                "author": current_user() if self.author is None else self.author,
                "reply": self.reply,
            }
            if self.comment_id is not None:
                fields["id"] = self.comment_id
            row = CellComment.create(**fields)
        return ChangeSet(
            actions=frozenset({self.action_id}),
            inverse=DeleteComment(row.id),
            focus=Focus(self.period_id, self.action_id, self.subdivision_id, self.column),
            new_id=row.id,
            detail=COMMENTS,
        )


@dataclass(frozen=True, slots=True)
class DeleteComment:
    """Delete a comment; the inverse re-creates it under the same id."""

    comment_id: int

    @property
    def show_first(self) -> int | None:
        """The comment's period."""
        row = CellComment.get_or_none(CellComment.id == self.comment_id)
        return None if row is None else row.period_id

    def apply(self) -> ChangeSet:
        """Snapshot and delete (one transaction)."""
        with database.atomic():
            row = CellComment.get_or_none(CellComment.id == self.comment_id)
            if row is None:
                raise ServiceError(_("Comentariul nu mai există."))
            inverse = AddComment(
                row.period_id,
                row.action_id,
                row.subdivision_id,
                row.column_no,
                row.text,
                row.follow_up,
                row.id,
                row.author,
                row.reply or "",
            )
            resolved = row.resolved
            row.delete_instance()
        if resolved:  # a resolved comment comes back resolved
            return ChangeSet(
                actions=frozenset({row.action_id}), inverse=_AddResolved(inverse), detail=COMMENTS
            )
        return ChangeSet(actions=frozenset({row.action_id}), inverse=inverse, detail=COMMENTS)


@dataclass(frozen=True, slots=True)
class _AddResolved:
    add: AddComment

    @property
    def show_first(self) -> int:
        return self.add.period_id

    def apply(self) -> ChangeSet:
        with database.atomic():
            changes = self.add.apply()
            CellComment.update(resolved=True).where(CellComment.id == changes.new_id).execute()
        return changes


@dataclass(frozen=True, slots=True)
class SetResolved:
    """Mark a follow-up resolved (or open again)."""

    comment_id: int
    resolved: bool = True
    at: dt.datetime | None = None  # when it was resolved (None: now); an undo or redo puts it back as it was

    @property
    def show_first(self) -> int | None:
        """The comment's period."""
        row = CellComment.get_or_none(CellComment.id == self.comment_id)
        return None if row is None else row.period_id

    def apply(self) -> ChangeSet:
        """Snapshot and write (one transaction)."""
        with database.atomic():
            row = CellComment.get_or_none(CellComment.id == self.comment_id)
            if row is None:
                raise ServiceError(_("Comentariul nu mai există."))
            previous, previous_at = bool(row.resolved), row.resolved_at
            row.resolved = self.resolved
            row.resolved_at = (self.at or dt.datetime.now().replace(microsecond=0)) if self.resolved else None
            row.save()
        return ChangeSet(
            actions=frozenset({row.action_id}),
            inverse=SetResolved(self.comment_id, previous, previous_at),
            focus=Focus(row.period_id, row.action_id, row.subdivision_id, row.column_no),
            detail=COMMENTS,
        )
