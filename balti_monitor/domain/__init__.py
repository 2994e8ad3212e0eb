"""Pure domain rules: value parsing, totals, counts and checks. No database, no Qt."""
