"""The one base of every refusal the program explains to its user.

``str(exc)`` of a :class:`BaltiMonitorError` is a Romanian message for the user, and the operation that
raised it changed nothing. Each layer raises its own kind (``ServiceError``, ``DatabaseError``,
``InterchangeError``, ``ExportError``, ``CommandError``); the command line (``cli.common.run_guarded``) and
the desktop application (``gui.app``'s exception hook, and the undo commands) catch this base, so a new
kind of refusal is reported like the others without touching them.
"""

from __future__ import annotations


class BaltiMonitorError(Exception):
    """A refusal with a Romanian message for the user; nothing was changed."""
