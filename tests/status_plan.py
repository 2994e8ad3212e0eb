"""A small plan of a kind whose progress is per item (``guvernare``, seeds 003/004), made directly in the
store: objective 1 with action 1.1 (sub-actions 1.1.1, 1.1.2) and action 1.2; period 2020-S1 with the
progress of 1.1.1 (done, two links) and 1.1.2 (in progress); declared columns "Parteneri" and "Costuri"."""

from __future__ import annotations

from dataclasses import dataclass

from balti_monitor.db.models import (
    Action,
    ActionColumnValue,
    Indicator,
    Period,
    Plan,
    PlanColumn,
    Priority,
    Return,
    ReturnLink,
    database,
)

CODE = "OGP-TEST"


@dataclass(frozen=True)
class StatusPlan:
    plan_id: int
    period_id: int
    actions: dict[str, int]
    columns: dict[str, int]


def make_status_plan() -> StatusPlan:
    with database.atomic():
        plan = Plan.create(
            code=CODE,
            title="Planul de acțiuni pentru o guvernare deschisă (test)",
            short_title="Guvernare deschisă (test)",
            first_year=2019,
            last_year=2020,
            kind="guvernare",
        )
        columns = {}
        for position, (key, label, number) in enumerate(
            (("partners", "Parteneri", "5"), ("cost", "Costuri", "7")), 1
        ):
            columns[key] = PlanColumn.create(
                plan=plan, position=position, key=key, label=label, number=number, source="column"
            ).id
        objective = Priority.create(plan=plan, number="1", title="Obiectivul 1. Transparența", position=1)
        a11 = Action.create(priority=objective, code="1.1", title="Publicarea datelor deschise", position=1)
        s1 = Action.create(
            priority=objective, parent=a11, code="1.1.1", title="Actualizarea portalului", position=2,
            responsible_text="Cancelaria de Stat", deadline="Trimestrul IV 2019",
        )  # fmt: skip
        s2 = Action.create(
            priority=objective, parent=a11, code="1.1.2", title="Instruirea funcționarilor", position=3
        )
        a12 = Action.create(priority=objective, code="1.2", title="Consultări publice", position=4)
        for action in (s1, s2, a12):
            Indicator.create(action=action, number=1, text="Indicator de rezultat", aggregation="manual")
        ActionColumnValue.create(action=s1, column=columns["partners"], raw_text="Societatea civilă")
        ActionColumnValue.create(action=s1, column=columns["cost"], raw_text="În limitele bugetului")
        period = Period.create(plan=plan, year=2020, semester=1)
        r1 = Return.create(
            action=s1, subdivision=None, period=period, description="Portalul a fost actualizat.",
            status="Realizată", status_meaning="done",
        )  # fmt: skip
        ReturnLink.create(ret=r1, position=1, text="https://date.gov.md", url="https://date.gov.md")
        ReturnLink.create(ret=r1, position=2, text="Raport", url="https://gov.md/raport")
        Return.create(
            action=s2, subdivision=None, period=period, description="Două sesiuni din trei.",
            status="În proces de realizare", status_meaning="in_progress",
        )  # fmt: skip
    return StatusPlan(
        plan.id,
        period.id,
        {"1.1": a11.id, "1.1.1": s1.id, "1.1.2": s2.id, "1.2": a12.id},
        columns,
    )
