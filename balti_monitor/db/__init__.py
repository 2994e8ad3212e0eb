"""SQLite storage through peewee: models, connection handling, schema migrations."""
