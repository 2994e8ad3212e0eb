"""One writer per database file: a lock file beside it (``<file>.lock``), Qt-free.

The lock file holds who owns the database (process id, computer, user, since when) as JSON, so a refusal
can say who has the file open. Ownership itself is an operating-system lock on the lock file (``flock`` on
POSIX, ``msvcrt.locking`` on Windows): the system drops it when the owning process ends in any way, so a
lock left behind by a crash (SIGKILL, power cut, Task Manager) is recognised as stale and taken over
without asking the user. Where the file system offers no such locks (some network shares), the recorded
process id is checked instead on the same computer, and a lock written by another computer counts as stale
once its heartbeat (the file's modification time, refreshed every minute by the owner) is older than
``stale_after`` seconds. A lock of another computer with a fresh heartbeat is always respected, even when
our OS lock succeeds (network file systems may not share OS locks between computers).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import socket
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from balti_monitor.i18n import _, ngettext
from balti_monitor.services.errors import ServiceError

HEARTBEAT_SECONDS = 60.0
STALE_AFTER_SECONDS = 600.0
_WINDOWS_LOCK_OFFSET = 1 << 20  # lock a byte far beyond the JSON, so others can still read who owns it


@dataclass(frozen=True, slots=True)
class LockInfo:
    """What a lock file says about its owner."""

    pid: int
    host: str
    user: str
    since: dt.datetime | None
    app: str = "balti-monitor"

    def describe(self) -> str:
        """Romanian description of the owner for messages."""
        when = _(", din {since:%d.%m.%Y %H:%M}").format(since=self.since) if self.since else ""
        who = f", utilizatorul {self.user}" if self.user else ""
        return f"procesul {self.pid}{who}{when}"


def lock_path_for(db_path: Path | str) -> Path:
    """The lock file of a database: ``<file>.lock`` beside it."""
    resolved = Path(db_path).resolve()
    return resolved.with_name(resolved.name + ".lock")


def _host() -> str:
    return socket.gethostname() or "necunoscut"


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name is not a reason to refuse a lock
        return ""


def read_lock_info(lock_path: Path) -> LockInfo | None:
    """The owner recorded in a lock file, or None when it is missing, empty or unreadable."""
    try:
        with lock_path.open("rb") as fh:
            raw = fh.read(64 * 1024)
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict):
            return None
        since_text = data.get("since")
        since = dt.datetime.fromisoformat(since_text) if isinstance(since_text, str) else None
        return LockInfo(
            pid=int(data["pid"]),
            host=str(data["host"]),
            user=str(data.get("user", "")),
            since=since,
            app=str(data.get("app", "balti-monitor")),
        )
    except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this computer (conservatively True when unsure)."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32
        process_query_limited_information = 0x1000
        still_active = 259
        handle = kernel32.OpenProcess(process_query_limited_information, False, pid)
        if not handle:
            # ERROR_ACCESS_DENIED (5): it exists but belongs to someone else.
            return bool(kernel32.GetLastError() == 5)
        try:
            code = ctypes.c_ulong()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return code.value == still_active
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return True
    return True


def _try_os_lock(fh: IO[bytes]) -> bool | None:
    """Take the OS lock without waiting: True taken, False held by a live process, None unsupported."""
    if sys.platform == "win32":
        import msvcrt

        try:
            fh.seek(_WINDOWS_LOCK_OFFSET)
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except PermissionError:
            return False
        except OSError as exc:
            return False if exc.errno in (13, 33, 36) else None
        finally:
            fh.seek(0)
        return True
    import errno
    import fcntl

    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as exc:
        if exc.errno in (errno.EAGAIN, errno.EACCES):
            return False
        return None
    return True


def _os_unlock(fh: IO[bytes]) -> None:
    if sys.platform == "win32":
        import msvcrt

        with contextlib.suppress(OSError):
            fh.seek(_WINDOWS_LOCK_OFFSET)
            msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    with contextlib.suppress(OSError):
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _same_file(fh: IO[bytes], path: Path) -> bool:
    """The open lock file is still the one at ``path`` (not unlinked and replaced meanwhile)."""
    if sys.platform == "win32":
        return path.exists()
    try:
        mine = os.fstat(fh.fileno())
        there = os.stat(path)
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (there.st_dev, there.st_ino)


class DatabaseLock:
    """The single-writer lock of one database file.

    ``acquire()`` raises :class:`ServiceError` (Romanian) when another live instance holds it; ``release()``
    gives it back and removes the lock file. While held, a daemon thread refreshes the heartbeat.
    """

    def __init__(
        self,
        db_path: Path | str,
        *,
        stale_after: float = STALE_AFTER_SECONDS,
        heartbeat: float = HEARTBEAT_SECONDS,
    ) -> None:
        self.db_path = Path(db_path)
        self.path = lock_path_for(db_path)
        self.stale_after = stale_after
        self.heartbeat = heartbeat
        self._fh: IO[bytes] | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.recovered: LockInfo | None = None  # the stale owner taken over, if any (for a log line)

    @property
    def held(self) -> bool:
        """True while this object owns the lock."""
        return self._fh is not None

    def acquire(self) -> DatabaseLock:
        """Take the lock or raise :class:`ServiceError` saying who holds it."""
        if self._fh is not None:
            return self
        for _attempt in range(5):
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
                fh = os.fdopen(fd, "r+b")
            except OSError as exc:
                raise ServiceError(
                    _(
                        "Nu se poate crea fișierul de blocare „{name}” lângă baza de date ({value}): dosarul „{parent}” nu permite scrierea (de exemplu un atașament deschis direct din e-mail sau un dosar protejat). Salvați fișierul într-un dosar al dumneavoastră și deschideți-l de acolo."
                    ).format(name=self.path.name, value=exc.strerror or exc, parent=self.path.parent)
                ) from exc
            taken = _try_os_lock(fh)
            if taken is False:
                info = read_lock_info(self.path)
                fh.close()
                raise ServiceError(self._held_message(info))
            if taken is True and not _same_file(fh, self.path):
                _os_unlock(fh)
                fh.close()
                continue  # the previous owner removed the file just now: lock the new one
            info = read_lock_info(self.path)
            if info is not None and not self._is_stale(info, os_lock=taken is True):
                if taken:
                    _os_unlock(fh)
                fh.close()
                raise ServiceError(self._held_message(info))
            self.recovered = info if info is not None and info.pid != os.getpid() else None
            try:
                self._write_info(fh)
            except OSError as exc:
                if taken:
                    _os_unlock(fh)
                fh.close()
                raise ServiceError(
                    _("Nu se poate scrie fișierul de blocare „{name}” ({value}).").format(
                        name=self.path.name, value=exc.strerror or exc
                    )
                ) from exc
            self._fh = fh
            self._start_heartbeat()
            return self
        raise ServiceError(
            _("Fișierul de blocare „{name}” se schimbă continuu; încercați din nou.").format(
                name=self.path.name
            )
        )

    def _is_stale(self, info: LockInfo, *, os_lock: bool) -> bool:
        if info.host != _host():
            return self._age() > self.stale_after
        if os_lock:
            return True  # the OS lock was free: its owner on this computer has ended
        return not pid_alive(info.pid)

    def _age(self) -> float:
        try:
            return max(0.0, time.time() - self.path.stat().st_mtime)
        except OSError:
            return float("inf")

    def _held_message(self, info: LockInfo | None) -> str:
        name = self.db_path.name
        if info is None:
            return _(
                "Fișierul „{name}” este deja deschis în altă fereastră Bălți Monitor. Închideți cealaltă fereastră și încercați din nou."
            ).format(name=name)
        if info.host != _host():
            minutes = int(self.stale_after // 60)
            return ngettext(
                "Fișierul „{name}” este deja deschis în Bălți Monitor pe calculatorul „{host}” ({describe}). Închideți programul acolo și încercați din nou; dacă acel calculator s-a oprit brusc, blocarea se eliberează singură după {value} minut.",
                "Fișierul „{name}” este deja deschis în Bălți Monitor pe calculatorul „{host}” ({describe}). Închideți programul acolo și încercați din nou; dacă acel calculator s-a oprit brusc, blocarea se eliberează singură după {value} minute.",
                minutes,
            ).format(name=name, host=info.host, describe=info.describe(), value=minutes)
        return _(
            "Fișierul „{name}” este deja deschis în altă fereastră Bălți Monitor pe acest calculator ({describe}). Închideți cealaltă fereastră și încercați din nou."
        ).format(name=name, describe=info.describe())

    def _write_info(self, fh: IO[bytes]) -> None:
        data: dict[str, Any] = {
            "app": "balti-monitor",
            "pid": os.getpid(),
            "host": _host(),
            "user": _user(),
            "since": dt.datetime.now().replace(microsecond=0).isoformat(),
            "database": str(self.db_path.resolve()),
        }
        fh.seek(0)
        fh.truncate()
        fh.write(json.dumps(data, ensure_ascii=False).encode("utf-8"))
        fh.flush()
        with contextlib.suppress(OSError):
            os.fsync(fh.fileno())

    def _start_heartbeat(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._beat, name="balti-monitor-lock", daemon=True)
        self._thread.start()

    def _beat(self) -> None:
        while not self._stop.wait(self.heartbeat):
            self.refresh()

    def refresh(self) -> None:
        """Renew the heartbeat (the lock file's modification time); called by the heartbeat thread."""
        if self._fh is None:
            return
        with contextlib.suppress(OSError):
            os.utime(self.path)

    def release(self) -> None:
        """Give the lock back and remove the lock file (safe to call twice)."""
        fh = self._fh
        if fh is None:
            return
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=5)
        self._thread = None
        self._fh = None
        if sys.platform == "win32":
            _os_unlock(fh)
            fh.close()
            with contextlib.suppress(OSError):
                self.path.unlink()
            return
        # POSIX: unlink while still locked, so a waiting process never locks a file that is going away
        # unnoticed (acquire() re-checks that the locked file is still the one at the path).
        with contextlib.suppress(OSError):
            if _same_file(fh, self.path):
                self.path.unlink()
        _os_unlock(fh)
        fh.close()

    def __enter__(self) -> DatabaseLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def acquire_lock(db_path: Path | str, **options: Any) -> DatabaseLock:
    """Take the single-writer lock of ``db_path`` (see :class:`DatabaseLock`)."""
    return DatabaseLock(db_path, **options).acquire()
