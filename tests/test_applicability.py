"""Responsibilities valid from a period on (issue 11 item 2): earlier periods keep their applicability and
totals; the migration gives today's matrix to every existing period."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from downgrade import downgrade

from balti_monitor.db import connection
from balti_monitor.db.connection import close_database, open_database
from balti_monitor.db.models import Action, Period, PeriodResponsibility, Plan, Responsibility, Subdivision
from balti_monitor.services.applicability import apply_from_period, period_state, restore, snapshot
from balti_monitor.services.bundled import load_demo
from balti_monitor.services.periods import PeriodKey, create_period
from balti_monitor.services.results import period_results


def _schema(path: Path) -> list[tuple[str, str, str]]:
    raw = sqlite3.connect(path)
    try:
        rows = raw.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
        ).fetchall()
    finally:
        raw.close()
    return [(t, n, s or "") for t, n, s in rows]


def test_migrated_file_matches_a_fresh_one_and_every_period_gets_todays_matrix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = connection.MIGRATIONS.index(connection._migrate_period_responsibilities_and_acknowledgements)
    before_mine = mine + 1  # the schema version this migration upgrades from
    monkeypatch.setattr(connection, "SCHEMA_VERSION", before_mine + 1)
    monkeypatch.setattr(connection, "MIGRATIONS", connection.MIGRATIONS[: mine + 1])
    fresh = tmp_path / "fresh.sqlite"
    open_database(fresh)
    close_database()
    downgrade(fresh, before_mine + 1)  # without what later migrations add to the models
    open_database(fresh)
    close_database()

    old = tmp_path / "old.sqlite"
    open_database(old)
    load_demo()
    create_period(Plan.get(), PeriodKey(2023, 2))
    close_database()
    downgrade(old, before_mine)  # the file as the version before this migration left it

    open_database(old)
    try:
        matrix = sorted(
            (r.action_id, r.subdivision_id, r.position, tuple(r.indicators)) for r in Responsibility.select()
        )
        for period in Period.select():
            rows = PeriodResponsibility.select().where(PeriodResponsibility.period == period)
            assert (
                sorted((r.action_id, r.subdivision_id, r.position, tuple(r.indicators)) for r in rows)
                == matrix
            )
    finally:
        close_database()
    assert _schema(old) == _schema(fresh)
    assert list(tmp_path.glob(f"old-inainte-de-migrare-v{before_mine}.sqlite"))


@pytest.fixture
def two_periods(tmp_path: Path):
    open_database(tmp_path / "d.sqlite")
    s1, _ = load_demo()
    s2, _ = create_period(Plan.get(), PeriodKey(2023, 2))
    yield s1, s2
    close_database()


def _sid(code: str) -> int:
    return int(Subdivision.get(Subdivision.code == code).id)


def test_a_change_from_a_period_on_leaves_earlier_periods_and_their_counts(two_periods) -> None:
    s1, s2 = two_periods
    action = Action.get(Action.code == "1.1")
    counts_before = period_results(s1, [action.id])[action.id].totals.counts
    assert (counts_before.n_all, counts_before.n_arrears, counts_before.n_none) == (2, 0, 0)
    state = period_state(s2, action.id)
    after = [(sid, [*numbers, 1] if sid == _sid("DSP") else numbers) for sid, numbers in state]
    snap = snapshot(action.id)
    apply_from_period(action.id, s2.id, after)
    assert period_state(s2, action.id) == [(sid, sorted(set(n))) for sid, n in after]
    assert period_state(s1, action.id) == state  # earlier period: unchanged
    counts = period_results(s1, [action.id])[action.id].totals.counts
    assert (counts.n_all, counts.n_arrears, counts.n_none) == (2, 0, 0)
    s3, _ = create_period(Plan.get(), PeriodKey(2024, 1))  # a later period starts from the new matrix
    assert 1 in dict(period_state(s3, action.id))[_sid("DSP")]
    restore(snap)
    assert period_state(s2, action.id) == state


def test_a_change_from_the_first_period_applies_to_later_ones_too(two_periods) -> None:
    s1, s2 = two_periods
    action = Action.get(Action.code == "1.1")
    state = period_state(s1, action.id)
    after = [(sid, [5, 6] if sid == _sid("DSP") else numbers) for sid, numbers in state]
    apply_from_period(action.id, s1.id, after)
    assert dict(period_state(s1, action.id))[_sid("DSP")] == [5, 6]
    assert dict(period_state(s2, action.id))[_sid("DSP")] == [5, 6]


def test_json_round_trip_keeps_each_periods_responsibilities(two_periods, tmp_path: Path) -> None:
    from balti_monitor.interchange.json_io import export_document, export_json, import_json

    _s1, s2 = two_periods
    action = Action.get(Action.code == "1.1")
    state = period_state(s2, action.id)
    apply_from_period(action.id, s2.id, [(sid, [1, 5] if sid == _sid("DSP") else n) for sid, n in state])
    from balti_monitor.services.acknowledgements import acknowledge

    acknowledge(s2, f"1.1/-/{_sid('DSP')}/no_return", "Serviciul a fost reorganizat.")
    document = export_document()
    out = tmp_path / "x.json"
    export_json(out)
    close_database()
    open_database(tmp_path / "e.sqlite")
    import_json(out)
    assert export_document() == document
    s1b = Period.get((Period.year == 2023) & (Period.semester == 1))
    s2b = Period.get((Period.year == 2023) & (Period.semester == 2))
    action_b = Action.get(Action.code == "1.1")
    assert dict(period_state(s1b, action_b.id))[_sid("DSP")] == [5]
    assert dict(period_state(s2b, action_b.id))[_sid("DSP")] == [1, 5]
    assert json.loads(out.read_text(encoding="utf-8"))["plans"][0]["periods"][0]["responsible"]
    acknowledged = period_results(s2b, [action_b.id])[action_b.id].acknowledged
    assert [(f.key, note) for f, note in acknowledged] == [
        (f"1.1/-/{_sid('DSP')}/no_return", "Serviciul a fost reorganizat.")
    ]
