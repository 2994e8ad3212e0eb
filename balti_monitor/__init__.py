"""Bălți Monitor: monitoring of the Bălți local anticorruption plan (PLA 2023-2027).

The package is split into a Qt-free core (``domain``, ``db``, ``services``, ``export``, ``interchange``)
and the desktop GUI (``gui``). ``cli`` exposes the core on the command line.
"""

# The single source of the version: pyproject.toml reads it from here (``[tool.setuptools.dynamic]``),
# so start-up does not pay for importlib.metadata.
__version__ = "0.1.0"

APP_NAME = "Bălți Monitor"


def _keep_database_drivers_out_of_peewee() -> None:
    """Keep peewee from importing the PostgreSQL driver when peewee itself is imported.

    peewee imports ``psycopg`` (and ``psycopg2``) at its own import whenever they are installed — 85 ms of
    every start of the window and of every command, for a driver only a server connection uses. A finder
    refuses those imports when, and only when, they come from peewee's module body; the server connection
    (:func:`balti_monitor.db.pg_driver.driver`) imports psycopg itself and hands it to peewee then. Any
    other ``import psycopg`` (a test, a tool) is untouched.
    """
    import importlib.abc
    import sys

    class _NotForPeewee(importlib.abc.MetaPathFinder):
        DRIVERS = frozenset({"psycopg", "psycopg2", "psycopg2cffi"})

        def find_spec(self, name: str, path: object = None, target: object = None) -> None:
            if name in self.DRIVERS:
                frame = sys._getframe(1)
                while frame is not None:
                    if frame.f_globals.get("__name__") == "peewee" and frame.f_code.co_name == "<module>":
                        raise ImportError(f"{name} is imported when a server is opened, not with peewee")
                    frame = frame.f_back  # type: ignore[assignment]
            return None

    if "peewee" not in sys.modules and not any(type(f).__name__ == "_NotForPeewee" for f in sys.meta_path):
        sys.meta_path.insert(0, _NotForPeewee())


_keep_database_drivers_out_of_peewee()
