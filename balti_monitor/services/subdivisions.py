"""Subdivisions and the alias table: finding a subdivision however its name is written."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from balti_monitor.db.models import Responsibility, Return, Subdivision, SubdivisionAlias, database
from balti_monitor.domain.text import fold_key
from balti_monitor.i18n import _
from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.values import text_problem

_GENITIVE = [
    (re.compile(r"^directiei generale\b"), "directia generala"),
    (re.compile(r"^directiei\b"), "directia"),
    (re.compile(r"^sectiei\b"), "sectia"),
    (re.compile(r"^serviciului\b"), "serviciul"),
]


def name_key(name: str) -> str:
    """The key names are matched on: folded, genitive forms of the leading noun made nominative."""
    key = fold_key(name)
    for pattern, replacement in _GENITIVE:
        key = pattern.sub(replacement, key)
    return key


def match_subdivision(name: str) -> Subdivision | None:
    """The subdivision a written name refers to (canonical name, code or any alias), or None."""
    key = name_key(name)
    if not key:
        return None
    for sub in Subdivision.select():
        if name_key(sub.name) == key or fold_key(sub.code) == key:
            return sub
    alias = SubdivisionAlias.get_or_none(SubdivisionAlias.key == key)
    return alias.subdivision if alias is not None else None


def list_subdivisions(active_only: bool = False) -> list[Subdivision]:
    """All subdivisions in display order."""
    query = Subdivision.select().order_by(Subdivision.position, Subdivision.name)
    if active_only:
        query = query.where(Subdivision.active == True)  # noqa: E712
    return list(query)


def aliases_of(subdivision_id: int) -> list[str]:
    """The aliases of one subdivision, as written."""
    return [a.name for a in SubdivisionAlias.select().where(SubdivisionAlias.subdivision == subdivision_id)]


def add_alias(subdivision_id: int, alias: str) -> ChangeSet:
    """Teach the alias table another spelling; refuses one that already means another subdivision."""
    alias = alias.strip()
    key = name_key(alias)
    if not key:
        raise ServiceError(_("Denumirea alternativă este goală."))
    problem = text_problem(alias)
    if problem:
        raise ServiceError(problem)
    existing = match_subdivision(alias)
    if existing is not None and existing.id != subdivision_id:
        raise ServiceError(
            _("„{alias}” denumește deja subdiviziunea „{name}”.").format(alias=alias, name=existing.name)
        )
    if existing is None:
        SubdivisionAlias.create(subdivision=subdivision_id, name=alias, key=key)
    return ChangeSet(subdivisions=True)


def remove_alias(subdivision_id: int, alias: str) -> ChangeSet:
    """Forget one spelling."""
    SubdivisionAlias.delete().where(
        (SubdivisionAlias.subdivision == subdivision_id) & (SubdivisionAlias.key == name_key(alias))
    ).execute()
    return ChangeSet(subdivisions=True)


def save_subdivision(
    subdivision_id: int | None,
    code: str,
    name: str,
    aliases: list[str] | None = None,
    active: bool = True,
    *,
    new_id: int | None = None,
    position: int | None = None,
    exact_aliases: bool = False,
) -> tuple[int, ChangeSet]:
    """Create or update a subdivision (name, abbreviation, aliases) in one transaction.

    A new subdivision goes last unless ``position`` is given; ``new_id`` re-creates one deleted by an undo
    under its former id. ``exact_aliases`` stores the aliases as given (an undo snapshot), even those that
    already match the subdivision by its name or abbreviation (the dialog does not add those).
    """
    code = code.strip()
    name = name.strip()
    if not code or not name:
        raise ServiceError(_("Completați denumirea și abrevierea subdiviziunii."))
    for text in (code, name, *(aliases or [])):
        problem = text_problem(text)
        if problem:
            raise ServiceError(problem)
    with database.atomic():
        clash = Subdivision.get_or_none(
            (Subdivision.code == code) & (Subdivision.id != (subdivision_id or 0))
        )
        if clash is not None:
            raise ServiceError(
                _("Abrevierea „{code}” este folosită deja de „{name}”.").format(code=code, name=clash.name)
            )
        same_name = match_subdivision(name)
        if same_name is not None and same_name.id != subdivision_id:
            raise ServiceError(
                _("Denumirea „{name}” aparține deja subdiviziunii „{name2}”.").format(
                    name=name, name2=same_name.name
                )
            )
        if subdivision_id is None:
            if position is None:
                position = (Subdivision.select().count() or 0) + 1
            ids = {} if new_id is None else {"id": new_id}
            sub = Subdivision.create(code=code, name=name, position=position, active=active, **ids)
        else:
            sub = Subdivision.get_by_id(subdivision_id)
            sub.code, sub.name, sub.active = code, name, active
            sub.save()
        if aliases is not None:
            SubdivisionAlias.delete().where(SubdivisionAlias.subdivision == sub.id).execute()
            for alias in aliases:
                if exact_aliases:
                    SubdivisionAlias.create(subdivision=sub.id, name=alias, key=name_key(alias))
                elif alias.strip():
                    add_alias(sub.id, alias)
    return sub.id, ChangeSet(subdivisions=True, plan_structure=True)


@dataclass(frozen=True, slots=True)
class SubdivisionState:
    """Everything the subdivision dialog edits about one subdivision."""

    code: str
    name: str
    aliases: tuple[str, ...]
    active: bool


def subdivision_state(subdivision_id: int) -> SubdivisionState:
    """The current state of one subdivision (for the dialog and for undo)."""
    sub = Subdivision.get_or_none(Subdivision.id == subdivision_id)
    if sub is None:
        raise ServiceError(_("Subdiviziunea nu există."))
    return SubdivisionState(sub.code, sub.name, tuple(aliases_of(subdivision_id)), sub.active)


def subdivision_in_use(subdivision_id: int) -> bool:
    """Whether a subdivision answers for an action or has any return."""
    return bool(
        Responsibility.select().where(Responsibility.subdivision == subdivision_id).exists()
        or Return.select().where(Return.subdivision == subdivision_id).exists()
    )


def delete_unused_subdivision(subdivision_id: int) -> ChangeSet:
    """Delete a subdivision that no action and no return refers to (the undo of creating it)."""
    if subdivision_in_use(subdivision_id):
        raise ServiceError(
            _(
                "Subdiviziunea este folosită (responsabilă de acțiuni sau cu informații prezentate) și nu poate fi ștearsă; o puteți marca inactivă."
            )
        )
    Subdivision.delete().where(Subdivision.id == subdivision_id).execute()
    return ChangeSet(subdivisions=True, plan_structure=True)


@dataclass(frozen=True, slots=True)
class SaveSubdivision:
    """Create a subdivision (``subdivision_id`` None) or bring one to ``state`` (the subdivision dialog).

    ``recreate`` with an id and a ``position``: create it under that id (the undo of deleting it).
    ``exact``: the state is an undo snapshot, its aliases are stored as they were.
    """

    subdivision_id: int | None
    state: SubdivisionState
    recreate: bool = False
    position: int | None = None
    exact: bool = False

    @property
    def show_first(self) -> None:
        """Subdivisions hold for every period."""
        return None

    def apply(self) -> ChangeSet:
        """Save; the inverse deletes a created subdivision, or brings back the previous state."""
        state = self.state
        with database.atomic():
            if self.subdivision_id is None or self.recreate:
                new_id, changes = save_subdivision(
                    None,
                    state.code,
                    state.name,
                    list(state.aliases),
                    state.active,
                    new_id=self.subdivision_id,
                    position=self.position,
                    exact_aliases=self.exact,
                )
                return replace(changes, inverse=DeleteSubdivision(new_id), new_id=new_id)
            previous = subdivision_state(self.subdivision_id)
            sid, changes = save_subdivision(
                self.subdivision_id,
                state.code,
                state.name,
                list(state.aliases),
                state.active,
                exact_aliases=self.exact,
            )
        return replace(changes, inverse=SaveSubdivision(sid, previous, exact=True), new_id=sid)


@dataclass(frozen=True, slots=True)
class DeleteSubdivision:
    """Delete a subdivision nothing refers to (the undo of creating it)."""

    subdivision_id: int

    @property
    def show_first(self) -> None:
        """Subdivisions hold for every period."""
        return None

    def apply(self) -> ChangeSet:
        """Delete it (refused when it is in use); the inverse re-creates it under the same id and place."""
        with database.atomic():
            state = subdivision_state(self.subdivision_id)
            position = Subdivision.get_by_id(self.subdivision_id).position
            SubdivisionAlias.delete().where(SubdivisionAlias.subdivision == self.subdivision_id).execute()
            changes = delete_unused_subdivision(self.subdivision_id)
        return replace(
            changes,
            inverse=SaveSubdivision(self.subdivision_id, state, recreate=True, position=position, exact=True),
        )
