"""The one exception services raise for user-facing refusals, and the storage error the views catch.

:class:`DatabaseError` (a file that cannot be opened as ours) is defined by the ``db`` layer and re-exported
here: the GUI never imports ``db``.
"""

from __future__ import annotations

from balti_monitor.db.connection import DatabaseError

__all__ = ["DatabaseError", "ServiceError"]


class ServiceError(Exception):
    """An operation refused; ``str(exc)`` is a Romanian message for the user. Nothing was changed."""
