"""Message texts of the station area (code → English and Chinese words): opening and
upgrading the database, backups, the station's settings and catalogues, exports."""

from __future__ import annotations

from stationapp.messages.catalogue.text import Text

_SUPPORT_EN = "If it still fails, contact technical support and bring the log."
_SUPPORT_ZH = "仍不行时请联系技术支持，并带上日志。"

TEXTS: dict[str, Text] = {
    # the import lock (db/locks.py)
    "station.import_busy": Text(
        en="A roster is being imported elsewhere: please wait until it is done and try again.",
        zh="另一处正在导入名册，请等它完成后再试。"),
    # opening and migrating (db/migrate.py, services/database.py)
    "station.copy_failed": Text(
        en="Before upgrading the database the ledger must be copied aside, but the copy "
           "failed ({reason}). The database was not upgraded and the ledger is unchanged. "
           "Please free disk space and make sure the ledger's folder ({folder}) can be "
           "written to, then start again. " + _SUPPORT_EN,
        zh="升级数据库前要先把台账复制一份，但复制没有成功（{reason}）。"
           "数据库没有升级，台账没有改动。"
           "请腾出磁盘空间、确认台账所在的文件夹（{folder}）可以写入后重新启动；"
           + _SUPPORT_ZH),
    "station.copy_disk_full": Text(en="the disk is full", zh="磁盘空间不足"),
    "station.copy_cannot_write": Text(
        en="no file can be written in the ledger's folder",
        zh="无法在台账所在的文件夹写入文件"),
    "station.copy_cannot_read": Text(
        en="the ledger's file cannot be read", zh="读不了台账文件"),
    "station.foreign_database": Text(
        en="This database already holds other tables: it is not a stationapp database. "
           "Please choose another database file or address.",
        zh="这个数据库里已有别的表，不是 stationapp 的数据库。请换一个数据库文件或地址。"),
    # a desk whose database account may not migrate (db/migrate.py), `stationapp upgrade`
    "station.upgrade_needed": Text(
        en="The ledger needs an upgrade (from version {old} to {head}), and the database "
           "account {user} may not change its tables: ask the administrator to run "
           "`stationapp upgrade` with the owner's account.",
        zh="台账需要升级（从版本 {old} 到 {head}），而数据库账户 {user} 无权修改表结构："
           "请管理员用数据库所有者的账户运行 `stationapp upgrade`。"),
    "station.setup_needed": Text(
        en="The ledger's database is not set up yet, and the database account {user} may "
           "not create its tables: ask the administrator to run `stationapp upgrade` with "
           "the owner's account.",
        zh="台账数据库还没有建立，而数据库账户 {user} 无权建表："
           "请管理员用数据库所有者的账户运行 `stationapp upgrade`。"),
    "station.already_current": Text(
        en="The database is already at the newest version ({revision}); nothing was changed.",
        zh="数据库已是最新版本（{revision}），没有改动。"),
    "station.database_newer": Text(
        en="Database version {revision} is newer than this program: please upgrade "
           "stationapp first.",
        zh="数据库版本 {revision} 比本程序新，请先升级 stationapp。"),
    "station.create_failed": Text(
        en="Creating the new database did not finish ({reason}); the database is still "
           "empty and will be created again at the next start.",
        zh="建立新数据库没有完成（{reason}），数据库仍是空的，下次启动会重新建立。"),
    "station.upgrade_failed_unchanged": Text(
        en="Upgrading the database from {old} to {head} did not finish ({reason}). The "
           "ledger is unchanged, still at version {old}.",
        zh="数据库从 {old} 升级到 {head} 没有完成（{reason}）。台账没有改动，"
           "仍是原来的版本 {old}。"),
    "station.upgrade_failed_partly": Text(
        en="Upgrading the database from {old} to {head} did not finish ({reason}); it is "
           "now at version {now_at}.",
        zh="数据库从 {old} 升级到 {head} 没有完成（{reason}），现在的版本是 {now_at}。"),
    "station.upgrade_copy": Text(
        en=" The copy made before the upgrade is at {copy}.",
        zh="升级前的副本在 {copy}。"),
    "station.upgrade_failed": Text(
        en="{what}{copy} Please close other programs using the ledger and start again. "
           + _SUPPORT_EN,
        zh="{what}{copy}请关闭其他使用台账的程序后重新启动；" + _SUPPORT_ZH),
    "station.upgrade_program_failed": Text(
        en="the upgrade program failed", zh="升级程序出错"),
    "station.db_busy": Text(
        en="another program is using the ledger, please try again later",
        zh="台账正被另一个程序使用，请稍后再试"),
    "station.db_disk_full": Text(
        en="the disk is full, please free some space first",
        zh="磁盘空间不足，请先腾出空间"),
    "station.db_cannot_open": Text(
        en="the database file cannot be opened or written, please check its place and "
           "permissions",
        zh="无法打开或写入数据库文件，请检查文件位置和权限"),
    "station.db_io_error": Text(
        en="reading or writing the database file failed, please check the disk",
        zh="读写数据库文件出错，请检查磁盘"),
    "station.db_corrupt": Text(
        en="the database file is damaged or not a database, please restore a backup",
        zh="数据库文件已损坏或不是数据库，请从备份恢复"),
    "station.db_server_unreachable": Text(
        en="the database server cannot be reached, please check the database address, "
           "the network and the server",
        zh="连接不上数据库服务器，请检查数据库地址、网络和服务器"),
    "station.db_error": Text(en="database error", zh="数据库出错"),
    "station.cannot_open": Text(
        en="Cannot open the database: {reason}.",
        zh="无法打开数据库：{reason}。"),
    # what a start-up migration did (db/migrate.Migration)
    "station.rebuilt": Text(
        en="Setting up the ledger's database did not finish last time; it was set up again "
           "now (version {revision}) and holds no data yet",
        zh="上次建立台账数据库没有完成，这次已重新建立（版本 {revision}），里面还没有任何数据"),
    "station.rebuilt_copy": Text(
        en="{text}; a copy of the unfinished database file is at {copy}.",
        zh="{text}；原来那份没建完的数据库文件的副本在 {copy}。"),
    "station.created": Text(
        en="A new ledger database was created (version {revision}).",
        zh="已建立新的台账数据库（版本 {revision}）。"),
    "station.upgraded": Text(
        en="The database was upgraded from {old} to {new}.",
        zh="数据库已从 {old} 升级到 {new}。"),
    "station.upgraded_copy": Text(
        en="The database was upgraded from {old} to {new}; the copy made before the "
           "upgrade is at {copy}.",
        zh="数据库已从 {old} 升级到 {new}，升级前的副本在 {copy}。"),
    # backups (services/backup.py)
    "station.postgres_backup": Text(
        en="Back up and restore a PostgreSQL database with the server's own tools, e.g.:\n"
           "  pg_dump -Fc -f stationapp.dump <database address>\n"
           "  pg_restore --clean -d <database address> stationapp.dump\n"
           "See the “Backups” section of the README.",
        zh="PostgreSQL 数据库请用服务器自带的工具备份和恢复，例如：\n"
           "  pg_dump -Fc -f stationapp.dump <数据库地址>\n"
           "  pg_restore --clean -d <数据库地址> stationapp.dump\n"
           "详见 README 的“备份”一节。"),
    "station.backup_keep_range": Text(
        en="The number of backups kept should be between 1 and 365",
        zh="保留的备份份数应在1到365之间"),
    "station.backup_folder_full_path": Text(
        en="Please give the folder's full path (e.g. /media/usb/backups)",
        zh="请填写完整的文件夹路径（如 /media/u盘/备份）"),
    "station.backup_folder_unusable": Text(
        en="This folder cannot be used: {reason}",
        zh="无法使用这个文件夹：{reason}"),
    "station.backup_folder_read_only": Text(
        en="This folder cannot be written to (is the USB stick write-protected?)",
        zh="这个文件夹不能写入（U 盘是否写保护？）"),
    "station.backup_disk_full": Text(
        en="The backup failed: the disk of the backup folder ({folder}) is full. Please "
           "delete files you do not need or choose another backup folder, then back up "
           "again.",
        zh="备份没有成功：备份文件夹（{folder}）所在的磁盘已满。"
           "请删除不需要的文件或换一个备份文件夹，再备份一次。"),
    "station.backup_failed": Text(
        en="The backup failed: {reason}. Please check that the backup folder ({folder}) "
           "can be written to and has enough space.",
        zh="备份没有成功：{reason}。请检查备份文件夹（{folder}）是否可写、空间是否足够。"),
    "station.backup_unreadable": Text(
        en="Cannot read the file: {reason}",
        zh="无法读取文件：{reason}"),
    "station.backup_not_sqlite": Text(
        en="“{name}” is not a stationapp backup (not a SQLite database)",
        zh="“{name}”不是 stationapp 的备份文件（不是 SQLite 数据库）"),
    "station.backup_not_ledger": Text(
        en="“{name}” is not a stationapp database (the ledger's tables are missing)",
        zh="“{name}”不是 stationapp 的数据库（缺少台账表）"),
    "station.backup_damaged": Text(
        en="“{name}” is damaged and cannot be restored ({reason})",
        zh="“{name}”已损坏，不能恢复（{reason}）"),
    "station.backup_no_version": Text(
        en="“{name}” has no recognisable version and cannot be restored",
        zh="“{name}”没有可识别的版本号，不能恢复"),
    "station.backup_newer": Text(
        en="“{name}” comes from a newer stationapp ({revision}): please upgrade this "
           "program first",
        zh="“{name}”来自更新版本的 stationapp（{revision}），请先升级本程序"),
    "station.backup_schema": Text(
        en="The structure of “{name}” does not match version {revision} ({problems}); it "
           "cannot be restored and the ledger is unchanged. Please choose a complete backup.",
        zh="“{name}”的结构与版本 {revision} 不符（{problems}），不能恢复，台账没有改动。"
           "请换一份完整的备份。"),
    "station.schema_missing_table": Text(
        en="table {table} is missing", zh="缺少表 {table}"),
    "station.schema_extra_table": Text(
        en="extra table {table}", zh="多出表 {table}"),
    "station.schema_missing_column": Text(
        en="table {table} lacks column {column}", zh="表 {table} 缺少列 {column}"),
    "station.schema_extra_column": Text(
        en="table {table} has an extra column {column}", zh="表 {table} 多出列 {column}"),
    "station.restore_failed": Text(
        en="The restore failed; the previous data was put back: {reason}",
        zh="恢复没有成功，原数据已还原：{reason}"),
    "station.restore_upgrade_failed": Text(
        en="The backup cannot be upgraded to the current version; the previous data was "
           "put back: {reason}",
        zh="备份文件无法升级到当前版本，原数据已还原：{reason}"),
    # station settings (services/settings.py)
    "station.name_missing": Text(
        en="Please fill in the station's name", zh="请填写服务社名称"),
    "station.interval_range": Text(
        en="The visit interval for the {tier} tier should be between 1 and 366 days",
        zh="{tier}走访间隔应在1到366天之间"),
    "station.request_limit_range": Text(
        en="The time limit for settling a request should be between 1 and 365 days",
        zh="诉求办结时限应在1到365天之间"),
    # who signs the papers (services/settings.py: StationSettings sign-off fields)
    "station.field_responsible_person": Text(en="Person in charge", zh="负责人"),
    "station.field_reviewer": Text(en="Reviewer", zh="审核人"),
    "station.field_preparer": Text(en="Prepared by", zh="制表人/填报人"),
    "station.field_contact_phone": Text(en="Contact phone for papers", zh="报表联系电话"),
    # the catalogues of event types and items (services/catalogue.py)
    "station.event_type_taken": Text(
        en="There is already an event type called “{name}”",
        zh="已有名为“{name}”的活动类型"),
    "station.event_type_not_found": Text(
        en="No event type with number {id}", zh="找不到编号为 {id} 的活动类型"),
    "station.item_taken": Text(
        en="The item catalogue already has “{name}”", zh="物品目录里已有“{name}”"),
    "station.item_not_found": Text(
        en="No item with number {id}", zh="找不到编号为 {id} 的物品"),
    # exports (services/exports.py)
    "station.export_suffix": Text(
        en="Can only export to a .xlsx or .csv file, not “{name}”",
        zh="只能导出为 .xlsx 或 .csv 文件，不能是“{name}”"),
    # demo data (demo/station.py)
    "station.demo_too_few": Text(
        en="A demo station needs at least 1 household", zh="演示住户数至少为1户"),
    "station.demo_needs_empty_ledger": Text(
        en="The ledger already has households; demo data can only go into an empty ledger. "
           "Create a new database, then make the demo data.",
        zh="台账里已经有住户，演示数据只能装入空台账。请新建一个数据库再生成演示数据。"),
    # who may change the station settings and how soon a desk locks (services/settings.py)
    "station.idle_lock_range": Text(
        en="The desk should lock after between {low} and {high} minutes without use",
        zh="无人操作锁屏时间应在{low}到{high}分钟之间"),
    "station.settings_not_signed_in": Text(
        en="Only a signed-in administrator may change the station settings",
        zh="只有已登录的管理员才能修改服务社设置"),
}
