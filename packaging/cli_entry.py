"""Entry point of ``balti-monitor-cli`` (``balti-monitor-cli.exe``), the console program of the frozen build.

It is the installed twin of the ``balti-monitor`` command: ``--version``, ``init``, ``demo``, ``check``,
``totals``, ``export`` … print to the terminal and return their exit codes. Without a command it starts the
desktop application like ``BaltiMonitor.exe`` does (with a console window behind it on Windows).
"""

from __future__ import annotations

import sys

from frozen_support import run

if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
