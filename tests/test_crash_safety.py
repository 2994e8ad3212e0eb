"""Crash safety: a writer process is killed with SIGKILL at random moments, over and over.

After every kill the file is reopened the way the program opens it and must pass the integrity check, hold
every acknowledged edit and show no half-applied multi-row operation (paste, JSON import, restore): the
tracked cells must equal the expected content after the last acknowledged operation, or after the one
that was running when the process died (committed, but killed before it could say so) - nothing in
between. The next writer then has to get past the stale lock left by the killed one.

Two lanes (two database files, two writers) run side by side to use both cores. The figures are printed
(run with ``-s`` to see them).
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from balti_monitor.db.connection import close_database, open_database
from balti_monitor.db.models import Action, Indicator, Plan, Responsibility, Subdivision
from balti_monitor.db.sqlite_file import backup_copy
from balti_monitor.interchange.json_io import export_document
from balti_monitor.services.bundled import ensure_bundled_plan
from balti_monitor.services.editing import CellEdit, action_by_code, set_cells
from balti_monitor.services.file_report import verify_file
from balti_monitor.services.periods import PeriodKey, create_period, find_period

sys.path.insert(0, str(Path(__file__).parent))
import crash_writer

WRITER = Path(__file__).with_name("crash_writer.py")
REPO = Path(__file__).resolve().parent.parent
KILLS_PER_LANE = 100  # the stress run: 200 kills in all, as the outside tester's harness
QUICK_KILLS_PER_LANE = 8  # the default run: a short version of the same harness
EARLY_KILL_SHARE = 0.15  # kills while the writer is still starting up (lock, checks, automatic backup)
MEAN_OPS_PER_RUN = 5
_open_lock = threading.Lock()  # the program's database handle is process-wide: one lane reopens at a time


@dataclass
class Figures:
    """What one lane did."""

    kills: int = 0
    early_kills: int = 0
    acknowledged: int = 0
    verified: int = 0
    in_flight_committed: int = 0  # the running operation was already committed when it was killed
    hot_journals: int = 0  # kills that left an interrupted write for the next open to roll back
    verified_interrupted: int = 0  # of those, `verify` said "întrerupt; datele sunt întregi" (file untouched)
    ops: dict[str, int] = field(default_factory=dict)


def _build(tmp: Path) -> tuple[Path, Path, dict[str, int]]:
    """The base file, the layout (tracked cells, import document, restore files) and structure counts."""
    base = tmp / "base.sqlite"
    open_database(base)
    plan, _ = ensure_bundled_plan()
    create_period(plan, PeriodKey(2023, 1))
    subs = [s.code for s in Subdivision.select().order_by(Subdivision.position).limit(3)]
    wide = [
        a.code
        for a in Action.select().order_by(Action.position)
        if Indicator.select().where(Indicator.action == a).count() >= 3
    ][:3]
    single = [(wide[0], sub, col) for sub in subs for col in (0, 1, 2)] + [
        (wide[1], sub, col) for sub in subs[:2] for col in (0, 1)
    ]
    paste = [(wide[2], sub, col) for sub in subs for col in (0, 1, 2)]
    # forms-in: a subdivision outside the ones above, one action it answers with two indicators or more
    form: list[tuple[str, str, int]] = []
    for resp in Responsibility.select().order_by(Responsibility.position):
        sub_code = resp.subdivision.code
        action = resp.action
        if sub_code in subs or action.code in wide:
            continue
        numbers = [
            i.number for i in Indicator.select().where(Indicator.action == action).order_by(Indicator.number)
        ]
        if len(numbers) >= 2:
            form = [
                (action.code, sub_code, 0),
                (action.code, sub_code, numbers[0]),
                (action.code, sub_code, numbers[1]),
            ]
            break
    status_sub = next(
        s.code
        for s in Subdivision.select().order_by(Subdivision.position)
        if s.code not in subs and s.code != form[0][1]
    )
    document = tmp / "base.json"
    document.write_text(json.dumps(export_document(), ensure_ascii=False), encoding="utf-8")
    close_database()
    counts = crash_writer.read_state(base, {"single": [], "paste": [], "form": [], "period": [2023, 1]})[1]

    restore_files, restore_states = [], []
    for index in range(2):
        path = tmp / f"restore-{index}.sqlite"
        backup_copy(base, path)
        open_database(path)
        plan = Plan.get()
        period = find_period(plan, PeriodKey(2023, 1))
        ids = {s.code: s.id for s in Subdivision.select()}
        state: dict[str, str] = {}
        grouped: dict[str, list[CellEdit]] = {}
        for j, cell in enumerate(single + paste):
            text = f"r{index}-{j}"
            grouped.setdefault(cell[0], []).append(CellEdit(ids[cell[1]], cell[2], text))
            state[json.dumps(list(cell))] = text
        for code, edits in grouped.items():
            set_cells(period, action_by_code(plan.id, code).id, edits)
        close_database()
        restore_files.append(str(path))
        restore_states.append(state)
    layout = tmp / "layout.json"
    layout.write_text(
        json.dumps(
            {
                "period": [2023, 1],
                "single": single,
                "paste": paste,
                "form": form,
                "status_subdivision": status_sub,
                "base_document": str(document),
                "restore_files": restore_files,
                "restore_states": restore_states,
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    return base, layout, counts


def _reopen_and_read(db: Path, layout: dict[str, Any]) -> tuple[str, list[Any], Any]:
    """Open the file as the program does (rolls back an interrupted write, quick check), then read it."""
    with _open_lock:
        open_database(db, create=False)
        close_database()
    conn = sqlite3.connect(db)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        conn.close()
    return integrity, broken, crash_writer.read_state(db, layout)


def _run_lane(
    lane: int,
    base: Path,
    layout_path: Path,
    counts: dict[str, int],
    seed: int,
    tmp: Path,
    errors: list[str],
    kills: int,
) -> Figures:
    figures = Figures()
    try:
        _lane(lane, base, layout_path, counts, seed, tmp, figures, kills)
    except Exception as exc:  # reported by the test thread
        errors.append(f"lane {lane}: {exc!r}")
    return figures


def _lane(
    lane: int,
    base: Path,
    layout_path: Path,
    counts: dict[str, int],
    seed: int,
    tmp: Path,
    figures: Figures,
    kills: int,
) -> None:
    layout = crash_writer.load_layout(layout_path)
    folder = tmp / f"lane{lane}"
    folder.mkdir()
    db = folder / "data.sqlite"
    backup_copy(base, db)
    env = dict(os.environ, BALTI_MONITOR_HOME=str(folder / "home"), PYTHONPATH=str(REPO))
    rng = random.Random(seed)
    state: crash_writer.State = {cell: None for cell in crash_writer.tracked(layout)}
    next_n = 1
    while figures.kills < kills:
        proc = subprocess.Popen(
            [sys.executable, "-u", str(WRITER), str(db), str(layout_path), str(next_n), str(seed)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        lines: list[str] = []
        ready = threading.Event()

        def pump(stream: Any = proc.stdout, lines: list[str] = lines, ready: threading.Event = ready) -> None:
            for line in stream:
                lines.append(line.strip())
                if line.startswith("READY"):
                    ready.set()
            ready.set()

        reader = threading.Thread(target=pump, daemon=True)
        reader.start()
        if rng.random() < EARLY_KILL_SHARE:
            time.sleep(rng.uniform(0.0, 0.3))
            figures.early_kills += 1
        else:
            assert ready.wait(30), "the writer did not start"
            # Let it acknowledge a random number of operations, then kill it a random instant later, so
            # the kill lands anywhere inside the next operation (before, during or after its commit).
            wanted = rng.randint(0, 2 * MEAN_OPS_PER_RUN)
            deadline = time.monotonic() + 20
            while sum(line.startswith("ACK ") for line in lines) < wanted and time.monotonic() < deadline:
                time.sleep(0.002)
            time.sleep(rng.uniform(0.0, 0.06))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(30)
        reader.join(30)
        stderr = proc.stderr.read() if proc.stderr else ""
        if proc.returncode != -signal.SIGKILL:
            raise AssertionError(f"the writer stopped by itself (exit {proc.returncode}):\n{stderr}")
        figures.kills += 1
        journal = Path(str(db) + "-journal")
        if journal.exists() and journal.stat().st_size > 0:
            figures.hot_journals += 1
            before = (db.read_bytes(), journal.read_bytes())
            report = verify_file(db)  # recovers on a private copy: no false alarm, nothing touched
            assert report.ok and report.interrupted, report.problems
            assert "întrerupt; datele sunt întregi" in "\n".join(report.lines())
            assert (db.read_bytes(), journal.read_bytes()) == before
            figures.verified_interrupted += 1
        acks = [int(line.split()[1]) for line in lines if line.startswith("ACK ")]
        assert acks == list(range(next_n, next_n + len(acks))), f"acknowledgements out of order: {acks[:5]}…"
        for n in acks:
            state = crash_writer.apply_op(state, n, seed, layout)
            kind = crash_writer.op_of(n, seed, layout)[0]
            figures.ops[kind] = figures.ops.get(kind, 0) + 1
        figures.acknowledged += len(acks)
        last = acks[-1] if acks else next_n - 1

        integrity, broken, (found, found_counts) = _reopen_and_read(db, layout)
        assert integrity == "ok", f"integrity after kill {figures.kills}: {integrity}"
        assert broken == [], f"foreign keys broken after kill {figures.kills}"
        assert found_counts == counts, (
            f"plan structure half-replaced after kill {figures.kills}: {found_counts}"
        )
        in_flight = crash_writer.apply_op(state, last + 1, seed, layout)
        if found == state:
            pass
        elif found == in_flight:
            state = in_flight
            figures.in_flight_committed += 1
        else:
            lost = {c: (state[c], found[c]) for c in state if state[c] != found[c]}
            raise AssertionError(
                f"after kill {figures.kills} (last ACK {last}, next op {crash_writer.op_of(last + 1, seed, layout)[0]})"
                f" the file matches neither the acknowledged state nor the in-flight one: {lost}"
            )
        figures.verified += 1
        next_n = last + 1

    # A final run that ends normally: the lock is released and the file is self-contained.
    result = subprocess.run(
        [sys.executable, "-u", str(WRITER), str(db), str(layout_path), str(next_n), str(seed), "6"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    for n in range(next_n, next_n + 6):
        state = crash_writer.apply_op(state, n, seed, layout)
    assert crash_writer.read_state(db, layout)[0] == state
    leftovers = sorted(p.name for p in folder.iterdir() if p.name.startswith("data.sqlite"))
    assert leftovers == ["data.sqlite"]


@pytest.mark.parametrize(
    "kills",
    [QUICK_KILLS_PER_LANE, pytest.param(KILLS_PER_LANE, marks=pytest.mark.stress)],
    ids=["quick", "stress"],
)
def test_sigkill_never_loses_an_acknowledged_edit_or_half_applies_one(tmp_path: Path, kills: int) -> None:
    base, layout_path, counts = _build(tmp_path)
    master = random.randrange(1 << 30)
    errors: list[str] = []
    results: list[Figures] = [Figures(), Figures()]

    def run(lane: int) -> None:
        results[lane] = _run_lane(lane, base, layout_path, counts, master + lane, tmp_path, errors, kills)

    started = time.monotonic()
    threads = [threading.Thread(target=run, args=(lane,)) for lane in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    assert not errors, f"seed {master}: " + "; ".join(errors)

    total = Figures()
    for figures in results:
        total.kills += figures.kills
        total.early_kills += figures.early_kills
        total.acknowledged += figures.acknowledged
        total.verified += figures.verified
        total.in_flight_committed += figures.in_flight_committed
        total.hot_journals += figures.hot_journals
        total.verified_interrupted += figures.verified_interrupted
        for kind, count in figures.ops.items():
            total.ops[kind] = total.ops.get(kind, 0) + count
    print(
        f"\ncrash harness (seed {master}, {elapsed:.1f} s): {total.kills} SIGKILLs "
        f"({total.early_kills} during start-up), {total.acknowledged} acknowledged operations "
        f"{dict(sorted(total.ops.items()))}, {total.verified} reopen checks passed, "
        f"{total.in_flight_committed} kills after a commit but before its ACK, "
        f"{total.hot_journals} kills left an interrupted write that was rolled back "
        f"({total.verified_interrupted} verified as interrupted and whole)"
    )
    assert total.kills == 2 * kills
    assert total.verified == total.kills
    assert total.acknowledged >= 2 * total.kills, "the writers were killed before doing meaningful work"
    if kills >= KILLS_PER_LANE:
        assert {"set", "paste", "import", "restore", "forms-in", "forms-status"} <= set(total.ops)


@pytest.fixture(autouse=True)
def _no_open_database() -> None:
    close_database()
