"""Test helper: small hand-built plans of the action-level kinds (seeds 002 and 003/004 in miniature),
written through the models into the open database."""

from __future__ import annotations

from balti_monitor.db.models import Action, Indicator, Period, Plan, Priority, database
from balti_monitor.services.plans import declare_kind_columns


def open_government_plan(code: str = "OGP-2019-2020") -> dict[str, int]:
    """A plan of kind ``guvernare``: objective 1 → action 1 → sub-actions 1.1 and 1.2, period 2020-S1.
    Returns the ids by name ("plan", "period", "1", "1.1", "1.2")."""
    with database.atomic():
        plan = Plan.create(
            code=code,
            title="Planul de acțiuni pentru o guvernare deschisă pe anii 2019-2020",
            first_year=2019,
            last_year=2020,
            kind="guvernare",
        )
        declare_kind_columns(plan.id)
        group = Priority.create(
            plan=plan, number="1", title="Obiectivul 1. Sporirea accesului la informație", position=1
        )
        parent = Action.create(
            priority=group, code="1.", title="Asigurarea accesului la informație", position=1
        )
        ids = {"plan": plan.id, "1": parent.id}
        for position, (sub, title) in enumerate(
            [("1.1.", "Evaluarea necesităților populației"), ("1.2.", "Publicarea datelor deschise")], start=2
        ):
            action = Action.create(
                priority=group,
                parent=parent,
                code=sub,
                title=title,
                deadline="Anual",
                responsible_text="Cancelaria de Stat",
                position=position,
            )
            Indicator.create(action=action, number=1, text="Număr de sondaje efectuate", aggregation="sum")
            ids[sub.rstrip(".")] = action.id
        ids["period"] = Period.create(plan=plan, year=2020, semester=1).id
    return ids


def programme_report(code: str = "PROG-2017-2019") -> dict[str, int]:
    """A plan of kind ``program``: objective 1 → actions 1.1 and 1.2, the span period 2017-2019."""
    with database.atomic():
        plan = Plan.create(
            code=code, title="Programul municipal 2017-2019", first_year=2017, last_year=2019, kind="program"
        )
        declare_kind_columns(plan.id)
        group = Priority.create(plan=plan, number="1", title="Obiectivul № 1. Elaborarea actelor", position=1)
        ids = {"plan": plan.id}
        for position, number in enumerate(("1.1.", "1.2"), start=1):
            ids[number.rstrip(".")] = Action.create(
                priority=group, code=number, title=f"Acțiunea {number}", position=position
            ).id
        ids["period"] = Period.create(plan=plan, year=2017, semester=0, span_end=2019).id
    return ids
