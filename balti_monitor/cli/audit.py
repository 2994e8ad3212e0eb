"""The change log and signed periods from the command line: ``log``, ``sign``, ``unsign``,
``verify-report``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from balti_monitor.cli.common import default_plan, opened, period_arg, run_guarded, terminal_safe
from balti_monitor.i18n import _, ngettext, report_texts


def register(sub: Any) -> None:
    """Add the sub-commands."""
    p = sub.add_parser(
        "log",
        help=_("jurnalul modificărilor unei perioade (cine, când, ce, de unde)"),
        description=_(
            "Afișează modificările unei perioade, cele mai vechi întâi (sau le scrie în Excel cu --out)."
        ),
    )
    p.add_argument("--period", required=True, metavar=_("PERIOADĂ"), help=_("de exemplu 2023-S1"))
    p.add_argument("--action", metavar=_("COD"), help=_("doar acțiunea dată, de exemplu 1.13"))
    p.add_argument("--subdivision", metavar=_("ABREVIERE"), help=_("doar subdiviziunea dată"))
    p.add_argument("--out", metavar=_("FIȘIER.xlsx"), help=_("scrie jurnalul într-un registru Excel"))
    p.set_defaults(func=run_guarded(cmd_log))

    p = sub.add_parser(
        "completeness",
        help=_("cine a trimis și cine nu: returul fiecărei subdiviziuni pe acțiuni (text, cod 0)"),
        description=_(
            "Pentru fiecare subdiviziune: starea formularului și câte returi sunt lipsă, parțiale, de corectat, primite, acceptate, apoi ce lipsește; cu --out scrie „Lista restanțierilor” în Excel."
        ),
    )
    p.add_argument("--period", required=True, metavar=_("PERIOADĂ"))
    p.add_argument("--deadline", default="", metavar=_("ZZ.LL.AAAA"), help=_("termenul scris în listă"))
    p.add_argument("--out", metavar=_("FIȘIER.xlsx"), help=_("scrie lista restanțierilor în Excel"))
    p.set_defaults(func=run_guarded(cmd_completeness))

    p = sub.add_parser(
        "followups",
        help=_("comentariile de clarificat ale unei perioade (deschise; --all: toate comentariile)"),
    )
    p.add_argument("--period", required=True, metavar=_("PERIOADĂ"))
    p.add_argument("--all", action="store_true", help=_("și comentariile rezolvate sau fără urmărire"))
    p.set_defaults(func=run_guarded(cmd_followups))

    p = sub.add_parser(
        "sign",
        help=_("marchează perioada ca semnată cu raportul final (SHA-256) și o blochează"),
        description=_(
            "Păstrează amprenta SHA-256 a raportului semnat, cine și când; de acum orice modificare a datelor perioadei este refuzată până la retragerea semnăturii (unsign, cu motiv)."
        ),
    )
    p.add_argument("--period", required=True, metavar=_("PERIOADĂ"))
    p.add_argument("--report", required=True, metavar=_("FIȘIER.docx"), help=_("raportul final exportat"))
    p.set_defaults(func=run_guarded(cmd_sign))

    p = sub.add_parser("unsign", help=_("retrage semnătura unei perioade (cu motiv, înregistrat în jurnal)"))
    p.add_argument("--period", required=True, metavar=_("PERIOADĂ"))
    p.add_argument("--reason", required=True, metavar=_("TEXT"), help=_("de ce se retrage semnătura"))
    p.set_defaults(func=run_guarded(cmd_unsign))

    p = sub.add_parser(
        "verify-report",
        help=_("spune dacă un document Word este raportul semnat al unei perioade (cod 1 dacă nu)"),
    )
    p.add_argument("report", metavar=_("FIȘIER.docx"))
    p.set_defaults(func=run_guarded(cmd_verify_report))


def cmd_log(args: argparse.Namespace) -> int:
    """Print (or write to Excel) the period's changes."""
    from balti_monitor.export.change_log import log_rows, write_log_xlsx
    from balti_monitor.services.audit import period_code_of, period_log

    with opened(args, create=False):
        plan = default_plan()
        period = period_arg(plan, args.period)
        code = period_code_of(period.id)[1]
        entries = period_log(code, plan_code=plan.code, action=args.action, subdivision=args.subdivision)
        if args.out:
            with report_texts():  # the workbook is a document: its title stays Romanian
                title = _("Jurnalul modificărilor — {code}").format(code=code)
            written = write_log_xlsx(entries, Path(args.out), title)
            print(
                ngettext(
                    "Jurnalul ({n_entries} modificare) a fost scris în „{written}”.",
                    "Jurnalul ({n_entries} modificări) a fost scris în „{written}”.",
                    len(entries),
                ).format(n_entries=len(entries), written=written)
            )
            return 0
        for row in log_rows(entries):
            when, who, source, kind, _period, action, sub, column, field, old, new, note = row
            place = " / ".join(str(p) for p in (action, sub, column, field) if p not in ("", None))
            line = f"{when}  {who}  [{source}]  {kind}  {place}: „{old}” → „{new}”"
            if note:
                line += f"  ({note})"
            print(terminal_safe(line))
        if not entries:
            print(_("Nicio modificare înregistrată pentru {code}.").format(code=code))
    return 0


def cmd_completeness(args: argparse.Namespace) -> int:
    """Print the overview and what each subdivision owes (exit 0)."""
    from balti_monitor.export.completeness import write_overdue_xlsx
    from balti_monitor.services.completeness import STATE_LABELS_RO, STATES, overdue_text, period_completeness

    with opened(args, create=False):
        period = period_arg(default_plan(), args.period)
        overview = period_completeness(period.id)
        totals = ", ".join(f"{_(STATE_LABELS_RO[s])} {overview.total(s)}" for s in STATES)
        print(_("Perioada {period_code}: {totals}.").format(period_code=overview.period_code, totals=totals))
        for line in overview.subdivisions:
            counts = ", ".join(f"{_(STATE_LABELS_RO[s])} {line.counts[s]}" for s in STATES if line.counts[s])
            form = line.form_state or _("fără formular")
            print(terminal_safe(f"{line.code:<8} {form:<18} {counts}"))
        messages = overdue_text(overview, args.deadline)
        if messages:
            print()
            print(_("Lista restanțierilor:"))
            for message in messages.values():
                print(terminal_safe(message))
        if args.out:
            written = write_overdue_xlsx(overview, Path(args.out), args.deadline)
            print(_("Lista restanțierilor a fost scrisă în „{written}”.").format(written=written))
    return 0


def cmd_followups(args: argparse.Namespace) -> int:
    """Print the period's open follow-ups (or every comment), one a line (exit 0)."""
    from balti_monitor.services.comments import period_comments

    with opened(args, create=False):
        period = period_arg(default_plan(), args.period)
        comments = period_comments(period.id, only_open=not args.all)
        for c in comments:
            state = (
                _("deschis") if c.open else (_("rezolvat") if c.resolved else _("comentariu"))
            )  # a comment's state
            when = c.created_at.strftime("%Y-%m-%d %H:%M")
            author = c.author or _("necunoscut")
            print(terminal_safe(f"[{state}] {c.place}: {c.text}  ({author}, {when})"))
            if c.reply:
                print(terminal_safe(_("    răspunsul subdiviziunii: {reply}").format(reply=c.reply)))
        if not comments:
            print(_("Niciun comentariu de clarificat deschis pentru {period}.").format(period=args.period))
    return 0


def cmd_sign(args: argparse.Namespace) -> int:
    """Sign and lock the period."""
    from balti_monitor.services.signing import sign_period

    with opened(args, create=False, write=True):
        period = period_arg(default_plan(), args.period)
        info = sign_period(period.id, Path(args.report))
        print(
            _("Perioada {period_code} este acum {summary}; SHA-256 {sha256}.").format(
                period_code=info.period_code, summary=info.period_summary, sha256=info.sha256
            )
        )
    return 0


def cmd_unsign(args: argparse.Namespace) -> int:
    """Withdraw the period's signature."""
    from balti_monitor.services.signing import unsign_period

    with opened(args, create=False, write=True):
        period = period_arg(default_plan(), args.period)
        unsign_period(period.id, args.reason)
        print(
            _("Semnătura perioadei {period} a fost retrasă; motivul a fost înregistrat în jurnal.").format(
                period=args.period
            )
        )
    return 0


def cmd_verify_report(args: argparse.Namespace) -> int:
    """Exit 0 when the document is a period's signed report, 1 otherwise."""
    from balti_monitor.services.signing import verify_report

    with opened(args, create=False):
        result = verify_report(Path(args.report))
        print(terminal_safe(result.message))
        print(f"SHA-256: {result.sha256}")
    return 0 if result.signed else 1
