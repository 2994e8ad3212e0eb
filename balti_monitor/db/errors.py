"""The refusal of a database file (:class:`DatabaseError`) and the sentence every such refusal ends with.

Apart from :mod:`balti_monitor.db.connection` because every module of the file's life raises it: the
header check (:mod:`~balti_monitor.db.file_header`), the integrity and schema check
(:mod:`~balti_monitor.db.integrity`), the backup copy (:mod:`~balti_monitor.db.sqlite_file`), the
migration runner (:mod:`~balti_monitor.db.migrations`), the server (:mod:`~balti_monitor.db.postgres`) and
the opening itself; here it sits below all of them, so none imports another only for the class.
"""

from __future__ import annotations

from balti_monitor.errors import BaltiMonitorError
from balti_monitor.i18n import N_


class DatabaseError(BaltiMonitorError):
    """A database file that cannot be opened as ours; the message is Romanian and says why.

    ``kind`` names the problem for callers that react differently (e.g. suggest an update for ``"newer"``):
    ``"missing"``, ``"empty"``, ``"not_sqlite"``, ``"truncated"``, ``"foreign"``, ``"newer"``,
    ``"damaged"``, ``"unreadable"`` or ``""`` (other).
    """

    def __init__(self, message: str, kind: str = "") -> None:
        super().__init__(message)
        self.kind = kind


#: The end of a refusal: nothing was written (translated where it is shown, ``_(UNCHANGED)``).
UNCHANGED = N_("Fișierul nu a fost modificat.")
