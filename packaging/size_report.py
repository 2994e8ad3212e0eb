"""Size of a built onedir folder and its biggest contributors.

    python packaging/size_report.py dist/BaltiMonitor [--budget-mb 150] [--top 15]

Prints the unpacked size (bytes of regular files; symbolic links count for nothing, as on Windows where
there are none) and the biggest files and folders. Exit code 1 when the size is over ``--budget-mb``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

#: Folders reported as one item; everything else is reported file by file.
GROUPS = (
    "_internal/PySide6/Qt/plugins",
    "_internal/PySide6/plugins",
    "_internal/python3.11/lib-dynload",
    "_internal/lxml",
    "_internal/docx",
    "_internal/docxtpl",
    "_internal/openpyxl",
    "_internal/balti_monitor",
)


def sizes(folder: Path) -> Counter[str]:
    """Bytes per reported item (a file, or one of :data:`GROUPS`)."""
    found: Counter[str] = Counter()
    for root, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(root, name)
            if os.path.islink(path):
                continue
            rel = os.path.relpath(path, folder).replace(os.sep, "/")
            key = next((g + "/" for g in GROUPS if rel.startswith(g + "/")), rel)
            found[key] += os.lstat(path).st_size
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """Print the report; non-zero exit when over budget."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("app_dir", type=Path)
    parser.add_argument("--budget-mb", type=float, default=None)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args(argv)
    found = sizes(args.app_dir)
    total = sum(found.values())
    print(f"Unpacked size of {args.app_dir}: {total / 1e6:.1f} MB in {len(found)} items")
    for name, size in found.most_common(args.top):
        print(f"  {size / 1e6:7.1f} MB  {name}")
    if args.budget_mb is not None and total > args.budget_mb * 1e6:
        print(f"OVER BUDGET: {total / 1e6:.1f} MB > {args.budget_mb:.0f} MB")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
