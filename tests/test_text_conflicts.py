"""Several people on one server saving the same text (beside the grid's cells, tests/test_cell_conflicts.py):
the progress of an action as a whole, the report's texts, a Total typed by hand. Each write carries what was
read; the second save of the same text is refused with both values and nothing changes; "keep mine" saves
over what is there now; the same text saved by both is no conflict; an undo does not overwrite what somebody
saved after it. On both engines ("another person" is a second write made between the read and the save)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from balti_monitor.domain.grid import OverrideDef
from balti_monitor.services.audit import apply_recorded
from balti_monitor.services.changes import Write
from balti_monitor.services.editing import (
    OverrideConflict,
    SetOverride,
    TotalShown,
    action_by_code,
    override_of,
)
from balti_monitor.services.narrative import NarrativeConflict, SaveNarrative, get_narrative
from balti_monitor.services.progress import (
    Link,
    ProgressConflict,
    ProgressState,
    SaveProgress,
    action_progress,
)


def save(write: Write) -> Any:
    return apply_recorded(write, "typed")


# -- the progress of an action as a whole (status grid) -------------------------------------------------------


@pytest.fixture
def item(engine_plan_db: str) -> tuple[int, int]:
    """An item of an open-government plan (progress per action) with progress written: (action, period)."""
    from kind_plans import open_government_plan

    ids = open_government_plan()
    SaveProgress(ids["1.1"], ids["period"], "Sondaj lansat.", "În proces de realizare").apply()
    return ids["1.1"], ids["period"]


def progress(place: tuple[int, int]) -> ProgressState:
    return action_progress(*place).state


def test_the_second_save_of_the_same_progress_is_refused_with_both_texts(item: tuple[int, int]) -> None:
    read = progress(item)  # both people's windows show this
    save(SaveProgress(*item, "Sondaj încheiat: 300 de răspunsuri.", read.status, read.links, read))
    mine = SaveProgress(*item, "Sondaj amânat.", read.status, read.links, read)
    with pytest.raises(ProgressConflict) as refused:
        save(mine)
    assert "Sondaj încheiat: 300 de răspunsuri." in str(refused.value)
    assert "Sondaj amânat." in str(refused.value)
    [clash] = refused.value.clashes
    assert (clash.field, clash.read, clash.mine, clash.theirs) == (
        "description",
        "Sondaj lansat.",
        "Sondaj amânat.",
        "Sondaj încheiat: 300 de răspunsuri.",
    )
    assert progress(item).description == "Sondaj încheiat: 300 de răspunsuri."  # nothing overwritten
    save(mine.over(refused.value))  # keep mine
    assert progress(item) == ProgressState("Sondaj amânat.", "În proces de realizare")


def test_different_fields_of_the_same_item_both_succeed(item: tuple[int, int]) -> None:
    read = progress(item)
    save(SaveProgress(*item, read.description, "Realizată", read.links, read))  # somebody picks a status
    link = (Link("sondaj", "https://docs.google.com/f"),)
    save(SaveProgress(*item, "Sondaj încheiat.", read.status, link, read))  # I write the text and a link
    assert progress(item) == ProgressState("Sondaj încheiat.", "Realizată", link)  # their status is kept


def test_the_same_progress_saved_by_both_is_no_conflict(item: tuple[int, int]) -> None:
    read = progress(item)
    save(SaveProgress(*item, read.description, "Realizată", read.links, read))
    save(SaveProgress(*item, read.description, "Realizată", read.links, read))
    assert progress(item).status == "Realizată"


def test_a_first_entry_typed_by_two_people_is_versioned_too(item: tuple[int, int]) -> None:
    action, period = item
    other = action + 1  # 1.2, nothing written yet
    empty = progress((other, period))
    assert empty == ProgressState()
    save(SaveProgress(other, period, "Portal extins.", "", (), empty))
    with pytest.raises(ProgressConflict) as refused:
        save(SaveProgress(other, period, "Portal în lucru.", "", (), empty))
    assert refused.value.theirs == ProgressState("Portal extins.")
    assert progress((other, period)).description == "Portal extins."


def test_an_undo_does_not_overwrite_the_progress_somebody_saved_after(item: tuple[int, int]) -> None:
    read = progress(item)
    mine = save(SaveProgress(*item, "Sondaj încheiat.", read.status, read.links, read))
    after = progress(item)
    save(SaveProgress(*item, "Sondaj încheiat; raport publicat.", after.status, after.links, after))
    with pytest.raises(ProgressConflict):
        save(mine.inverse)
    assert progress(item).description == "Sondaj încheiat; raport publicat."
    # an undo right after the write, with nobody in between, still works
    again = save(SaveProgress(*item, "Text final.", after.status, after.links, progress(item)))
    save(again.inverse)
    assert progress(item).description == "Sondaj încheiat; raport publicat."


def test_a_write_without_a_version_is_not_checked(item: tuple[int, int]) -> None:
    save(SaveProgress(*item, "Importat.", "Realizată"))  # an import, the command line
    save(SaveProgress(*item, "Importat din nou.", "Realizată"))
    assert progress(item).description == "Importat din nou."


# -- the report's texts ("Textul raportului") ----------------------------------------------------------------


@pytest.fixture
def period(engine_demo_db: str) -> int:
    from balti_monitor.db.models import Period

    return int(Period.select().order_by(Period.id.desc()).first().id)


def test_the_second_save_of_the_same_report_text_is_refused_with_both_texts(period: int) -> None:
    read = get_narrative(period)
    save(SaveNarrative(period, replace(read, executive_summary="Rezumatul colegei."), read))
    mine = SaveNarrative(period, replace(read, executive_summary="Rezumatul meu."), read)
    with pytest.raises(NarrativeConflict) as refused:
        save(mine)
    assert "Rezumatul colegei." in str(refused.value) and "Rezumatul meu." in str(refused.value)
    [clash] = refused.value.clashes
    assert (clash.field, clash.mine, clash.theirs) == (
        "executive_summary",
        "Rezumatul meu.",
        "Rezumatul colegei.",
    )
    assert get_narrative(period).executive_summary == "Rezumatul colegei."  # nothing overwritten
    save(mine.over(refused.value))  # keep mine
    assert get_narrative(period).executive_summary == "Rezumatul meu."


def test_different_texts_of_the_report_both_succeed(period: int) -> None:
    read = get_narrative(period)
    save(SaveNarrative(period, replace(read, risks=["Riscul colegei."]), read))
    save(SaveNarrative(period, replace(read, proposals=["Propunerea mea."]), read))
    stored = get_narrative(period)
    assert (stored.risks, stored.proposals) == (["Riscul colegei."], ["Propunerea mea."])
    assert stored.executive_summary == read.executive_summary


def test_the_same_report_text_saved_by_both_is_no_conflict(period: int) -> None:
    read = get_narrative(period)
    same = replace(read, risks_intro="Pot apărea următoarele riscuri:")
    save(SaveNarrative(period, same, read))
    save(SaveNarrative(period, same, read))
    assert get_narrative(period).risks_intro == "Pot apărea următoarele riscuri:"


def test_an_undo_does_not_overwrite_the_report_text_somebody_saved_after(period: int) -> None:
    read = get_narrative(period)
    mine = save(SaveNarrative(period, replace(read, executive_summary="Al meu."), read))
    after = get_narrative(period)
    save(SaveNarrative(period, replace(after, executive_summary="Al colegei, după."), after))
    with pytest.raises(NarrativeConflict):
        save(mine.inverse)
    assert get_narrative(period).executive_summary == "Al colegei, după."


def test_undoing_the_first_report_text_keeps_what_somebody_else_wrote_beside(engine_demo_db: str) -> None:
    from balti_monitor.db.models import Narrative, Period

    period = int(Period.select().order_by(Period.id.desc()).first().id)
    Narrative.delete().where(Narrative.period == period).execute()
    empty = get_narrative(period)
    mine = save(SaveNarrative(period, replace(empty, executive_summary="Primul text."), empty))
    after = get_narrative(period)
    save(SaveNarrative(period, replace(after, prepared_by_name="Ana Popescu"), after))  # the colleague
    save(mine.inverse)  # my text goes, the colleague's name stays
    stored = get_narrative(period)
    assert (stored.executive_summary, stored.prepared_by_name) == ("", "Ana Popescu")
    Narrative.delete().where(Narrative.period == period).execute()
    undo_everything = save(SaveNarrative(period, replace(empty, executive_summary="Alt text."), empty))
    save(undo_everything.inverse)  # nobody else wrote: no narrative at all, as before
    assert Narrative.get_or_none(Narrative.period == period) is None


# -- a Total typed by hand ------------------------------------------------------------------------------------


@pytest.fixture
def total(engine_demo_db: str) -> tuple[int, int, int]:
    """A Total cell of the demo: (period, action 1.13, indicator 1), computed (no manual Total)."""
    from balti_monitor.db.models import Period, Plan

    place = int(Period.get().id), int(action_by_code(Plan.get().id, "1.13").id), 1
    assert override_of(*place) is None
    return place


def typed(place: tuple[int, int, int]) -> OverrideDef | None:
    row = override_of(*place)
    return None if row is None else OverrideDef(row.raw_text, row.reason, row.author)


def test_the_second_manual_total_of_the_same_cell_is_refused_with_both(total: tuple[int, int, int]) -> None:
    read = TotalShown(typed(total))  # the computed Total, in both windows
    save(SetOverride(*total, OverrideDef("9 acte", "din registru", "Ana"), read))
    mine = SetOverride(*total, OverrideDef("11 acte", "din procesul-verbal", "Ion"), read)
    with pytest.raises(OverrideConflict) as refused:
        save(mine)
    assert "9 acte" in str(refused.value) and "11 acte" in str(refused.value)
    assert refused.value.theirs == OverrideDef("9 acte", "din registru", "Ana")
    assert typed(total) == OverrideDef("9 acte", "din registru", "Ana")  # nothing overwritten
    save(mine.over(refused.value))  # keep mine
    assert typed(total) == OverrideDef("11 acte", "din procesul-verbal", "Ion")


def test_going_back_to_the_computed_total_over_someone_elses_is_refused(total: tuple[int, int, int]) -> None:
    save(SetOverride(*total, OverrideDef("9 acte", "din registru")))
    read = TotalShown(typed(total))
    save(SetOverride(*total, OverrideDef("10 acte", "corectat"), read))  # the colleague
    with pytest.raises(OverrideConflict) as refused:
        save(SetOverride(*total, None, read))  # I clear it: "computed" against their new value
    assert refused.value.clashes[0].mine is None
    assert typed(total) == OverrideDef("10 acte", "corectat")


def test_the_same_manual_total_typed_by_both_is_no_conflict(total: tuple[int, int, int]) -> None:
    read = TotalShown(None)
    save(SetOverride(*total, OverrideDef("9 acte", "din registru", "Ana"), read))
    save(SetOverride(*total, OverrideDef("9 acte", "din registru", "Ion"), read))
    assert typed(total) == OverrideDef("9 acte", "din registru", "Ion")


def test_an_undo_does_not_overwrite_the_total_somebody_typed_after(total: tuple[int, int, int]) -> None:
    mine = save(SetOverride(*total, OverrideDef("9 acte", "din registru"), TotalShown(None)))
    after = TotalShown(typed(total))
    save(SetOverride(*total, OverrideDef("12 acte", "recalculat"), after))  # the colleague, after
    with pytest.raises(OverrideConflict):
        save(mine.inverse)  # would bring back the computed Total over theirs
    assert typed(total) == OverrideDef("12 acte", "recalculat")
    again = save(SetOverride(*total, OverrideDef("13 acte", "final"), TotalShown(typed(total))))
    save(again.inverse)  # nobody in between: the undo works
    assert typed(total) == OverrideDef("12 acte", "recalculat")


# -- at the same moment, on a server (each person its own connection) ------------------------------------------


def _at_once(*writes: Write) -> list[str]:
    """Apply the writes from as many threads, released together: "saved" or "conflict" for each."""
    import threading

    from balti_monitor.db.models import database
    from balti_monitor.services.conflicts import EditConflict

    start = threading.Barrier(len(writes))
    outcome: list[str] = []

    def person(write: Write) -> None:
        database.connect(reuse_if_open=True)
        try:
            start.wait()
            save(write)
            outcome.append("saved")
        except EditConflict:
            outcome.append("conflict")
        except BaseException as exc:
            outcome.append(repr(exc))
        finally:
            database.close()

    threads = [threading.Thread(target=person, args=(w,)) for w in writes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcome)


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_two_people_typing_the_first_progress_of_an_item_at_once(item: tuple[int, int]) -> None:
    action, period = item
    other, empty = action + 1, ProgressState()
    outcome = _at_once(
        SaveProgress(other, period, "Portal extins.", "", (), empty),
        SaveProgress(other, period, "Portal în lucru.", "", (), empty),
    )
    assert outcome == ["conflict", "saved"]  # never two entries, never a crash, never a silent overwrite
    assert progress((other, period)).description in ("Portal extins.", "Portal în lucru.")


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_two_people_saving_the_same_progress_text_at_once(item: tuple[int, int]) -> None:
    read = progress(item)
    outcome = _at_once(
        SaveProgress(*item, "Varianta Anei.", read.status, read.links, read),
        SaveProgress(*item, "Varianta lui Ion.", read.status, read.links, read),
    )
    assert outcome == ["conflict", "saved"]


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_two_people_saving_the_same_report_text_at_once(period: int) -> None:
    read = get_narrative(period)
    outcome = _at_once(
        SaveNarrative(period, replace(read, executive_summary="Rezumatul Anei."), read),
        SaveNarrative(period, replace(read, executive_summary="Rezumatul lui Ion."), read),
    )
    assert outcome == ["conflict", "saved"]


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_two_people_typing_the_same_manual_total_at_once(total: tuple[int, int, int]) -> None:
    outcome = _at_once(
        SetOverride(*total, OverrideDef("9 acte", "din registru"), TotalShown(None)),
        SetOverride(*total, OverrideDef("11 acte", "din procesul-verbal"), TotalShown(None)),
    )
    assert outcome == ["conflict", "saved"]
    assert typed(total) in (
        OverrideDef("9 acte", "din registru"),
        OverrideDef("11 acte", "din procesul-verbal"),
    )
