"""Entry point of ``BaltiMonitor`` (``BaltiMonitor.exe``), the windowed program the shortcuts start.

It goes through :func:`balti_monitor.cli.main` like the ``balti-monitor`` command, so ``BaltiMonitor.exe``
opens the desktop application on the user's database and ``BaltiMonitor.exe --db FILE`` on another file. A
Windows program built without a console has nowhere to print, so the commands (``--version``, ``export`` …)
belong to its console twin ``balti-monitor-cli.exe`` in the same folder.

``BALTI_MONITOR_SMOKE=1`` turns on the smoke check of :mod:`smoke_hook` (used by ``packaging/build.sh``).
"""

from __future__ import annotations

import sys

from frozen_support import run

if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
