"""Search in Russian texts: е and ё are one letter for the search (Russian writes either), while the Latin
diacritics stay folded as before; nothing stored changes."""

from __future__ import annotations

from pathlib import Path

from balti_monitor.db.models import Return
from balti_monitor.services.search import match_expression, search, yo_spellings


def test_a_word_with_e_or_yo_matches_both_spellings(demo_db: Path) -> None:
    first, second, third = Return.select().limit(3)
    first.description = "Отчёт о проверке подготовлен"
    first.save()
    second.description = "Отчет о проверке подготовлен"
    second.save()
    third.description = "Ещё один отчет"
    third.save()
    written = {first.id: "Отчёт о проверке подготовлен", second.id: "Отчет о проверке подготовлен"}
    for query in ("отчет", "отчёт", "ОТЧЕТ", "отчё"):
        found = {(h.action_id, h.subdivision_id) for h in search(query) if h.kind == "descriere"}
        expected = {(r.action_id, r.subdivision_id) for r in (first, second, third)}
        assert found == expected, query
    assert {(h.action_id, h.subdivision_id) for h in search("еще один")} == {
        (third.action_id, third.subdivision_id)
    }
    # raw text is never changed by the search
    for ret_id, text in written.items():
        assert Return.get_by_id(ret_id).description == text


def test_romanian_search_stays_diacritics_insensitive(demo_db: Path) -> None:
    assert search("sesizari") and search("sesizari") == search("sesizări")
    assert search("şedinţe") == search("ședințe")


def test_the_query_spells_each_e_yo_word_both_ways() -> None:
    assert yo_spellings("отчет") == ["отчет", "отчёт"]
    assert set(yo_spellings("ещё")) == {"ещё", "еще", "ёще", "ёщё"}
    assert len(yo_spellings("еееее")) <= 3  # bounded: all-е and all-ё only
    assert yo_spellings("sesizari") == ["sesizari"]
    assert match_expression("отчет ș") == '("отчет"* OR "отчёт"*) AND "ș"'
