"""Saving a workbook the program made (change log, list of defaulters) without a half-written file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from balti_monitor.export.options import ExportError
from balti_monitor.i18n import _


def save_workbook(book: Any, out_path: Path, what: str) -> Path:
    """Save ``book`` (an openpyxl workbook) next to ``out_path`` under a temporary name, then rename it over
    ``out_path``; on any failure nothing is left behind and an :class:`ExportError` says ``what`` ("Jurnalul
    nu a putut fi salvat …") failed."""
    tmp_name = ""
    try:
        handle, tmp_name = tempfile.mkstemp(
            prefix=f".{out_path.stem}-", suffix=".xlsx.tmp", dir=out_path.parent
        )
        os.close(handle)
        book.save(tmp_name)
        os.replace(tmp_name, out_path)
    except OSError as exc:
        if tmp_name:
            Path(tmp_name).unlink(missing_ok=True)
        raise ExportError(
            _("{what} în „{out_path}”: {value}.").format(
                what=what, out_path=out_path, value=exc.strerror or exc
            )
        ) from exc
    return out_path
