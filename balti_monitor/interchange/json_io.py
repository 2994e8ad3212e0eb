"""Whole-file JSON export and import.

Format ``balti-monitor-file`` version 1 (documented in README.md): subdivisions with aliases, then every plan
with its priorities → actions → indicators and responsibilities, and its periods with narrative, returns
(values as raw text: parsed facts are derived on import) and Total overrides. Everything is ordered, so
export → import into an empty file → export gives identical JSON.
"""

from __future__ import annotations

import datetime as dt
import json
import stat
from pathlib import Path
from typing import Any

from balti_monitor.db.models import (
    Action,
    ActionTerm,
    FindingAcknowledgement,
    Indicator,
    IndicatorAnnualRule,
    Narrative,
    Period,
    Plan,
    Priority,
    ReferenceTotal,
    Responsibility,
    Return,
    Subdivision,
    SubdivisionAlias,
    TotalOverride,
    Value,
    database,
    is_postgresql,
)
from balti_monitor.db.postgres import reset_sequences
from balti_monitor.interchange.forms_common import SECRET_KEY
from balti_monitor.services.applicability import effective_responsibilities
from balti_monitor.services.audit import cell_texts, export_log, import_log, record_differences, recording
from balti_monitor.services.backup import auto_backup
from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.document_schema import DOCUMENT, InterchangeError, check
from balti_monitor.services.plan_import import NARRATIVE_FIELDS, fail, import_plan
from balti_monitor.services.signing import keep_signed, signature_of, signed_periods
from balti_monitor.services.storage_errors import guard_write
from balti_monitor.services.subdivisions import name_key
from balti_monitor.services.values import (
    text_problem,
)

FORMAT = "balti-monitor-file"
VERSION = 1


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
        for ret in query:
            values = Value.select().where(Value.ret == ret)
            returns.append(
                {
                    "action": ret.action.code,
                    "subdivision": code_of[ret.subdivision_id],
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
        "priorities": [
            {
                "number": p.number,
                "title": p.title,
                "title_placeholder": p.title_placeholder,
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
                f"„{path}” nu este un fișier obișnuit (un dosar, un dispozitiv sau o conductă)."
            )
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise InterchangeError(f"Fișierul „{path}” nu există.") from exc
    except OSError as exc:
        raise InterchangeError(f"Fișierul „{path.name}” nu poate fi citit: {exc.strerror or exc}.") from exc
    except UnicodeDecodeError as exc:
        raise InterchangeError(f"Fișierul „{path.name}” nu este text UTF-8 (octetul {exc.start}).") from exc
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InterchangeError(
            f"Fișierul „{path.name}” nu este JSON valid: linia {exc.lineno}, coloana {exc.colno}: {exc.msg}."
        ) from exc
    validate_document(document)
    return document  # type: ignore[no-any-return]


def validate_document(document: Any) -> None:
    """Check format, version and structure."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise InterchangeError("$.format: documentul nu este un export Bălți Monitor („balti-monitor-file”).")
    if document.get("version") != VERSION:
        raise InterchangeError(
            f"$.version: versiunea {document.get('version')!r} nu este cunoscută (această versiune citește {VERSION})."
        )
    check(document, DOCUMENT)
    _refuse_invalid_characters(document, "$")


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
                    "Fișierul deschis conține deja date; importul se face într-un fișier gol "
                    "(sau cu înlocuirea datelor existente)."
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
            raise fail(path + ".code", f"abrevierea „{item['code']}” apare de două ori.")
        sub = Subdivision.create(
            code=item["code"], name=item["name"], position=index + 1, active=item["active"]
        )
        sub_ids[item["code"]] = sub.id
        for a_index, alias in enumerate(item["aliases"]):
            key = name_key(alias)
            if SubdivisionAlias.get_or_none(SubdivisionAlias.key == key) is not None:
                raise fail(f"{path}.aliases[{a_index}]", f"denumirea „{alias}” este deja folosită.")
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
    with guard_write("Importul"):
        return import_json(Path(path), replace=replace)


def _portable_key(key: str, code_of: dict[int, str]) -> str:
    """A finding key with the subdivision's code instead of its id ("1.6/3/@DRU/fb_missing")."""
    parts = key.split("/")
    if len(parts) == 4 and parts[2].isdigit() and int(parts[2]) in code_of:
        parts[2] = "@" + code_of[int(parts[2])]
    return "/".join(parts)
