"""The bundled plan (PLA 2023-2027), the subdivisions and the S1-2023 demo data from ``data/``."""

from __future__ import annotations

import json
from typing import Any

from balti_monitor.db.models import (
    Action,
    Indicator,
    Narrative,
    Period,
    Plan,
    Priority,
    ReferenceTotal,
    Return,
    Subdivision,
    SubdivisionAlias,
    Value,
    database,
)
from balti_monitor.i18n import _
from balti_monitor.resources import read_resource_text
from balti_monitor.services.applicability import materialize
from balti_monitor.services.audit import recording
from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.document_schema import PLAN, InterchangeError, check
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.plan_import import import_plan
from balti_monitor.services.subdivisions import match_subdivision, name_key
from balti_monitor.services.values import parsed_columns

PLAN_FILE = "pla_2023_2027.json"
SUBDIVISIONS_FILE = "subdivisions.json"
DEMO_FILE = "demo_2023_S1.json"
#: Where the demo's reference totals come from (shown with them: "as written in the source report").
DEMO_SOURCE = "Raportul semestrial original, semestrul I 2023"


def bundled_json(name: str) -> dict[str, Any]:
    """One bundled JSON document."""
    data: dict[str, Any] = json.loads(read_resource_text("data", name))
    return data


def install_subdivisions(data: dict[str, Any]) -> None:
    """Insert the subdivisions and their aliases (existing codes are left alone)."""
    with database.atomic():
        for position, item in enumerate(data["subdivisions"], start=1):
            sub = Subdivision.get_or_none(Subdivision.code == item["code"])
            if sub is None:
                sub = Subdivision.create(code=item["code"], name=item["name"], position=position)
            for alias in item.get("aliases", []):
                key = name_key(alias)
                if key and SubdivisionAlias.get_or_none(SubdivisionAlias.key == key) is None:
                    SubdivisionAlias.create(subdivision=sub, name=alias, key=key)


def plan_as_interchange(data: dict[str, Any]) -> dict[str, Any]:
    """A bundled plan document (``data/pla_*.json``, optional keys may be left out) in the complete shape
    of the JSON interchange, so one importer serves both."""
    meta = data["plan"]

    def action(item: dict[str, Any]) -> dict[str, Any]:
        placeholder = item.get("indicators_placeholder", False)
        return {
            "code": item["code"],
            "parent": item.get("parent"),
            "title": item["title"],
            "title_placeholder": item.get("title_placeholder", False),
            "deadline": item.get("deadline", ""),
            "frequency": item.get("frequency", "unknown"),
            "gender_perspective": item.get("gender_perspective", False),
            "responsible_text": item.get("responsible_text", ""),
            "all_subdivisions": item.get("all_subdivisions", False),
            "other_responsible": item.get("other_responsible", []),
            "indicators_placeholder": placeholder,
            "extra": item.get("extra", {}),
            "indicators": [
                {
                    "number": ind["number"],
                    "text": ind["text"],
                    "aggregation": ind.get("aggregation", "sum"),
                    "gender_split": ind.get("gender_split", False),
                    "placeholder": ind.get("placeholder", placeholder),
                }
                for ind in item["indicators"]
            ],
            "responsible": [
                {"subdivision": r["subdivision"], "indicators": r.get("indicators", [])}
                for r in item.get("responsible", [])
            ],
        }

    return {
        "code": meta["code"],
        "title": meta["title"],
        "short_title": meta.get("short_title", ""),
        "approving_act": meta.get("approving_act", ""),
        "first_year": meta["first_year"],
        "last_year": meta["last_year"],
        "kind": meta.get("kind", "pla"),
        "extra": meta.get("extra", {}),
        "priorities": [
            {
                "number": prio["number"],
                "title": prio["title"],
                "title_placeholder": prio.get("title_placeholder", False),
                "actions": [action(a) for a in prio["actions"]],
            }
            for prio in data["priorities"]
        ],
        "periods": [],
    }


def install_plan(data: dict[str, Any]) -> Plan:
    """Insert a whole plan document (priorities, actions, indicators, responsibilities)."""
    meta = data["plan"]
    if Plan.get_or_none(Plan.code == meta["code"]) is not None:
        raise ServiceError(_("Planul „{meta}” există deja în acest fișier.").format(meta=meta["title"]))
    try:
        item = plan_as_interchange(data)
    except (KeyError, TypeError) as exc:
        raise ServiceError(
            _("Planul nu a putut fi încărcat: lipsește câmpul obligatoriu {exc}.").format(exc=exc)
        ) from exc
    codes = {s.code: s.id for s in Subdivision.select()}
    try:
        check(item, PLAN, "$.plan")
        with database.atomic():
            return import_plan(item, "$.plan", codes)
    except InterchangeError as exc:
        raise ServiceError(_("Planul nu a putut fi încărcat: {exc}").format(exc=exc)) from exc


def ensure_bundled_plan() -> tuple[Plan, bool]:
    """The bundled plan, installing it (and the subdivisions) on first use. Second item: newly installed."""
    meta = bundled_json(PLAN_FILE)["plan"]
    plan = Plan.get_or_none(Plan.code == meta["code"])
    if plan is not None:
        return plan, False
    with database.atomic():
        install_subdivisions(bundled_json(SUBDIVISIONS_FILE))
        plan = install_plan(bundled_json(PLAN_FILE))
    return plan, True


def load_demo(*, replace: bool = False) -> tuple[Period, ChangeSet]:
    """Load the S1-2023 returns and narrative; every Total is computed (no override). The original report's
    written totals are kept as *references* (:class:`ReferenceTotal`), so the checks still show where the
    original got them wrong ("Raportul original: „7 acte”; calculat: 8 acte"); the export never prints them."""
    demo = bundled_json(DEMO_FILE)
    plan, _created = ensure_bundled_plan()
    year, semester = demo["period"]["year"], demo["period"]["semester"]
    with recording("demo"):  # the log names these values as the demonstration data
        period = Period.get_or_none(
            (Period.plan == plan) & (Period.year == year) & (Period.semester == semester)
        )
        if period is not None:
            if Return.select().where(Return.period == period).exists() and not replace:
                raise ServiceError(
                    _(
                        "Perioada {year}-S{semester} conține deja date; datele demonstrative nu au fost încărcate."
                    ).format(year=year, semester=semester)
                )
            period.delete_instance(recursive=True)
        period = Period.create(plan=plan, year=year, semester=semester)
        materialize(period)
        actions = {a.code: a for a in Action.select().join(Priority).where(Priority.plan == plan)}
        indicators = {
            (ind.action_id, ind.number): ind
            for ind in Indicator.select().where(Indicator.action.in_([a.id for a in actions.values()]))
        }
        for item in demo["returns"]:
            action = actions[item["action"]]
            sub = match_subdivision(item["subdivision"]) or match_subdivision(item.get("row_label", ""))
            if sub is None:
                raise ServiceError(
                    _("Subdiviziune necunoscută „{item}” în datele demonstrative.").format(
                        item=item["subdivision"]
                    )
                )
            ret = Return.create(
                action=action, subdivision=sub, period=period, description=item["description"]
            )
            rows = [
                {"ret": ret.id, "indicator": indicators[(action.id, number)].id, **parsed_columns(raw)}
                for number, raw in enumerate(item["values"], start=1)
            ]
            Value.insert_many(rows).execute()
        narrative = demo.get("narrative", {})
        Narrative.create(
            period=period,
            executive_summary=narrative.get("executive_summary", ""),
            risks_intro=narrative.get("risks_intro", ""),
            risks=narrative.get("risks", []),
            proposals_intro=narrative.get("proposals_intro", ""),
            proposals=narrative.get("proposals", []),
            prepared_by_name=narrative.get("prepared_by", {}).get("name", ""),
            prepared_by_function=narrative.get("prepared_by", {}).get("function", ""),
            coordinated_by_name=narrative.get("coordinated_by", {}).get("name", ""),
            coordinated_by_function=narrative.get("coordinated_by", {}).get("function", ""),
            extra_signatures=narrative.get("extra_signatures", []),
        )
        _written_totals_as_references(period, actions, indicators, demo.get("written_totals", []))
    return period, ChangeSet.everything()


def _written_totals_as_references(
    period: Period,
    actions: dict[str, Action],
    indicators: dict[tuple[int, int], Indicator],
    written: list[dict[str, Any]],
) -> None:
    """Every Total cell of the original report, verbatim, into the reference store (never an override)."""
    rows: list[dict[str, Any]] = []
    for item in written:
        action = actions[item["action"]]
        if "counts_text" in item:
            rows.append(
                {"action": action.id, "period": period.id, "indicator": None, "raw_text": item["counts_text"]}
            )
        for number, cell in enumerate(item["cells"], start=1):
            indicator = indicators.get((action.id, number))
            if indicator is None:
                continue
            rows.append(
                {"action": action.id, "period": period.id, "indicator": indicator.id, "raw_text": cell}
            )
    for row in rows:
        row["source"] = DEMO_SOURCE
    if rows:
        ReferenceTotal.insert_many(rows).execute()
