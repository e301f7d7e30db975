"""Message texts of the accounts area (code → English and Chinese words): accounts, roles,
signing in and what a role may not do."""

from __future__ import annotations

from stationapp.messages.catalogue.text import Text

TEXTS: dict[str, Text] = {
    # roles (domain/accounts.Role)
    "account.role_admin": Text(en="administrator", zh="管理员"),
    "account.role_clerk": Text(en="clerk", zh="工作人员"),
    "account.role_viewer": Text(en="viewer", zh="查看/打印"),
    # what a role may do (domain/accounts.Permission), named in a refusal
    "account.may_read": Text(en="read the ledger", zh="查看台账"),
    "account.may_print": Text(en="print", zh="打印"),
    "account.may_edit": Text(en="change the ledger", zh="修改台账"),
    "account.may_import": Text(en="import rosters", zh="导入花名册"),
    "account.may_export": Text(en="export", zh="导出"),
    "account.may_export_full_id": Text(en="export full ID numbers", zh="导出完整身份证号"),
    "account.may_backup": Text(en="make backups", zh="备份台账"),
    "account.may_restore": Text(en="restore a backup", zh="恢复备份"),
    "account.may_settings": Text(en="change the station's settings", zh="修改服务社设置"),
    "account.may_admin_accounts": Text(en="manage accounts", zh="管理账户"),
    "account.may_audit": Text(en="read the audit trail", zh="查看审计记录"),
    "account.not_allowed": Text(
        en="The account “{name}” ({role}) may not {action}. Please ask an administrator.",
        zh="账户“{name}”（{role}）无权{action}，请联系管理员。"),
    # accounts (services/accounts.py)
    "account.name_label": Text(en="Account name", zh="账户名"),
    "account.name_spaces": Text(
        en="An account name may not contain spaces",
        zh="账户名中不能有空格"),
    "account.name_taken": Text(
        en="There is already an account named “{name}”",
        zh="已有名为“{name}”的账户"),
    "account.not_found": Text(
        en="There is no account named “{name}”",
        zh="没有名为“{name}”的账户"),
    "account.first_must_be_admin": Text(
        en="The first account of a ledger must be an administrator",
        zh="台账的第一个账户必须是管理员"),
    "account.last_admin": Text(
        en="“{name}” is the last active administrator and cannot be disabled",
        zh="“{name}”是最后一个可用的管理员账户，不能停用"),
    "account.password_short": Text(
        en="The password is too short (at least {length} characters)",
        zh="密码太短（至少 {length} 个字符）"),
    "account.password_long": Text(
        en="The password is too long (at most {length} characters)",
        zh="密码太长（最多 {length} 个字符）"),
    "account.sign_in_required": Text(
        en="This ledger has accounts: please sign in with --user NAME (or STATIONAPP_USER)",
        zh="这个台账已设账户，请用 --user 账户名（或 STATIONAPP_USER）登录"),
    "account.password_missing": Text(
        en="No password given: use --password-stdin or STATIONAPP_PASSWORD, or run the "
           "command in a terminal to be asked for it",
        zh="没有提供密码：请使用 --password-stdin 或 STATIONAPP_PASSWORD，"
           "或在终端中运行以输入密码"),
    "account.new_password_missing": Text(
        en="No password given for the account: use --password-stdin, or run the command "
           "in a terminal to be asked for it",
        zh="没有提供账户的密码：请使用 --password-stdin，或在终端中运行以输入密码"),
    "account.passwords_differ": Text(
        en="The two passwords typed differ; nothing was changed",
        zh="两次输入的密码不一致，未做任何修改"),
    "account.sign_in_failed": Text(
        en="Sign-in failed: the account name or the password is wrong",
        zh="登录失败：账户名或密码不正确"),
    "account.locked": Text(
        en="The account “{name}” is locked after too many wrong passwords until {until}; "
           "please try again then, or ask an administrator",
        zh="账户“{name}”因多次输错密码已锁定，到 {until} 解锁；请到时再试，或联系管理员"),
    "account.disabled": Text(
        en="The account “{name}” is disabled; please ask an administrator",
        zh="账户“{name}”已停用，请联系管理员"),
}
