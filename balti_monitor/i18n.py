"""The language of the core's messages: findings, refusals, pre-flight lines, the command line.

Standard ``gettext``, domain ``balti_monitor``. The source language is Romanian: every msgid is the
Romanian text the program showed before it spoke Russian, so Romanian needs no catalogue for ``_()``.
``balti_monitor/locale/ru/LC_MESSAGES/balti_monitor.po`` is the Russian catalogue; the Romanian one
(``locale/ro/...``) holds only the plural messages, because Romanian has three forms (1 conflict,
2 conflicte, 20 de conflicte) that a msgid/msgid_plural pair cannot express.

Only the ``.po`` files are in the repository. The ``.mo`` files are compiled in the build
(``tools/compile_translations.py``: the wheel, ``build_installer.spec``, ``.ci/run``); in a checkout
where a ``.mo`` is missing or older than its ``.po`` the loader compiles it from the ``.po`` with Babel
(and keeps it beside the ``.po`` when it can write there). Nothing is loaded at import: a catalogue is
read the first time a translated or plural text is asked for, and Babel is imported only to compile.

**What stays Romanian whatever the language** (official documents and data, issue 17): the Word report,
the fixed texts of the return forms and the JSON interchange document. Their texts are not wrapped in
``_()``; they live in the "report language" modules listed in :data:`REPORT_LANGUAGE_MODULES`. Where a
report module uses a text shared with the interface (a state's label, say), it calls it inside
:func:`report_texts`, which makes ``_()`` return Romanian for the current thread. Errors meant for the
user in those modules are translated like any other message.

Module-level constants are marked with :func:`N_` (extracted, not translated) and translated where they
are shown: ``_(CONSTANT)``.
"""

from __future__ import annotations

import contextlib
import os
from _thread import get_ident

# Start-up: nothing heavier than the interpreter's own modules at import (no pathlib, typing, gettext);
# the catalogue is loaded at the first translated text.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import gettext as _gettext_module
    from collections.abc import Iterator
    from pathlib import Path

DOMAIN = "balti_monitor"
#: The languages of the interface; the first one is the source language and the default.
LANGUAGES = ("ro", "ru")
SOURCE_LANGUAGE = "ro"

#: Modules whose texts are the report language (Romanian, whatever the interface language): the Word
#: report, the return forms' fixed texts, the JSON document. A Russian form for subdivisions would start
#: here (its texts are gathered in ``interchange/forms_content.py`` and ``interchange/forms_layout.py``).
REPORT_LANGUAGE_MODULES = (
    "balti_monitor.export.context",
    "balti_monitor.export.layout",
    "balti_monitor.export.render",
    "balti_monitor.export.text",
    "balti_monitor.export.charts",
    "balti_monitor.export.change_log",
    "balti_monitor.export.completeness",
    "balti_monitor.interchange.forms_content",
    "balti_monitor.interchange.forms_layout",
    "balti_monitor.interchange.forms_out",
    "balti_monitor.interchange.json_io",
    "balti_monitor.services.document_schema",
)

_LOCALE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "locale")

_language = SOURCE_LANGUAGE
_catalogues: dict[str, _gettext_module.NullTranslations] = {}
#: Threads inside :func:`report_texts` → how deep.
_report_depth: dict[int, int] = {}


def set_language(code: str) -> None:
    """Make ``code`` (``"ro"`` or ``"ru"``) the language of every message from now on."""
    global _language
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r} (known: {', '.join(LANGUAGES)})")
    _language = code


def current_language() -> str:
    """The language of the messages (``"ro"`` until :func:`set_language` says otherwise)."""
    return _language


def language_from_environment(environ: dict[str, str] | None = None) -> str:
    """The language the environment asks for, by gettext's order (``LANGUAGE``, ``LC_ALL``,
    ``LC_MESSAGES``, ``LANG``; the first one set and not empty decides): ``"ru"`` for a Russian
    locale (``ru``, ``ru_RU.UTF-8``, ``ru_MD``…), else ``"ro"``. ``LANGUAGE`` may list several
    (``ru:en``): the first one we have wins."""
    env = os.environ if environ is None else environ
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable, "")
        if not value:
            continue
        candidates = value.split(":") if variable == "LANGUAGE" else [value]
        for candidate in candidates:
            code = candidate.split(".")[0].split("@")[0].split("_")[0].split("-")[0].lower()
            if code in LANGUAGES:
                return code
        if variable != "LANGUAGE":
            return SOURCE_LANGUAGE  # C, POSIX, en_US…: the default
    return SOURCE_LANGUAGE


def _effective_language() -> str:
    if _report_depth and get_ident() in _report_depth:
        return SOURCE_LANGUAGE
    return _language


@contextlib.contextmanager
def report_texts() -> Iterator[None]:
    """Within the block, in this thread, every message is Romanian: the language of the report, the
    return forms and the JSON document, whatever the interface language."""
    thread = get_ident()
    _report_depth[thread] = _report_depth.get(thread, 0) + 1
    try:
        yield
    finally:
        _report_depth[thread] -= 1
        if not _report_depth[thread]:
            del _report_depth[thread]


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it (a module-level constant, translated where
    it is shown with ``_(constant)``)."""
    return message


def _(message: str) -> str:
    """``message`` (Romanian, the msgid) in the current language."""
    language = _effective_language()
    if language == SOURCE_LANGUAGE:
        return message
    return _catalogue(language).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a counted message for ``n`` by the current language's plural rule (Romanian: 1
    conflict, 2 conflicte, 20 de conflicte; Russian: 1 запись, 2 записи, 5 записей). ``singular`` and
    ``plural`` are the Romanian forms for 1 and for 2; the catalogues add the others."""
    return _catalogue(_effective_language()).ngettext(singular, plural, n)


def _catalogue(language: str) -> _gettext_module.NullTranslations:
    """The compiled catalogue of ``language``, loaded (and compiled from its .po when needed) once."""
    found = _catalogues.get(language)
    if found is None:
        found = _catalogues[language] = _load(language)
    return found


def catalogue_paths(language: str) -> tuple[Path, Path]:
    """The ``.po`` and ``.mo`` of ``language`` in the package."""
    from pathlib import Path

    folder = Path(_LOCALE_DIR, language, "LC_MESSAGES")
    return folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"


def _load(language: str) -> _gettext_module.NullTranslations:
    import gettext
    import io

    po, mo = catalogue_paths(language)
    if _is_current(po, mo):
        with mo.open("rb") as stream:
            return gettext.GNUTranslations(stream)
    if not po.is_file():
        return gettext.NullTranslations()
    data = compile_catalogue(po)
    with contextlib.suppress(OSError):  # a read-only installation: compiled in memory only
        _write_atomically(mo, data)
    return gettext.GNUTranslations(io.BytesIO(data))


def _is_current(po: Path, mo: Path) -> bool:
    """Whether the ``.mo`` exists and is not older than its ``.po`` (an installation ships no ``.po``)."""
    try:
        mo_time = mo.stat().st_mtime
    except OSError:
        return False
    try:
        return mo_time >= po.stat().st_mtime
    except OSError:
        return True


def compile_catalogue(po: Path) -> bytes:
    """The ``.mo`` bytes of the catalogue ``po`` (Babel; refuses a catalogue Babel finds broken)."""
    import io

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as stream:
        catalog = read_po(stream, domain=DOMAIN)
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def compile_all(languages: tuple[str, ...] = LANGUAGES) -> list[Path]:
    """Compile every ``.po`` of the package into its ``.mo`` (the build step); the ``.mo`` files written."""
    written = []
    for language in languages:
        po, mo = catalogue_paths(language)
        if po.is_file():
            _write_atomically(mo, compile_catalogue(po))
            written.append(mo)
    _catalogues.clear()
    return written


def _write_atomically(path: Path, data: bytes) -> None:
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()
