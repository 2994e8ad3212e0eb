"""Designer forms compiled by ``tools/compile_ui.py``: one ``ui_<form>.py`` per ``ui/<form>.ui``."""
