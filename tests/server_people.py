"""A server database for the tests of several people: the demo, set up by ``server-setup``, with a person of
every role (roles belong to the whole test cluster, so they are dropped again afterwards)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from balti_monitor.cli import main
from balti_monitor.db.connection import close_database

#: name → (role, subdivision code)
PEOPLE: dict[str, tuple[str, str | None]] = {
    "ana_ds": ("subdivision", "DS"),
    "ion_dru": ("subdivision", "DRU"),
    "vera": ("viewer", None),
    "sef": ("specialist", None),
}
#: further names the tests add themselves (dropped at the end too)
EXTRA = ("maria",)


def people_server(pg_templates: dict[str, str]) -> Iterator[Any]:
    """The cluster, with ``dbname`` the database made for the test and ``url_of(user)`` its URL as a person."""
    from tests.conftest import _pg_template, _server

    cluster: Any = _server()
    name = cluster.new_database(_pg_template("demo", pg_templates))
    url = cluster.url(name)
    assert main(["--db", url, "server-setup"]) == 0
    for person, (role, code) in PEOPLE.items():
        args = ["server-user", "add", person, "--role", role, "--no-password"]
        assert main(["--db", url, *args, *(["--subdivision", code] if code else [])]) == 0
    cluster.dbname = name
    cluster.url_of = lambda user="balti": cluster.url(name, user=user)
    try:
        yield cluster
    finally:
        close_database()
        cluster.drop_database(name)
        for person in (*PEOPLE, *EXTRA):
            cluster.execute(f'DROP ROLE IF EXISTS "{person}"')


def connect(cluster: Any, user: str) -> Any:
    """A raw psycopg connection as ``user`` (the test cluster trusts local connections), autocommit."""
    import psycopg

    return psycopg.connect(cluster.conninfo(cluster.dbname, user=user), autocommit=True)
