"""Compile the core's gettext catalogues (``balti_monitor/locale/*/LC_MESSAGES/*.po``) into ``.mo`` files
beside them, with Babel. Run by ``.ci/run``, ``build_installer.spec`` and the wheel build (``setup.py``);
a checkout without the ``.mo`` files still works (``balti_monitor.i18n`` compiles them on first use).

    python tools/compile_translations.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from balti_monitor.i18n import compile_all


def main() -> int:
    for mo in compile_all():
        print(mo)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
