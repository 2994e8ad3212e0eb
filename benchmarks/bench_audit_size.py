"""Size of the 10-year benchmark file with a realistic change log: every value edited 3 times.

    python benchmarks/bench_audit_size.py [BIG.sqlite]

Each edit goes through SQLite like the application's (the audit triggers write the log); one transaction
per round keeps the run short. Prints the file size before and after (after VACUUM) and the log's rows;
target: ≤ 20 MB.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from balti_monitor.db.connection import close_database, open_database  # noqa: E402
from balti_monitor.db.models import ChangeLog, Value, database  # noqa: E402
from balti_monitor.services.audit import recording, set_user_name  # noqa: E402

TARGET_MB = 20.0


def main() -> int:
    """Build (or copy) the big file, edit every value 3 times, report the sizes."""
    set_user_name("Olga Sarănciuc")  # a realistic name on every record (the settings' name)
    work = Path(tempfile.mkdtemp(prefix="balti-audit-size-"))
    path = work / "big.sqlite"
    if len(sys.argv) > 1:
        shutil.copyfile(sys.argv[1], path)
    else:
        from make_big_file import make_big_file

        make_big_file(path)
    open_database(path)
    database.execute_sql("VACUUM")
    before = path.stat().st_size
    values = Value.select().count()
    logged_before = ChangeLog.select().count()
    # three corrections of every value, each keeping the text's length (a figure changes, as in real use)
    for sql in (
        "UPDATE value SET raw_text = raw_text || '.'",
        "UPDATE value SET raw_text = substr(raw_text, 1, length(raw_text) - 1) || ','",
        "UPDATE value SET raw_text = substr(raw_text, 1, length(raw_text) - 1)",
    ):
        with recording("typed"):
            database.execute_sql(sql)
    edits = ChangeLog.select().count() - logged_before
    database.execute_sql("VACUUM")
    close_database()
    after = path.stat().st_size
    mb = after / 1e6
    print(f"Valori: {values}; modificări înregistrate: {edits} (+{logged_before} la crearea fișierului)")
    print(f"Fișier: {before / 1e6:.1f} MB înainte, {mb:.1f} MB cu jurnalul (țintă ≤ {TARGET_MB:.0f} MB)")
    shutil.rmtree(work, ignore_errors=True)
    return 0 if mb <= TARGET_MB else 1


if __name__ == "__main__":
    raise SystemExit(main())
