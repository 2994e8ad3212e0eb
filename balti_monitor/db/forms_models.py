"""The forms' model list (``FormStatus`` itself lives in :mod:`balti_monitor.db.models`)."""

from __future__ import annotations

from balti_monitor.db.models import BaseModel, FormStatus

FORMS_MODELS: list[type[BaseModel]] = [FormStatus]

__all__ = ["FORMS_MODELS", "FormStatus"]
