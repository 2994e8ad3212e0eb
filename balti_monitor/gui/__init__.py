"""The PySide6 desktop application (entry point: :func:`balti_monitor.gui.app.run`)."""
