"""Engine and session factory, SQLite pragmas and Alembic migrations (no Qt)."""
