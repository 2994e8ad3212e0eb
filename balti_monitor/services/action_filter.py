"""The tree's search box: which actions a typed filter keeps."""

from __future__ import annotations

import re

from balti_monitor.domain.text import fold_key
from balti_monitor.services.outline import ActionInfo


def matches_filter(info: ActionInfo, query: str) -> bool:
    """Whether an action matches a filter typed in the tree's search box.

    A query that looks like a code ("1.1", "2.") matches codes that start with it; otherwise every word
    of the query must occur in the action's code, title, responsible text or indicator texts (case- and
    diacritic-insensitive, ş/ș alike).
    """
    query = query.strip()
    if not query:
        return True
    if re.fullmatch(r"\d+(\.\d*)?", query):
        return info.code.startswith(query)
    words = fold_key(query).split()
    return all(word in info.search_key for word in words)
