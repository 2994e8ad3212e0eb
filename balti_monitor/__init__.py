"""Bălți Monitor: monitoring of the Bălți local anticorruption plan (PLA 2023-2027).

The package is split into a Qt-free core (``domain``, ``db``, ``services``, ``export``, ``interchange``)
and the desktop GUI (``gui``). ``cli`` exposes the core on the command line.
"""

# The single source of the version: pyproject.toml reads it from here (``[tool.setuptools.dynamic]``),
# so start-up does not pay for importlib.metadata.
__version__ = "0.1.0"

APP_NAME = "Bălți Monitor"
