"""Progress of the action as a whole, one row per item (kinds whose progress is ``by: "action"``, seed 004):
the status as written with its meaning in the kind's vocabulary, the narrative, the links.

Read for a whole period in three queries (:func:`item_progress`) for the status grid; written one item at a
time by :class:`SetItemProgress`, an undoable write whose inverse puts back the previous return and links
under their former ids (or removes a return the write created).
"""

from __future__ import annotations

from dataclasses import dataclass

from balti_monitor.db.models import Action, Period, Plan, Priority, Return, ReturnLink, database
from balti_monitor.domain.kinds import PlanKind
from balti_monitor.services.changes import ChangeSet, Focus
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.kinds import find_kind
from balti_monitor.services.outline import plan_outline
from balti_monitor.services.values import text_problem


@dataclass(frozen=True, slots=True)
class Link:
    """A link as the document shows it (``text``, often the address itself) and its address."""

    text: str
    url: str


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


def plan_kind_of(plan_id: int) -> PlanKind | None:
    """The kind of a plan (None when its kind is not bundled)."""
    plan = Plan.get_or_none(Plan.id == plan_id)
    return None if plan is None else find_kind(plan.kind)


def progress_by_item(plan_id: int) -> bool:
    """Whether the plan's progress is kept per item (the status grid) rather than per subdivision."""
    kind = plan_kind_of(plan_id)
    return kind is not None and kind.progress.by == "action"


def status_choices(plan_id: int) -> list[StatusChoice]:
    """The statuses of the plan's kind, in the kind's order."""
    kind = plan_kind_of(plan_id)
    if kind is None:
        return []
    return [StatusChoice(s.words[0], s.meaning.value) for s in kind.progress.statuses if s.words]


def status_meaning(plan_id: int, raw: str) -> str:
    """The meaning of a status text in the plan's vocabulary ("" unknown or empty)."""
    kind = plan_kind_of(plan_id)
    if kind is None:
        return ""
    meaning = kind.parse_status(raw).meaning
    return meaning.value if meaning is not None else ""


def item_progress(period_id: int) -> list[ItemProgress]:
    """Every item of the period's plan in plan order (sub-actions after their action), with its progress."""
    period = Period.get_or_none(Period.id == period_id)
    if period is None:
        raise ServiceError("Perioada nu mai există.")
    outline = plan_outline(period.plan_id)
    returns = {
        r.action_id: r
        for r in Return.select().where((Return.period == period_id) & Return.subdivision.is_null(True))
    }
    links: dict[int, list[Link]] = {}
    if returns:
        query = (
            ReturnLink.select()
            .where(ReturnLink.ret.in_([r.id for r in returns.values()]))
            .order_by(ReturnLink.ret, ReturnLink.position)
        )
        for link in query:
            links.setdefault(link.return_id, []).append(Link(link.text, link.url))
    parents = {a.parent_id for p in outline for a in p.actions if a.parent_id is not None}
    rows = []
    for priority in outline:
        for action in priority.actions:
            ret = returns.get(action.id)
            rows.append(
                ItemProgress(
                    action_id=action.id,
                    code=action.code,
                    title=action.title,
                    depth=action.depth,
                    has_children=action.id in parents,
                    status=ret.status if ret is not None else "",
                    meaning=ret.status_meaning if ret is not None else "",
                    description=ret.description if ret is not None else "",
                    links=tuple(links.get(ret.id, ())) if ret is not None else (),
                )
            )
    return rows


@dataclass(frozen=True, slots=True)
class _Snapshot:
    """A return of the action as a whole as stored (for undo): its id, texts and links with their ids."""

    return_id: int
    status: str
    status_meaning: str
    description: str
    review_status: str
    links: tuple[tuple[int, int, str, str], ...]  # (id, position, text, url)


@dataclass(frozen=True, slots=True)
class SetItemProgress:
    """Set an item's progress in a period: status (raw, its meaning parsed from the kind), narrative, links.

    Everything empty removes the return. ``restore`` (set by an inverse) puts back an exact snapshot."""

    period_id: int
    action_id: int
    status: str
    description: str
    links: tuple[Link, ...] = ()
    restore: _Snapshot | None = None
    remove: bool = False

    @property
    def show_first(self) -> int:
        """The period the progress belongs to."""
        return self.period_id

    def apply(self) -> ChangeSet:
        """Validate, snapshot, write; the inverse puts the previous state back."""
        with database.atomic():
            period = Period.get_or_none(Period.id == self.period_id)
            if period is None:
                raise ServiceError("Perioada nu mai există.")
            action = Action.get_or_none(Action.id == self.action_id)
            if action is None or Priority.get_by_id(action.priority_id).plan_id != period.plan_id:
                raise ServiceError("Acțiunea nu mai există în planul perioadei.")
            previous = _snapshot(self.period_id, self.action_id)
            if self.restore is not None:
                target: _Snapshot | None = self.restore
            elif self.remove:
                target = None
            else:
                target = self._target(period.plan_id, previous)
            _put(self.period_id, self.action_id, previous, target)
        inverse = (
            SetItemProgress(self.period_id, self.action_id, "", "", (), restore=previous)
            if previous is not None
            else SetItemProgress(self.period_id, self.action_id, "", "", (), remove=True)
        )
        return ChangeSet(
            frozenset({self.action_id}),
            inverse=inverse,
            focus=Focus(self.period_id, self.action_id),
        )

    def _target(self, plan_id: int, previous: _Snapshot | None) -> _Snapshot | None:
        """The return as it should be stored (None: no return), validated."""
        links = tuple(Link(link.text.strip(), link.url.strip()) for link in self.links)
        links = tuple(link for link in links if link.text or link.url)
        for text in (self.status, self.description, *(t for link in links for t in (link.text, link.url))):
            problem = text_problem(text)
            if problem:
                raise ServiceError(problem)
        if any(not link.url for link in links):
            raise ServiceError("Fiecare legătură trebuie să aibă o adresă.")
        if not (self.status.strip() or self.description.strip() or links):
            return None  # nothing left: no return
        return _Snapshot(
            previous.return_id if previous is not None else 0,
            self.status,
            status_meaning(plan_id, self.status),
            self.description,
            previous.review_status if previous is not None else "received",
            tuple((0, n, link.text or link.url, link.url) for n, link in enumerate(links, 1)),
        )


def _snapshot(period_id: int, action_id: int) -> _Snapshot | None:
    ret = Return.get_or_none(
        (Return.period == period_id) & (Return.action == action_id) & Return.subdivision.is_null(True)
    )
    if ret is None:
        return None
    links = tuple(
        (link.id, link.position, link.text, link.url)
        for link in ReturnLink.select().where(ReturnLink.ret == ret.id).order_by(ReturnLink.position)
    )
    return _Snapshot(ret.id, ret.status, ret.status_meaning, ret.description, ret.review_status, links)


def _put(period_id: int, action_id: int, previous: _Snapshot | None, target: _Snapshot | None) -> None:
    """Bring the stored return to ``target``: updated in place when there is one (the change log records
    what changed), created under the snapshot's id (0: a new one), or deleted; links replaced, kept under
    the snapshot's ids where it has them."""
    if previous is not None:
        ReturnLink.delete().where(ReturnLink.ret == previous.return_id).execute()
    if target is None:
        if previous is not None:
            Return.delete().where(Return.id == previous.return_id).execute()
        return
    fields = {
        "description": target.description,
        "status": target.status,
        "status_meaning": target.status_meaning,
        "review_status": target.review_status,
    }
    if previous is not None:
        Return.update(**fields).where(Return.id == previous.return_id).execute()
        return_id = previous.return_id
    else:
        ids = {"id": target.return_id} if target.return_id else {}
        return_id = Return.create(**ids, action=action_id, subdivision=None, period=period_id, **fields).id
    for link_id, position, text, url in target.links:
        ids = {"id": link_id} if link_id else {}
        ReturnLink.create(**ids, ret=return_id, position=position, text=text, url=url)
