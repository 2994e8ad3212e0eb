"""Several people on one server saving the same text: a write carries what the person read (its
``expected`` state); inside the write's transaction it is compared field by field with what is stored now.

A field the write did not change takes what is stored now (another person's change to another field is
kept); a field both changed to different texts is a clash, and the write is refused with both values
(:class:`EditConflict`), nothing written. The cells of the per-subdivision grid have their own, older form
of the same rule (``services.editing.SetCells``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from balti_monitor.services.errors import ServiceError


@dataclass(frozen=True, slots=True)
class FieldClash:
    """One field another person changed since it was read: what was read, what this write wanted, what is
    stored now."""

    field: str
    read: Any
    mine: Any
    theirs: Any


def merge_fields(
    read: Mapping[str, Any], mine: Mapping[str, Any], now: Mapping[str, Any]
) -> tuple[dict[str, Any], tuple[FieldClash, ...]]:
    """Three-way merge of a record: the fields to write and the clashes (fields changed here and there to
    different values; in the result they hold this write's value)."""
    merged: dict[str, Any] = {}
    clashes: list[FieldClash] = []
    for name, wanted in mine.items():
        before, stored = read[name], now[name]
        if wanted == before:
            merged[name] = stored  # not changed by this write: whatever is stored now stays
        else:
            merged[name] = wanted
            if stored != before and stored != wanted:
                clashes.append(FieldClash(name, before, wanted, stored))
    return merged, tuple(clashes)


class EditConflict(ServiceError):
    """A text changed by another person since it was read: nothing was written.

    ``clashes`` names each field with both values; ``period_id`` is the period written into. Subclasses
    say which write it was and how to save it again over what is stored now ("keep mine")."""

    def __init__(self, message: str, period_id: int, clashes: tuple[FieldClash, ...]) -> None:
        super().__init__(message)
        self.period_id = period_id
        self.clashes = clashes
