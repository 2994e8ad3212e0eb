"""The ``export`` sub-command: the semester report as a Word document."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from balti_monitor.cli.common import CommandError, default_plan, opened, period_arg, run_guarded
from balti_monitor.export.context import build_context, context_actions
from balti_monitor.export.render import ExportError, ExportOptions, render_context


def register(sub: Any) -> None:
    """Add the ``export`` sub-command."""
    p = sub.add_parser("export", help="exportă raportul semestrial în Word (.docx)")
    p.add_argument("--period", required=True, metavar="PERIOADĂ", help="de exemplu 2023-S1")
    p.add_argument("--out", required=True, metavar="FIȘIER", help="documentul scris, de exemplu raport.docx")
    p.add_argument(
        "--db",
        metavar="FIȘIER",
        default=argparse.SUPPRESS,
        help="baza de date folosită (la fel ca opțiunea generală --db)",
    )
    p.add_argument(
        "--priorities",
        metavar="LISTĂ",
        help="doar aceste priorități, separate prin virgulă (de exemplu I,IV)",
    )
    p.add_argument(
        "--omit-empty",
        action="store_true",
        help="omite acțiunile pentru care nu s-a primit nicio informație în perioadă",
    )
    p.add_argument(
        "--template-dir",
        metavar="DOSAR",
        help="dosar cu un șablon raport_semestrial.docx propriu (căutat înaintea celui inclus)",
    )
    p.add_argument("--quiet", action="store_true", help="nu afișa progresul")
    p.set_defaults(func=run_guarded(cmd_export))


def _priorities(text: str | None) -> set[str] | None:
    if text is None:
        return None
    items = {item.strip() for item in text.split(",") if item.strip()}
    if not items:
        raise CommandError("Lista de priorități este goală.")
    return items


def cmd_export(args: argparse.Namespace) -> int:
    """Write the report of one period."""
    options = ExportOptions(
        priorities=_priorities(args.priorities),
        include_empty_actions=not args.omit_empty,
        template_dir=Path(args.template_dir) if args.template_dir else None,
    )

    interactive = sys.stderr.isatty()

    def progress(done: int, total: int, message: str) -> None:
        # One line rewritten in place on a terminal; nothing when redirected (logs stay readable).
        if args.quiet or not interactive:
            return
        end = "\n" if done >= total else ""
        sys.stderr.write(f"\r\x1b[K[{done}/{total}] {message}{end}")
        sys.stderr.flush()

    with opened(args, create=False):
        period = period_arg(default_plan(), args.period)
        try:
            context = build_context(period.plan, period, options)
        except ExportError as exc:
            raise CommandError(str(exc)) from exc
    try:  # the database is closed again: writing the document needs only the context
        written = render_context(context, Path(args.out), options, progress)
    except ExportError as exc:
        raise CommandError(str(exc)) from exc
    for action in context_actions(context):
        for problem in action["problems"]:
            sys.stderr.write(
                f"Atenție: acțiunea {action['code']}, indicatorul {problem['indicator']}: {problem['message']} "
                "(celula din rândul Total a rămas goală; introduceți totalul manual).\n"
            )
    print(f"Raportul a fost salvat în {written}.")
    return 0
