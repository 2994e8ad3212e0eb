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
