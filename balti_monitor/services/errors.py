"""The one exception services raise for user-facing refusals, and the storage error the views catch.

:class:`DatabaseError` (a file that cannot be opened as ours) is defined by the ``db`` layer and re-exported
here: the GUI never imports ``db``.
"""

from __future__ import annotations

from balti_monitor.db.errors import DatabaseError
from balti_monitor.errors import BaltiMonitorError

__all__ = ["BaltiMonitorError", "DatabaseError", "ServiceError"]


class ServiceError(BaltiMonitorError):
    """An operation refused; ``str(exc)`` is a Romanian message for the user. Nothing was changed."""
