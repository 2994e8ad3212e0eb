"""Filling the Word template: :func:`export_report` is what the GUI, the CLI and the safety helper call.

Rules kept here (tech.md §1):

* jinja renders with ``autoescape=True`` and ``StrictUndefined``; user text only ever arrives as context
  *values*, already escaped, so ``&``, ``<``, ``{{ x }}`` or ``{% if %}`` in a value print literally and a
  misspelt tag in a clerk's template is an error instead of a silent blank.
* Descriptions become real Word paragraphs (``Raport tabel`` style), bullets (``Raport tabel listă``) and
  hyperlinks; every cell keeps at least one paragraph.
* Action tables are re-widthed after rendering (docxtpl #179).
* The document is written to a temporary file in the target folder, checked, then renamed over the target:
  a failed export leaves no half-written file and the previous report untouched.
* Only reads the database.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import io
import os
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import jinja2
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docxtpl import DocxTemplate
from markupsafe import Markup

from balti_monitor.db.models import Period
from balti_monitor.export.context import Context, build_context, context_actions
from balti_monitor.export.docx_check import check_docx
from balti_monitor.export.layout import (
    W_P,
    W_TC,
    W_TR,
    StyleIds,
    ensure_cell_paragraphs,
    fit_action_tables,
    is_action_table,
    modernise_package,
    order_cell_properties,
    paragraphs_xml,
    xml_text,
)
from balti_monitor.export.options import ExportCancelled, ExportError, ExportOptions, ProgressCallback
from balti_monitor.export.text import description_blocks, printable
from balti_monitor.i18n import _
from balti_monitor.resources import resource_path

__all__ = [
    "TEMPLATE_NAME",
    "ExportCancelled",
    "ExportError",
    "ExportOptions",
    "ProgressCallback",
    "export_report",
    "find_template",
    "jinja_environment",
    "prepare_context",
    "render_context",
]

TEMPLATE_NAME = "raport_semestrial.docx"
_FIXED_STEPS = 4  # open the template, render, save, done (plus one step per action)


def find_template(options: ExportOptions | None = None) -> Path:
    """The template file: the user's folder first (when given and holding one), else the bundled one."""
    candidates: list[Path] = []
    if options is not None and options.template_dir is not None:
        candidates.append(Path(options.template_dir) / TEMPLATE_NAME)
    candidates.append(resource_path("templates", TEMPLATE_NAME))
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    searched = "; ".join(str(c.parent) for c in candidates)
    raise ExportError(
        _("Șablonul raportului „{TEMPLATE_NAME}” nu a fost găsit (căutat în: {searched}).").format(
            TEMPLATE_NAME=TEMPLATE_NAME, searched=searched
        )
    )


def jinja_environment() -> jinja2.Environment:
    """The environment every render uses: autoescape on, undefined names are errors."""
    return jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)


def _safe(text: str) -> Markup:
    return Markup(xml_text(text))


def _markup_all(value: Any) -> Any:
    """Strings → escaped Markup (so docxtpl's post-render rewrites cannot touch user text)."""
    if isinstance(value, str):
        return _safe(value)
    if isinstance(value, dict):
        return {k: _markup_all(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_markup_all(v) for v in value]
    return value


def prepare_context(context: Context, template: DocxTemplate, progress: Any = None) -> Context:
    """The context as the template receives it: escaped strings, descriptions as Word paragraphs.

    ``progress`` (optional) is called with the action code after each action.
    """
    styles = StyleIds.of(template.get_docx())
    prepared: Context = _markup_all(context)
    for source, target in zip(context_actions(context), context_actions(prepared), strict=True):
        for src_row, row in zip(source["rows"], target["rows"], strict=True):
            blocks = description_blocks(src_row["description"])
            row["description"] = Markup(paragraphs_xml(blocks, styles, template.build_url_id))
        if progress is not None:
            progress(source["code"])
    return prepared


def _template_error(path: Path, exc: Exception) -> ExportError:
    detail = str(exc).strip() or type(exc).__name__
    lines = getattr(exc, "docx_context", None)
    where = ""
    if lines:
        snippet = " ".join(" ".join(lines).split())[:160]
        where = f" Textul din jurul erorii: „{snippet}”."
    return ExportError(
        _(
            "Șablonul „{path}” conține o etichetă greșită: {detail}.{where} Verificați etichetele {{{{ … }}}} și {{% … %}} (vezi templates/README.md) sau folosiți șablonul inclus."
        ).format(path=path, detail=detail, where=where)
    )


def _lock_files(target: Path) -> list[Path]:
    name = target.name
    variants = {f"~${name}", f"~${name[1:]}", f"~${name[2:]}", f".~lock.{name}#"}
    return [target.with_name(v) for v in sorted(variants)]


def _check_target(out_path: Path) -> None:
    folder = out_path.parent
    if not folder.is_dir():
        raise ExportError(_("Dosarul „{folder}” nu există.").format(folder=folder))
    if out_path.is_dir():
        raise ExportError(
            _("„{out_path}” este un dosar; alegeți un nume de fișier .docx.").format(out_path=out_path)
        )
    if out_path.exists():
        locks = [p for p in _lock_files(out_path) if p.exists()]
        if locks:
            raise ExportError(
                _(
                    "Documentul „{name}” pare deschis în Word sau LibreOffice (există „{name2}”). Închideți-l și exportați din nou; dacă nu este deschis, ștergeți acel fișier de blocare."
                ).format(name=out_path.name, name2=locks[0].name)
            )


def _locked_message(out_path: Path) -> str:
    return (
        f"Documentul „{out_path}” nu poate fi înlocuit: este deschis în alt program (de exemplu Word) "
        "sau nu aveți drept de scriere. Închideți-l și exportați din nou."
    )


def _zip_time(when: Any) -> tuple[int, int, int, int, int, int]:
    """A ZIP entry time (local, 2-second steps, 1980 at the earliest) from the period's last change."""
    if not isinstance(when, dt.datetime) or when.year < 1980:
        return (1980, 1, 1, 0, 0, 0)
    return (when.year, when.month, when.day, when.hour, when.minute, when.second - when.second % 2)


def deterministic_package(data: bytes, when: Any) -> bytes:
    """The same package with every entry dated ``when`` and fixed attributes, in the writer's (stable) order:
    the same data gives the same bytes, so a signed report's SHA-256 can be checked by exporting again."""
    stamp = _zip_time(when)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            target.writestr(info, source.read(item.filename))
    return out.getvalue()


def _write_atomically(template: DocxTemplate, out_path: Path, when: Any = None) -> None:
    """Save to a temporary file next to the target, check it, then rename it over the target.

    The package is made deterministic (:func:`deterministic_package`, entries dated ``when``)."""
    try:
        handle, tmp_name = tempfile.mkstemp(
            prefix=f".{out_path.stem}-", suffix=".docx.tmp", dir=out_path.parent
        )
    except PermissionError as exc:
        raise ExportError(
            _("Nu aveți drept de scriere în dosarul „{parent}”.").format(parent=out_path.parent)
        ) from exc
    except OSError as exc:
        raise ExportError(
            _("Nu se poate scrie în dosarul „{parent}”: {value}.").format(
                parent=out_path.parent, value=exc.strerror or exc
            )
        ) from exc
    tmp = Path(tmp_name)
    try:
        # mkstemp creates the file private (0600); give the report the usual permissions, or the old one's.
        mode = out_path.stat().st_mode & 0o777 if out_path.exists() else 0o644
        with contextlib.suppress(OSError):
            os.chmod(tmp, mode)
        buffer = io.BytesIO()
        template.save(buffer)
        with os.fdopen(handle, "wb") as stream:
            stream.write(deterministic_package(buffer.getvalue(), when))
            stream.flush()
            os.fsync(stream.fileno())
        problems = check_docx(tmp)
        if problems:
            raise ExportError(
                _("Documentul generat nu este valid: {problems}.").format(problems="; ".join(problems[:5]))
            )
        try:
            os.replace(tmp, out_path)
        except PermissionError as exc:
            raise ExportError(_locked_message(out_path)) from exc
    except OSError as exc:
        raise ExportError(
            _("Raportul nu a putut fi salvat în „{out_path}”: {value}.").format(
                out_path=out_path, value=exc.strerror or exc
            )
        ) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def _normalise_target(out_path: Path) -> Path:
    out_path = Path(out_path)
    if out_path.suffix == "":
        out_path = out_path.with_name(out_path.name + ".docx")
    if out_path.suffix.lower() != ".docx":
        raise ExportError(
            _("Raportul se salvează ca document Word (.docx), nu „{suffix}”.").format(suffix=out_path.suffix)
        )
    return out_path


def _load_template(path: Path) -> DocxTemplate:
    template = DocxTemplate(str(path))
    try:
        template.get_docx()
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ExportError(
            _("Șablonul „{path}” nu este un document Word (.docx) valid.").format(path=path)
        ) from exc
    return template


#: Word refuses core properties (title, subject…) longer than this; longer ones are cut with "…".
CORE_PROPERTY_LIMIT = 255


def _cut(text: str, limit: int = CORE_PROPERTY_LIMIT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def set_core_properties(document: Any, context: Context, options: ExportOptions) -> None:
    """True document properties: the report's title, the plan as subject, the author from the settings (or
    the template's), created/modified = the period's last change (the same data gives the same document).
    Properties are cut to Word's 255 characters; the title printed in the document never is."""
    props = document.core_properties
    props.title = _cut(str(context["report"]["title"]))
    props.subject = _cut(str(context["plan"]["title"]))
    if options.author.strip():
        props.author = _cut(options.author.strip())
    elif not (props.author or "").strip():
        props.author = "Primăria municipiului Bălți"
    props.last_modified_by = "Bălți Monitor"
    props.keywords = _cut(f"Bălți Monitor; raport {context['report']['kind']}; {context['period']['code']}")
    props.comments = ""
    changed = context["report"].get("changed_at")
    if not isinstance(changed, dt.datetime):
        changed = dt.datetime(2000, 1, 1)
    if changed.tzinfo is None:  # stored as local time; the package holds UTC
        changed = changed.astimezone(dt.UTC)
    props.created = props.modified = changed
    props.revision = int(context["report"].get("version") or 1)


def add_version_line(document: Any, context: Context) -> bool:
    """From version 2 on (a signature was withdrawn, see ``services.signing.report_version``): the line
    "Versiunea 2, care înlocuiește versiunea 1 (…)" in italics right under the report's title, so whoever
    signs sees at once that this document replaces one signed before. Returns whether it was added."""
    line = str(context["report"].get("version_line") or "")
    if not line:
        return False
    title = " ".join(str(context["report"]["title"]).split())
    paragraphs = list(document.paragraphs)
    if not paragraphs:
        return False
    anchor = next((p for p in paragraphs if title and title in " ".join(p.text.split())), None)
    if anchor is None:  # a template that words the title otherwise: its title style, else the first text
        anchor = next(
            (p for p in paragraphs if p.style is not None and p.style.name == "Raport titlu"),
            next((p for p in paragraphs if p.text.strip()), paragraphs[0]),
        )
    element = copy.deepcopy(anchor._p)  # the title's alignment and spacing, not its style or text
    for child in list(element):
        if child.tag != qn("w:pPr"):
            element.remove(child)
    for child in list(element.iterchildren(qn("w:pPr"))):
        for style in list(child.iterchildren(qn("w:pStyle"), qn("w:numPr"))):
            child.remove(style)
    anchor._p.addnext(element)
    paragraph = Paragraph(element, anchor._parent)
    run = paragraph.add_run(line)
    run.italic = True
    run.bold = False
    return True


def add_review_comments(document: Any, context: Context) -> int:
    """The review copy: each ``action.review`` item as a Word comment on its cell; returns how many."""
    from docx.text.paragraph import Paragraph

    tables = [t for t in document.element.body.iterchildren(qn_tbl()) if is_action_table(t)]
    actions = context_actions(context)
    added = 0
    for tbl, action in zip(tables, actions, strict=False):
        rows = list(tbl.iterchildren(W_TR))
        body = rows[2:]  # two header rows
        for item in action["review"]:
            index = item["row"]
            tr = body[-1] if index is None or index >= len(body) - 1 else body[index]
            cells = list(tr.iterchildren(W_TC))
            if not cells:
                continue
            tc = cells[min(int(item["column"]), len(cells) - 1)]
            p = next(tc.iterchildren(W_P))
            paragraph = Paragraph(p, document._body)
            runs = paragraph.runs or [paragraph.add_run("")]
            document.add_comment(runs, text=str(item["text"]), author="Bălți Monitor", initials="BM")
            added += 1
    return added


def qn_tbl() -> str:
    """The qualified name of ``w:tbl``."""
    from docx.oxml.ns import qn

    return qn("w:tbl")


def render_context(
    context: Context,
    out_path: Path,
    options: ExportOptions | None = None,
    progress: ProgressCallback | None = None,
    *,
    template_path: Path | None = None,
) -> Path:
    """Fill the template with an already built context and write ``out_path`` (no database access).

    The GUI may call :func:`build_context` on its thread and this one in a worker.
    """
    out_path = _normalise_target(out_path)
    total = len(context_actions(context)) + _FIXED_STEPS
    done = 0

    def step(message: str) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(min(done, total), total, message)

    try:
        return _render(context, out_path, options, step, template_path)
    except (ExportError, ExportCancelled):
        raise
    except Exception as exc:
        raise ExportError(
            _(
                "Raportul nu a putut fi creat din cauza unei erori neprevăzute ({name__}: {exc}). Nu s-a scris niciun fișier; raportul anterior a rămas neschimbat."
            ).format(name__=type(exc).__name__, exc=exc)
        ) from exc


def _render(
    context: Context,
    out_path: Path,
    options: ExportOptions | None,
    step: Any,
    template_path: Path | None,
) -> Path:
    _check_target(out_path)
    path = template_path or find_template(options)
    step("Se deschide șablonul…")
    template = _load_template(path)
    prepared = prepare_context(context, template, lambda code: step(f"Acțiunea {code}"))
    step("Se completează șablonul…")
    try:
        template.render(prepared, jinja_environment(), autoescape=True)
    except jinja2.TemplateError as exc:
        raise _template_error(path, exc) from exc
    except (ValueError, TypeError, AttributeError, KeyError) as exc:
        raise _template_error(path, exc) from exc
    document = template.docx
    fit_action_tables(document)
    order_cell_properties(document)
    ensure_cell_paragraphs(document)
    modernise_package(document)
    set_core_properties(document, context, options or ExportOptions())
    add_version_line(document, context)
    add_chart_annex(document, context.get("annex") or [])
    if options is not None and options.review:
        add_review_comments(document, context)
    step("Se salvează documentul…")
    _check_target(out_path)
    _write_atomically(template, out_path, context["report"].get("changed_at"))
    step("Raportul a fost salvat.")
    return out_path


def add_chart_annex(document: Any, charts: list[dict[str, Any]]) -> None:
    """Append "Anexă. Grafice" on a new page after the signatures: each chart (PNG) under its caption."""
    if not charts:
        return
    import io

    from docx.enum.text import WD_BREAK
    from docx.shared import Cm

    section = document.sections[-1]
    width = section.page_width - section.left_margin - section.right_margin
    heading = document.add_paragraph()
    heading.add_run().add_break(WD_BREAK.PAGE)
    title = heading.add_run("Anexă. Grafice")
    title.bold = True
    for chart in charts:
        caption = document.add_paragraph()
        caption.add_run(printable(str(chart["caption"]))).italic = True
        document.add_picture(io.BytesIO(chart["png"]), width=min(width, Cm(16)))


def export_report(
    period: Period,
    out_path: Path,
    options: ExportOptions | None = None,
    progress: ProgressCallback | None = None,
) -> Path:
    """Export the report of ``period`` to ``out_path`` (``.docx`` added when there is no extension).

    Returns the path written. Raises :class:`ExportError` (Romanian message) when the template is
    missing or broken, the target folder is not writable or the target is open in Word; the target is
    then left as it was. Reads the database only.
    """
    options = options or ExportOptions()
    out_path = _normalise_target(Path(out_path))
    _check_target(out_path)
    template_path = find_template(options)
    context = build_context(period.plan, period, options)
    return render_context(context, out_path, options, progress, template_path=template_path)
