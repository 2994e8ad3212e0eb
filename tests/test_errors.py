"""Every refusal shares one base, and the command line and the application each report it in one place."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import pytest

from balti_monitor.cli.common import CommandError, run_guarded
from balti_monitor.errors import BaltiMonitorError
from balti_monitor.export.options import ExportError
from balti_monitor.interchange.schema import InterchangeError
from balti_monitor.services.errors import DatabaseError, ServiceError
from balti_monitor.services.safe_open import FileOpenError


@pytest.mark.parametrize(
    "kind", [ServiceError, DatabaseError, FileOpenError, InterchangeError, ExportError, CommandError]
)
def test_every_refusal_is_a_balti_monitor_error(kind: type[Exception]) -> None:
    assert issubclass(kind, BaltiMonitorError)


@pytest.mark.parametrize(
    "error",
    [
        ExportError("Șablonul raportului lipsește."),
        DatabaseError("Fișierul nu este o bază de date Bălți Monitor.", "foreign"),
        InterchangeError("$.plans[0].code: câmp obligatoriu lipsă."),
        ServiceError("Perioada nu mai există."),
    ],
)
def test_the_command_line_prints_any_refusal_in_romanian_with_exit_code_2(
    error: BaltiMonitorError, capsys: pytest.CaptureFixture[str]
) -> None:
    def command(args: argparse.Namespace) -> int:
        raise error

    guarded: Any = run_guarded(command)
    assert guarded(argparse.Namespace()) == 2
    assert capsys.readouterr().err == f"Eroare: {error}\n"


def test_the_application_explains_a_refusal_no_view_handled(
    qapp: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from balti_monitor.gui import app, dialogs

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: shown.append((title, text)))
    monkeypatch.setattr(app, "user_data_dir", lambda: tmp_path)
    error = ExportError("Documentul nu a putut fi scris: discul este plin.")
    app._report_unexpected(ExportError, error, None)
    assert shown == [("Operația nu a fost făcută", "Documentul nu a putut fi scris: discul este plin.")]
    assert not (tmp_path / "erori.log").exists()  # a refusal is not an unexpected error
