"""Whole-file JSON export and import.

Format ``balti-monitor-file`` version 2 (version 1 is documented in README.md, version 2 in
``docs/plan_kinds.md``): subdivisions with aliases, then every plan with its kind and declared columns, its
priorities (with their own column sets) → actions (with their declared column values) → indicators and
responsibilities, and its periods (semesters, years or spans of years) with narrative, returns (per
subdivision or of the action as a whole, with status and links; values as raw text: parsed facts are
derived on import) and Total overrides. Everything is ordered, so export → import into an empty file →
export gives identical JSON. Version-1 files still load (their text ``extra`` fields become declared
columns, as the schema migration to version 9 does).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import stat
from pathlib import Path
from typing import Any

from balti_monitor.db.models import (
    Action,
    ActionColumnValue,
    ActionTerm,
    FindingAcknowledgement,
    GroupColumn,
    Indicator,
    IndicatorAnnualRule,
    Narrative,
    Period,
    Plan,
    PlanColumn,
    Priority,
    ReferenceTotal,
    Responsibility,
    Return,
    ReturnLink,
    Subdivision,
    SubdivisionAlias,
    TotalOverride,
    Value,
    database,
    is_postgresql,
)
from balti_monitor.db.pg_rebuild import reset_sequences
from balti_monitor.i18n import _
from balti_monitor.interchange.forms_common import SECRET_KEY
from balti_monitor.services.applicability import effective_responsibilities
from balti_monitor.services.audit import cell_texts, export_log, import_log, record_differences, recording
from balti_monitor.services.backup import auto_backup
from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.document_schema import DOCUMENT, PLAN, InterchangeError, check
from balti_monitor.services.kinds import DEFAULT_KIND, find_kind, get_kind, kind_codes
from balti_monitor.services.plan_import import NARRATIVE_FIELDS, fail, import_plan
from balti_monitor.services.signing import keep_signed, signature_of, signed_periods
from balti_monitor.services.storage_errors import guard_write
from balti_monitor.services.subdivisions import name_key
from balti_monitor.services.values import (
    text_problem,
)

FORMAT = "balti-monitor-file"
VERSION = 2
#: Versions this program reads.
READABLE_VERSIONS = (1, 2)


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _by_indicator(item: dict[str, Any]) -> int:
    return int(item["indicator"])


FORM_KEY_NOTICE = (
    "Exportul JSON nu conține cheia de semnare a formularelor de retur (așa se exportă implicit, ca nimeni "
    "să nu poată falsifica formulare cu fișierul JSON). La următoarea generare se creează o cheie nouă: "
    "formularele trimise subdiviziunilor înainte de acest import nu mai pot fi importate și trebuie trimise "
    "din nou."
)


def export_document(*, with_form_key: bool = False) -> dict[str, Any]:
    """The whole open database as one JSON-ready document.

    The return forms' signing key (``Plan.extra["forms_secret"]``) is left out unless ``with_form_key``:
    whoever holds the key can forge forms, and a JSON file travels further than the database (a full move
    to another computer keeps it: ``export-json --with-form-key``).
    """
    subs = list(Subdivision.select().order_by(Subdivision.position, Subdivision.id))
    code_of = {s.id: s.code for s in subs}
    aliases: dict[int, list[str]] = {}
    for alias in SubdivisionAlias.select().order_by(SubdivisionAlias.id):
        aliases.setdefault(alias.subdivision_id, []).append(alias.name)
    return {
        "format": FORMAT,
        "version": VERSION,
        "subdivisions": [
            {"code": s.code, "name": s.name, "active": s.active, "aliases": aliases.get(s.id, [])}
            for s in subs
        ],
        "plans": [_export_plan(plan, code_of, with_form_key) for plan in Plan.select().order_by(Plan.id)],
        "change_log": export_log(),
    }


def _export_plan(plan: Plan, code_of: dict[int, str], with_form_key: bool = False) -> dict[str, Any]:
    priorities = list(Priority.select().where(Priority.plan == plan).order_by(Priority.position))
    actions = list(Action.select().join(Priority).where(Priority.plan == plan).order_by(Action.position))
    columns = list(PlanColumn.select().where(PlanColumn.plan == plan).order_by(PlanColumn.position))
    column_key = {c.id: c.key for c in columns}
    column_position = {c.id: c.position for c in columns}
    item_values: dict[int, list[tuple[int, str, str]]] = {}
    for stored in ActionColumnValue.select().where(ActionColumnValue.column.in_(list(column_key))):
        item_values.setdefault(stored.action_id, []).append(
            (column_position[stored.column_id], column_key[stored.column_id], stored.raw_text)
        )
    group_columns: dict[int, list[dict[str, str]]] = {}
    for own in (
        GroupColumn.select()
        .where(GroupColumn.column.in_(list(column_key)))
        .order_by(GroupColumn.priority, GroupColumn.position)
    ):
        group_columns.setdefault(own.priority_id, []).append(
            {"key": column_key[own.column_id], "label": own.label}
        )
    action_code = {a.id: a.code for a in actions}
    indicator_number = {}
    by_priority: dict[int, list[dict[str, Any]]] = {}
    chosen_rules = {r.indicator_id: r.rule for r in IndicatorAnnualRule.select()}
    hand_terms = {t.action_id: {"kind": t.kind, "due": t.due_date} for t in ActionTerm.select()}
    for action in actions:
        inds = list(Indicator.select().where(Indicator.action == action).order_by(Indicator.number))
        indicator_number.update({i.id: i.number for i in inds})
        resps = list(
            Responsibility.select().where(Responsibility.action == action).order_by(Responsibility.position)
        )
        by_priority.setdefault(action.priority_id, []).append(
            {
                "code": action.code,
                "parent": action_code.get(action.parent_id) if action.parent_id else None,
                "title": action.title,
                "title_placeholder": action.title_placeholder,
                "deadline": action.deadline,
                "frequency": action.frequency,
                "gender_perspective": action.gender_perspective,
                "responsible_text": action.responsible_text,
                "all_subdivisions": action.all_subdivisions,
                "other_responsible": action.other_responsible,
                "indicators_placeholder": action.indicators_placeholder,
                "extra": action.extra,
                "values": {key: text for _, key, text in sorted(item_values.get(action.id, []))},
                "indicators": [
                    {
                        "number": i.number,
                        "text": i.text,
                        "aggregation": i.aggregation,
                        "gender_split": i.gender_split,
                        "placeholder": i.placeholder,
                        **({"annual_rule": chosen_rules[i.id]} if i.id in chosen_rules else {}),
                    }
                    for i in inds
                ],
                **({"term": hand_terms[action.id]} if action.id in hand_terms else {}),
                "responsible": [
                    {"subdivision": code_of[r.subdivision_id], "indicators": list(r.indicators)}
                    for r in resps
                ],
            }
        )
    periods = []
    for period in Period.select().where(Period.plan == plan).order_by(Period.year, Period.semester):
        narrative = Narrative.get_or_none(Narrative.period == period)
        returns = []
        query = (
            Return.select(Return, Action)
            .join(Action)
            .where(Return.period == period)
            .order_by(Action.id, Return.subdivision, Return.id)
        )
        links: dict[int, list[dict[str, str]]] = {}
        for link in (
            ReturnLink.select()
            .join(Return)
            .where(Return.period == period)
            .order_by(ReturnLink.ret, ReturnLink.position)
        ):
            links.setdefault(link.return_id, []).append({"text": link.text, "url": link.url})
        for ret in query:
            values = Value.select().where(Value.ret == ret)
            returns.append(
                {
                    "action": ret.action.code,
                    "subdivision": None if ret.subdivision_id is None else code_of[ret.subdivision_id],
                    "description": ret.description,
                    "received_date": _iso(ret.received_date),
                    "review_status": ret.review_status,
                    "status": ret.status,
                    "updated_at": _iso(ret.updated_at),
                    "values": sorted(
                        (
                            {"indicator": indicator_number[v.indicator_id], "raw_text": v.raw_text}
                            for v in values
                        ),
                        key=_by_indicator,
                    ),
                    "links": links.get(ret.id, []),
                }
            )
        overrides = [
            {
                "action": action_code[o.action_id],
                "indicator": None if o.indicator_id is None else indicator_number[o.indicator_id],
                "raw_text": o.raw_text,
                "reason": o.reason,
                "author": o.author,
                "created_at": _iso(o.created_at),
            }
            for o in TotalOverride.select()
            .where(TotalOverride.period == period)
            .order_by(TotalOverride.action, TotalOverride.indicator.asc(nulls="first"), TotalOverride.id)
        ]
        responsible = [
            {"action": action_code[aid], "subdivision": code_of[sid], "indicators": sorted(numbers)}
            for aid, rows in sorted(effective_responsibilities(period).items(), key=lambda i: i[0])
            for sid, numbers in rows
        ]
        acknowledgements = [
            {
                "key": _portable_key(a.key, code_of),
                "fingerprint": a.fingerprint,
                "note": a.note,
                "author": a.author,
                "created_at": _iso(a.created_at),
            }
            for a in FindingAcknowledgement.select()
            .where(FindingAcknowledgement.period == period)
            .order_by(FindingAcknowledgement.key)
        ]
        references = [
            {
                "action": action_code[r.action_id],
                "indicator": None if r.indicator_id is None else indicator_number[r.indicator_id],
                "raw_text": r.raw_text,
                "source": r.source,
            }
            for r in ReferenceTotal.select()
            .where(ReferenceTotal.period == period)
            .order_by(ReferenceTotal.action, ReferenceTotal.indicator.asc(nulls="first"), ReferenceTotal.id)
        ]
        periods.append(
            {
                "year": period.year,
                "semester": period.semester,
                "span_end": period.span_end,
                "responsible": responsible,
                "acknowledgements": acknowledgements,
                "narrative": None
                if narrative is None
                else {name: getattr(narrative, name) for name in NARRATIVE_FIELDS},
                "returns": returns,
                "overrides": overrides,
                "references": references,
                "signature": signature_of(period.id),
            }
        )
    return {
        "code": plan.code,
        "title": plan.title,
        "short_title": plan.short_title,
        "approving_act": plan.approving_act,
        "first_year": plan.first_year,
        "last_year": plan.last_year,
        "kind": plan.kind,
        "extra": plan.extra
        if with_form_key
        else {k: v for k, v in (plan.extra or {}).items() if k != SECRET_KEY},
        "columns": [
            {
                "key": c.key,
                "label": c.label,
                "number": c.number,
                "source": c.source,
                "format": c.format,
                "merge": c.merge,
                "in_plan": bool(c.in_plan),
                "in_report": bool(c.in_report),
            }
            for c in columns
        ],
        "priorities": [
            {
                "number": p.number,
                "title": p.title,
                "title_placeholder": p.title_placeholder,
                **({"columns": group_columns[p.id]} if p.id in group_columns else {}),
                "actions": by_priority.get(p.id, []),
            }
            for p in priorities
        ],
        "periods": periods,
    }


def dumps(document: dict[str, Any]) -> str:
    """Canonical text of a document (UTF-8 readable, stable indentation)."""
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def export_json(path: Path, *, with_form_key: bool = False) -> None:
    """Write the whole database to ``path`` (through a temporary file, so a failure leaves no half file);
    the forms' signing key only ``with_form_key`` (see :func:`export_document`)."""
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_text(dumps(export_document(with_form_key=with_form_key)), encoding="utf-8")
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


def lacks_form_key(document: dict[str, Any]) -> bool:
    """Whether an imported document left out the forms' signing key of a plan (a new one will be made)."""
    return any(SECRET_KEY not in (plan.get("extra") or {}) for plan in document.get("plans", []))


def is_empty() -> bool:
    """True when the open database holds no plan, subdivision or period."""
    return not (Plan.select().exists() or Subdivision.select().exists())


def load_document(path: Path) -> dict[str, Any]:
    """Read and structurally validate a document; :class:`InterchangeError` says what and where."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise InterchangeError(
                _("„{path}” nu este un fișier obișnuit (un dosar, un dispozitiv sau o conductă).").format(
                    path=path
                )
            )
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise InterchangeError(_("Fișierul „{path}” nu există.").format(path=path)) from exc
    except OSError as exc:
        raise InterchangeError(
            _("Fișierul „{name}” nu poate fi citit: {value}.").format(
                name=path.name, value=exc.strerror or exc
            )
        ) from exc
    except UnicodeDecodeError as exc:
        raise InterchangeError(
            _("Fișierul „{name}” nu este text UTF-8 (octetul {start}).").format(
                name=path.name, start=exc.start
            )
        ) from exc
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InterchangeError(
            _("Fișierul „{name}” nu este JSON valid: linia {lineno}, coloana {colno}: {msg}.").format(
                name=path.name, lineno=exc.lineno, colno=exc.colno, msg=exc.msg
            )
        ) from exc
    validate_document(document)
    return document  # type: ignore[no-any-return]


def validate_document(document: Any) -> None:
    """Check format, version and structure."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise InterchangeError(
            _("$.format: documentul nu este un export Bălți Monitor („balti-monitor-file”).")
        )
    version = document.get("version")
    if isinstance(version, bool) or version not in READABLE_VERSIONS:
        raise InterchangeError(
            _(
                "$.version: versiunea {value!r} nu este cunoscută (această versiune citește versiunile "
                "{versions})."
            ).format(value=version, versions=", ".join(str(v) for v in READABLE_VERSIONS))
        )
    check(document, DOCUMENT)
    _refuse_invalid_characters(document, "$")
    for p_index, plan in enumerate(document["plans"]):
        path = f"$.plans[{p_index}]"
        if version >= 2 and find_kind(plan["kind"]) is None:
            raise InterchangeError(
                _("{path}.kind: tipul de plan „{kind}” nu este cunoscut (tipuri: {kinds}).").format(
                    path=path, kind=plan["kind"], kinds=", ".join(kind_codes())
                )
            )
        if version < 2:
            for key in ("columns",):
                if key in plan:
                    raise InterchangeError(
                        _("{path}.{key}: câmp al versiunii 2 într-un document de versiunea 1.").format(
                            path=path, key=key
                        )
                    )
            for pe_index, period in enumerate(plan["periods"]):
                for r_index, ret in enumerate(period["returns"]):
                    if ret["subdivision"] is None:
                        raise InterchangeError(
                            _(
                                "{path}: lipsește subdiviziunea (progresul acțiunii ca întreg există doar în "
                                "versiunea 2)."
                            ).format(path=f"{path}.periods[{pe_index}].returns[{r_index}].subdivision")
                        )


#: Labels of the ``extra`` fields a version-1 document got from the Word/Excel plan import.
_EXTRA_LABELS = {"partners": "Parteneri", "budget": "Buget / surse", "risks": "Riscuri", "result": "Rezultat"}


def upgrade_document(document: dict[str, Any]) -> dict[str, Any]:
    """A validated document in the shape of version 2 (a version-1 document's text ``extra`` fields become
    declared columns of its plan, after its kind's columns, as the schema migration to version 9 does)."""
    if document["version"] >= 2:
        return document
    upgraded = copy.deepcopy(document)
    upgraded["version"] = VERSION
    for plan in upgraded["plans"]:
        keys: list[str] = []
        for priority in plan["priorities"]:
            for action in priority["actions"]:
                texts = {k: v for k, v in action["extra"].items() if isinstance(v, str)}
                keys += [k for k in texts if k not in keys]
                action["values"] = {k: v for k, v in texts.items() if v}
                action["extra"] = {k: v for k, v in action["extra"].items() if not isinstance(v, str)}
        plan["columns"] = []
        if keys:
            kind = find_kind(plan["kind"]) or get_kind(DEFAULT_KIND)
            plan["columns"] = [c.as_dict() for c in kind.columns]
            taken = {c.key for c in kind.columns}
            for key in keys:
                if key in taken:
                    continue
                plan["columns"].append(
                    {
                        "key": key,
                        "label": _EXTRA_LABELS.get(key, key),
                        "number": "",
                        "source": "column",
                        "format": "text",
                        "merge": "none",
                        "in_plan": True,
                        "in_report": True,
                    }
                )
        for period in plan["periods"]:
            period["span_end"] = 0
            for ret in period["returns"]:
                ret["links"] = []
    return upgraded


def _refuse_invalid_characters(value: Any, path: str) -> None:
    """The one text rule (:func:`services.values.text_problem`) for every text of the document, keys too:
    a NUL or a lone UTF-16 surrogate (JSON allows "\\u0000" and "\\ud800") is refused, saying where."""
    if isinstance(value, str):
        problem = text_problem(value)
        if problem:
            raise InterchangeError(f"{path}: {problem}")
    elif isinstance(value, dict):
        for key, item in value.items():
            _refuse_invalid_characters(key, f"{path} (cheia {key!r})")
            _refuse_invalid_characters(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _refuse_invalid_characters(item, f"{path}[{index}]")


def import_document(document: dict[str, Any], *, replace: bool = False) -> ChangeSet:
    """Load a validated document into the open database, all or nothing.

    Without ``replace`` the database must be empty. With it, existing data is deleted first (inside the
    same transaction, so a failure restores it).
    """
    validate_document(document)
    document = upgrade_document(document)
    # The triggers are off (audit mode 1): the import records its own differences, cell by cell, and
    # keeps every signed period exactly as signed.
    with recording("json", mode=1):
        before = cell_texts()
        signed = signed_periods()
        replacing = (
            not is_empty()
        )  # into an empty file the import is a move: the document's log is the history
        if replacing:
            if not replace:
                raise InterchangeError(
                    _(
                        "Fișierul deschis conține deja date; importul se face într-un fișier gol (sau cu înlocuirea datelor existente)."
                    )
                )
            for model in (Plan, Subdivision):
                model.delete().execute()
            if is_postgresql():  # ids start again after the largest kept one, as in a file
                reset_sequences(database)
        _import(document)
        after = cell_texts()
        keep_signed(signed, before, after)
        import_log(document.get("change_log") or [])
        if replacing:
            record_differences(before, after, "json")
    return ChangeSet.everything()


def _import(document: dict[str, Any]) -> None:
    sub_ids: dict[str, int] = {}
    for index, item in enumerate(document["subdivisions"]):
        path = f"$.subdivisions[{index}]"
        if item["code"] in sub_ids:
            raise fail(path + ".code", _("abrevierea „{code}” apare de două ori.").format(code=item["code"]))
        sub = Subdivision.create(
            code=item["code"], name=item["name"], position=index + 1, active=item["active"]
        )
        sub_ids[item["code"]] = sub.id
        for a_index, alias in enumerate(item["aliases"]):
            key = name_key(alias)
            if SubdivisionAlias.get_or_none(SubdivisionAlias.key == key) is not None:
                raise fail(
                    f"{path}.aliases[{a_index}]",
                    _("denumirea „{name}” este deja folosită.").format(name=alias),
                )
            SubdivisionAlias.create(subdivision=sub, name=alias, key=key)
    for p_index, item in enumerate(document["plans"]):
        import_plan(item, f"$.plans[{p_index}]", sub_ids)


def import_json(path: Path, *, replace: bool = False) -> ChangeSet:
    """Read, validate and import a JSON file (nothing changes when anything is wrong)."""
    return import_document(load_document(path), replace=replace)


def import_json_with_backup(path: Path | str, *, replace: bool = False) -> ChangeSet:
    """:func:`import_json` preceded by an automatic backup of the open data (if any).

    Content problems still raise ``InterchangeError``; a storage failure (disk full, read-only file, file
    vanished) raises ``ServiceError`` saying the data stayed as it was (the import is one transaction).
    """
    auto_backup("import")
    with guard_write(_("Importul")):
        return import_json(Path(path), replace=replace)


def add_plan(item: dict[str, Any], *, source: str = "json") -> tuple[int, ChangeSet]:
    """Add one plan of the version-2 shape (``plans[i]`` of a document, with its periods) to the open file,
    beside the plans it holds: validated first (its kind known, its code new, the subdivisions it names
    present), after an automatic backup, in one recorded transaction, all or nothing. Returns the new plan's
    id. (Bundled example plans are added this way.)"""
    if not isinstance(item, dict):
        raise InterchangeError(_("$: se aștepta un plan (obiect JSON)."))
    check(item, PLAN, "$")
    _refuse_invalid_characters(item, "$")
    if find_kind(item["kind"]) is None:
        raise InterchangeError(
            _("{path}.kind: tipul de plan „{kind}” nu este cunoscut (tipuri: {kinds}).").format(
                path="$", kind=item["kind"], kinds=", ".join(kind_codes())
            )
        )
    if Plan.get_or_none(Plan.code == item["code"]) is not None:
        raise InterchangeError(_("$.code: fișierul are deja planul „{code}”.").format(code=item["code"]))
    sub_ids = {s.code: s.id for s in Subdivision.select(Subdivision.id, Subdivision.code)}
    auto_backup("import")
    with guard_write(_("Adăugarea planului")), recording(source):
        plan = import_plan(item, "$", sub_ids)
    return plan.id, ChangeSet.everything()


def _portable_key(key: str, code_of: dict[int, str]) -> str:
    """A finding key with the subdivision's code instead of its id ("1.6/3/@DRU/fb_missing")."""
    parts = key.split("/")
    if len(parts) == 4 and parts[2].isdigit() and int(parts[2]) in code_of:
        parts[2] = "@" + code_of[int(parts[2])]
    return "/".join(parts)
