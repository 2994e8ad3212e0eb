"""What a service call changed, so each view refreshes only that (Anki's "OpChanges")."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class ChangeSet:
    """Flags and ids of what an operation changed."""

    actions: frozenset[int] = field(default_factory=frozenset)  # grids/totals of these actions changed
    plan_structure: bool = False  # priorities, actions, indicators, responsibilities
    subdivisions: bool = False
    periods: bool = False
    narrative: bool = False

    def __or__(self, other: ChangeSet) -> ChangeSet:
        return ChangeSet(
            self.actions | other.actions,
            self.plan_structure or other.plan_structure,
            self.subdivisions or other.subdivisions,
            self.periods or other.periods,
            self.narrative or other.narrative,
        )

    @property
    def empty(self) -> bool:
        """True when nothing changed."""
        return not (
            self.actions or self.plan_structure or self.subdivisions or self.periods or self.narrative
        )

    @staticmethod
    def everything() -> ChangeSet:
        """Used after imports and restores: every view reloads."""
        return ChangeSet(frozenset(), True, True, True, True)
