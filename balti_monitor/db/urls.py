"""Whether a ``--db`` value names a PostgreSQL server or a file (no import of the server code: every command
and every start asks this)."""

from __future__ import annotations

SERVER_SCHEMES = ("postgresql://", "postgres://")


def is_server_url(target: object) -> bool:
    """Whether ``target`` (a ``--db`` value) names a PostgreSQL server rather than a file."""
    return isinstance(target, str) and target.startswith(SERVER_SCHEMES)
