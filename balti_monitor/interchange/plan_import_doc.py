"""A plan from its Word or Excel table: tables → column mapping → plan tree → the existing plan importer.

Steps (the CLI and the GUI wizard run the same ones):

1. :func:`~balti_monitor.interchange.plan_tables.read_tables` reads every table of a .docx (raw XML through :mod:`docx_tables`: tracked changes,
   content controls, Word's automatic numbering, merged cells) or every sheet of an .xlsx (openpyxl, merged
   ranges); .doc/.odt/.xls/.ods are converted with LibreOffice when it is installed; a PDF is refused.
   Each table becomes a dense grid: a merged cell is repeated in every grid cell it covers, marked as a
   continuation (vertical or horizontal), so columns line up.
2. :func:`~balti_monitor.interchange.plan_mapping.guess_mapping` maps each column to a field of the plan kind from the header words ("Acțiuni",
   "Indicatori", "Termen", "Responsabil", "Riscuri", "Buget", "Parteneri"…). The fields of each kind are in
   :data:`~balti_monitor.interchange.plan_mapping.KIND_FIELDS`; a new kind adds its entry there (the columns it adds become the plan's declared
   columns, ``docs/plan_kinds.md``).
   A mapping file (JSON, see README) can choose the tables, the columns, the plan's data and the
   subdivisions.
3. :func:`~balti_monitor.interchange.plan_parse.parse_plan` builds the tree: group heading rows spanning the table become priorities, each action
   row an action (rows continued by a merged action cell add to it), indicators split **by paragraph (or
   line), never by comma**, action codes taken from a number column, Word's numbering or the cell text, or
   from the position, and the reading says which. Responsible names are matched through the alias table;
   unknown names are collected for the mapping step, never dropped.
4. :func:`import_plan_reading` (here) writes it through ``services.plan_import.import_plan``: one transaction after
   an automatic backup, all or nothing.

This module holds the steps' entry points (:func:`read_plan_document`, :func:`import_plan_reading`), the
plan's data guessed from the document (:func:`guess_meta`), the mapping file to edit
(:func:`mapping_template`) and the interchange shape of the plan (:func:`plan_document`).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from balti_monitor.db.models import Plan, Subdivision, SubdivisionAlias, database
from balti_monitor.domain.text import fold_key
from balti_monitor.i18n import _
from balti_monitor.interchange.docx_tables import read_docx_blocks
from balti_monitor.interchange.plan_mapping import KIND_FIELDS, Mapping
from balti_monitor.interchange.plan_parse import ParsedAction, PlanReading, parse_plan
from balti_monitor.interchange.plan_tables import SourceTable, read_tables
from balti_monitor.interchange.schema import InterchangeError
from balti_monitor.services.backup import auto_backup
from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.document_schema import PLAN, check
from balti_monitor.services.kinds import DEFAULT_KIND, find_kind, get_kind
from balti_monitor.services.plan_import import import_plan
from balti_monitor.services.storage_errors import guard_write
from balti_monitor.services.subdivisions import match_subdivision, name_key

_YEARS = re.compile(r"(20\d\d)\s*[-–—]\s*(20\d\d)")


def mapping_template(reading: PlanReading) -> dict[str, Any]:
    """A mapping file to edit: what was guessed, the plan's data and every name still to map (null)."""
    columns = next(iter(reading.columns.values()), {})
    unknown = unknown_names(reading, Mapping())
    return {
        "kind": reading.kind,
        "tables": [int(name.split()[-1]) for name in reading.tables if name.split()[-1].isdigit()],
        "columns": {str(c + 1): f for c, f in sorted(columns.items())},
        "plan": reading.meta,
        "subdivisions": dict.fromkeys(unknown),
    }


def unknown_names(reading: PlanReading, mapping: Mapping) -> list[str]:
    """Responsible names that match no subdivision and that the mapping does not settle."""
    return [
        n for n in reading.names() if match_subdivision(n) is None and mapping.subdivisions.get(n) is None
    ]


def guess_meta(path: Path, tables: list[SourceTable], reading: PlanReading) -> dict[str, Any]:
    """The plan's code, title and years: from the document's first paragraphs, else from the file name."""
    title = ""
    if path.suffix.lower() == ".docx":
        from balti_monitor.interchange.docx_tables import Para

        for block in read_docx_blocks(path)[:15]:
            if isinstance(block, Para) and "plan" in fold_key(block.text):
                title = " ".join(block.text.split())
                break
    title = title or path.stem.replace("_", " ")
    years = _YEARS.search(title) or _YEARS.search(path.stem)
    if years:
        first, last = int(years.group(1)), int(years.group(2))
    else:
        first, last = dt.date.today().year, dt.date.today().year + 4
        reading.warnings.append(
            _(
                "Anii planului nu apar în document; s-au presupus {first}-{last} (corectați-i în secțiunea „plan”)."
            ).format(first=first, last=last)
        )
    code = re.sub(r"[^A-Za-z0-9]+", "-", fold_key(path.stem)).strip("-").upper() or "PLAN"
    if years and years.group(1) not in code:
        code = f"{code}-{first}-{last}"
    return {
        "code": code,
        "title": title,
        "short_title": "",
        "approving_act": "",
        "first_year": first,
        "last_year": last,
    }


# ------------------------------------------------------------------------------------------- import


def read_plan_document(path: Path | str, mapping: Mapping | None = None) -> PlanReading:
    """Read a Word/Excel plan into a :class:`PlanReading` (nothing is written)."""
    path = Path(path)
    mapping = mapping or Mapping()
    tables = read_tables(path)
    if not tables:
        raise InterchangeError(_("„{name}” nu conține niciun tabel.").format(name=path.name))
    reading = parse_plan(
        tables, kind=mapping.kind, chosen=mapping.tables, columns=mapping.columns, source=path.name
    )
    reading.meta = {**guess_meta(path, tables, reading), **mapping.plan}
    if not reading.actions:
        raise InterchangeError(
            _("În „{name}” nu am găsit nicio acțiune în tabelele alese.").format(name=path.name)
        )
    return reading


def plan_document(reading: PlanReading, codes: dict[str, str]) -> dict[str, Any]:
    """The interchange shape of the plan (:data:`document_schema.PLAN`); ``codes``: written name → code or
    "other" (kept as another responsible party, verbatim)."""
    meta = reading.meta

    def action(a: ParsedAction) -> dict[str, Any]:
        responsible = [codes[n] for n in a.responsible if codes.get(n) not in (None, "other")]
        return {
            "code": a.code,
            "parent": a.parent,
            "title": a.title,
            "title_placeholder": False,
            "deadline": a.deadline,
            "frequency": "unknown",
            "gender_perspective": "gen" in fold_key(a.deadline)
            or "(f/b)" in fold_key(" ".join(a.indicators)),
            "responsible_text": a.responsible_text,
            "all_subdivisions": a.all_subdivisions,
            "other_responsible": [n for n in a.responsible if codes.get(n) == "other"],
            "indicators_placeholder": not a.indicators,
            "extra": {"imported_from": reading.source, "code_source": a.code_source},
            "values": {key: text for key, text in a.extra.items() if text},
            "indicators": [
                {
                    "number": number,
                    "text": text,
                    "aggregation": "sum",
                    "gender_split": "f/b" in fold_key(text) or "femei/barbati" in fold_key(text),
                    "placeholder": False,
                }
                for number, text in enumerate(a.indicators, start=1)
            ],
            "responsible": [{"subdivision": code, "indicators": []} for code in dict.fromkeys(responsible)],
        }

    return {
        "code": str(meta["code"]),
        "title": str(meta["title"]),
        "short_title": str(meta.get("short_title", "")),
        "approving_act": str(meta.get("approving_act", "")),
        "first_year": int(meta["first_year"]),
        "last_year": int(meta["last_year"]),
        "kind": reading.kind,
        "extra": {"imported_from": reading.source},
        "columns": _declared_columns(reading),
        "priorities": [
            {
                "number": g.number,
                "title": g.title,
                "title_placeholder": g.placeholder,
                "actions": [action(a) for a in g.actions],
            }
            for g in reading.groups
            if g.actions
        ],
        "periods": [],
    }


def _declared_columns(reading: PlanReading) -> list[dict[str, Any]]:
    """The plan's declared columns: none when the document has no column beyond the kind's own fields, else
    the kind's columns followed by one per extra field found (partners, budget, risks …), in that order."""
    keys = list(dict.fromkeys(key for a in reading.actions for key in a.extra))
    if not keys:
        return []
    kind = find_kind(reading.kind) or get_kind(DEFAULT_KIND)
    columns = [c.as_dict() for c in kind.columns]
    labels = KIND_FIELDS.get(reading.kind, KIND_FIELDS["pla"])
    taken = {c.key for c in kind.columns}
    for key in keys:
        if key not in taken:
            label = labels[key][0] if key in labels else key
            columns.append(
                {
                    "key": key,
                    "label": label,
                    "number": "",
                    "source": "column",
                    "format": "text",
                    "merge": "none",
                    "in_plan": True,
                    "in_report": True,
                }
            )
    return columns


def import_plan_reading(reading: PlanReading, mapping: Mapping) -> tuple[int, ChangeSet]:
    """Write the plan (and the subdivisions the mapping creates): all or nothing, after an automatic
    backup. Refused, with nothing written, while a responsible name is unknown and unmapped."""
    unknown = unknown_names(reading, mapping)
    if unknown:
        raise InterchangeError(
            _(
                "Aceste nume de responsabili nu corespund niciunei subdiviziuni: {items}. Alegeți pentru fiecare o subdiviziune existentă, „creează” sau „alt responsabil” (fișierul de corespondență, secțiunea „subdivisions”); nu s-a importat nimic."
            ).format(items="; ".join(f"„{n}”" for n in unknown))
        )
    if Plan.get_or_none(Plan.code == str(reading.meta.get("code"))) is not None:
        raise InterchangeError(
            _("Există deja un plan cu codul „{value}”; alegeți alt cod (secțiunea „plan”).").format(
                value=reading.meta.get("code")
            )
        )
    auto_backup("import")
    with guard_write(_("Importul planului")), database.atomic():
        codes: dict[str, str] = {}
        for name in reading.names():
            chosen = mapping.subdivisions.get(name)
            if isinstance(chosen, dict) and "create" in chosen:
                code = str(chosen["create"])
                sub = Subdivision.get_or_none(Subdivision.code == code)
                if sub is None:
                    position = (Subdivision.select().count() or 0) + 1
                    sub = Subdivision.create(
                        code=code, name=str(chosen.get("name") or name), position=position
                    )
                codes[name] = str(sub.code)
            elif chosen == "other":
                codes[name] = "other"
            elif isinstance(chosen, str):
                sub = Subdivision.get_or_none(Subdivision.code == chosen)
                if sub is None:
                    raise InterchangeError(
                        _("Subdiviziunea cu codul „{chosen}” (pentru „{name}”) nu există.").format(
                            chosen=chosen, name=name
                        )
                    )
                key = name_key(name)
                if key and SubdivisionAlias.get_or_none(SubdivisionAlias.key == key) is None:
                    SubdivisionAlias.create(subdivision=sub, name=name, key=key)  # matched next time
                codes[name] = str(sub.code)
            else:
                matched = match_subdivision(name)
                assert matched is not None  # unknown names were refused above
                codes[name] = str(matched.code)
        item = plan_document(reading, codes)
        check(item, PLAN, "$.plan")
        sub_ids = {s.code: int(s.id) for s in Subdivision.select()}
        plan = import_plan(item, "$.plan", sub_ids)
    return int(plan.id), ChangeSet.everything()
