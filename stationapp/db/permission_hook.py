"""Only a role that may change the ledger changes it: one check for every write, in one place.

Once the ledger has accounts, a session whose actor (``session.info["actor"]``) is signed in
with a role that may not edit (查看/打印), or that names no active account, can flush no
change and run no INSERT, UPDATE or DELETE on the ledger's tables: the write fails with a
:class:`~stationapp.domain.errors.PermissionDeniedError` before anything reaches the
database. The accounts themselves (sign-in counters, a password) and the audit trail keep
their own rules. A ledger without accounts, or a session with no actor, works as before.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, event, select
from sqlalchemy.engine import Result
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker
from sqlalchemy.sql.dml import Delete, Insert, Update

from stationapp.domain.accounts import Account, Permission, Role, check_allowed
from stationapp.domain.audit import ACTOR_KEY, AuditEntry

GATE_KEY = "edit_gate_role"
"""Where a session keeps its actor's role once read (``""``: no account on the ledger)."""

_OWN_RULES = frozenset({Account.__tablename__, AuditEntry.__tablename__})


def install_edit_gate(sessions: sessionmaker[Session]) -> None:
    """Refuse, in every session of ``sessions``, writes by a role that may not edit."""
    event.listen(sessions, "before_flush", _before_flush)
    event.listen(sessions, "do_orm_execute", _on_execute)


def _before_flush(session: Session, _context: object, _instances: object) -> None:
    changed = (*session.new, *session.dirty, *session.deleted)
    if any(not isinstance(row, Account | AuditEntry) for row in changed):
        _check(session)


def _on_execute(state: ORMExecuteState) -> Result[Any] | None:
    statement = state.statement
    if isinstance(statement, Insert | Update | Delete):
        table = statement.table
        if isinstance(table, Table) and table.name not in _OWN_RULES:
            _check(state.session)
    return None


def check_may_edit(session: Session) -> None:
    """The gate's check, for a bulk writer that sends its own SQL (which the gate does not
    see): PermissionDeniedError when the session's actor may not edit."""
    _check(session)


def _check(session: Session) -> None:
    actor = session.info.get(ACTOR_KEY)
    if not actor:
        return
    role = session.info.get(GATE_KEY)
    if role is None:
        role = _role_of(session, actor)
        session.info[GATE_KEY] = role
    if role:
        check_allowed(actor, Role(role), Permission.EDIT)


def _role_of(session: Session, actor: str) -> str:
    """The actor's role; ``viewer`` for a name that is no active account; ``""`` when the
    ledger has no account at all (everyone may edit, as before accounts)."""
    connection = session.connection()
    found = connection.execute(
        select(Account.role).where(Account.name == actor, Account.active.is_(True))
    ).scalar_one_or_none()
    if found is not None:
        return str(found)
    any_account = connection.execute(select(Account.id).limit(1)).first()
    return Role.VIEWER.value if any_account is not None else ""
