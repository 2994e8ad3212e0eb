"""Write ``balti_monitor/db/schema_current.py``: the exact schema of the current file version as data.

Opening a file compares it with the exact schema of its version; for the current version that schema is
read from this generated module instead of being built in memory (frozen version-1 SQL + every migration)
on each start. ``tests/test_file_integrity.py`` regenerates it and fails when the committed module is
stale: run this tool after adding a migration.

Usage: ``python tools/write_schema_current.py`` (from the repository, with the project's environment).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from balti_monitor.db.integrity import build_expected_schema  # noqa: E402
from balti_monitor.db.migrations import SCHEMA_VERSION  # noqa: E402
from balti_monitor.db.schema import schema_module_source  # noqa: E402

TARGET = ROOT / "balti_monitor" / "db" / "schema_current.py"


def main() -> int:
    """Write the module; print where."""
    source = schema_module_source(SCHEMA_VERSION, build_expected_schema(SCHEMA_VERSION))
    TARGET.write_text(source, encoding="utf-8", newline="\n")
    print(f"{TARGET.relative_to(ROOT)}: schema of version {SCHEMA_VERSION}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
