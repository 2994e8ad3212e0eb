"""Whole-file JSON export and import.

Format ``balti-monitor-file`` version 1 (documented in README.md): subdivisions with aliases, then every plan
with its priorities → actions → indicators and responsibilities, and its periods with narrative, returns
(values as raw text: parsed facts are derived on import) and Total overrides. Everything is ordered, so
export → import into an empty file → export gives identical JSON.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from balti_monitor.db.models import (
    Action,
    Indicator,
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
)
from balti_monitor.interchange.schema import DOCUMENT, InterchangeError, check
from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.subdivisions import name_key
from balti_monitor.services.values import (
    INVALID_CHARACTER,
    has_invalid_character,
    parsed_columns,
    validate_description,
    validate_value,
)

FORMAT = "balti-monitor-file"
VERSION = 1
_NARRATIVE_FIELDS = [
    "executive_summary",
    "risks_intro",
    "risks",
    "proposals_intro",
    "proposals",
    "prepared_by_name",
    "prepared_by_function",
    "coordinated_by_name",
    "coordinated_by_function",
    "extra_signatures",
]


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _by_indicator(item: dict[str, Any]) -> int:
    return int(item["indicator"])


def export_document() -> dict[str, Any]:
    """The whole open database as one JSON-ready document."""
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
        "plans": [_export_plan(plan, code_of) for plan in Plan.select().order_by(Plan.id)],
    }


def _export_plan(plan: Plan, code_of: dict[int, str]) -> dict[str, Any]:
    priorities = list(Priority.select().where(Priority.plan == plan).order_by(Priority.position))
    actions = list(Action.select().join(Priority).where(Priority.plan == plan).order_by(Action.position))
    action_code = {a.id: a.code for a in actions}
    indicator_number = {}
    by_priority: dict[int, list[dict[str, Any]]] = {}
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
                    }
                    for i in inds
                ],
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
            .order_by(TotalOverride.action, TotalOverride.indicator, TotalOverride.id)
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
            .order_by(ReferenceTotal.action, ReferenceTotal.indicator, ReferenceTotal.id)
        ]
        periods.append(
            {
                "year": period.year,
                "semester": period.semester,
                "narrative": None
                if narrative is None
                else {name: getattr(narrative, name) for name in _NARRATIVE_FIELDS},
                "returns": returns,
                "overrides": overrides,
                "references": references,
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
        "extra": plan.extra,
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


def export_json(path: Path) -> None:
    """Write the whole database to ``path`` (through a temporary file, so a failure leaves no half file)."""
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(dumps(export_document()), encoding="utf-8")
    tmp.replace(path)


def is_empty() -> bool:
    """True when the open database holds no plan, subdivision or period."""
    return not (Plan.select().exists() or Subdivision.select().exists())


def load_document(path: Path) -> dict[str, Any]:
    """Read and structurally validate a document; :class:`InterchangeError` says what and where."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise InterchangeError(f"Fișierul „{path}” nu există.") from exc
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
    """Lone UTF-16 surrogates (JSON allows "\\ud800") cannot be stored: say where the first one is."""
    if isinstance(value, str):
        if has_invalid_character(value):
            raise InterchangeError(f"{path}: {INVALID_CHARACTER}")
    elif isinstance(value, dict):
        for key, item in value.items():
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
    with database.atomic():
        if not is_empty():
            if not replace:
                raise InterchangeError(
                    "Fișierul deschis conține deja date; importul se face într-un fișier gol "
                    "(sau cu înlocuirea datelor existente)."
                )
            for model in (Plan, Subdivision):
                model.delete().execute()
        _import(document)
    return ChangeSet.everything()


def _fail(path: str, message: str) -> InterchangeError:
    return InterchangeError(f"{path}: {message}")


def _import(document: dict[str, Any]) -> None:
    sub_ids: dict[str, int] = {}
    for index, item in enumerate(document["subdivisions"]):
        path = f"$.subdivisions[{index}]"
        if item["code"] in sub_ids:
            raise _fail(path + ".code", f"abrevierea „{item['code']}” apare de două ori.")
        sub = Subdivision.create(
            code=item["code"], name=item["name"], position=index + 1, active=item["active"]
        )
        sub_ids[item["code"]] = sub.id
        for a_index, alias in enumerate(item["aliases"]):
            key = name_key(alias)
            if SubdivisionAlias.get_or_none(SubdivisionAlias.key == key) is not None:
                raise _fail(f"{path}.aliases[{a_index}]", f"denumirea „{alias}” este deja folosită.")
            SubdivisionAlias.create(subdivision=sub, name=alias, key=key)
    for p_index, item in enumerate(document["plans"]):
        import_plan(item, f"$.plans[{p_index}]", sub_ids)


def _parse_datetime(text: str | None, path: str) -> dt.datetime | None:
    if text is None:
        return None
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError as exc:
        raise _fail(path, f"dată invalidă „{text}”.") from exc


def import_plan(item: dict[str, Any], path: str, sub_ids: dict[str, int]) -> Plan:
    """Insert one plan of the interchange shape (:data:`schema.PLAN`) with its periods; ``path`` prefixes
    error locations. Call inside a transaction: an :class:`InterchangeError` leaves rows to roll back."""
    if Plan.get_or_none(Plan.code == item["code"]) is not None:
        raise _fail(path + ".code", f"planul „{item['code']}” apare de două ori.")
    plan = Plan.create(
        code=item["code"],
        title=item["title"],
        short_title=item["short_title"],
        approving_act=item["approving_act"],
        first_year=item["first_year"],
        last_year=item["last_year"],
        kind=item["kind"],
        extra=item["extra"],
    )
    actions: dict[str, Action] = {}
    indicators: dict[tuple[str, int], int] = {}
    for pr_index, prio in enumerate(item["priorities"]):
        priority = Priority.create(
            plan=plan,
            number=prio["number"],
            title=prio["title"],
            position=pr_index + 1,
            title_placeholder=prio["title_placeholder"],
        )
        for a_index, act in enumerate(prio["actions"]):
            a_path = f"{path}.priorities[{pr_index}].actions[{a_index}]"
            if act["code"] in actions:
                raise _fail(a_path + ".code", f"acțiunea „{act['code']}” apare de două ori.")
            if act["parent"] is not None and act["parent"] not in actions:
                raise _fail(
                    a_path + ".parent", f"acțiunea-părinte „{act['parent']}” nu a fost definită înainte."
                )
            action = Action.create(
                priority=priority,
                parent=actions[act["parent"]] if act["parent"] else None,
                code=act["code"],
                title=act["title"],
                title_placeholder=act["title_placeholder"],
                deadline=act["deadline"],
                frequency=act["frequency"],
                gender_perspective=act["gender_perspective"],
                responsible_text=act["responsible_text"],
                all_subdivisions=act["all_subdivisions"],
                other_responsible=act["other_responsible"],
                indicators_placeholder=act["indicators_placeholder"],
                position=a_index + 1,
                extra=act["extra"],
            )
            actions[act["code"]] = action
            for i_index, ind in enumerate(act["indicators"]):
                if (act["code"], ind["number"]) in indicators:
                    raise _fail(
                        f"{a_path}.indicators[{i_index}].number", f"indicatorul {ind['number']} se repetă."
                    )
                if ind["aggregation"] not in ("sum", "max", "distinct", "status", "manual"):
                    raise _fail(
                        f"{a_path}.indicators[{i_index}].aggregation",
                        f"regulă necunoscută „{ind['aggregation']}”.",
                    )
                created = Indicator.create(
                    action=action,
                    number=ind["number"],
                    text=ind["text"],
                    aggregation=ind["aggregation"],
                    gender_split=ind["gender_split"],
                    placeholder=ind["placeholder"],
                )
                indicators[(act["code"], ind["number"])] = created.id
            for r_index, resp in enumerate(act["responsible"]):
                r_path = f"{a_path}.responsible[{r_index}]"
                if resp["subdivision"] not in sub_ids:
                    raise _fail(r_path + ".subdivision", f"subdiviziune necunoscută „{resp['subdivision']}”.")
                for number in resp["indicators"]:
                    if (act["code"], number) not in indicators:
                        raise _fail(r_path + ".indicators", f"acțiunea nu are indicatorul {number}.")
                Responsibility.create(
                    action=action,
                    subdivision=sub_ids[resp["subdivision"]],
                    position=r_index + 1,
                    indicators=resp["indicators"],
                )
    for pe_index, per in enumerate(item["periods"]):
        _import_period(per, f"{path}.periods[{pe_index}]", plan, actions, indicators, sub_ids)
    return plan


def _import_period(
    per: dict[str, Any],
    path: str,
    plan: Plan,
    actions: dict[str, Action],
    indicators: dict[tuple[str, int], int],
    sub_ids: dict[str, int],
) -> None:
    if per["semester"] not in (0, 1, 2):
        raise _fail(path + ".semester", "semestrul trebuie să fie 1, 2 sau 0 (anual).")
    if Period.get_or_none(
        (Period.plan == plan) & (Period.year == per["year"]) & (Period.semester == per["semester"])
    ):
        raise _fail(path, "perioada apare de două ori.")
    period = Period.create(plan=plan, year=per["year"], semester=per["semester"])
    if per["narrative"] is not None:
        Narrative.create(period=period, **{name: per["narrative"][name] for name in _NARRATIVE_FIELDS})
    for r_index, ret in enumerate(per["returns"]):
        r_path = f"{path}.returns[{r_index}]"
        if ret["action"] not in actions:
            raise _fail(r_path + ".action", f"acțiune necunoscută „{ret['action']}”.")
        if ret["subdivision"] not in sub_ids:
            raise _fail(r_path + ".subdivision", f"subdiviziune necunoscută „{ret['subdivision']}”.")
        problem = validate_description(ret["description"])
        if problem:
            raise _fail(r_path + ".description", problem)
        received = ret["received_date"]
        try:
            received_date = None if received is None else dt.date.fromisoformat(received)
        except ValueError as exc:
            raise _fail(r_path + ".received_date", f"dată invalidă „{received}”.") from exc
        created = Return.create(
            action=actions[ret["action"]],
            subdivision=sub_ids[ret["subdivision"]],
            period=period,
            description=ret["description"],
            received_date=received_date,
            review_status=ret["review_status"],
            status=ret["status"],
            updated_at=_parse_datetime(ret["updated_at"], r_path + ".updated_at"),
        )
        rows = []
        seen: set[int] = set()
        for v_index, value in enumerate(ret["values"]):
            v_path = f"{r_path}.values[{v_index}]"
            key = (ret["action"], value["indicator"])
            if key not in indicators:
                raise _fail(
                    v_path + ".indicator",
                    f"acțiunea {ret['action']} nu are indicatorul {value['indicator']}.",
                )
            if value["indicator"] in seen:
                raise _fail(v_path + ".indicator", f"indicatorul {value['indicator']} apare de două ori.")
            seen.add(value["indicator"])
            problem = validate_value(value["raw_text"])
            if problem:
                raise _fail(v_path + ".raw_text", problem)
            rows.append(
                {"ret": created.id, "indicator": indicators[key], **parsed_columns(value["raw_text"])}
            )
        if rows:
            Value.insert_many(rows).execute()
    for o_index, ov in enumerate(per["overrides"]):
        o_path = f"{path}.overrides[{o_index}]"
        if ov["action"] not in actions:
            raise _fail(o_path + ".action", f"acțiune necunoscută „{ov['action']}”.")
        indicator_id = None
        if ov["indicator"] is not None:
            key = (ov["action"], ov["indicator"])
            if key not in indicators:
                raise _fail(
                    o_path + ".indicator", f"acțiunea {ov['action']} nu are indicatorul {ov['indicator']}."
                )
            indicator_id = indicators[key]
        TotalOverride.create(
            action=actions[ov["action"]],
            period=period,
            indicator=indicator_id,
            raw_text=ov["raw_text"],
            reason=ov["reason"],
            author=ov["author"],
            created_at=_parse_datetime(ov["created_at"], o_path + ".created_at"),
        )
    for r_index, ref in enumerate(per.get("references") or []):
        r_path = f"{path}.references[{r_index}]"
        if ref["action"] not in actions:
            raise _fail(r_path + ".action", f"acțiune necunoscută „{ref['action']}”.")
        ref_indicator = None
        if ref["indicator"] is not None:
            key = (ref["action"], ref["indicator"])
            if key not in indicators:
                raise _fail(
                    r_path + ".indicator", f"acțiunea {ref['action']} nu are indicatorul {ref['indicator']}."
                )
            ref_indicator = indicators[key]
        ReferenceTotal.create(
            action=actions[ref["action"]],
            period=period,
            indicator=ref_indicator,
            raw_text=ref["raw_text"],
            source=ref["source"],
        )


def import_json(path: Path, *, replace: bool = False) -> ChangeSet:
    """Read, validate and import a JSON file (nothing changes when anything is wrong)."""
    return import_document(load_document(path), replace=replace)
