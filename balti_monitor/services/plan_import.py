"""Writing a plan of the interchange shape (:data:`document_schema.PLAN`) into the database.

One importer for every source of a plan: the JSON interchange file (:mod:`balti_monitor.interchange.json_io`)
and the bundled plan (:mod:`.bundled`, normalised to the same shape first). Callers validate the structure
with :func:`document_schema.check` and hold the transaction; an :class:`InterchangeError` names the place in
the document that is wrong (e.g. ``$.plans[0].priorities[1].actions[3].code``).
"""

from __future__ import annotations

import datetime as dt
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
    PeriodResponsibility,
    PeriodSignature,
    Plan,
    PlanColumn,
    Priority,
    ReferenceTotal,
    Responsibility,
    Return,
    ReturnLink,
    TotalOverride,
    Value,
)
from balti_monitor.domain.grid import AnnualRule
from balti_monitor.domain.kinds import KindColumn, KindError, PlanKind, check_columns, column_from
from balti_monitor.domain.terms import TermKind
from balti_monitor.i18n import _
from balti_monitor.services.applicability import materialize
from balti_monitor.services.document_schema import InterchangeError
from balti_monitor.services.kinds import DEFAULT_KIND, find_kind, get_kind
from balti_monitor.services.values import parsed_columns, validate_description, validate_value

NARRATIVE_FIELDS = [
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


def fail(path: str, message: str) -> InterchangeError:
    """The error for a wrong value at ``path`` of the document."""
    return InterchangeError(f"{path}: {message}")


def _parse_datetime(text: str | None, path: str) -> dt.datetime | None:
    if text is None:
        return None
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError as exc:
        raise fail(path, _("dată invalidă „{text}”.").format(text=text)) from exc


def import_plan(item: dict[str, Any], path: str, sub_ids: dict[str, int]) -> Plan:
    """Insert one plan of the interchange shape (:data:`schema.PLAN`) with its periods; ``path`` prefixes
    error locations. Call inside a transaction: an :class:`InterchangeError` leaves rows to roll back."""
    if Plan.get_or_none(Plan.code == item["code"]) is not None:
        raise fail(f"{path}.code", _("planul „{item}” apare de două ori.").format(item=item["code"]))
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
    kind = find_kind(item["kind"]) or get_kind(DEFAULT_KIND)
    declared = item.get("columns") or []
    if not declared and any(act.get("values") for prio in item["priorities"] for act in prio["actions"]):
        declared = [c.as_dict() for c in kind.columns]  # items with texts in the kind's declared columns
    column_ids = _import_columns(declared, path + ".columns", plan)
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
        for c_index, own in enumerate(prio.get("columns") or []):
            if own["key"] not in column_ids:
                raise fail(
                    f"{path}.priorities[{pr_index}].columns[{c_index}].key",
                    _("planul nu are coloana „{key}”.").format(key=own["key"]),
                )
            if GroupColumn.get_or_none(
                (GroupColumn.priority == priority) & (GroupColumn.column == column_ids[own["key"]][0])
            ):
                raise fail(
                    f"{path}.priorities[{pr_index}].columns[{c_index}].key", _("coloana apare de două ori.")
                )
            GroupColumn.create(
                priority=priority, column=column_ids[own["key"]][0], position=c_index + 1, label=own["label"]
            )
        for a_index, act in enumerate(prio["actions"]):
            a_path = f"{path}.priorities[{pr_index}].actions[{a_index}]"
            if act["code"] in actions:
                raise fail(f"{a_path}.code", _("acțiunea „{act}” apare de două ori.").format(act=act["code"]))
            if act["parent"] is not None and act["parent"] not in actions:
                raise fail(
                    f"{a_path}.parent",
                    _("acțiunea-părinte „{act}” nu a fost definită înainte.").format(act=act["parent"]),
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
            for key, text in (act.get("values") or {}).items():
                if key not in column_ids or not column_ids[key][1]:
                    raise fail(
                        f"{a_path}.values", _("planul nu are coloana declarată „{key}”.").format(key=key)
                    )
                if not isinstance(text, str):
                    raise fail(f"{a_path}.values.{key}", _("se aștepta un text."))
                if text:
                    ActionColumnValue.create(action=action, column=column_ids[key][0], raw_text=text)
            for i_index, ind in enumerate(act["indicators"]):
                if (act["code"], ind["number"]) in indicators:
                    raise fail(
                        f"{a_path}.indicators[{i_index}].number",
                        _("indicatorul {ind} se repetă.").format(ind=ind["number"]),
                    )
                if ind["aggregation"] not in ("sum", "max", "distinct", "status", "manual"):
                    raise fail(
                        f"{a_path}.indicators[{i_index}].aggregation",
                        _("regulă necunoscută „{ind}”.").format(ind=ind["aggregation"]),
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
                if ind.get("annual_rule"):
                    if ind["annual_rule"] not in {r.value for r in AnnualRule}:
                        raise fail(
                            f"{a_path}.indicators[{i_index}].annual_rule",
                            _("regulă anuală necunoscută „{ind}”.").format(ind=ind["annual_rule"]),
                        )
                    IndicatorAnnualRule.create(indicator=created.id, rule=ind["annual_rule"])
            if act.get("term"):
                term = act["term"]
                if term["kind"] not in {k.value for k in TermKind} or (
                    (term["kind"] == TermKind.DEADLINE.value) != bool(term["due"])
                ):
                    raise fail(f"{a_path}.term", _("termen necunoscut „{term}”.").format(term=term["kind"]))
                try:
                    if term["due"]:
                        dt.date.fromisoformat(term["due"])
                except ValueError:
                    raise fail(
                        f"{a_path}.term.due", _("dată greșită „{term}”.").format(term=term["due"])
                    ) from None
                ActionTerm.create(action=action, kind=term["kind"], due_date=term["due"])
            for r_index, resp in enumerate(act["responsible"]):
                r_path = f"{a_path}.responsible[{r_index}]"
                if resp["subdivision"] not in sub_ids:
                    raise fail(
                        f"{r_path}.subdivision",
                        _("subdiviziune necunoscută „{resp}”.").format(resp=resp["subdivision"]),
                    )
                for number in resp["indicators"]:
                    if (act["code"], number) not in indicators:
                        raise fail(
                            f"{r_path}.indicators",
                            _("acțiunea nu are indicatorul {number}.").format(number=number),
                        )
                Responsibility.create(
                    action=action,
                    subdivision=sub_ids[resp["subdivision"]],
                    position=r_index + 1,
                    indicators=resp["indicators"],
                )
    for pe_index, per in enumerate(item["periods"]):
        import_period(per, f"{path}.periods[{pe_index}]", plan, actions, indicators, sub_ids, kind)
    return plan


def _import_columns(items: list[dict[str, Any]], path: str, plan: Plan) -> dict[str, tuple[int, bool]]:
    """The plan's declared columns: key → (id, whether items carry a value in it)."""
    columns: list[KindColumn] = []
    for index, item in enumerate(items):
        try:
            columns.append(column_from(item, f"{path}[{index}]"))
        except KindError as exc:
            raise InterchangeError(str(exc)) from exc
    try:
        check_columns(columns, path)
    except KindError as exc:
        raise InterchangeError(str(exc)) from exc
    found: dict[str, tuple[int, bool]] = {}
    for position, column in enumerate(columns, start=1):
        row = PlanColumn.create(plan=plan, position=position, **column.as_dict())
        found[column.key] = (row.id, column.is_declared)
    return found


def import_period(
    per: dict[str, Any],
    path: str,
    plan: Plan,
    actions: dict[str, Action],
    indicators: dict[tuple[str, int], int],
    sub_ids: dict[str, int],
    kind: PlanKind | None = None,
) -> None:
    kind = kind or get_kind(DEFAULT_KIND)
    if per["semester"] not in (0, 1, 2):
        raise fail(f"{path}.semester", _("semestrul trebuie să fie 1, 2 sau 0 (anual)."))
    span_end = per.get("span_end") or 0
    if span_end and (per["semester"] != 0 or span_end <= per["year"]):
        raise fail(
            path + ".span_end", _("o perioadă de mai mulți ani are semestrul 0 și ultimul an după primul.")
        )
    if Period.get_or_none(
        (Period.plan == plan)
        & (Period.year == per["year"])
        & (Period.semester == per["semester"])
        & (Period.span_end == span_end)
    ):
        raise fail(path, _("perioada apare de două ori."))
    period = Period.create(plan=plan, year=per["year"], semester=per["semester"], span_end=span_end)
    if per.get("signature"):  # the lock triggers are off during a JSON import (audit mode 1)
        PeriodSignature.create(period=period, **per["signature"])
    if per.get("responsible") is None:
        materialize(period)
    else:
        _import_period_responsible(
            per["responsible"], path + ".responsible", period, actions, indicators, sub_ids
        )
    for a_index, ack in enumerate(per.get("acknowledgements") or []):
        FindingAcknowledgement.create(
            period=period,
            key=_local_key(ack["key"], sub_ids, f"{path}.acknowledgements[{a_index}].key"),
            fingerprint=ack["fingerprint"],
            note=ack["note"],
            author=ack["author"],
            created_at=_parse_datetime(ack["created_at"], f"{path}.acknowledgements[{a_index}].created_at"),
        )
    if per["narrative"] is not None:
        Narrative.create(period=period, **{name: per["narrative"][name] for name in NARRATIVE_FIELDS})
    for r_index, ret in enumerate(per["returns"]):
        r_path = f"{path}.returns[{r_index}]"
        if ret["action"] not in actions:
            raise fail(f"{r_path}.action", _("acțiune necunoscută „{ret}”.").format(ret=ret["action"]))
        whole = ret["subdivision"] is None  # the action as a whole
        if whole:
            if not kind.progress.by_action:
                raise fail(
                    r_path + ".subdivision",
                    _(
                        "planurile de tipul „{kind}” se raportează pe subdiviziuni (lipsește subdiviziunea)."
                    ).format(kind=kind.code),
                )
            if Return.get_or_none(
                (Return.action == actions[ret["action"]])
                & (Return.period == period)
                & Return.subdivision.is_null(True)
            ):
                raise fail(
                    r_path, _("acțiunea {action} are deja progresul perioadei.").format(action=ret["action"])
                )
        elif ret["subdivision"] not in sub_ids:
            raise fail(
                f"{r_path}.subdivision", _("subdiviziune necunoscută „{ret}”.").format(ret=ret["subdivision"])
            )
        problem = validate_description(ret["description"])
        if problem:
            raise fail(r_path + ".description", problem)
        received = ret["received_date"]
        try:
            received_date = None if received is None else dt.date.fromisoformat(received)
        except ValueError as exc:
            raise fail(
                f"{r_path}.received_date", _("dată invalidă „{received}”.").format(received=received)
            ) from exc
        meaning = kind.parse_status(ret["status"]).meaning
        created = Return.create(
            action=actions[ret["action"]],
            subdivision=None if whole else sub_ids[ret["subdivision"]],
            period=period,
            description=ret["description"],
            received_date=received_date,
            review_status=ret["review_status"],
            status=ret["status"],
            status_meaning=meaning.value if meaning else "",
            updated_at=_parse_datetime(ret["updated_at"], r_path + ".updated_at"),
        )
        links = ret.get("links") or []
        if links:
            ReturnLink.insert_many(
                [
                    {"ret": created.id, "position": index, "text": link["text"], "url": link["url"]}
                    for index, link in enumerate(links, start=1)
                ]
            ).execute()
        rows = []
        seen: set[int] = set()
        for v_index, value in enumerate(ret["values"]):
            v_path = f"{r_path}.values[{v_index}]"
            key = (ret["action"], value["indicator"])
            if key not in indicators:
                raise fail(
                    v_path + ".indicator",
                    _("acțiunea {ret} nu are indicatorul {value}.").format(
                        ret=ret["action"], value=value["indicator"]
                    ),
                )
            if value["indicator"] in seen:
                raise fail(
                    f"{v_path}.indicator",
                    _("indicatorul {value} apare de două ori.").format(value=value["indicator"]),
                )
            seen.add(value["indicator"])
            problem = validate_value(value["raw_text"])
            if problem:
                raise fail(v_path + ".raw_text", problem)
            rows.append(
                {"ret": created.id, "indicator": indicators[key], **parsed_columns(value["raw_text"])}
            )
        if rows:
            Value.insert_many(rows).execute()
    for o_index, ov in enumerate(per["overrides"]):
        o_path = f"{path}.overrides[{o_index}]"
        if ov["action"] not in actions:
            raise fail(f"{o_path}.action", _("acțiune necunoscută „{ov}”.").format(ov=ov["action"]))
        indicator_id = None
        if ov["indicator"] is not None:
            key = (ov["action"], ov["indicator"])
            if key not in indicators:
                raise fail(
                    f"{o_path}.indicator",
                    _("acțiunea {ov} nu are indicatorul {ov2}.").format(ov=ov["action"], ov2=ov["indicator"]),
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
            raise fail(f"{r_path}.action", _("acțiune necunoscută „{ref}”.").format(ref=ref["action"]))
        ref_indicator = None
        if ref["indicator"] is not None:
            key = (ref["action"], ref["indicator"])
            if key not in indicators:
                raise fail(
                    f"{r_path}.indicator",
                    _("acțiunea {ref} nu are indicatorul {ref2}.").format(
                        ref=ref["action"], ref2=ref["indicator"]
                    ),
                )
            ref_indicator = indicators[key]
        ReferenceTotal.create(
            action=actions[ref["action"]],
            period=period,
            indicator=ref_indicator,
            raw_text=ref["raw_text"],
            source=ref["source"],
        )


def _import_period_responsible(
    items: list[dict[str, Any]],
    path: str,
    period: Period,
    actions: dict[str, Action],
    indicators: dict[tuple[str, int], int],
    sub_ids: dict[str, int],
) -> None:
    """A period's own responsibilities (who answered which indicator in that period)."""
    positions: dict[str, int] = {}
    seen: set[tuple[str, str]] = set()
    for index, item in enumerate(items):
        i_path = f"{path}[{index}]"
        if item["action"] not in actions:
            raise fail(f"{i_path}.action", _("acțiune necunoscută „{item}”.").format(item=item["action"]))
        if item["subdivision"] not in sub_ids:
            raise fail(
                f"{i_path}.subdivision",
                _("subdiviziune necunoscută „{item}”.").format(item=item["subdivision"]),
            )
        if (item["action"], item["subdivision"]) in seen:
            raise fail(i_path, _("subdiviziunea apare de două ori la aceeași acțiune."))
        seen.add((item["action"], item["subdivision"]))
        for number in item["indicators"]:
            if (item["action"], number) not in indicators:
                raise fail(
                    f"{i_path}.indicators", _("acțiunea nu are indicatorul {number}.").format(number=number)
                )
        positions[item["action"]] = positions.get(item["action"], 0) + 1
        PeriodResponsibility.create(
            period=period,
            action=actions[item["action"]],
            subdivision=sub_ids[item["subdivision"]],
            position=positions[item["action"]],
            indicators=sorted(set(item["indicators"])),
        )


def _local_key(key: str, sub_ids: dict[str, int], path: str) -> str:
    """The key of :func:`_portable_key` with this file's subdivision id."""
    parts = key.split("/")
    if len(parts) == 4 and parts[2].startswith("@"):
        code = parts[2][1:]
        if code not in sub_ids:
            raise fail(path, _("subdiviziune necunoscută „{code}”.").format(code=code))
        parts[2] = str(sub_ids[code])
    return "/".join(parts)
