"""Which column of a plan table holds which field of the plan kind: the fields of each kind and their
header words (:data:`KIND_FIELDS`; a new kind adds its entry here, the columns it adds become the plan's
declared columns, ``docs/plan_kinds.md``), the header row and the mapping guessed from its words, and
what the user chose (:class:`Mapping`: a mapping file in JSON, or the wizard).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from balti_monitor.domain.text import fold_key
from balti_monitor.i18n import _
from balti_monitor.interchange.plan_tables import SourceCell, SourceTable
from balti_monitor.interchange.schema import InterchangeError

#: Fields of each plan kind: field → (Romanian label, header words that select it, in order of priority).
KIND_FIELDS: dict[str, dict[str, tuple[str, tuple[str, ...]]]] = {
    "pla": {
        "number": ("Nr.", ("nr", "nr.", "nr. d/o", "nr. crt", "cod", "numarul")),
        "group": ("Prioritate / obiectiv", ("prioritat", "obiectiv", "directia strategica")),
        "action": ("Acțiune", ("actiun", "masur", "activitat", "denumirea")),
        "indicators": ("Indicatori", ("indicator",)),
        "deadline": ("Termen", ("termen",)),
        "responsible": ("Responsabil", ("responsabil", "executor", "institutia")),
        "partners": ("Parteneri", ("partener",)),
        "budget": ("Buget / surse", ("buget", "cost", "surse de finantare", "resurse", "finantare")),
        "risks": ("Riscuri", ("risc",)),
        "result": ("Rezultat", ("rezultat",)),
        "ignore": ("(nu se importă)", ()),
    }
}
#: Fields that become the action's own columns; the rest become declared columns of the plan (verbatim).
CORE_FIELDS = {"number", "group", "action", "indicators", "deadline", "responsible", "ignore"}


def field_of(header: str, kind: str) -> str | None:
    """The field a header text selects (``None`` when no header word matches)."""
    key = fold_key(header)
    if not key:
        return None
    for name, (_label, words) in KIND_FIELDS[kind].items():
        for word in words:
            if key == word or key.startswith(word) or f" {word}" in f" {key}":
                return name
    return None


def row_fields(row: list[SourceCell], kind: str) -> dict[int, str]:
    found: dict[int, str] = {}
    for col, cell in enumerate(row):
        if cell.hcont:
            continue
        name = field_of(cell.text, kind)
        if name is not None and name not in found.values():
            found[col] = name
    return found


def header_row(table: SourceTable, kind: str) -> int | None:
    """Index of the header row (the first of the first 6 rows naming an action column and another)."""
    for index, row in enumerate(table.rows[:6]):
        fields = row_fields(row, kind)
        if "action" in fields.values() and len(fields) >= 2:
            return index
    return None


def guess_kind(tables: list[SourceTable]) -> str:
    """The plan kind whose header words the tables use most ("pla" is the only kind so far)."""
    scores = {kind: sum(1 for t in tables if header_row(t, kind) is not None) for kind in KIND_FIELDS}
    return max(scores, key=lambda k: (scores[k], k == "pla"))


def guess_mapping(table: SourceTable, kind: str) -> dict[int, str]:
    """Column (0-based) → field, from the header words."""
    index = header_row(table, kind)
    if index is None:
        return {}
    return row_fields(table.rows[index], kind)


@dataclass(slots=True)
class Mapping:
    """What the user chose (mapping file or wizard): tables, columns, plan data, subdivision names."""

    kind: str | None = None
    tables: list[int] | None = None  # 0-based
    columns: dict[int, str] | None = None  # 0-based column → field
    plan: dict[str, Any] = field(default_factory=dict)
    subdivisions: dict[str, Any] = field(
        default_factory=dict
    )  # written name → code | "other" | {"create": code}


def load_mapping(path: Path | str) -> Mapping:
    """Read a mapping file (JSON, numbers 1-based as the user sees them)."""
    import json

    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InterchangeError(
            _("Fișierul de corespondență „{name}” nu poate fi citit: {exc}").format(name=path.name, exc=exc)
        ) from exc
    if not isinstance(data, dict):
        raise InterchangeError(_("„{name}”: se aștepta un obiect JSON.").format(name=path.name))
    mapping = Mapping(kind=data.get("kind"))
    if "tables" in data:
        mapping.tables = [int(t) - 1 for t in data["tables"]]
    if "columns" in data:
        fields = {f for kinds in KIND_FIELDS.values() for f in kinds}
        mapping.columns = {}
        for col, name in dict(data["columns"]).items():
            if name not in fields:
                raise InterchangeError(
                    _("„{name}”: câmp necunoscut „{name2}” pentru coloana {col}.").format(
                        name=path.name, name2=name, col=col
                    )
                )
            mapping.columns[int(col) - 1] = str(name)
    mapping.plan = dict(data.get("plan") or {})
    mapping.subdivisions = dict(data.get("subdivisions") or {})
    return mapping
