"""Signing in on the command line, what each command needs, and ``stationapp accounts``.

Until a ledger has an account every command works as before. Once it has one, every
command that reads or writes personal data signs in: the account's name from ``--user`` or
``STATIONAPP_USER``, its password from ``--password-stdin`` (the first line of stdin),
``STATIONAPP_PASSWORD`` or a prompt (only when stdin is a terminal). The signed-in account
is the actor of every change the command makes, and its role decides what the command may
do (:data:`COMMAND_PERMISSIONS`).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from stationapp import cli_calendar, cli_events
from stationapp.domain.account_rules import Permission, Role
from stationapp.domain.errors import NotFoundError, SignInError, ValidationError
from stationapp.messages import Message, msg

if TYPE_CHECKING:
    from stationapp.domain.clock import Clock
    from stationapp.services.accounts import AccountRow, SignedIn

Translate = Callable[[str, str], str]

USER_ENV = "STATIONAPP_USER"
PASSWORD_ENV = "STATIONAPP_PASSWORD"

COMMAND_PERMISSIONS: dict[str, Permission] = {
    "households": Permission.READ,
    "events": Permission.READ,
    "visits": Permission.READ,
    "requests": Permission.READ,
    "print": Permission.PRINT,
    "export": Permission.EXPORT,
    "import": Permission.IMPORT,
    "demo": Permission.EDIT,
    "backup": Permission.BACKUP,
    "restore": Permission.RESTORE,
    "audit": Permission.AUDIT,
    # The register lists names and hours, and its csv/json is an export a viewer may not make.
    "certificates": Permission.EXPORT,
    "accounts": Permission.READ,  # each action checks its own right (services.accounts)
    "retention": Permission.EDIT,  # then the service allows only an administrator
    "calendar": Permission.READ,
    "seasonal": Permission.EDIT,  # add, end, delete; `seasonal list` only READ
    "event": Permission.EDIT,  # summary, photo add/remove; `event photo list` only READ
    # Runs before sign-in: the database account in the URL (the schema's owner) decides.
    "upgrade": Permission.RESTORE,
}
"""What the signed-in account's role must allow for each command. A command missing here
needs EDIT, so that a new command is closed to viewers until someone decides otherwise."""

_DOCUMENT_PERMISSIONS: dict[str, Permission] = {
    "service-record": Permission.EDIT,  # issues a numbered certificate that is kept
}


def add_sign_in_options(parser: argparse.ArgumentParser, t: Translate) -> None:
    """``--user`` and ``--password-stdin`` on the main parser (before the command)."""
    parser.add_argument("--user", default=None, metavar="NAME",
                        help=t(f"account to sign in with once the ledger has accounts "
                               f"(also {USER_ENV})",
                               f"台账设有账户后用来登录的账户名（也可设置 {USER_ENV}）"))
    parser.add_argument("--password-stdin", dest="sign_in_password_stdin", action="store_true",
                        help=t(f"read the sign-in password from the first line of stdin "
                               f"(else {PASSWORD_ENV}, else a prompt)",
                               f"从标准输入的第一行读取登录密码（否则读取 {PASSWORD_ENV}，"
                               "再否则提示输入）"))


def add_parser(commands: Any, t: Translate) -> None:
    """``stationapp accounts add|list|disable|password``."""
    accounts = commands.add_parser("accounts", help=t("accounts that sign in, and their roles",
                                                      "登录账户及其角色"))
    actions = accounts.add_subparsers(dest="action", metavar="ACTION", required=True,
                                      title=t("actions", "操作"))
    new_password = t("read the new account's password from stdin (after the sign-in "
                     "password when --password-stdin is also given before the command)",
                     "从标准输入读取新密码（若命令前也给了 --password-stdin，"
                     "则读取登录密码之后的一行）")
    add = actions.add_parser("add", help=t("add an account; the first one must be an admin "
                                           "and needs no sign-in",
                                           "添加账户；第一个账户必须是管理员，无需登录"))
    add.add_argument("name", metavar="NAME", help=t("account name", "账户名"))
    add.add_argument("--role", required=True, choices=[r.value for r in Role],
                     help=t("admin (管理员), clerk (工作人员) or viewer (查看/打印)",
                            "admin（管理员）、clerk（工作人员）或 viewer（查看/打印）"))
    add.add_argument("--password-stdin", dest="new_password_stdin", action="store_true",
                     help=new_password)
    listing = actions.add_parser("list", help=t("list the accounts", "列出账户"))
    listing.add_argument("--format", choices=["table", "json"], default="table",
                         help=t("output format", "输出格式"))
    disable = actions.add_parser("disable", help=t("disable an account (it stays on record)",
                                                   "停用账户（记录保留）"))
    disable.add_argument("name", metavar="NAME", help=t("account name", "账户名"))
    password = actions.add_parser(
        "password", help=t("set a new password (an admin for anyone, everyone for themselves); "
                           "lifts a lock",
                           "设置新密码（管理员可为任何账户设置，其他人只能改自己的）；同时解除锁定"))
    password.add_argument("name", metavar="NAME", help=t("account name", "账户名"))
    password.add_argument("--password-stdin", dest="new_password_stdin", action="store_true",
                          help=new_password)


def needed_permission(args: argparse.Namespace) -> Permission:
    """What the command ``args`` name asks of the signed-in account's role."""
    if args.command == "print":
        document = getattr(args, "document", "")
        return _DOCUMENT_PERMISSIONS.get(document, Permission.PRINT)
    if args.command == "event" and cli_events.only_reads(args):
        return Permission.READ
    if cli_calendar.only_reads(args):
        return Permission.READ
    return COMMAND_PERMISSIONS.get(args.command, Permission.EDIT)


def sign_in(args: argparse.Namespace, t: Translate, clock: Clock) -> SignedIn | None:
    """Who runs this command: None while the ledger has no account (as before accounts
    existed); else the signed-in account, allowed what the command needs.

    Raises SignInError (no name, no password, or a refused one) or PermissionDeniedError.
    """
    from stationapp.cli_data import opened_database
    from stationapp.services.accounts import accounts_exist, authenticate

    # The first line of stdin is the sign-in password whenever --password-stdin says so,
    # even on a ledger without accounts: a second line then stays the new password.
    typed = _stdin_line() if args.sign_in_password_stdin else None
    with opened_database(args, clock) as database:
        with database.session() as session:
            if not accounts_exist(session):
                return None
        name = (args.user or os.environ.get(USER_ENV) or "").strip()
        if not name:
            raise SignInError(msg("account.sign_in_required"))
        password = typed if typed is not None else os.environ.get(PASSWORD_ENV)
        if password is None:
            password = _prompt(t(f"Password for {name}: ", f"{name} 的密码："),
                               msg("account.password_missing"))
        with database.session() as session:
            signed = authenticate(session, name, password, clock.now())
    signed.check(needed_permission(args))
    return signed


def _stdin_line() -> str:
    return sys.stdin.readline().rstrip("\r\n")


def _prompt(prompt: str, missing: Message) -> str:
    """A password typed at the terminal; SignInError ``missing`` when stdin is no terminal."""
    import getpass

    if not sys.stdin.isatty():
        raise SignInError(missing)
    return getpass.getpass(prompt)


def _new_password(args: argparse.Namespace, t: Translate, name: str) -> str:
    """The new password for ``name``: a line of stdin, or typed twice at the terminal."""
    if args.new_password_stdin:
        return _stdin_line()
    first = _prompt(t(f"New password for {name}: ", f"{name} 的新密码："),
                    msg("account.new_password_missing"))
    again = _prompt(t("Type it again: ", "再输入一次："), msg("account.new_password_missing"))
    if first != again:
        raise ValidationError("password", msg("account.passwords_differ"))
    return first


def run(
    args: argparse.Namespace, t: Translate, out: TextIO, signed: SignedIn | None, clock: Clock
) -> int:
    """Run ``stationapp accounts …`` as ``signed`` (None: the ledger has no account yet)."""
    from stationapp.cli_data import opened_database, show_pending_recovery_code
    from stationapp.services import accounts

    if args.action == "list":
        with opened_database(args, clock) as database, \
                database.session() as session:
            rows = accounts.list_accounts(session, by=signed)
        _write_list(rows, args.format, out, t)
        return 0
    if signed is None and args.action != "add":
        # Only the first account can be made without signing in; no other exists yet.
        raise NotFoundError(msg("account.not_found", name=args.name))
    password = _new_password(args, t, args.name) if args.action in ("add", "password") else ""
    with opened_database(args, clock) as database, database.session() as session:
        if args.action == "add":
            row = accounts.add_account(session, args.name, Role(args.role), password, by=signed)
            out.write(t(f"Account {row.name} added ({row.role.value}).\n",
                        f"已添加账户 {row.name}（{row.role.label}）。\n"))
        elif args.action == "disable":
            assert signed is not None
            accounts.disable_account(session, args.name, by=signed)
            out.write(t(f"Account {args.name} disabled.\n", f"已停用账户 {args.name}。\n"))
        else:
            assert signed is not None
            accounts.set_password(session, args.name, password, by=signed)
            out.write(t(f"New password set for {args.name}.\n",
                        f"已为 {args.name} 设置新密码。\n"))
    if args.action == "add":  # the first administrator brings the backup key: its code
        show_pending_recovery_code(t, out)
    return 0


def _write_list(rows: list[AccountRow], fmt: str, out: TextIO, t: Translate) -> None:
    import json

    records = [{"name": r.name, "role": r.role.value, "role_label": r.role.label,
                "active": r.active,
                "locked_until": r.locked_until.isoformat(timespec="minutes")
                if r.locked_until else None,
                "created_at": r.created_at.isoformat(timespec="minutes")} for r in rows]
    if fmt == "json":
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    for rec in records:
        state = t("active", "可用") if rec["active"] else t("disabled", "已停用")
        out.write(f"{rec['name']}\t{rec['role_label']}\t{state}\n")
    out.write(f"({len(records)})\n")
