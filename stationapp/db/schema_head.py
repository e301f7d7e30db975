"""The newest migration's revision, known without importing SQLAlchemy or Alembic."""

from __future__ import annotations

SCHEMA_HEAD = "0016"
"""The newest migration; a test keeps it equal to Alembic's head. Knowing it without
loading Alembic lets an up-to-date database open without importing Alembic at all, and the
start-up tell a kept 工作台 of this schema (``db.workbench_snapshot``) before SQLAlchemy."""

__all__ = ["SCHEMA_HEAD"]
