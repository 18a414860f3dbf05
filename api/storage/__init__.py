"""Persistence: database engines and sessions, table models, migrations, the blob store."""
