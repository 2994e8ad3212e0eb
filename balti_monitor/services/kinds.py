"""The bundled plan kinds (``data/kinds/*.json``, described in ``docs/plan_kinds.md``), read once.

The validation is :func:`balti_monitor.domain.kinds.load_kind`; this module finds the files.
"""

from __future__ import annotations

import functools
import json

from balti_monitor.domain.kinds import KindError, PlanKind, load_kind
from balti_monitor.i18n import _
from balti_monitor.resources import resource_dir

#: The kind of plans made before kinds existed (and of the bundled Bălți plan).
DEFAULT_KIND = "pla"


@functools.cache
def bundled_kinds() -> dict[str, PlanKind]:
    """Every bundled kind by code, in the order of their codes."""
    folder = resource_dir("data").joinpath("kinds")
    found: dict[str, PlanKind] = {}
    names = sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".json"))
    for name in names:
        code = name[: -len(".json")]
        try:
            document = json.loads(folder.joinpath(name).read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise KindError(
                _("kinds/{name}: nu este JSON valid (linia {line}).").format(name=name, line=exc.lineno)
            ) from exc
        try:
            found[code] = load_kind(document, expected_code=code)
        except KindError as exc:
            raise KindError(f"kinds/{name}: {exc}") from exc
    return found


def kind_codes() -> list[str]:
    """The codes of the bundled kinds."""
    return list(bundled_kinds())


def get_kind(code: str) -> PlanKind:
    """The kind ``code``; an unknown code is a :class:`KindError` naming the known ones."""
    kinds = bundled_kinds()
    if code not in kinds:
        raise KindError(
            _("Tipul de plan „{code}” nu este cunoscut (tipuri cunoscute: {kinds}).").format(
                code=code, kinds=", ".join(kinds)
            )
        )
    return kinds[code]


def find_kind(code: str) -> PlanKind | None:
    """The kind ``code``, or None when it is not bundled."""
    return bundled_kinds().get(code)
