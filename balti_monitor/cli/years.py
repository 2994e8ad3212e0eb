"""Sub-commands of the time dimension: ``new-period`` (a semester or a year), ``annual-rules``, ``terms``,
``due`` (due states and the section III draft) and ``history`` (one cell in every period)."""

from __future__ import annotations

import argparse
from typing import Any

from balti_monitor.cli.common import CommandError, default_plan, opened, period_arg, run_guarded
from balti_monitor.i18n import _, ngettext


def register(sub: Any) -> None:
    """Add the sub-commands."""
    p = sub.add_parser(
        "new-period",
        help=_("creează o perioadă: un semestru (2024-S1) sau un an (2023-A, raportul anual)"),
        description=_(
            "Perioada anuală își calculează valorile din cele două semestre ale anului; semnatarii și frazele fixe ale narațiunii se preiau din perioada precedentă."
        ),
    )
    p.add_argument(
        "period", metavar=_("PERIOADĂ"), help=_("de exemplu 2023-S2, 2023-A sau 2017-2019 (mai mulți ani)")
    )
    p.set_defaults(func=run_guarded(cmd_new_period))

    p = sub.add_parser(
        "annual-rules",
        help=_("cum rezultă valoarea anuală a fiecărui indicator din semestre (și schimbarea ei)"),
    )
    p.add_argument("--action", metavar=_("COD"), help=_("doar o acțiune, de exemplu 1.13"))
    p.add_argument(
        "--set",
        nargs=2,
        metavar=(_("ACȚIUNE.INDICATOR"), _("REGULĂ")),
        help=_(
            "de exemplu --set 1.1.2 max; reguli: sum, last, max, mean, manual, auto (cea dedusă din text)"
        ),
    )
    p.set_defaults(func=run_guarded(cmd_annual_rules))

    p = sub.add_parser(
        "terms",
        help=_("termenele acțiunilor: citite din textul planului sau stabilite manual"),
    )
    p.add_argument("--unparsed", action="store_true", help=_("doar termenele care nu au putut fi citite"))
    p.add_argument(
        "--set",
        nargs="+",
        metavar=_("VALOARE"),
        help=_(
            "stabilește manual: --set COD semester|annual|as_needed|auto, sau --set COD deadline 31.12.2024"
        ),
    )
    p.set_defaults(func=run_guarded(cmd_terms))

    p = sub.add_parser(
        "due",
        help=_("acțiunile scadente ale unei perioade și ciorna secțiunii III"),
    )
    p.add_argument("--period", required=True, metavar=_("PERIOADĂ"), help=_("de exemplu 2023-S2 sau 2023-A"))
    p.add_argument("--section3", action="store_true", help=_("doar ciorna secțiunii III (riscuri)"))
    p.set_defaults(func=run_guarded(cmd_due))

    p = sub.add_parser(
        "trend", help=_("tendința unei acțiuni: totalul fiecărui indicator în toate perioadele")
    )
    p.add_argument("--action", required=True, metavar=_("COD"), help=_("de exemplu 1.1"))
    p.add_argument("--annual", action="store_true", help=_("pe ani (perioadele anuale), nu pe semestre"))
    p.add_argument(
        "--by-subdivision",
        type=int,
        metavar=_("NR"),
        help=_("cifrele fiecărei subdiviziuni la indicatorul NR"),
    )
    p.add_argument("--png", metavar=_("FIȘIER"), help=_("desenează și graficul (PNG)"))
    p.set_defaults(func=run_guarded(cmd_trend))

    p = sub.add_parser("overview", help=_("planul pe perioade: acțiunile pe priorități și completitudinea"))
    p.add_argument("--annual", action="store_true", help=_("pe ani (perioadele anuale), nu pe semestre"))
    p.add_argument("--png-dir", metavar=_("DOSAR"), help=_("desenează graficele (PNG) în acest dosar"))
    p.set_defaults(func=run_guarded(cmd_overview))


def cmd_new_period(args: argparse.Namespace) -> int:
    """Create a period."""
    from balti_monitor.services.periods import CreatePeriod, parse_period_code

    with opened(args, write=True):
        plan = default_plan()
        key = parse_period_code(args.period)
        CreatePeriod(plan.id, key).apply()
        print(_("Perioada {code} a fost creată.").format(code=key.code))
    return 0


def cmd_annual_rules(args: argparse.Namespace) -> int:
    """List or set annual rules."""
    from balti_monitor.domain.annual import RULE_LABELS
    from balti_monitor.services.annual import indicator_rules, set_annual_rule

    with opened(args, create=False, write=bool(args.set)):
        plan = default_plan()
        rules = indicator_rules(plan.id)
        if args.set:
            where, rule = args.set
            code, _dot, number = where.strip().rpartition(".")
            target = next((r for r in rules if r.action_code == code and str(r.number) == number), None)
            if target is None:
                raise CommandError(
                    _("Indicatorul „{where}” nu există (scrieți acțiunea și numărul: 1.1.2).").format(
                        where=where
                    )
                )
            set_annual_rule(
                target.indicator_id, None if rule.strip().lower() == "auto" else rule.strip().lower()
            )
            rules = indicator_rules(plan.id, target.action_id)
            args.action = code
        for rule in rules:
            if args.action and rule.action_code != args.action.strip():
                continue
            how = _("ales") if rule.chosen else _("implicit")
            print(
                f"{rule.action_code}.{rule.number}\t{rule.rule.value}\t({how}: {_(RULE_LABELS[rule.rule])})\t{rule.text}"
            )
    return 0


def cmd_terms(args: argparse.Namespace) -> int:
    """List the terms, or set one by hand."""
    from balti_monitor.domain.terms import Term, TermKind
    from balti_monitor.services.terms import action_terms, parse_due_date, set_term

    with opened(args, create=False, write=bool(args.set)):
        plan = default_plan()
        if args.set:
            if len(args.set) < 2:
                raise CommandError(_("Scrieți acțiunea și tipul de termen: --set 2.2 deadline 31.12.2024."))
            code, kind, rest = args.set[0], args.set[1].strip().lower(), args.set[2:]
            info = next((t for t in action_terms(plan.id) if t.code == code), None)
            if info is None:
                raise CommandError(_("Acțiunea „{code}” nu există în plan.").format(code=code))
            if kind == "auto":
                set_term(info.action_id, None)
            else:
                try:
                    parsed_kind = TermKind(kind)
                except ValueError:
                    names = ", ".join(k.value for k in TermKind)
                    raise CommandError(
                        _("Tipul de termen „{kind}” nu există ({names}, auto).").format(
                            kind=kind, names=names
                        )
                    ) from None
                date_text = rest[0] if rest else ""
                due = parse_due_date(date_text) if parsed_kind is TermKind.DEADLINE else None
                set_term(info.action_id, Term(parsed_kind, due))
        terms = action_terms(plan.id)
        unparsed = [t for t in terms if t.unparsed]
        for info in terms:
            if args.unparsed and not info.unparsed:
                continue
            if info.term is None:
                how = _("NECITIT – de stabilit manual (balti-monitor terms --set COD …)")
            else:
                how = info.term.describe() + (_(" [stabilit manual]") if info.manual is not None else "")
            print(f"{info.code}\t{how}\t„{info.text}”")
        print(
            "\n"
            + ngettext(
                "{n} termen citit sau stabilit, {n_unparsed} de stabilit manual.",
                "{n} termene citite sau stabilite, {n_unparsed} de stabilit manual.",
                len(terms) - len(unparsed),
            ).format(n=len(terms) - len(unparsed), n_unparsed=len(unparsed))
        )
    return 1 if args.unparsed and unparsed else 0


def cmd_due(args: argparse.Namespace) -> int:
    """Due states of a period, or the section III draft."""
    from balti_monitor.domain.terms import DUE_LABELS
    from balti_monitor.services.results import period_results
    from balti_monitor.services.terms import due_counts, due_sentence, section3_items

    with opened(args, create=False):
        period = period_arg(default_plan(), args.period)
        results = period_results(period)
        items = section3_items(results)
        if not args.section3:
            for result in results.values():
                term = result.grid.term.describe() if result.grid.term is not None else _("termen necitit")
                print(f"{result.grid.code}\t{_(DUE_LABELS[result.due])}\t({term})")
            print()
            print(due_sentence(due_counts(results)))
            print()
        print(_("III. Riscuri aferente implementării acțiunilor scadente – ciornă:"))
        for item in items or [_("Nu sunt acțiuni scadente nerealizate în această perioadă.")]:
            print(f"- {item}")
    return 0


def _figure(value: object) -> str:
    from decimal import Decimal

    from balti_monitor.domain.values import format_quantity

    return format_quantity(value) if isinstance(value, Decimal) else "—"


def cmd_trend(args: argparse.Namespace) -> int:
    """Print (and draw) an action's trend."""
    from pathlib import Path

    from balti_monitor.services.editing import action_by_code
    from balti_monitor.services.trends import action_trend

    with opened(args, create=False):
        plan = default_plan()
        action = action_by_code(plan.id, args.action.strip())
        trend = action_trend(plan.id, action.id, annual=args.annual)
    print(_("Acțiunea {code}\t{periods}").format(code=trend.code, periods="\t".join(trend.periods)))
    for ind in trend.indicators:
        if args.by_subdivision is not None and ind.number != args.by_subdivision:
            continue
        print(
            _("Indicator {number}").format(number=ind.number)
            + "\t"
            + "\t".join(_figure(v) for v in ind.totals)
        )
        if args.by_subdivision is not None:
            for name, values in ind.by_subdivision.items():
                print(f"  {name}\t" + "\t".join(_figure(v) for v in values))
    if args.png:
        from balti_monitor.export.charts import trend_png

        out = trend_png(
            trend, Path(args.png), subdivisions=args.by_subdivision is not None, indicator=args.by_subdivision
        )
        print(_("Graficul a fost salvat în {out}.").format(out=out))
    return 0


def cmd_overview(args: argparse.Namespace) -> int:
    """Print (and draw) the plan overview."""
    from pathlib import Path

    from balti_monitor.services.trends import plan_overview

    with opened(args, create=False):
        overviews = plan_overview(default_plan().id, annual=args.annual)
    for item in overviews:
        shares = "; ".join(
            _(
                "P. {number}: realizate {achieved}, cu restanțe {arrears}, fără nimic {empty}, nescadente {not_due}"
            ).format(
                number=p.number, achieved=p.achieved, arrears=p.arrears, empty=p.empty, not_due=p.not_due
            )
            for p in item.priorities
        )
        print(
            _("{code}\tcompletitudine {value:.0f}% ({answered}/{expected})\t{shares}").format(
                code=item.code,
                value=100 * item.completeness,
                answered=item.answered,
                expected=item.expected,
                shares=shares,
            )
        )
    if args.png_dir:
        from balti_monitor.export.charts import completeness_png, overview_png

        folder = Path(args.png_dir)
        for item in overviews:
            overview_png(item, folder / f"ansamblu_{item.code}.png")
        completeness_png(overviews, folder / "completitudine.png")
        print(_("Graficele au fost salvate în {folder}.").format(folder=folder))
    return 0
