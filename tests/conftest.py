"""Shared fixtures: temporary databases (empty, with the plan, with the demo) and an isolated user folder."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real user's data folder."""
    monkeypatch.setenv("BALTI_MONITOR_HOME", str(tmp_path_factory.mktemp("home")))


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database file with the bundled plan and the S1-2023 demo, built once per test session."""
    from balti_monitor.db.connection import close_database, open_database
    from balti_monitor.services.bundled import load_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    open_database(path)
    load_demo()
    close_database()
    return path


@pytest.fixture
def empty_db(tmp_path: Path) -> Iterator[Path]:
    """An open, empty database (schema only)."""
    from balti_monitor.db.connection import close_database, open_database

    path = tmp_path / "empty.sqlite"
    open_database(path)
    yield path
    close_database()


@pytest.fixture
def plan_db(empty_db: Path) -> Path:
    """An open database with the bundled plan and subdivisions."""
    from balti_monitor.services.bundled import ensure_bundled_plan

    ensure_bundled_plan()
    return empty_db


@pytest.fixture
def demo_db(demo_file: Path, tmp_path: Path) -> Iterator[Path]:
    """An open private copy of the demo database."""
    from balti_monitor.db.connection import close_database, open_database

    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_file, path)
    open_database(path)
    yield path
    close_database()


# ----------------------------------------------------------------------------------------------------------
# Both engines: the SQLite file and a PostgreSQL server (tests/pg_cluster.py starts a throwaway cluster).
# A test that takes ``engine_db`` / ``engine_plan_db`` / ``engine_demo_db`` runs once per engine and gets the
# ``--db`` value (a file path or a ``postgresql://`` URL) of an open database. Without a server the
# PostgreSQL half skips with the reason; in CI (CI=true) or with BALTI_PG_TESTS=1 it fails instead.

ENGINES = ("sqlite", "postgresql")


def _server() -> object:
    import pg_cluster

    try:
        return pg_cluster.cluster()
    except pg_cluster.Unavailable as exc:
        if pg_cluster.required():
            pytest.fail(f"PostgreSQL is required here (CI / BALTI_PG_TESTS=1) but cannot start: {exc}")
        pytest.skip(f"no PostgreSQL server for the tests: {exc}")


@pytest.fixture
def pg_server() -> object:
    """The session's throwaway cluster, for tests about the server alone (they run once, with no SQLite
    twin; skipped with the reason without a server outside CI, failed in CI)."""
    return _server()


@pytest.fixture(scope="session")
def pg_templates() -> dict[str, str]:
    """Names of template databases of the session's cluster (built on first use): ``empty``, ``demo``."""
    return {}


def _pg_template(kind: str, templates: dict[str, str]) -> str:
    from balti_monitor.db.connection import close_database, open_database

    cluster = _server()
    if kind not in templates:
        name = cluster.new_database()  # type: ignore[attr-defined]
        open_database(cluster.url(name))  # type: ignore[attr-defined]
        _fill(kind)
        close_database()
        templates[kind] = name
    return templates[kind]


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    """The engine of this run of the test: "sqlite" or "postgresql" (skipped/failed without a server)."""
    if request.param == "postgresql":
        _server()
    return str(request.param)


def _fill(kind: str) -> None:
    """Give the open database its contents: ``empty`` (schema only), ``plan`` or ``demo``."""
    if kind == "plan":
        from balti_monitor.services.bundled import ensure_bundled_plan

        ensure_bundled_plan()
    elif kind == "demo":
        from balti_monitor.services.bundled import load_demo

        load_demo()


#: kind -> a closed file of that kind, built once per test process and copied for each test (the file twin
#: of the server's template databases: loading the demo for every test cost a third of a second)
_FILE_TEMPLATES: dict[str, Path] = {}


def _file_template(kind: str, folder: Path) -> Path:
    from balti_monitor.db.connection import close_database, open_database

    if kind not in _FILE_TEMPLATES or not _FILE_TEMPLATES[kind].exists():
        folder.mkdir(exist_ok=True)
        path = folder / f"sablon-{kind}.sqlite"
        open_database(path)
        _fill(kind)
        close_database()
        _FILE_TEMPLATES[kind] = path
    return _FILE_TEMPLATES[kind]


def _engine_target(engine: str, kind: str, tmp_path: Path, templates: dict[str, str]) -> Iterator[str]:
    from balti_monitor.db.connection import close_database, open_database

    if engine == "sqlite":
        path = tmp_path / f"{kind}.sqlite"
        shutil.copyfile(
            _file_template(kind, tmp_path.parent / "sabloane"), path
        )  # this process's base folder
        open_database(path)
        yield str(path)
        close_database()
        return
    cluster = _server()
    name = cluster.new_database(_pg_template(kind, templates))  # type: ignore[attr-defined]
    url = cluster.url(name)  # type: ignore[attr-defined]
    open_database(url)
    try:
        yield url
    finally:
        close_database()
        cluster.drop_database(name)  # type: ignore[attr-defined]


@pytest.fixture
def engine_db(engine: str, tmp_path: Path, pg_templates: dict[str, str]) -> Iterator[str]:
    """An open, empty database of each engine (schema only); the ``--db`` value."""
    yield from _engine_target(engine, "empty", tmp_path, pg_templates)


@pytest.fixture
def engine_plan_db(engine: str, tmp_path: Path, pg_templates: dict[str, str]) -> Iterator[str]:
    """An open database of each engine with the bundled plan and subdivisions."""
    yield from _engine_target(engine, "plan", tmp_path, pg_templates)


@pytest.fixture
def engine_demo_db(engine: str, tmp_path: Path, pg_templates: dict[str, str]) -> Iterator[str]:
    """An open database of each engine with the bundled plan and the S1-2023 demo."""
    yield from _engine_target(engine, "demo", tmp_path, pg_templates)


@pytest.fixture
def fresh_target(engine: str, tmp_path: Path) -> Iterator[object]:
    """A factory of new, empty databases of the test's engine (a file path or a server URL), not opened."""
    made: list[str] = []
    counter = iter(range(1, 1000))

    def make() -> str:
        if engine == "sqlite":
            return str(tmp_path / f"nou-{next(counter)}.sqlite")
        cluster = _server()
        name = cluster.new_database()  # type: ignore[attr-defined]
        made.append(name)
        return str(cluster.url(name))  # type: ignore[attr-defined]

    yield make
    if made:
        cluster = _server()
        for name in made:
            cluster.drop_database(name)  # type: ignore[attr-defined]


#: Modules whose PostgreSQL runs are part of the default (quick) run; the PostgreSQL runs of the other
#: modules' tests are marked ``slow`` (the default run stays under its 3 minutes; CI runs them all).
PG_IN_DEFAULT_RUN = frozenset(
    {
        "test_postgres_engine",
        "test_editing",
        "test_search",
        "test_cell_conflicts",  # two people on one grid: the point of a server
        "test_plan_rows",  # deleting a plan item and its undo on a server (a few seconds)
        "test_text_conflicts",  # two people on one text (progress, report, manual Total)
    }
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark the PostgreSQL runs of the heavier modules ``slow`` (see :data:`PG_IN_DEFAULT_RUN`)."""
    for item in items:
        callspec = getattr(item, "callspec", None)
        if callspec is None or callspec.params.get("engine") != "postgresql":
            continue
        if item.module is not None and item.module.__name__.rsplit(".", 1)[-1] not in PG_IN_DEFAULT_RUN:
            item.add_marker(pytest.mark.slow)
