"""Alphabetical order as the interface's language sorts (Qt's QCollator): Romanian puts Ă Â after A, Ș after S
and Ț after T (Python's ``sorted`` puts them after Z); Russian sorts Ё with Е. Used where the interface lists
names alphabetically for the user to pick from; the plan's own order (subdivision positions, action codes)
is kept where it means something.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from PySide6.QtCore import QCollator, QCollatorSortKey, Qt

from .translations import locale

T = TypeVar("T")


def collator() -> QCollator:
    """A case-insensitive collator of the interface's language, numbers compared as numbers ("2" < "10")."""
    found = QCollator(locale())
    found.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    found.setNumericMode(True)
    return found


def sorted_by_text(items: Iterable[T], text: Callable[[T], str]) -> list[T]:
    """``items`` in the alphabetical order of ``text(item)`` for the interface's language."""
    order = collator()
    keyed: list[tuple[QCollatorSortKey, T]] = [(order.sortKey(text(item)), item) for item in items]
    return [item for _key, item in sorted(keyed, key=_SortKey.of)]


class _SortKey:
    """``QCollatorSortKey`` ordered for ``sorted`` (it has ``compare`` but no ``<`` in every version)."""

    __slots__ = ("key",)

    def __init__(self, key: QCollatorSortKey) -> None:
        self.key = key

    @classmethod
    def of(cls, pair: tuple[QCollatorSortKey, object]) -> _SortKey:
        return cls(pair[0])

    def __lt__(self, other: _SortKey) -> bool:
        return self.key.compare(other.key) < 0
