"""SQLite through sqlite-utils: the schema, its migrations, queries and exports. No UI here."""
