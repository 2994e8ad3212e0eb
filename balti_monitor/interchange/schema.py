"""The interchange document's structure; it lives in :mod:`balti_monitor.services.document_schema` (the
bundled plan is checked against it too) and is re-exported here for the file-format code."""

from __future__ import annotations

from balti_monitor.services.document_schema import DOCUMENT, PLAN, InterchangeError, Spec, check

__all__ = ["DOCUMENT", "PLAN", "InterchangeError", "Spec", "check"]
