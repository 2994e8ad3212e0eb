"""The ``balti-monitor`` command: the GUI without arguments, sub-commands for everything else.

Each sub-command group lives in its own module with a ``register(subparsers)`` function; errors print a
Romanian message on stderr and exit non-zero without changing anything.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys
from collections.abc import Sequence

from balti_monitor import APP_NAME, __version__

#: Modules under balti_monitor.cli that add sub-commands.
COMMAND_MODULES = ["core", "report", "safety", "forms", "search", "periods"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


class _Parser(argparse.ArgumentParser):
    """argparse with Romanian error text."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"Eroare: {message}\n")
        raise SystemExit(EXIT_ERROR)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser."""
    parser = _Parser(
        prog="balti-monitor",
        description=f"{APP_NAME}: monitorizarea Planului local anticorupție 2023-2027 al municipiului Bălți.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--db", metavar="FIȘIER", help="baza de date folosită (implicit: cea din dosarul utilizatorului)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMANDĂ", parser_class=_Parser)
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"balti_monitor.cli.{name}")
        module.register(sub)
    return parser


def _utf8_output() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``balti-monitor`` script."""
    _utf8_output()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        return _start_gui(args.db)
    result: int = args.func(args)
    return result


def _start_gui(db: str | None) -> int:
    try:
        gui = importlib.import_module("balti_monitor.gui.app")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("balti_monitor.gui"):
            sys.stderr.write(
                "Interfața grafică nu este încă disponibilă în această versiune; "
                "folosiți comenzile (balti-monitor --help).\n"
            )
            return EXIT_ERROR
        raise
    result: int = gui.run(db)
    return result
