"""Dates, times and numbers as the interface's language writes them (Qt's locale: ro_MD or ru_MD): the
decimal separator and the thousands separator follow the language ("1.234,5" / "1 234,5"). Only what the
program itself computes is formatted here; the texts the user typed (values, descriptions) are shown exactly
as stored.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from .translations import locale


def date_time_text(moment: dt.datetime | None, *, seconds: bool = False) -> str:
    """A moment in the language's short date and time ("07.12.2026 05:33"); "" for none."""
    if moment is None:
        return ""
    value = QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute, moment.second)
    )
    here = locale()
    pattern = here.dateTimeFormat(QLocale.FormatType.ShortFormat)
    if seconds and ":ss" not in pattern:
        pattern = pattern.replace("mm", "mm:ss", 1)
    return here.toString(value, pattern)


def number_text(value: float, decimals: int = 0) -> str:
    """A number with the language's separators ("1.234,5" in Romanian, "1 234,5" in Russian)."""
    return locale().toString(float(value), "f", decimals)


def size_text(size: int) -> str:
    """A file size: "412 KB", "1,4 MB" (the language's decimal separator)."""
    if size < 1024:
        return f"{number_text(size)} B"
    if size < 1024 * 1024:
        return f"{number_text(round(size / 1024))} KB"
    return f"{number_text(size / (1024 * 1024), 1)} MB"
