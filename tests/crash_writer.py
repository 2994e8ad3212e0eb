"""Writer process for the crash-safety harness (tests/test_crash_safety.py); also the shared op model.

Run as ``python crash_writer.py DB LAYOUT START SEED [COUNT]``: it opens ``DB`` the way the program does
(:func:`balti_monitor.services.safe_open.open_safely`: single-writer lock, checks, automatic backup), prints
``READY``, then performs the numbered operations START, START+1, ... and prints ``ACK n`` after operation
``n`` has returned (i.e. is committed). The harness kills it with SIGKILL at random moments; with COUNT
it stops by itself after COUNT operations and closes the file normally.

Every operation *sets* cells to values derived from its number, so replaying one is harmless and the
expected content after operations 1..n can be computed without the database (:func:`apply_op`):

* ``set``     - one cell (:func:`set_cell`), sometimes cleared;
* ``paste``   - every cell of the paste block at once (:func:`set_cells`, all or nothing);
* ``import``  - the whole file replaced by a JSON document holding every tracked cell
  (:func:`import_json_with_backup`, replace=True);
* ``restore`` - the whole file replaced by one of two prepared backup files (:func:`restore_from`);
* ``forms-in`` - a return form of one subdivision generated (forms-out), filled by key and imported
  (preview, then :func:`apply_import`, one transaction for all its cells);
* ``forms-status`` - another subdivision's form status set (:func:`set_form_state`).

A cell is ``(action code, subdivision code, column)``; column 0 is the description. The form status of the
``forms-status`` subdivision is tracked as the pseudo-cell ``("#status", subdivision code, -1)``.
"""

from __future__ import annotations

import copy
import json
import random
import sqlite3
import sys
from pathlib import Path
from typing import Any

Cell = tuple[str, str, int]
State = dict[Cell, str | None]


def load_layout(path: Path) -> dict[str, Any]:
    """The layout file written by the harness (cells as lists in JSON, tuples here)."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    data["single"] = [tuple(c) for c in data["single"]]
    data["paste"] = [tuple(c) for c in data["paste"]]
    data["form"] = [tuple(c) for c in data.get("form", [])]
    data["restore_states"] = [
        {tuple(json.loads(k)): v for k, v in state.items()} for state in data["restore_states"]
    ]
    return data


FORM_STATES = ("sent", "received", "needs_correction")


def status_cell(layout: dict[str, Any]) -> Cell | None:
    """The pseudo-cell holding the tracked form status (None when the layout has no forms)."""
    return ("#status", layout["status_subdivision"], -1) if layout.get("status_subdivision") else None


def tracked(layout: dict[str, Any]) -> list[Cell]:
    """Every cell the harness checks (the form status too, when the layout has forms)."""
    status = status_cell(layout)
    return (
        list(layout["single"]) + list(layout["paste"]) + list(layout["form"]) + ([status] if status else [])
    )


def op_of(n: int, seed: int, layout: dict[str, Any]) -> tuple[str, Any]:
    """Operation ``n`` (deterministic): ("set", (cell, text|None)), ("paste", {cell: text}),
    ("import", {cell: text}) or ("restore", index)."""
    rng = random.Random(seed * 1_000_003 + n)
    x = rng.random()
    forms = bool(layout["form"])
    if x < (0.45 if forms else 0.55):
        cell = layout["single"][rng.randrange(len(layout["single"]))]
        text = None if rng.random() < 0.1 else f"e{n}" if cell[2] == 0 else f"{n} acte"
        return "set", (cell, text)
    if x < (0.70 if forms else 0.86):
        return "paste", {cell: f"p{n}-{j}" for j, cell in enumerate(layout["paste"])}
    if forms and x < 0.78:
        return "forms-status", FORM_STATES[n % len(FORM_STATES)]
    if forms and x < 0.88:
        return "forms-in", {
            cell: f"f{n}-{j}" if cell[2] == 0 else f"{n} formulare" for j, cell in enumerate(layout["form"])
        }
    if x < 0.95:
        cells = [c for c in tracked(layout) if c[0] != "#status"]
        return "import", {cell: f"i{n}-{j}" for j, cell in enumerate(cells)}
    return "restore", n % 2


def apply_op(state: State, n: int, seed: int, layout: dict[str, Any]) -> State:
    """The expected content after operation ``n`` (a new dict)."""
    kind, arg = op_of(n, seed, layout)
    new = dict(state)
    if kind == "set":
        cell, text = arg
        new[cell] = text
    elif kind in ("paste", "forms-in"):
        new.update(arg)
    elif kind == "forms-status":
        status = status_cell(layout)
        assert status is not None
        new[status] = arg
    elif kind == "import":
        new = {cell: None for cell in tracked(layout)}
        new.update(arg)
    else:
        new = {cell: None for cell in tracked(layout)}
        new.update(layout["restore_states"][arg])
    return {cell: (None if text == "" else text) for cell, text in new.items()}


def read_state(db: Path, layout: dict[str, Any]) -> tuple[State, dict[str, int]]:
    """Tracked cells and structure counts as stored in ``db`` (plain sqlite3, no program code)."""
    year, semester = layout["period"]
    conn = sqlite3.connect(db)
    try:
        state: State = {cell: None for cell in tracked(layout)}
        rows = conn.execute(
            'SELECT a.code, s.code, r.description FROM "return" r JOIN action a ON r.action_id = a.id '
            "JOIN subdivision s ON r.subdivision_id = s.id JOIN period p ON r.period_id = p.id "
            "WHERE p.year = ? AND p.semester = ?",
            (year, semester),
        ).fetchall()
        for action, sub, description in rows:
            if (action, sub, 0) in state:
                state[(action, sub, 0)] = description or None
        rows = conn.execute(
            'SELECT a.code, s.code, i.number, v.raw_text FROM value v JOIN "return" r ON v.return_id = r.id '
            "JOIN indicator i ON v.indicator_id = i.id JOIN action a ON r.action_id = a.id "
            "JOIN subdivision s ON r.subdivision_id = s.id JOIN period p ON r.period_id = p.id "
            "WHERE p.year = ? AND p.semester = ?",
            (year, semester),
        ).fetchall()
        for action, sub, number, raw in rows:
            if (action, sub, number) in state:
                state[(action, sub, number)] = raw
        status = status_cell(layout)
        if status is not None:
            row = conn.execute(
                "SELECT f.status FROM form_status f JOIN subdivision s ON f.subdivision_id = s.id "
                "JOIN period p ON f.period_id = p.id WHERE p.year = ? AND p.semester = ? AND s.code = ?",
                (year, semester, status[1]),
            ).fetchone()
            state[status] = row[0] if row else None
        counts = {
            table: int(conn.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0])
            for table in (
                "plan",
                "priority",
                "action",
                "indicator",
                "subdivision",
                "responsibility",
                "period",
            )
        }
    finally:
        conn.close()
    return state, counts


def _import_document(base: dict[str, Any], values: dict[Cell, str], layout: dict[str, Any]) -> dict[str, Any]:
    doc = copy.deepcopy(base)
    year, semester = layout["period"]
    period = next(p for p in doc["plans"][0]["periods"] if (p["year"], p["semester"]) == (year, semester))
    returns: dict[tuple[str, str], dict[str, Any]] = {}
    for (action, sub, column), text in values.items():
        ret = returns.setdefault(
            (action, sub),
            {
                "action": action,
                "subdivision": sub,
                "description": "",
                "received_date": None,
                "review_status": "received",
                "status": "",
                "updated_at": "2023-07-01T10:00:00",
                "values": [],
            },
        )
        if column == 0:
            ret["description"] = text
        else:
            ret["values"].append({"indicator": column, "raw_text": text})
    for ret in returns.values():
        ret["values"].sort(key=lambda v: v["indicator"])
    period["returns"] = [returns[key] for key in sorted(returns)]
    period["overrides"] = []
    return doc


def fill_form(path: Path, texts: dict[str, str]) -> Path:
    """Type ``texts`` into the value cells of the rows with these hidden keys (as a subdivision would)."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb["Retur"]
    found = set()
    for row in ws.iter_rows():
        key = row[0].value
        if key in texts:
            row[3].value = texts[key]
            found.add(key)
    if found != set(texts):
        raise SystemExit(f"rows missing from the form: {set(texts) - found}")
    filled = path.with_name("filled-" + path.name)
    wb.save(filled)
    return filled


def main() -> None:
    """Open the database and perform numbered operations until killed."""
    db, layout_path, start, seed = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    count = int(sys.argv[5]) if len(sys.argv) > 5 else 1_000_000
    layout = load_layout(layout_path)
    base_doc = json.loads(Path(layout["base_document"]).read_text(encoding="utf-8"))

    from balti_monitor.db.models import Action, Period, Plan, Priority, Subdivision
    from balti_monitor.interchange.forms_common import set_form_state
    from balti_monitor.interchange.forms_in import apply_import, preview_import
    from balti_monitor.interchange.forms_out import FormsOutOptions, generate_forms
    from balti_monitor.interchange.json_io import import_json_with_backup
    from balti_monitor.services.editing import CellEdit, set_cells
    from balti_monitor.services.restore import restore_from
    from balti_monitor.services.safe_open import close_safely, open_safely

    open_safely(db, create=False)
    out = sys.stdout
    out.write("READY\n")
    out.flush()
    year, semester = layout["period"]
    scratch = db.with_name(db.stem + "-import.json")

    def ids() -> tuple[Period, dict[str, int], dict[str, int]]:
        plan = Plan.get()
        period = Period.get((Period.plan == plan) & (Period.year == year) & (Period.semester == semester))
        actions = {
            a.code: a.id
            for a in Action.select(Action.id, Action.code).join(Priority).where(Priority.plan == plan)
        }
        subs = {s.code: s.id for s in Subdivision.select(Subdivision.id, Subdivision.code)}
        return period, actions, subs

    n = start
    while n < start + count:
        kind, arg = op_of(n, seed, layout)
        if kind in ("set", "paste"):
            period, actions, subs = ids()
            cells = [arg] if kind == "set" else list(arg.items())
            by_action: dict[str, list[CellEdit]] = {}
            for (action, sub, column), text in cells:
                by_action.setdefault(action, []).append(CellEdit(subs[sub], column, text))
            if len(by_action) != 1:
                raise SystemExit("a paste must stay within one action")
            ((action, edits),) = by_action.items()
            set_cells(period, actions[action], edits)
        elif kind == "import":
            tmp = scratch.with_name(scratch.name + ".part")
            tmp.write_text(
                json.dumps(_import_document(base_doc, arg, layout), ensure_ascii=False), encoding="utf-8"
            )
            tmp.replace(scratch)
            import_json_with_backup(scratch, replace=True)
        elif kind == "forms-status":
            period, _actions, subs = ids()
            set_form_state(period, subs[layout["status_subdivision"]], arg)
        elif kind == "forms-in":
            period, _actions, subs = ids()
            sub = layout["form"][0][1]
            folder = db.with_name(db.stem + "-forms")
            result = generate_forms(
                period,
                folder,
                FormsOutOptions(
                    subdivision_ids=frozenset({subs[sub]}),
                    all_indicators=True,
                    prefill_current=False,
                    overwrite=True,
                ),
            )
            form = fill_form(
                result.forms[0].path, {f"{c[0]}#{'D' if c[2] == 0 else c[2]}": t for c, t in arg.items()}
            )
            preview = preview_import([form], period)
            if preview.refused:
                raise SystemExit(f"form refused: {preview.refused[0].message}")
            apply_import(preview, [c.ref for c in preview.conflicts])
        else:
            restore_from(Path(layout["restore_files"][arg]))
        out.write(f"ACK {n}\n")
        out.flush()
        n += 1
    close_safely()


if __name__ == "__main__":
    main()
