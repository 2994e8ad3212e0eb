"""A throwaway PostgreSQL cluster for the tests: initdb + pg_ctl in a temporary folder, Unix socket only.

The cluster is started once per test process (each pytest-xdist worker has its own) the first time a test
asks for the PostgreSQL engine, and stopped at exit. It listens on no TCP port (``listen_addresses=''``),
only on a Unix socket in its own folder, with ``trust`` authentication for the one superuser it has; fsync
is off (a crash of a test cluster loses nothing of value). Run as root (CI containers, this machine), the
server is initialised and run as an unprivileged system user (``balti-pg``, created when missing, else
``nobody``): PostgreSQL refuses to run as root.

:func:`cluster` returns the running cluster or raises :class:`Unavailable` with the reason;
:func:`required` says whether a missing server is a failure (CI, ``BALTI_PG_TESTS=1``) rather than a skip.
Each test gets a fresh database: ``CREATE DATABASE … TEMPLATE`` of an empty database (``new_database``).
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "balti"
SYSTEM_USER = "balti-pg"


class Unavailable(Exception):
    """No PostgreSQL server can be started here; the message says why."""


def required() -> bool:
    """Whether the PostgreSQL half of the tests must run (a missing server fails instead of skipping)."""
    return os.environ.get("CI", "").lower() in ("1", "true", "yes") or os.environ.get("BALTI_PG_TESTS") == "1"


def _bin_dir() -> Path | None:
    explicit = os.environ.get("BALTI_PG_BIN")
    candidates = [Path(explicit)] if explicit else []
    root = Path("/usr/lib/postgresql")
    if root.is_dir():
        candidates += sorted((p / "bin" for p in root.iterdir()), key=lambda p: p.parent.name, reverse=True)
    found = shutil.which("pg_ctl")
    if found:
        candidates.append(Path(found).parent)
    for folder in candidates:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    return None


def _run_as() -> pwd.struct_passwd | None:
    """The unprivileged account the server runs under when we are root (None: run as ourselves)."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam(SYSTEM_USER)
    except KeyError:
        pass
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SYSTEM_USER],
            check=False,
            capture_output=True,
            timeout=30,
        )
    try:
        return pwd.getpwnam(SYSTEM_USER)
    except KeyError:
        return pwd.getpwnam("nobody")


@dataclass
class Cluster:
    """A running test cluster: its folder (data + socket) and how to reach it."""

    folder: Path
    bin_dir: Path
    account: pwd.struct_passwd | None
    _counter: itertools.count[int]

    @property
    def socket_dir(self) -> str:
        return str(self.folder)

    def url(self, dbname: str = "postgres", user: str = SUPERUSER) -> str:
        """A ``postgresql://`` URL of a database of the cluster (the socket folder as ``host``)."""
        return f"postgresql://{user}@/{dbname}?host={self.socket_dir}"

    def conninfo(self, dbname: str = "postgres", user: str = SUPERUSER) -> str:
        return f"host={self.socket_dir} dbname={dbname} user={user}"

    def execute(self, *statements: str, dbname: str = "postgres") -> None:
        """Run statements in autocommit (CREATE/DROP DATABASE) as the superuser."""
        import psycopg

        with psycopg.connect(self.conninfo(dbname), autocommit=True) as conn:
            for sql in statements:
                conn.execute(sql)  # type: ignore[arg-type]

    def new_database(self, template: str = "template0") -> str:
        """A new empty database (a copy of ``template``); its name."""
        name = f"t{os.getpid()}_{next(self._counter)}"
        self.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}" STRATEGY FILE_COPY')
        return name

    def drop_database(self, name: str) -> None:
        with contextlib.suppress(Exception):
            self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _as_server(self, args: list[str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
        kwargs: dict[str, object] = {}
        if self.account is not None:
            kwargs = {"user": self.account.pw_uid, "group": self.account.pw_gid, "extra_groups": []}
        env = {"PATH": os.environ.get("PATH", ""), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
        return subprocess.run(
            args,
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
            cwd=self.folder,
            check=False,
            **kwargs,
        )  # type: ignore[call-overload]

    def start(self) -> None:
        data = self.folder / "data"
        done = self._as_server(
            [
                str(self.bin_dir / "initdb"),
                "-D",
                str(data),
                "-U",
                SUPERUSER,
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ]
        )
        if done.returncode != 0:
            raise Unavailable(f"initdb failed: {done.stderr.strip() or done.stdout.strip()}")
        options = f"-c listen_addresses='' -c unix_socket_directories='{self.folder}' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60"
        done = self._as_server(
            [
                str(self.bin_dir / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(self.folder / "log"),
                "-o",
                options,
                "-w",
                "start",
            ]
        )
        if done.returncode != 0:
            log = (self.folder / "log").read_text(errors="replace") if (self.folder / "log").exists() else ""
            raise Unavailable(f"pg_ctl start failed: {done.stderr.strip()} {log[-600:]}")

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self._as_server(
                [str(self.bin_dir / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate", "stop"], 60
            )
        shutil.rmtree(self.folder, ignore_errors=True)


_lock = threading.Lock()
_cluster: Cluster | None = None
_failure: str | None = None


def cluster() -> Cluster:
    """The running test cluster of this process (started on first use), or :class:`Unavailable`."""
    global _cluster, _failure
    with _lock:
        if _cluster is not None:
            return _cluster
        if _failure is not None:
            raise Unavailable(_failure)
        try:
            _cluster = _start()
        except Unavailable as exc:
            _failure = str(exc)
            raise
        return _cluster


def _start() -> Cluster:
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        raise Unavailable("psycopg (psycopg[binary]) is not installed: pip install -e '.[test]'") from exc
    bin_dir = _bin_dir()
    if bin_dir is None:
        raise Unavailable("no PostgreSQL server binaries (initdb, pg_ctl): apt-get install postgresql")
    account = _run_as()
    folder = Path(tempfile.mkdtemp(prefix="bmpg-", dir="/tmp" if Path("/tmp").is_dir() else None))
    if account is not None:
        os.chown(folder, account.pw_uid, account.pw_gid)
    found = Cluster(folder, bin_dir, account, itertools.count(1))
    try:
        found.start()
    except (Unavailable, OSError, subprocess.SubprocessError) as exc:
        found.stop()
        raise Unavailable(str(exc)) from exc
    atexit.register(found.stop)
    return found
