"""What both entry points of the frozen build do around :func:`balti_monitor.cli.main`.

* A Windows program built without a console (``BaltiMonitor.exe``) starts with ``sys.stdout`` and
  ``sys.stderr`` set to ``None``; anything that prints (argparse, a warning) would then crash it. They are
  pointed at the null device instead. Nothing is ever written next to the executable.
* ``BALTI_MONITOR_SMOKE=1`` runs the smoke check of :mod:`smoke_hook`: the desktop application starts,
  shows its main window, and closes itself half a second later with exit code 0.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def _null_streams() -> None:
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


def smoke_requested() -> bool:
    """Whether ``BALTI_MONITOR_SMOKE`` asks for the smoke check."""
    return os.environ.get("BALTI_MONITOR_SMOKE", "").strip() not in ("", "0")


def run(argv: Sequence[str]) -> int:
    """Run ``balti-monitor`` with ``argv`` (the arguments after the program name)."""
    _null_streams()
    smoke = smoke_requested()
    if smoke:
        import smoke_hook

        smoke_hook.install()
    from balti_monitor.cli import main

    code = main(list(argv))
    if smoke:
        import smoke_hook

        code = smoke_hook.verdict(code)
    return code
