"""Setting up a PostgreSQL server for several people: the program's schema, the roles ``specialist`` /
``subdivision`` / ``viewer`` and the row-level security that makes the server itself refuse what a person
may not do (:mod:`balti_monitor.db.pg_security`); adding, listing and removing people; and who the person
connected now is (:func:`current_access`, which the application uses to offer only what may be edited).

Passwords: a person's password is hashed on this computer (SCRAM-SHA-256, by libpq) before it is sent; the
server keeps only the hash and the program keeps nothing. Logging in, libpq finds the password itself
(``.pgpass``, a service file, ``PGPASSWORD``) or asks for it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import peewee as pw

from balti_monitor.db.models import Subdivision, database
from balti_monitor.db.pg_security import ROLES, SCHEMA, member_statements, setup_statements, valid_name
from balti_monitor.i18n import N_, _
from balti_monitor.services.errors import ServiceError

#: The roles as the user reads them (translated where shown: :func:`role_name`).
ROLE_NAMES = {
    "specialist": N_("specialist (poate modifica totul)"),
    "subdivision": N_("subdiviziune (doar returul propriu, în perioadele nesemnate)"),
    "viewer": N_("cititor (doar citire)"),
}


def role_name(role: str) -> str:
    """A role as the user reads it, in the interface language (an unknown role: its own name)."""
    known = ROLE_NAMES.get(role)
    return role if known is None else _(known)


def on_server() -> bool:
    """Whether the open database is a PostgreSQL server (else the SQLite file)."""
    return isinstance(getattr(database, "obj", database), pw.PostgresqlDatabase)


def _require_server() -> None:
    if not on_server():
        raise ServiceError(
            _(
                "Comanda aceasta este pentru un server PostgreSQL (--db postgresql://utilizator@server/baza); "
                "un fișier SQLite îl folosește o singură persoană odată și nu are utilizatori."
            )
        )


def _execute(sql: str, params: tuple[Any, ...] | None = None) -> Any:
    return database.execute_sql(sql, params)  # type: ignore[no-untyped-call]


def _run_plain(statements: list[str]) -> None:
    """Run statements without parameters (their ``%`` and ``$$`` are the server's, never placeholders)."""
    conn = database.connection()  # type: ignore[no-untyped-call]
    with conn.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def setup_sql() -> list[str]:
    """The statements :func:`setup_security` runs (what ``server-setup --dry-run`` prints)."""
    return setup_statements()


@dataclass(frozen=True, slots=True)
class SetupReport:
    """What :func:`setup_security` did."""

    statements: int
    roles_created: tuple[str, ...]


def setup_security() -> SetupReport:
    """Roles, privileges, row-level security and notifications on the open server, in one transaction (all
    or nothing; run again after an upgrade of the program: nothing changes when all is in place)."""
    _require_server()
    statements = setup_sql()
    try:
        with database.atomic():
            existing = {
                str(r[0])
                for r in _execute(
                    "SELECT rolname FROM pg_roles WHERE rolname = ANY(%s)", (list(ROLES),)
                ).fetchall()
            }
            _run_plain(statements)
    except Exception as exc:
        if _is_privilege_error(exc):
            raise ServiceError(
                _(
                    "Configurarea serverului cere un utilizator care deține tabelele și poate crea roluri "
                    "(administratorul bazei de date): {reason}. Nu s-a modificat nimic."
                ).format(reason=_server_message(exc))
            ) from exc
        raise
    return SetupReport(len(statements), tuple(r for r in ROLES if r not in existing))


@dataclass(frozen=True, slots=True)
class Person:
    """A person who may log in: name, role, and for a clerk the subdivision's code."""

    name: str
    role: str
    subdivision: str


def check_person(name: str, role: str, subdivision_code: str | None) -> int | None:
    """Refuse (Romanian) a person who cannot be added, before a password is asked; the subdivision id of a
    clerk."""
    _require_server()
    if not valid_name(name):
        raise ServiceError(
            _(
                "Numele „{name}” nu poate fi folosit: litere latine fără diacritice, cifre și _ . - "
                "(cel mult 63), altul decât {roles}."
            ).format(name=name, roles=", ".join(ROLES))
        )
    if role not in ROLES:
        raise ServiceError(
            _("Rol necunoscut „{role}”; rolurile sunt: {roles}.").format(role=role, roles=", ".join(ROLES))
        )
    subdivision_id: int | None = None
    if role == "subdivision":
        if not subdivision_code:
            raise ServiceError(_("Pentru rolul subdivision spuneți subdiviziunea (--subdivision COD)."))
        found = Subdivision.get_or_none(Subdivision.code == subdivision_code.strip())
        if found is None:
            raise ServiceError(_("Subdiviziunea „{code}” nu există.").format(code=subdivision_code))
        subdivision_id = int(found.id)
    elif subdivision_code:
        raise ServiceError(_("Doar rolul subdivision are o subdiviziune."))
    if _execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone() is not None:
        raise ServiceError(_("Utilizatorul „{name}” există deja pe server.").format(name=name))
    return subdivision_id


def add_person(name: str, role: str, subdivision_code: str | None, password: str | None) -> Person:
    """Create a login for a person in ``role`` (a clerk answers for ``subdivision_code``); ``password`` is
    hashed here and only its hash reaches the server (None: no password, e.g. when the server
    authenticates otherwise). Refusals change nothing."""
    subdivision_id = check_person(name, role, subdivision_code)
    hashed = None if password is None else _scram(name, password)
    try:
        with database.atomic():
            _run_plain(member_statements(name, role, subdivision_id, hashed))
    except Exception as exc:
        if _is_privilege_error(exc):
            raise ServiceError(
                _("Doar administratorul serverului poate adăuga utilizatori: {reason}.").format(
                    reason=_server_message(exc)
                )
            ) from exc
        raise
    return Person(name, role, subdivision_code.strip() if subdivision_code else "")


def _scram(name: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of the password, computed by libpq on this computer."""
    conn = database.connection()  # type: ignore[no-untyped-call]
    hashed = conn.pgconn.encrypt_password(password.encode(), name.encode(), b"scram-sha-256")
    return bytes(hashed).decode("ascii")


def people() -> list[Person]:
    """Everybody who may log in with one of the program's roles, by name."""
    _require_server()
    rows = _execute(
        "SELECT m.rolname, g.rolname, coalesce(s.code, '') FROM pg_auth_members am "
        "JOIN pg_roles g ON g.oid = am.roleid JOIN pg_roles m ON m.oid = am.member "
        f"LEFT JOIN {SCHEMA}.member b ON b.role_name = m.rolname "
        "LEFT JOIN subdivision s ON s.id = b.subdivision_id "
        "WHERE g.rolname = ANY(%s) ORDER BY m.rolname",
        (list(ROLES),),
    ).fetchall()
    return [Person(str(a), str(b), str(c)) for a, b, c in rows]


def remove_person(name: str) -> None:
    """Remove a person's login (their past changes stay in the change log under their name)."""
    _require_server()
    if name not in {p.name for p in people()}:
        raise ServiceError(_("Utilizatorul „{name}” nu este unul al programului.").format(name=name))
    try:
        with database.atomic():
            _execute(f"DELETE FROM {SCHEMA}.member WHERE role_name = %s", (name,))
            _execute(f'DROP ROLE "{name}"')
    except Exception as exc:
        if _is_privilege_error(exc):
            raise ServiceError(
                _("Doar administratorul serverului poate șterge utilizatori: {reason}.").format(
                    reason=_server_message(exc)
                )
            ) from exc
        raise


# --------------------------------------------------------------------------------------------------------
# Who is connected


@dataclass(frozen=True, slots=True)
class Access:
    """What the person connected may change: ``role`` is ``file`` for a SQLite file (everything),
    ``specialist``, ``subdivision`` (only ``subdivision_id``'s rows, in periods not signed) or ``viewer``."""

    role: str
    user: str = ""
    subdivision_id: int | None = None

    @property
    def read_only(self) -> bool:
        """Nothing may be changed."""
        return self.role == "viewer" or (self.role == "subdivision" and self.subdivision_id is None)

    @property
    def everything(self) -> bool:
        """Everything may be changed (the plan, subdivisions, periods, every return)."""
        return self.role in ("file", "specialist")

    def may_edit_row(self, subdivision_id: int) -> bool:
        """Whether this subdivision's row of a grid may be edited."""
        if self.everything:
            return True
        return self.role == "subdivision" and subdivision_id == self.subdivision_id

    def describe(self) -> str:
        """One line for the status bar."""
        if self.role == "file":
            return ""
        if self.role == "specialist":
            return _("{user}: specialist").format(user=self.user)
        if self.role == "viewer":
            return _("{user}: doar citire").format(user=self.user)
        return _("{user}: doar returul subdiviziunii proprii").format(user=self.user)


FILE_ACCESS = Access("file")


def current_access() -> Access:
    """What the person connected to the open database may change (a SQLite file: everything)."""
    if not on_server():
        return FILE_ACCESS
    user, superuser, owner, specialist, clerk = _execute(
        "SELECT current_user, r.rolsuper, "
        "pg_has_role(current_user, (SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() "
        "AND tablename = 'value'), 'MEMBER'), "
        "EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'specialist') "
        "AND pg_has_role(current_user, 'specialist', 'MEMBER'), "
        "EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'subdivision') "
        "AND pg_has_role(current_user, 'subdivision', 'MEMBER') "
        "FROM pg_roles r WHERE r.rolname = current_user"
    ).fetchone()
    if superuser or owner or specialist:
        return Access("specialist", str(user))
    if clerk:
        row = _execute(f"SELECT {SCHEMA}.my_subdivision()").fetchone()
        return Access("subdivision", str(user), None if row is None or row[0] is None else int(row[0]))
    return Access("viewer", str(user))


# --------------------------------------------------------------------------------------------------------
# The server's refusals in Romanian


def _server_message(exc: BaseException) -> str:
    for cause in _chain(exc):
        diag = getattr(cause, "diag", None)
        primary = getattr(diag, "message_primary", None)
        if primary:
            return str(primary)
    return str(exc).strip()


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen = 0
    current: BaseException | None = exc
    while current is not None and seen < 10:
        yield current
        inner = current.args[0] if current.args and isinstance(current.args[0], BaseException) else None
        current = inner or current.__cause__ or current.__context__
        seen += 1


def _is_privilege_error(exc: BaseException) -> bool:
    """A refusal of the server for lack of a privilege (SQLSTATE 42501) or of row-level security."""
    return any(getattr(c, "sqlstate", None) == "42501" for c in _chain(exc))
