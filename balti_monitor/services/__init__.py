"""Use cases over the database; the only way the GUI and the CLI change data."""
