"""The one exception services raise for user-facing refusals."""

from __future__ import annotations


class ServiceError(Exception):
    """An operation refused; ``str(exc)`` is a Romanian message for the user. Nothing was changed."""
