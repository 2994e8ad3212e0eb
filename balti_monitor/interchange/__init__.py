"""Whole-file JSON export and import (documented, versioned, exact round trip)."""
