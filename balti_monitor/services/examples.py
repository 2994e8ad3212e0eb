"""The bundled example plans (``data/examples/``): seeds 001-004 transcribed verbatim as JSON interchange
documents (format version 2), loadable into the open file as new plans ("Plan → Adaugă un plan exemplu",
``balti-monitor load-example NAME``).

Each example file holds one plan (with its periods, when it is a report). Loading is the path of
``interchange.json_io.add_plan`` built from the same service pieces (this layer may not import the
interchange): validated first (shape, known kind, new code), an automatic backup of the file, then one
guarded transaction recorded in the change log as source ``example``; a plan whose code is already in the
file is refused with a message and nothing changes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from balti_monitor.db.models import Plan, Subdivision, database
from balti_monitor.i18n import _
from balti_monitor.resources import read_resource_text
from balti_monitor.services.audit import recording
from balti_monitor.services.backup import auto_backup
from balti_monitor.services.changes import ChangeSet
from balti_monitor.services.document_schema import PLAN, InterchangeError, check
from balti_monitor.services.errors import ServiceError
from balti_monitor.services.kinds import find_kind
from balti_monitor.services.plan_import import import_plan
from balti_monitor.services.storage_errors import guard_write

INDEX_FILE = "examples/index.json"


@dataclass(frozen=True)
class ExampleInfo:
    """One bundled example: its name (for ``load-example``), description (Romanian) and plan."""

    name: str
    description: str
    plan_code: str
    plan_title: str


def _index() -> list[dict[str, str]]:
    data: list[dict[str, str]] = json.loads(read_resource_text("data", INDEX_FILE))
    return data


def _document(file_name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(read_resource_text("data", f"examples/{file_name}"))
    return data


def list_examples() -> list[ExampleInfo]:
    """Every bundled example, in the order of ``data/examples/index.json``."""
    out = []
    for entry in _index():
        plan = _document(entry["file"])["plans"][0]
        out.append(ExampleInfo(entry["name"], entry["description"], plan["code"], plan["title"]))
    return out


def example_names() -> list[str]:
    return [entry["name"] for entry in _index()]


def load_example(name: str) -> tuple[int, ChangeSet]:
    """Add the example plan ``name`` (with its periods) to the open file; returns the new plan's id.

    Refused (:class:`ServiceError`, nothing written) for an unknown name or a plan code already present."""
    entry = next((e for e in _index() if e["name"] == name), None)
    if entry is None:
        known = ", ".join(example_names())
        raise ServiceError(
            _("Nu există planul exemplu „{name}”. Exemplele incluse: {known}.").format(name=name, known=known)
        )
    document = _document(entry["file"])
    (item,) = document["plans"]
    existing = Plan.get_or_none(Plan.code == item["code"])
    if existing is not None:
        raise ServiceError(
            _(
                "Planul exemplu „{name}” este deja în acest fișier (planul cu codul „{code}”); "
                "nu a fost încărcat din nou și nimic nu s-a schimbat."
            ).format(name=name, code=item["code"])
        )
    try:
        check(item, PLAN, "$.plans[0]")
    except InterchangeError as exc:
        raise ServiceError(
            _("Planul exemplu „{name}” nu a putut fi încărcat: {value}").format(name=name, value=exc)
        ) from exc
    if find_kind(item["kind"]) is None:
        raise ServiceError(
            _("Planul exemplu „{name}” are un tip de plan necunoscut („{kind}”).").format(
                name=name, kind=item["kind"]
            )
        )
    sub_ids = {s.code: s.id for s in Subdivision.select(Subdivision.id, Subdivision.code)}
    auto_backup("exemplu")  # like every import: a copy of the file first
    try:
        with guard_write(_("Adăugarea planului exemplu")), recording("example"), database.atomic():
            plan = import_plan(item, "$.plans[0]", sub_ids)
    except InterchangeError as exc:
        raise ServiceError(
            _("Planul exemplu „{name}” nu a putut fi încărcat: {value}").format(name=name, value=exc)
        ) from exc
    return plan.id, ChangeSet.everything()
