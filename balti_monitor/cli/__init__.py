"""The ``balti-monitor`` command: the GUI without arguments, sub-commands for everything else.

Each sub-command group lives in its own module with a ``register(subparsers)`` function; errors print a
Romanian message on stderr and exit non-zero without changing anything.

Start-up is kept light: a command module (and the heavy libraries it needs - openpyxl for the forms,
docxtpl/python-docx/jinja2 for the report) is imported only when one of its commands is run or asked for
its ``--help``. The top-level parser lists the other commands from :data:`COMMANDS` alone.

**Adding a sub-command** is one line in :data:`COMMANDS` (name → module under ``balti_monitor.cli`` and the
one-line help shown by ``balti-monitor --help``) plus the ``sub.add_parser(name, help=...)`` call in that
module's ``register(sub)``. ``tests/test_cli_parser.py`` checks that both agree. A new global option (like
``--db``) goes into :func:`_add_global_options`; it is then accepted before and after the sub-command.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Iterator, Sequence
from typing import Any, NoReturn

from balti_monitor import APP_NAME, __version__
from balti_monitor.i18n import (
    LANGUAGES,
    N_,
    _,
    current_language,
    language_from_environment,
    ngettext,
    set_language,
)

#: Every sub-command: name → (module under balti_monitor.cli, help in ``balti-monitor --help``, translated
#: where it is shown).
#: The module is imported only when this command is run (see the module docstring).
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("core", N_("creează baza de date cu planul PLA 2023-2027 încărcat")),
    "demo": ("core", N_("încarcă datele demonstrative S1-2023 (raportul original)")),
    "check": ("core", N_("verifică datele unei perioade (cod de ieșire 1 dacă sunt constatări nerezolvate)")),
    "acknowledge": (
        "core",
        N_("confirmă o constatare cu o notă (nu mai contează ca nerezolvată până se schimbă datele ei)"),
    ),
    "totals": ("core", N_("afișează rândul „Total instituții responsabile” al fiecărei acțiuni")),
    "export-json": ("core", N_("exportă tot fișierul în JSON")),
    "import-json": ("core", N_("importă un export JSON într-un fișier gol")),
    "export": ("report", N_("exportă raportul semestrial în Word (.docx)")),
    "load-example": (
        "examples",
        N_("adaugă în fișier un plan exemplu inclus (--list: numele și descrierea fiecăruia)"),
    ),
    "backup": (
        "safety",
        N_("creează o copie de rezervă verificată a bazei de date (un singur fișier, de trimis prin e-mail)"),
    ),
    "restore": (
        "safety",
        N_(
            "înlocuiește datele bazei de date cu cele dintr-o copie (după o copie automată a datelor actuale)"
        ),
    ),
    "verify": (
        "safety",
        N_("verifică un fișier de date fără să-l modifice (cod de ieșire 1 dacă are probleme)"),
    ),
    "copy": (
        "safety",
        N_("copiază toate datele între un fișier SQLite și un server PostgreSQL (totul sau nimic)"),
    ),
    "forms-out": ("forms", N_("generează formularele Excel de retur ale subdiviziunilor pentru o perioadă")),
    "forms-in": ("forms", N_("importă formularele de retur completate (cu previzualizare)")),
    "forms-status": ("forms", N_("arată (sau schimbă) starea formularelor de retur ale unei perioade")),
    "search": (
        "search",
        N_("caută un text în descrieri, valori, textul raportului și plan (diacriticele nu contează)"),
    ),
    "delete-period": (
        "periods",
        N_("șterge o perioadă cu tot ce s-a introdus pentru ea (după o copie automată)"),
    ),
    "import-report": (
        "imports",
        N_("importă un raport semestrial Word (.docx) în istoricul perioadei lui (cu previzualizare)"),
    ),
    "import-plan": (
        "imports",
        N_("importă un plan din tabelul unui document Word sau Excel (cu previzualizarea arborelui)"),
    ),
    "new-period": (
        "years",
        N_("creează o perioadă: un semestru (2024-S1) sau un an (2023-A, raportul anual)"),
    ),
    "annual-rules": (
        "years",
        N_("cum rezultă valoarea anuală a fiecărui indicator din semestre (și schimbarea ei)"),
    ),
    "terms": ("years", N_("termenele acțiunilor: citite din textul planului sau stabilite manual")),
    "due": ("years", N_("acțiunile scadente ale unei perioade și ciorna secțiunii III")),
    "trend": ("years", N_("tendința unei acțiuni: totalul fiecărui indicator în toate perioadele")),
    "overview": ("years", N_("planul pe perioade: acțiunile pe priorități și completitudinea")),
    "completeness": (
        "audit",
        N_("cine a trimis și cine nu: returul fiecărei subdiviziuni pe acțiuni (text, cod 0)"),
    ),
    "followups": (
        "audit",
        N_("comentariile de clarificat ale unei perioade (deschise; --all: toate comentariile)"),
    ),
    "log": ("audit", N_("jurnalul modificărilor unei perioade (cine, când, ce, de unde)")),
    "sign": ("audit", N_("marchează perioada ca semnată cu raportul final (SHA-256) și o blochează")),
    "unsign": ("audit", N_("retrage semnătura unei perioade (cu motiv, înregistrat în jurnal)")),
    "verify-report": (
        "audit",
        N_("spune dacă un document Word este raportul semnat al unei perioade (cod 1 dacă nu)"),
    ),
    "server-setup": (
        "server",
        N_(
            "pregătește un server PostgreSQL: tabelele, rolurile și drepturile fiecăruia (de rulat din nou fără grijă)"
        ),
    ),
    "server-user": (
        "server",
        N_("adaugă, listează sau șterge persoanele care se conectează la server (cu rolul fiecăreia)"),
    ),
}

#: The modules that add sub-commands (derived from COMMANDS).
COMMAND_MODULES = list(dict.fromkeys(module for module, _ in COMMANDS.values()))

#: Global options that take a value (the pre-scan in :func:`chosen_command` must skip that value).
GLOBAL_VALUE_OPTIONS = ("--db", "--lang", "--plan")

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2

# argparse's own texts (it takes them from gettext, in English): the same messages in Romanian, marked for
# the catalogue and translated into the interface language when argparse asks for them.
_ARGPARSE_TEXTS: dict[str, str] = {
    "usage: ": N_("Utilizare: "),
    "options": N_("opțiuni"),
    "positional arguments": N_("argumente"),
    "show this help message and exit": N_("afișează acest ajutor și iese"),
    "%(prog)s: error: %(message)s\n": N_("%(prog)s: eroare: %(message)s\n"),
    "unrecognized arguments: %s": N_("argumente necunoscute: %s"),
    "invalid choice: %(value)r (choose from %(choices)s)": N_(
        "valoare necunoscută: %(value)r (alegeți dintre %(choices)s)"
    ),
    "the following arguments are required: %s": N_("lipsesc argumentele obligatorii: %s"),
    "argument %(argument_name)s: %(message)s": N_("argumentul %(argument_name)s: %(message)s"),
    "expected one argument": N_("lipsește valoarea"),
    "expected at most one argument": N_("se așteaptă cel mult o valoare"),
    "expected at least one argument": N_("se așteaptă cel puțin o valoare"),
    "invalid %(type)s value: %(value)r": N_("valoare %(type)s nevalidă: %(value)r"),
    "ambiguous option: %(option)s could match %(matches)s": N_(
        "opțiune ambiguă: %(option)s poate fi %(matches)s"
    ),
    "not allowed with argument %s": N_("nu poate fi folosit împreună cu %s"),
    "one of the arguments %s is required": N_("este obligatoriu unul dintre argumentele %s"),
    "ignored explicit argument %r": N_("argument explicit ignorat: %r"),
    "unknown parser %(parser_name)r (choices: %(choices)s)": N_(
        "comandă necunoscută %(parser_name)r (comenzi: %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": N_("nu se poate deschide „%(filename)s”: %(error)s"),
}


def _gettext(message: str) -> str:
    known = _ARGPARSE_TEXTS.get(message)
    return message if known is None else _(known)


def _ngettext(singular: str, plural: str, count: int) -> str:
    if singular == "expected %s argument":
        return ngettext("se așteaptă %s valoare", "se așteaptă %s valori", count)
    return _gettext(singular if count == 1 else plural)


@contextlib.contextmanager
def _romanian_argparse() -> Iterator[None]:
    """argparse's messages in Romanian while our parser builds, parses or formats (restored afterwards, so
    other argparse users in the process - pytest itself - keep theirs)."""
    module: Any = argparse
    saved = module._, module.ngettext
    module._, module.ngettext = _gettext, _ngettext
    try:
        yield
    finally:
        module._, module.ngettext = saved


def _terminal_columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size().columns`` gives it: ``COLUMNS``, else the width
    of standard output's terminal, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


class _Parser(argparse.ArgumentParser):
    """argparse with its own messages in Romanian and our error format."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with _romanian_argparse():
            super().__init__(*args, **kwargs)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        with _romanian_argparse():
            return super().parse_known_args(args, namespace)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        with _romanian_argparse():
            return super().parse_args(args, namespace)

    def format_usage(self) -> str:
        with _romanian_argparse():
            return super().format_usage()

    def format_help(self) -> str:
        with _romanian_argparse():
            return super().format_help()

    def _get_formatter(self) -> argparse.HelpFormatter:
        # argparse's own formatter imports shutil (and with it zlib, bz2, lzma) for the terminal width, and
        # argparse makes one for every argument added; the same width, found without it
        make: Any = self.formatter_class
        formatter: argparse.HelpFormatter = make(prog=self.prog, width=_terminal_columns() - 2)
        return formatter

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        from balti_monitor.cli.common import terminal_safe

        sys.stderr.write(_("Eroare: {message}\n").format(message=terminal_safe(message)))
        raise SystemExit(EXIT_ERROR)


def _add_global_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """The options valid before and after the sub-command.

    On the top-level parser they carry the defaults; on a sub-command's parser they default to
    ``SUPPRESS`` so that a value given before the sub-command is kept unless it is given again after it.
    A sub-command that already defines one of them (``export --db``) keeps its own.
    """
    known = parser._option_string_actions
    if "--db" not in known:
        parser.add_argument(
            "--db",
            metavar=_("FIȘIER"),
            default=None if top else argparse.SUPPRESS,
            help=_("baza de date folosită (implicit: cea din dosarul utilizatorului)"),
        )
    if "--lang" not in known:
        parser.add_argument(
            "--lang",
            choices=LANGUAGES,
            default=None if top else argparse.SUPPRESS,
            help=_("limba mesajelor: ro (română) sau ru (rusă); implicit după LANG/LC_MESSAGES"),
        )
    if "--plan" not in known:  # resolved by cli.common.default_plan for every command that works on a plan
        parser.add_argument(
            "--plan",
            metavar=_("COD"),
            default=None if top else argparse.SUPPRESS,
            help=_("planul folosit, după cod (implicit: singurul plan din fișier)"),
        )


def chosen_command(argv: Sequence[str]) -> str | None:
    """The sub-command named in ``argv`` (the first word that is neither an option nor an option's value),
    found without building the parser; None when there is none."""
    words = iter(argv)
    for word in words:
        if word == "--":
            return next(words, None)
        if word.startswith("-"):
            takes_value = "=" not in word and any(
                len(word) > 2 and option.startswith(word) for option in GLOBAL_VALUE_OPTIONS
            )
            if takes_value:
                next(words, None)
            continue
        return word
    return None


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; only the module of ``command`` (when it is a known sub-command) is imported and
    registers its full sub-parsers, every other command is listed by name and help alone."""
    parser = _Parser(
        prog="balti-monitor",
        description=_(
            "{APP_NAME}: monitorizarea Planului local anticorupție 2023-2027 al municipiului Bălți."
        ).format(APP_NAME=APP_NAME),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"{APP_NAME} {__version__}",
        help=_("afișează versiunea programului și iese"),
    )
    _add_global_options(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar=_("COMANDĂ"), parser_class=_Parser)
    loaded = COMMANDS[command][0] if command in COMMANDS else None
    if loaded is not None:
        importlib.import_module(f"balti_monitor.cli.{loaded}").register(sub)
    for name, (module, help_text) in COMMANDS.items():
        if module != loaded:
            sub.add_parser(name, help=_(help_text))
    for name_parser in sub.choices.values():
        _add_global_options(name_parser, top=False)
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
    words = list(sys.argv[1:] if argv is None else argv)
    previous = current_language()
    set_language(chosen_language(words) or language_from_environment())
    try:
        parser = build_parser(chosen_command(words))
        args = parser.parse_args(words)
        if args.lang is not None and args.lang != current_language():
            set_language(args.lang)  # an abbreviated --lang the pre-scan did not read
        if args.command is None:
            return _start_gui(args.db)
        if argv is None:
            _freeze_imported_objects()
        result: int = args.func(args)
        return result
    finally:
        if argv is not None:  # an in-process caller (tests, benchmarks) keeps its own language
            set_language(previous)


def chosen_language(argv: Sequence[str]) -> str | None:
    """The language named by ``--lang`` in ``argv`` (the last one wins, like argparse), read before the
    parser is built so that its help is in that language; None when not given or not a known one."""
    found = None
    words = iter(argv)
    for word in words:
        if word == "--":
            break
        value = (
            next(words, None)
            if word == "--lang"
            else word.partition("=")[2]
            if word.startswith("--lang=")
            else None
        )
        if value in LANGUAGES:
            found = value
    return found


def _freeze_imported_objects() -> None:
    """In a command run as its own process: move everything made so far (modules, classes, functions of
    the imports, all alive until the process ends) out of the garbage collector's sight. The collections
    during the command and the final one at exit no longer walk them (~15 ms of a 10-year ``check``); what
    the command itself makes is collected as before. Not done for in-process callers (``main(argv)``: the
    tests, benchmarks) nor for the GUI."""
    import gc

    gc.freeze()


def _start_gui(db: str | None) -> int:
    try:
        gui = importlib.import_module("balti_monitor.gui.app")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("balti_monitor.gui"):
            sys.stderr.write(
                _(
                    "Interfața grafică nu este încă disponibilă în această versiune; folosiți comenzile (balti-monitor --help).\n"
                )
            )
            return EXIT_ERROR
        raise
    result: int = gui.run(db)
    return result
