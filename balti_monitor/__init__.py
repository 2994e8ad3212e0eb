"""Bălți Monitor: monitoring of the Bălți local anticorruption plan (PLA 2023-2027).

The package is split into a Qt-free core (``domain``, ``db``, ``services``, ``export``, ``interchange``)
and the desktop GUI (``gui``). ``cli`` exposes the core on the command line.
"""

from importlib import metadata

try:
    __version__ = metadata.version("balti-monitor")
except metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.1.0"

APP_NAME = "Bălți Monitor"
