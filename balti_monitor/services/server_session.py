"""Working on a PostgreSQL server from the application: connecting (the password, when the server asks
for one, is kept in memory only and never written anywhere), what the person may change
(:func:`balti_monitor.services.server_setup.current_access`) and the notifications of the other people's
changes (:class:`ChangeFeed`)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from balti_monitor.db.models import database
from balti_monitor.services.errors import DatabaseError, ServiceError
from balti_monitor.services.server_setup import Access, current_access


@dataclass(frozen=True, slots=True)
class ServerAddress:
    """Where a server is: host (a name, an address or a socket folder), port, database, user; an empty
    field is left to libpq (its defaults, ``PG*`` variables, a ``service``)."""

    host: str = ""
    port: int = 5432
    database: str = ""
    user: str = ""
    service: str = ""

    def url(self, password: str | None = None) -> str:
        """The ``postgresql://`` URL (with the password only when given: it is then kept in memory only)."""
        user = quote(self.user, safe="")
        if password is not None:
            user += ":" + quote(password, safe="")
        query: dict[str, str] = {}
        host = self.host
        if host.startswith("/"):
            query["host"], host = host, ""
        if self.service:
            query["service"] = self.service
        netloc = (user + "@" if user else "") + host + (f":{self.port}" if host and self.port != 5432 else "")
        tail = "?" + "&".join(f"{k}={quote(v, safe='/')}" for k, v in query.items()) if query else ""
        return f"postgresql://{netloc}/{quote(self.database, safe='')}{tail}"

    def shown(self) -> str:
        """The address as the user reads it (never with a password)."""
        return self.url()

    @staticmethod
    def parse(url: str) -> ServerAddress:
        """An address from a ``postgresql://`` URL (its password, if any, is dropped)."""
        from urllib.parse import parse_qs, unquote

        parts = urlsplit(url)
        query = parse_qs(parts.query)
        host = query.get("host", [parts.hostname or ""])[0]
        return ServerAddress(
            host=host,
            port=parts.port or 5432,
            database=unquote(parts.path.lstrip("/")),
            user=unquote(parts.username or ""),
            service=query.get("service", [""])[0],
        )


def is_server_url(target: str) -> bool:
    """Whether ``target`` names a server (``postgresql://…``) rather than a file."""
    return target.startswith(("postgresql://", "postgres://"))


def needs_password(error: BaseException) -> bool:
    """Whether a refused connection asks for a password (none found in .pgpass, the service or PGPASSWORD)."""
    text = str(error).lower()
    return "password" in text and ("no password" in text or "authentication failed" in text)


def connect(url: str) -> Access:
    """Open the server as the database of the program (closing what was open); what the person may change.
    An empty or foreign database is refused (``server-setup`` creates the program's tables)."""
    from balti_monitor.db.connection import close_database, open_database

    close_database()
    try:
        open_database(url, create=False)
    except DatabaseError:
        raise
    except Exception as exc:  # pragma: no cover - the connection layer turns failures into DatabaseError
        raise ServiceError(str(exc)) from exc
    return current_access()


def disconnect() -> None:
    """Close the server connection."""
    from balti_monitor.db.connection import close_database

    close_database()


class ChangeFeed:
    """The other people's changes to the grids, as they happen (one listening connection)."""

    def __init__(self, url: str) -> None:
        from balti_monitor.db.pg_listen import Listener

        conn = database.connection()  # type: ignore[no-untyped-call]
        self._listener = Listener(url, {int(conn.info.backend_pid)})

    def fileno(self) -> int:
        """The socket to watch for readability."""
        return self._listener.fileno()

    def take(self) -> dict[int, frozenset[int]]:
        """period id → the actions whose grids the others changed since the last call (at once, no wait)."""
        found: dict[int, set[int]] = {}
        for change in self._listener.take():
            found.setdefault(change.period_id, set()).add(change.action_id)
        return {period: frozenset(actions) for period, actions in found.items()}

    def close(self) -> None:
        """Stop listening."""
        self._listener.close()
