"""Listening to the server's change notifications (``LISTEN``), on a connection of its own.

The triggers of :mod:`balti_monitor.db.pg_security` send, on every change of a return, a value or a Total
override, a notification naming the period and the action whose grid changed. A window keeps one
:class:`Listener`: its :meth:`~Listener.fileno` becomes readable when a notification arrives (the GUI watches
it with a ``QSocketNotifier``), :meth:`~Listener.take` returns what arrived without waiting. Notifications
sent by the program's own connection (the same server process id) are left out: the window already shows
its own edits.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from balti_monitor.db.pg_security import CHANNEL


@dataclass(frozen=True, slots=True)
class GridChange:
    """A grid somebody else changed: the period and the action (and the table written)."""

    period_id: int
    action_id: int
    table: str


class Listener:
    """A connection that listens to :data:`CHANNEL` (autocommit, used only for that)."""

    def __init__(self, url: str, own_pids: set[int]) -> None:
        import psycopg

        self._conn: Any = psycopg.connect(url, autocommit=True)
        self._conn.execute(f"LISTEN {CHANNEL}")
        self._own = own_pids

    def fileno(self) -> int:
        """The socket to watch: readable when a notification may have arrived."""
        return int(self._conn.fileno())

    def take(self) -> list[GridChange]:
        """The notifications that arrived (none: an empty list, at once), own ones left out, each grid once;
        a lost connection raises (the caller stops listening)."""
        found: dict[tuple[int, int], GridChange] = {}
        notes = list(self._conn.notifies(timeout=0))
        if not notes:
            # readable without a notification: perhaps the server closed the connection (raises then)
            self._conn.execute("SELECT 1")
        for note in notes:
            if note.pid in self._own:
                continue
            try:
                data = json.loads(note.payload)
                change = GridChange(int(data["period"]), int(data["action"]), str(data.get("table", "")))
            except (ValueError, KeyError, TypeError):
                continue  # not one of ours
            found.setdefault((change.period_id, change.action_id), change)
        return list(found.values())

    def close(self) -> None:
        """Stop listening."""
        self._conn.close()
