"""The ``export`` sub-command: the semester report as a Word document."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from balti_monitor.cli.common import CommandError, default_plan, opened, period_arg, run_guarded
from balti_monitor.export.context import build_context, export_preflight
from balti_monitor.export.render import ExportError, ExportOptions, render_context
from balti_monitor.i18n import _


def register(sub: Any) -> None:
    """Add the ``export`` sub-command."""
    p = sub.add_parser("export", help=_("exportă raportul semestrial în Word (.docx)"))
    p.add_argument(
        "--period",
        metavar=_("PERIOADĂ"),
        help=_("de exemplu 2023-S1, 2023 sau 2017-2019; fără ea se scrie tabelul planului însuși"),
    )
    p.add_argument(
        "--out", required=True, metavar=_("FIȘIER"), help=_("documentul scris, de exemplu raport.docx")
    )
    p.add_argument(
        "--db",
        metavar=_("FIȘIER"),
        default=argparse.SUPPRESS,
        help=_("baza de date folosită (la fel ca opțiunea generală --db)"),
    )
    p.add_argument(
        "--priorities",
        metavar=_("LISTĂ"),
        help=_("doar aceste priorități, separate prin virgulă (de exemplu I,IV)"),
    )
    p.add_argument(
        "--omit-empty",
        action="store_true",
        help=_("omite acțiunile pentru care nu s-a primit nicio informație în perioadă"),
    )
    p.add_argument(
        "--template-dir",
        metavar=_("DOSAR"),
        help=_("dosar cu un șablon raport_semestrial.docx propriu (căutat înaintea celui inclus)"),
    )
    p.add_argument(
        "--review",
        action="store_true",
        help=_("copie de revizuire: un comentariu Word la fiecare total manual și la fiecare constatare"),
    )
    p.add_argument(
        "--pdf",
        action="store_true",
        help=_("scrie și un PDF alături (cu LibreOffice sau, pe Windows, cu Word)"),
    )
    p.add_argument(
        "--strict",
        action="store_true",
        help=_("nu scrie nimic și ieși cu codul 1 dacă verificarea dinaintea exportului semnalează ceva"),
    )
    p.add_argument("--author", metavar=_("NUME"), help=_("autorul scris în proprietățile documentului"))
    p.add_argument(
        "--chart-annex",
        action="store_true",
        help=_("adaugă „Anexă. Grafice”: acțiunile pe priorități și completitudinea pe perioade"),
    )
    p.add_argument(
        "--semester-columns",
        action="store_true",
        help=_("raport anual: trei coloane pe indicator, S1 | S2 | An (altfel doar valoarea anului)"),
    )
    p.add_argument("--quiet", action="store_true", help=_("nu afișa progresul"))
    p.set_defaults(func=run_guarded(cmd_export))


def _priorities(text: str | None) -> set[str] | None:
    if text is None:
        return None
    items = {item.strip() for item in text.split(",") if item.strip()}
    if not items:
        raise CommandError(_("Lista de priorități este goală."))
    return items


#: Options of the action-blocks report that have no meaning for a register (the plan's own table, or the
#: progress report of a plan whose kind prints a register).
_BLOCK_ONLY = ("priorities", "omit_empty", "review", "strict", "chart_annex", "semester_columns")


def _export_register(args: argparse.Namespace) -> int | None:
    """The register layout (``export/register.py``): the plan's own table without ``--period``, or the
    progress report of a plan whose kind prints a register. None: the plan's report is the action blocks."""
    from balti_monitor.export.register import export_register
    from balti_monitor.export.register_context import plan_register
    from balti_monitor.services.kinds import find_kind

    with opened(args, create=False):
        plan = default_plan()
        kind = find_kind(plan.kind)
        if args.period is not None and (kind is None or kind.report_layout != "register"):
            return None
        period = None if args.period is None else period_arg(plan, args.period)
        used = [name for name in _BLOCK_ONLY if getattr(args, name)]
        if used:
            option = "--" + used[0].replace("_", "-")
            raise CommandError(
                _(
                    "Opțiunea {option} nu se aplică acestui tabel (se aplică doar raportului pe acțiuni)."
                ).format(option=option)
            )
        try:
            register = plan_register(plan.id, None if period is None else period.id)
        except ExportError as exc:
            raise CommandError(str(exc)) from exc
    try:
        written = export_register(
            register, Path(args.out), Path(args.template_dir) if args.template_dir else None
        )
    except ExportError as exc:
        raise CommandError(str(exc)) from exc
    if period is not None:
        print(_("Raportul a fost salvat în {written}.").format(written=written))
    else:
        print(_("Tabelul planului a fost salvat în {written}.").format(written=written))
    if args.pdf:
        from balti_monitor.export.pdf import PdfUnavailable, convert_to_pdf

        try:
            pdf = convert_to_pdf(written)
        except PdfUnavailable as exc:
            sys.stderr.write(f"{exc}\n")
            return 1
        except ExportError as exc:
            raise CommandError(str(exc)) from exc
        print(_("PDF-ul a fost salvat în {pdf}.").format(pdf=pdf))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write the report of one period (or, without a period, the plan's own table)."""
    registered = _export_register(args)
    if registered is not None:
        return registered
    options = ExportOptions(
        priorities=_priorities(args.priorities),
        include_empty_actions=not args.omit_empty,
        template_dir=Path(args.template_dir) if args.template_dir else None,
        review=args.review,
        author=args.author or "",
        semester_columns=args.semester_columns,
        chart_annex=args.chart_annex,
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
            check = export_preflight(period.plan, period, options)
            context = build_context(period.plan, period, options)
        except ExportError as exc:
            raise CommandError(str(exc)) from exc
    print(check.as_text())
    if args.strict and not check.clean:
        sys.stderr.write(_("Exportul nu s-a făcut (--strict): rezolvați mai întâi cele de mai sus.\n"))
        return 1
    try:  # the database is closed again: writing the document needs only the context
        written = render_context(context, Path(args.out), options, progress)
    except ExportError as exc:
        raise CommandError(str(exc)) from exc
    if args.review:
        print(_("Copia de revizuire (cu comentarii) a fost salvată în {written}.").format(written=written))
    else:
        print(_("Raportul a fost salvat în {written}.").format(written=written))
    if args.pdf:
        from balti_monitor.export.pdf import PdfUnavailable, convert_to_pdf

        if not args.quiet and interactive:
            sys.stderr.write(_("Se creează PDF-ul…\n"))
        try:
            pdf = convert_to_pdf(written)
        except PdfUnavailable as exc:
            sys.stderr.write(f"{exc}\n")
            return 1
        except ExportError as exc:
            raise CommandError(str(exc)) from exc
        print(_("PDF-ul a fost salvat în {pdf}.").format(pdf=pdf))
    return 0
