"""Progress of an action as a whole, for kinds whose progress is per action (``progress.by == "action"``):
one return per (action, period) without a subdivision, with a description, a status (raw text kept, its
meaning parsed by the plan's kind) and links.

Reads are bulk (:func:`period_progress`: every entry of a period in two queries); the write is
:class:`SaveProgress`, a ``Write`` whose inverse puts the previous entry back (or removes the one it
created). Several people on a server: the write carries the entry as it was read (``expected``); a field
somebody else changed since is not overwritten (:class:`ProgressConflict` with both values).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from balti_monitor.db.models import Action, Period, Priority, Return, ReturnLink, database
from balti_monitor.i18n import _
from balti_monitor.services.changes import ChangeSet, Focus
from balti_monitor.services.conflicts import EditConflict, FieldClash, merge_fields
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.plans import plan_kind
from balti_monitor.services.values import text_problem, validate_description

_URL_STARTS = ("http://", "https://", "mailto:", "ftp://", "www.")


@dataclass(frozen=True, slots=True)
class Link:
    """A link as the document shows it (``text``, often the address itself) and its address."""

    text: str
    url: str


@dataclass(frozen=True, slots=True)
class ProgressEntry:
    """The progress of one action in one period (empty when nothing was written)."""

    action_id: int
    period_id: int
    description: str = ""
    status: str = ""  # raw, as written
    meaning: str = ""  # domain.kinds.StatusMeaning value, "" when empty or not in the kind's vocabulary
    links: tuple[Link, ...] = ()
    return_id: int | None = None

    @property
    def empty(self) -> bool:
        """Whether nothing is written."""
        return not (self.description or self.status or self.links)

    @property
    def state(self) -> ProgressState:
        """What the user sees and edits of the entry (its version for a later write)."""
        return ProgressState(self.description, self.status, self.links)


@dataclass(frozen=True, slots=True)
class ProgressState:
    """The texts of an action's progress: description, status (raw), links; all empty when none."""

    description: str = ""
    status: str = ""
    links: tuple[Link, ...] = ()

    def fields(self) -> dict[str, object]:
        """Field name → value."""
        return {"description": self.description, "status": self.status, "links": self.links}


def _field_name(field: str) -> str:
    names = {"description": _("textul"), "status": _("statusul"), "links": _("legăturile")}
    return names[field]


def shown(value: object) -> str:
    """A field's value as the refusal shows it (links: their addresses)."""
    if isinstance(value, tuple):
        return ", ".join(link.url for link in value if isinstance(link, Link))
    return str(value)


class ProgressConflict(EditConflict):
    """Somebody else saved the progress of the action since it was read: nothing was written.

    ``mine`` is what this write would store (its own fields where they clash, the others' where it changed
    nothing), ``theirs`` what is stored now; :meth:`SaveProgress.over` saves ``mine`` over ``theirs``."""

    def __init__(
        self,
        action_id: int,
        period_id: int,
        clashes: tuple[FieldClash, ...],
        mine: ProgressState,
        theirs: ProgressState,
    ) -> None:
        first = clashes[0]
        message = _(
            "Altcineva a modificat între timp progresul acțiunii ({field}): acum este salvat „{theirs}”, iar "
            "dumneavoastră ați scris „{mine}”. Nu s-a scris nimic."
        ).format(field=_field_name(first.field), theirs=shown(first.theirs), mine=shown(first.mine))
        super().__init__(message, period_id, clashes)
        self.action_id = action_id
        self.mine = mine
        self.theirs = theirs


def period_progress(period_id: int) -> dict[int, ProgressEntry]:
    """Every written entry of the period's actions as a whole: action id → entry."""
    returns = list(
        Return.select()
        .where((Return.period == period_id) & (Return.subdivision.is_null(True)))
        .order_by(Return.id)
    )
    links: dict[int, list[Link]] = {}
    if returns:
        query = (
            ReturnLink.select()
            .where(ReturnLink.ret.in_([r.id for r in returns]))
            .order_by(ReturnLink.ret, ReturnLink.position)
        )
        for link in query:
            links.setdefault(link.return_id, []).append(Link(link.text, link.url))
    return {
        r.action_id: ProgressEntry(
            r.action_id,
            period_id,
            r.description,
            r.status,
            r.status_meaning,
            tuple(links.get(r.id, ())),
            r.id,
        )
        for r in returns
    }


def action_progress(action_id: int, period_id: int) -> ProgressEntry:
    """One action's entry of a period (an empty entry when none is written)."""
    found = period_progress(period_id).get(action_id)
    return found if found is not None else ProgressEntry(action_id, period_id)


def link_problem(link: Link) -> str | None:
    """Why a link cannot be stored (Romanian), or None."""
    for text in (link.text, link.url):
        problem = text_problem(text)
        if problem:
            return problem
    url = link.url.strip()
    if not url:
        return _("Legătura „{text}” nu are adresă.").format(text=link.text)
    if any(ch.isspace() for ch in url):
        return _("Adresa „{url}” conține spații.").format(url=url)
    if not url.lower().startswith(_URL_STARTS):
        return _("Adresa „{url}” trebuie să înceapă cu http://, https://, www. sau mailto:.").format(url=url)
    return None


def _check_place(action_id: int, period_id: int) -> None:
    action = Action.select(Action, Priority).join(Priority).where(Action.id == action_id).first()
    if action is None:
        raise ServiceError(_("Acțiunea nu mai există."))
    period = Period.get_or_none(Period.id == period_id)
    if period is None:
        raise ServiceError(_("Perioada nu mai există."))
    if period.plan_id != action.priority.plan_id:
        raise ServiceError(_("Acțiunea și perioada sunt din planuri diferite."))
    kind = plan_kind(period.plan_id)
    if not kind.progress.by_action:
        raise ServiceError(
            _(
                "Planurile de tipul „{kind}” se raportează pe subdiviziuni; progresul acțiunii ca întreg "
                "nu se folosește la ele."
            ).format(kind=kind.name)
        )


@dataclass(frozen=True, slots=True)
class SaveProgress:
    """Write an action's progress in a period: description, status (raw), links. Everything empty removes
    the entry.

    ``expected`` (optional; None: no check, as for imports and the command line) is the entry as the user
    read it: a field this write leaves as read takes what is stored now, a field somebody else changed to
    another text than this write's raises :class:`ProgressConflict` (nothing written)."""

    action_id: int
    period_id: int
    description: str
    status: str
    links: tuple[Link, ...] = ()
    expected: ProgressState | None = None

    @property
    def show_first(self) -> int:
        """The period written into."""
        return self.period_id

    def _validate(self) -> None:
        problem = validate_description(self.description) or text_problem(self.status)
        if problem:
            raise ServiceError(problem)
        if "\n" in self.status.strip():
            raise ServiceError(_("Statusul se scrie pe un singur rând; descrierea are câmpul ei."))
        for link in self.links:
            problem = link_problem(link)
            if problem:
                raise ServiceError(problem)

    def over(self, conflict: ProgressConflict) -> SaveProgress:
        """The same write made over what is stored now ("keep mine" after a conflict)."""
        mine = conflict.mine
        return replace(
            self, description=mine.description, status=mine.status, links=mine.links, expected=conflict.theirs
        )

    def _row(self) -> Return | None:
        """The entry's row; on a server locked until the end of the transaction (the check of what was
        read and the write are then one step for everybody)."""
        query = Return.select().where(
            (Return.action == self.action_id)
            & (Return.period == self.period_id)
            & (Return.subdivision.is_null(True))
        )
        if getattr(database, "for_update", False):
            query = query.for_update()
        found: Return | None = query.first()
        return found

    def _target(self, previous: ProgressState) -> ProgressState:
        """What to store: this write, merged with what is stored now when a version was read."""
        wanted = ProgressState(self.description, self.status, self.links)
        if self.expected is None:
            return wanted
        merged, clashes = merge_fields(self.expected.fields(), wanted.fields(), previous.fields())
        target = ProgressState(**merged)
        if clashes:
            raise ProgressConflict(self.action_id, self.period_id, clashes, target, previous)
        return target

    def apply(self) -> ChangeSet:
        """Validate, keep the previous entry for the inverse and write, in one transaction."""
        self._validate()
        with database.atomic():
            _check_place(self.action_id, self.period_id)
            kind = plan_kind(Period.get_by_id(self.period_id).plan_id)
            row = self._row()
            previous = action_progress(self.action_id, self.period_id).state
            target = self._target(previous)
            if not (target.description or target.status or target.links):
                if row is not None:
                    row.delete_instance()  # its links go with it (ON DELETE CASCADE)
            else:
                meaning = kind.parse_status(target.status).meaning
                if row is None:
                    row = self._create(target, meaning.value if meaning else "")
                else:
                    row.description = target.description
                    row.status = target.status
                    row.status_meaning = meaning.value if meaning else ""
                    row.updated_at = dt.datetime.now().replace(microsecond=0)
                    row.save()
                ReturnLink.delete().where(ReturnLink.ret == row.id).execute()
                if target.links:
                    ReturnLink.insert_many(
                        [
                            {"ret": row.id, "position": index, "text": link.text, "url": link.url}
                            for index, link in enumerate(target.links, start=1)
                        ]
                    ).execute()
        # the undo expects what this write left, so it does not overwrite what somebody saves after it
        inverse = SaveProgress(
            self.action_id,
            self.period_id,
            previous.description,
            previous.status,
            previous.links,
            None if self.expected is None else target,
        )
        return ChangeSet(
            actions=frozenset({self.action_id}),
            inverse=inverse,
            focus=Focus(self.period_id, self.action_id, -1),
        )

    def _create(self, target: ProgressState, meaning: str) -> Return:
        fields = {
            "action": self.action_id,
            "subdivision": None,
            "period": self.period_id,
            "description": target.description,
            "status": target.status,
            "status_meaning": meaning,
        }
        if not getattr(database, "for_update", False):
            return Return.create(**fields)
        # On a server another person may create the entry at the same moment: ON CONFLICT DO NOTHING turns
        # that into a serialisation failure, and the whole write is run again (``retrying``).
        Return.insert(**fields).on_conflict_ignore().execute()
        created = self._row()
        assert created is not None
        return created
