"""The messages of the plan kinds, the plan editor and the server in Russian as well as Romanian (issue 17):
what a user reads in Russian mode is Russian, and every count takes the form of its number in both languages
(1 комментарий / 2 комментария / 5 комментариев; 1 comentariu / 2 comentarii / 20 de comentarii)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from balti_monitor.cli import main
from balti_monitor.domain.kinds import KindError, load_kind
from balti_monitor.i18n import set_language
from balti_monitor.services.engine_copy import CopyResult
from balti_monitor.services.plan_delete import ItemContents
from balti_monitor.services.progress import Link, link_problem

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def russian() -> Iterator[None]:
    set_language("ru")
    try:
        yield
    finally:
        set_language("ro")


def _contents(comments: int, values: int) -> ItemContents:
    return ItemContents("Acțiunea 1.3", (("value", values), ("cell_comment", comments)))


def test_what_a_deletion_loses_is_counted_by_each_number_in_romanian() -> None:
    assert _contents(1, 2).describe() == ("Acțiunea 1.3:\n• 2 valori ale indicatorilor;\n• 1 comentariu;")
    assert "• 20 de valori ale indicatorilor;\n• 19 comentarii;" in _contents(19, 20).describe()
    assert ItemContents("Acțiunea 1.3", ()).describe() == "Acțiunea 1.3 nu are date introduse."


def test_what_a_deletion_loses_is_counted_by_each_number_in_russian(russian: None) -> None:
    text = _contents(1, 3).describe()
    assert "• 3 значения индикаторов;" in text
    assert "• 1 комментарий;" in text
    assert "• 25 комментариев;" in _contents(25, 1).describe()
    assert "• 22 комментария;" in _contents(22, 1).describe()


def test_the_copy_confirmation_counts_rows_and_tables_in_either_language(russian: None) -> None:
    result = CopyResult("a.sqlite", "postgresql://server/db", {"plan": 1})
    assert result.message() == (
        "Данные из «a.sqlite» скопированы в «postgresql://server/db»: 1 строка в 1 таблице, "
        "каждая таблица проверена."
    )
    many = CopyResult("a.sqlite", "b.sqlite", {f"t{i}": 1 for i in range(21)})
    assert "21 строка в 21 таблице" in many.message()
    set_language("ro")
    assert "21 de rânduri în 21 de tabele, verificate tabel cu tabel." in many.message()
    assert "1 rând în 1 tabel," in result.message()


def test_a_wrong_kind_description_is_explained_in_russian(russian: None) -> None:
    document = json.loads((ROOT / "data" / "kinds" / "pla.json").read_text(encoding="utf-8"))
    document["columns"] = []
    with pytest.raises(KindError, match="у типа плана должен быть хотя бы один столбец"):
        load_kind(document)
    document = {**json.loads((ROOT / "data" / "kinds" / "pla.json").read_text(encoding="utf-8")), "code": 3}
    with pytest.raises(KindError, match=r"\$\.code: ожидалось значение типа «текст»"):
        load_kind(document)


def test_a_link_without_an_address_is_refused_in_russian(russian: None) -> None:
    assert link_problem(Link("Ordinul", "")) == "У ссылки «Ordinul» нет адреса."


def test_load_example_speaks_russian(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "date.sqlite"
    assert main(["--lang", "ru", "--db", str(db), "load-example", "nimic"]) == 2
    err = capsys.readouterr().err
    assert "Примера плана «nimic» не существует. Встроенные примеры: integritate-baltati" in err
    assert main(["--lang", "ru", "--db", str(db), "load-example", "integritate-baltati"]) == 0
    assert "Пример плана «" in capsys.readouterr().out
    assert main(["--db", str(db), "load-example", "integritate-baltati"]) == 2
    assert "este deja în acest fișier" in capsys.readouterr().err


def test_server_commands_refuse_a_file_in_russian(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "ru", "--db", str(tmp_path / "x.sqlite"), "server-setup"]) == 2
    assert "Эта команда работает с сервером PostgreSQL" in capsys.readouterr().err
