"""Smoke checks of a built onedir folder (``dist/BaltiMonitor``), run headless after every build.

    python packaging/smoke_frozen.py dist/BaltiMonitor --expect-version 0.1.0 [--report FILE.json]

What a specialist would do on a fresh PC, with a throw-away user folder (``BALTI_MONITOR_HOME``, ``HOME``,
``XDG_*``, ``APPDATA``/``LOCALAPPDATA``) and the program's own folder as the working directory:

1. ``balti-monitor-cli --version`` prints "Bălți Monitor <version>";
2. ``balti-monitor-cli --db demo.sqlite demo`` loads the S1-2023 demo (the bundled data/ is found);
3. ``balti-monitor-cli --db demo.sqlite check --period 2023-S1`` reports the original report's errors (exit 1);
4. ``balti-monitor-cli --db demo.sqlite export --period 2023-S1 --out raport.docx`` writes the Word report
   (the bundled template is found);
5. ``BaltiMonitor --db demo.sqlite`` with ``BALTI_MONITOR_SMOKE=1`` shows its main window and closes itself
   (exit 0), offscreen unless ``QT_QPA_PLATFORM`` is already set; then again with no argument on the empty
   user folder, as on the first double-click (a first-start question is answered with Cancel);
6. when the project declares matplotlib (charts, issue 13): ``balti-monitor-cli --db demo.sqlite trend
   --action 1.13 --png grafic.png`` and ``overview --png-dir grafice`` draw their charts and each file is a
   whole PNG of a real picture (the Agg backend, Pillow's PNG writer and the kept DejaVu Sans font are in
   the trimmed bundle);
7. nothing in the program's folder was created, changed or removed by any of the above.

Exit code 0 when every check passed; each check prints one line with its time.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import struct
import subprocess
import sys
import tempfile
import time
import tomllib
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

EXE = ".exe" if sys.platform == "win32" else ""
GUI_NAME = "BaltiMonitor"
CLI_NAME = "balti-monitor-cli"
APP_NAME = "Bălți Monitor"
PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: A chart with axes, lines and text compresses to well over this; a blank or broken figure to far less.
MIN_CHART_BYTES = 8_000


@dataclass
class Check:
    """One smoke check and what came of it."""

    name: str
    ok: bool
    seconds: float
    detail: str = ""


@dataclass
class Report:
    """All checks of one run."""

    app_dir: str
    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.checks) and all(c.ok for c in self.checks)


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file and link under ``folder`` with its size and modification time."""
    found: dict[str, tuple[int, int]] = {}
    for root, dirs, files in os.walk(folder):
        for name in files + [d for d in dirs if os.path.islink(os.path.join(root, d))]:
            path = os.path.join(root, name)
            st = os.lstat(path)
            found[os.path.relpath(path, folder)] = (st.st_size, st.st_mtime_ns)
    return found


def isolated_env(home: Path) -> dict[str, str]:
    """The environment of a user who never ran the program: every per-user folder points into ``home``."""
    env = dict(os.environ)
    for var in ("PYTHONPATH", "PYTHONHOME", "BALTI_MONITOR_SMOKE"):
        env.pop(var, None)
    env.update(
        BALTI_MONITOR_HOME=str(home / "balti-monitor"),
        HOME=str(home),
        USERPROFILE=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_RUNTIME_DIR=str(home / "runtime"),
        APPDATA=str(home / "AppData" / "Roaming"),
        LOCALAPPDATA=str(home / "AppData" / "Local"),
        PYTHONIOENCODING="utf-8",
    )
    (home / "runtime").mkdir(parents=True, exist_ok=True, mode=0o700)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def run(
    cmd: Sequence[str | Path], env: dict[str, str], cwd: Path, timeout: float = 180
) -> tuple[subprocess.CompletedProcess[str], float]:
    """Run one program; returns its result and how long it took."""
    start = time.monotonic()
    result = subprocess.run(
        [str(c) for c in cmd],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
    )
    return result, time.monotonic() - start


def charts_expected(pyproject: Path = PYPROJECT) -> bool:
    """True when the project declares matplotlib, i.e. the build must be able to draw charts."""
    if not pyproject.is_file():
        return False
    deps = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]
    return any(re.split(r"[<>=!~\[; ]", d, maxsplit=1)[0].strip().lower() == "matplotlib" for d in deps)


def png_problem(path: Path, min_bytes: int = MIN_CHART_BYTES) -> str | None:
    """Why ``path`` is not a whole, non-trivial PNG picture (None when it is one).

    Checks the signature, that every chunk's CRC is right, that IHDR comes first with a sensible size and
    IEND last, that the image data inflates to a full picture, and that the file is not tiny.
    """
    if not path.is_file():
        return "not written"
    data = path.read_bytes()
    if not data.startswith(PNG_SIGNATURE):
        return "no PNG signature"
    pos, chunks, idat = len(PNG_SIGNATURE), [], b""
    width = height = 0
    while pos + 12 <= len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        crc = data[pos + 8 + length : pos + 12 + length]
        if len(body) != length or len(crc) != 4 or zlib.crc32(kind + body) != struct.unpack(">I", crc)[0]:
            return f"chunk {kind!r} is damaged"
        chunks.append(kind)
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    if not chunks or chunks[0] != b"IHDR" or chunks[-1] != b"IEND":
        return f"chunks out of order: {chunks[:3]}...{chunks[-1:]}"
    if not (200 <= width <= 10_000 and 150 <= height <= 10_000):
        return f"odd size {width}x{height}"
    try:
        pixels = zlib.decompress(idat)
    except zlib.error as exc:
        return f"image data does not inflate: {exc}"
    if len(pixels) < width * height:  # at least one byte per pixel (RGB/RGBA: 3-4)
        return f"image data too short for {width}x{height}"
    if len(data) < min_bytes:
        return f"only {len(data)} bytes: an empty chart?"
    return None


def _tail(text: str, lines: int = 12) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def smoke(app_dir: Path, expect_version: str | None, work: Path, screenshot_dir: Path | None) -> Report:
    """Run every check against the onedir folder ``app_dir``; ``work`` receives the files they write."""
    report = Report(app_dir=str(app_dir))
    cli = app_dir / f"{CLI_NAME}{EXE}"
    gui = app_dir / f"{GUI_NAME}{EXE}"
    home = work / "home"
    env = isolated_env(home)
    before = snapshot(app_dir)
    db = work / "demo.sqlite"
    docx = work / "raport-2023-S1.docx"

    def add(name: str, ok: bool, seconds: float, detail: str) -> None:
        report.checks.append(Check(name, ok, round(seconds, 2), detail))
        print(
            f"[{'ok' if ok else 'FAILED'}] {name} ({seconds:.1f} s){': ' + detail if detail else ''}",
            flush=True,
        )

    for path in (cli, gui):
        if not path.is_file():
            add(f"{path.name} exists", False, 0.0, f"missing: {path}")
            return report

    result, took = run([cli, "--version"], env, app_dir)
    expected = f"{APP_NAME} {expect_version}" if expect_version else APP_NAME
    add(
        "--version",
        result.returncode == 0 and result.stdout.strip().startswith(expected),
        took,
        result.stdout.strip() or _tail(result.stderr),
    )

    result, took = run([cli, "--db", db, "demo"], env, app_dir)
    add("demo", result.returncode == 0 and db.is_file(), took, result.stdout.strip() or _tail(result.stderr))

    result, took = run([cli, "--db", db, "check", "--period", "2023-S1"], env, app_dir)
    found = "1.13 · Indicator 2" in result.stdout
    add(
        "check 2023-S1",
        result.returncode == 1 and found,
        took,
        (result.stdout.strip().splitlines() or [""])[-1] if found else _tail(result.stdout + result.stderr),
    )

    result, took = run(
        [cli, "--db", db, "export", "--period", "2023-S1", "--out", docx, "--quiet"], env, app_dir
    )
    ok, detail = result.returncode == 0 and docx.is_file(), result.stdout.strip() or _tail(result.stderr)
    if ok:
        try:
            with zipfile.ZipFile(docx) as z:
                body = z.read("word/document.xml").decode("utf-8")
            ok = "1.13" in body
            detail = (
                f"{docx.name}: {docx.stat().st_size // 1024} KiB, {len(body) // 1024} KiB of document.xml"
            )
        except (zipfile.BadZipFile, KeyError) as exc:
            ok, detail = False, f"not a Word document: {exc}"
    add("export 2023-S1", ok, took, detail)

    if charts_expected():
        chart, charts_dir = work / "grafic-1.13.png", work / "grafice"
        result, took = run([cli, "--db", db, "trend", "--action", "1.13", "--png", chart], env, app_dir)
        more, took_more = run([cli, "--db", db, "overview", "--png-dir", charts_dir], env, app_dir)
        pictures = [chart, *sorted(charts_dir.glob("*.png"))]
        problems = [f"{p.name}: {why}" for p in pictures if (why := png_problem(p)) is not None]
        ok = result.returncode == 0 and more.returncode == 0 and len(pictures) >= 3 and not problems
        detail = (
            ", ".join(f"{p.name} {p.stat().st_size // 1024} KiB" for p in pictures)
            if ok
            else "; ".join(problems) + " " + _tail(result.stdout + result.stderr + more.stdout + more.stderr)
        )
        add("chart PNG", ok, took + took_more, detail)
    else:
        print("[--] chart PNG: matplotlib is not a dependency of this version, the build draws no charts")

    for name, args in (("GUI on the demo file", ["--db", str(db)]), ("GUI first start (no arguments)", [])):
        # A windowed Windows program has no stderr: the smoke hook also writes its lines to a log file.
        log_file = work / f"smoke-gui-{len(report.checks)}.log"
        gui_env = dict(env, BALTI_MONITOR_SMOKE="1", BALTI_MONITOR_SMOKE_LOG=str(log_file))
        if screenshot_dir is not None:
            shot = screenshot_dir / ("gui-demo.png" if args else "gui-first-start.png")
            gui_env["BALTI_MONITOR_SMOKE_SCREENSHOT"] = str(shot)
        result, took = run([gui, *args], gui_env, app_dir)
        lines = log_file.read_text(encoding="utf-8").splitlines() if log_file.is_file() else []
        shown = [line for line in lines if "main window shown" in line]
        ok = result.returncode == 0 and bool(shown)
        output = "\n".join(lines) + "\n" + result.stderr
        detail = shown[0].removeprefix("smoke: ") if ok else f"exit {result.returncode}: {_tail(output)}"
        dialogs = [line.removeprefix("smoke: ") for line in lines if "modal dialog" in line]
        if dialogs:
            detail += " | " + "; ".join(dialogs)
        add(name, ok, took, detail)

    after = snapshot(app_dir)
    changed = sorted({p for p in before.keys() | after.keys() if before.get(p) != after.get(p)})
    add(
        "nothing written in the program folder",
        not changed,
        0.0,
        ", ".join(changed[:10]) if changed else f"{len(after)} files unchanged",
    )
    return report


def folder_size(folder: Path) -> int:
    """Bytes of all regular files under ``folder`` (links not followed)."""
    return sum(
        os.lstat(os.path.join(root, f)).st_size
        for root, _, files in os.walk(folder)
        for f in files
        if not os.path.islink(os.path.join(root, f))
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Command line of the smoke checks."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("app_dir", type=Path, help="the onedir folder, e.g. dist/BaltiMonitor")
    parser.add_argument("--expect-version", help="the version --version must print")
    parser.add_argument(
        "--work", type=Path, help="folder for the files the checks write (default: a temp folder)"
    )
    parser.add_argument("--screenshots", type=Path, help="save pictures of the main window here")
    parser.add_argument("--report", type=Path, help="write the results as JSON")
    args = parser.parse_args(argv)
    app_dir = args.app_dir.resolve()
    if args.screenshots:
        args.screenshots.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="balti-smoke-") as tmp:
        work = args.work.resolve() if args.work else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        report = smoke(
            app_dir, args.expect_version, work, args.screenshots.resolve() if args.screenshots else None
        )
    size = folder_size(app_dir)
    print(
        f"{'All smoke checks passed' if report.ok else 'SMOKE CHECKS FAILED'}; {app_dir}: {size / 1e6:.1f} MB"
    )
    if args.report:
        data = asdict(report) | {"ok": report.ok, "size_bytes": size}
        args.report.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
