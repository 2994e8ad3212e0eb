"""One writer per file: a second instance is refused with a clear message; a lock left by a crash is
taken over automatically; a live lock of another computer is respected until its heartbeat goes stale."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from balti_monitor.db.models import Return
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.lock import DatabaseLock, acquire_lock, lock_path_for, read_lock_info
from balti_monitor.services.safe_open import close_safely, open_safely

REPO = Path(__file__).resolve().parent.parent

HOLDER = """
import sys, time
from balti_monitor.services.safe_open import open_safely
open_safely(sys.argv[1])
print("READY", flush=True)
time.sleep(120)
"""


def _start_holder(db: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.strip() == "READY", proc.stderr.read() if proc.stderr else ""
    return proc


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _write_lock(db: Path, *, pid: int, host: str, age: float = 0.0) -> Path:
    path = lock_path_for(db)
    path.write_text(
        json.dumps(
            {"app": "balti-monitor", "pid": pid, "host": host, "user": "ana", "since": "2026-11-25T09:05:00"}
        ),
        encoding="utf-8",
    )
    if age:
        moment = time.time() - age
        os.utime(path, (moment, moment))
    return path


def test_lock_file_says_who_holds_it_and_disappears_on_release(tmp_path: Path) -> None:
    db = tmp_path / "date.sqlite"
    lock = acquire_lock(db)
    info = read_lock_info(tmp_path / "date.sqlite.lock")
    assert info is not None
    assert (info.pid, info.host) == (os.getpid(), socket.gethostname())
    lock.release()
    assert not (tmp_path / "date.sqlite.lock").exists()


def test_a_second_holder_in_the_same_process_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "date.sqlite"
    with DatabaseLock(db):
        with pytest.raises(ServiceError) as caught:
            DatabaseLock(db).acquire()
        message = str(caught.value)
        assert (
            "„date.sqlite” este deja deschis în altă fereastră Bălți Monitor pe acest calculator" in message
        )
        assert f"procesul {os.getpid()}" in message
    DatabaseLock(db).acquire().release()  # free again once released


def test_a_second_instance_is_refused_and_the_file_is_untouched(tmp_path: Path, demo_file: Path) -> None:
    db = tmp_path / "date.sqlite"
    shutil.copyfile(demo_file, db)
    holder = _start_holder(db)
    try:
        before = db.read_bytes()
        with pytest.raises(ServiceError, match="este deja deschis în altă fereastră Bălți Monitor") as caught:
            open_safely(db)
        assert f"procesul {holder.pid}" in str(caught.value)
        assert db.read_bytes() == before
        assert read_lock_info(lock_path_for(db)).pid == holder.pid  # type: ignore[union-attr]
    finally:
        holder.kill()
        holder.wait()


def test_the_lock_of_a_killed_instance_is_taken_over_without_asking(tmp_path: Path, demo_file: Path) -> None:
    db = tmp_path / "date.sqlite"
    shutil.copyfile(demo_file, db)
    holder = _start_holder(db)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    assert lock_path_for(db).exists()  # left behind by the crash
    opened = open_safely(db)
    try:
        assert opened.recovered_lock is not None and opened.recovered_lock.pid == holder.pid
        assert read_lock_info(lock_path_for(db)).pid == os.getpid()  # type: ignore[union-attr]
        assert Return.select().count() == 122
    finally:
        close_safely()
    assert not lock_path_for(db).exists()


def test_a_lock_naming_a_dead_process_on_this_computer_is_stale(tmp_path: Path) -> None:
    db = tmp_path / "date.sqlite"
    _write_lock(db, pid=_dead_pid(), host=socket.gethostname())
    lock = acquire_lock(db)
    assert lock.recovered is not None
    lock.release()


def test_an_unreadable_lock_file_is_stale(tmp_path: Path) -> None:
    db = tmp_path / "date.sqlite"
    lock_path_for(db).write_bytes(b"\x00\x00{garbage")
    acquire_lock(db).release()


def test_another_computers_fresh_lock_is_respected(tmp_path: Path) -> None:
    db = tmp_path / "date.sqlite"
    path = _write_lock(db, pid=4242, host="PC-CONTABILITATE")
    before = path.read_bytes()
    with pytest.raises(ServiceError) as caught:
        acquire_lock(db)
    message = str(caught.value)
    assert "pe calculatorul „PC-CONTABILITATE”" in message
    assert "utilizatorul ana, din 25.11.2026 09:05" in message
    assert "se eliberează singură după 10 minute" in message
    assert path.read_bytes() == before


def test_another_computers_lock_without_heartbeat_goes_stale(tmp_path: Path) -> None:
    db = tmp_path / "date.sqlite"
    _write_lock(db, pid=4242, host="PC-CONTABILITATE", age=3600)
    lock = acquire_lock(db)
    assert lock.recovered is not None and lock.recovered.host == "PC-CONTABILITATE"
    lock.release()


def test_the_heartbeat_keeps_the_lock_fresh(tmp_path: Path) -> None:
    db = tmp_path / "date.sqlite"
    lock = DatabaseLock(db, heartbeat=0.05).acquire()
    try:
        old = time.time() - 3600
        os.utime(lock.path, (old, old))
        time.sleep(0.3)
        assert time.time() - lock.path.stat().st_mtime < 60
    finally:
        lock.release()


def test_reopening_the_same_file_in_the_same_window_is_not_refused(tmp_path: Path, demo_file: Path) -> None:
    db = tmp_path / "date.sqlite"
    shutil.copyfile(demo_file, db)
    open_safely(db)
    try:
        open_safely(db)
        assert Return.select().count() == 122
    finally:
        close_safely()
    assert not lock_path_for(db).exists()


def test_switching_files_releases_the_previous_lock(tmp_path: Path, demo_file: Path) -> None:
    first, second = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    shutil.copyfile(demo_file, first)
    shutil.copyfile(demo_file, second)
    open_safely(first)
    open_safely(second)
    try:
        assert not lock_path_for(first).exists()
        assert lock_path_for(second).exists()
    finally:
        close_safely()


def test_a_lock_that_cannot_be_created_is_explained(tmp_path: Path) -> None:
    missing = tmp_path / "nu-exista" / "date.sqlite"
    with pytest.raises(ServiceError) as caught:
        acquire_lock(missing)
    assert "Nu se poate crea fișierul de blocare „date.sqlite.lock”" in str(caught.value)
