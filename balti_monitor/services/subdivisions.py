"""Subdivisions and the alias table: finding a subdivision however its name is written."""

from __future__ import annotations

import re

from balti_monitor.db.models import Subdivision, SubdivisionAlias, database
from balti_monitor.domain.text import fold_key
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
        raise ServiceError("Denumirea alternativă este goală.")
    problem = text_problem(alias)
    if problem:
        raise ServiceError(problem)
    existing = match_subdivision(alias)
    if existing is not None and existing.id != subdivision_id:
        raise ServiceError(f"„{alias}” denumește deja subdiviziunea „{existing.name}”.")
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
    subdivision_id: int | None, code: str, name: str, aliases: list[str] | None = None, active: bool = True
) -> tuple[int, ChangeSet]:
    """Create or update a subdivision (name, abbreviation, aliases) in one transaction."""
    code = code.strip()
    name = name.strip()
    if not code or not name:
        raise ServiceError("Completați denumirea și abrevierea subdiviziunii.")
    for text in (code, name, *(aliases or [])):
        problem = text_problem(text)
        if problem:
            raise ServiceError(problem)
    with database.atomic():
        clash = Subdivision.get_or_none(
            (Subdivision.code == code) & (Subdivision.id != (subdivision_id or 0))
        )
        if clash is not None:
            raise ServiceError(f"Abrevierea „{code}” este folosită deja de „{clash.name}”.")
        same_name = match_subdivision(name)
        if same_name is not None and same_name.id != subdivision_id:
            raise ServiceError(f"Denumirea „{name}” aparține deja subdiviziunii „{same_name.name}”.")
        if subdivision_id is None:
            position = (Subdivision.select().count() or 0) + 1
            sub = Subdivision.create(code=code, name=name, position=position, active=active)
        else:
            sub = Subdivision.get_by_id(subdivision_id)
            sub.code, sub.name, sub.active = code, name, active
            sub.save()
        if aliases is not None:
            SubdivisionAlias.delete().where(SubdivisionAlias.subdivision == sub.id).execute()
            for alias in aliases:
                if alias.strip():
                    add_alias(sub.id, alias)
    return sub.id, ChangeSet(subdivisions=True, plan_structure=True)
