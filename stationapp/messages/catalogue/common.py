"""Message texts of the common area (code → English and Chinese words): the text rules
every field follows, what the computer or the database did to an operation, and the
account of a save that came too late."""

from __future__ import annotations

from stationapp.messages.catalogue.text import Text

_NOT_SAVED_EN = "The operation did not finish; nothing of this step was saved."
_NOT_SAVED_ZH = "刚才的操作没有完成，这一步的内容都没有保存。"

TEXTS: dict[str, Text] = {
    # text rules (domain/text_rules.py); {label} is the field's label
    "common.text_controls": Text(
        en="“{label}” holds invisible control characters: please delete them and type it "
           "again",
        zh="{label}里有看不见的控制字符，请删掉后重新输入"),
    "common.text_too_long": Text(
        en="“{label}” is too long (at most {limit} characters)",
        zh="{label}太长（最多 {limit} 个字）"),
    "common.text_limit": Text(
        en="at most {limit} characters",
        zh="最多 {limit} 个字"),
    "common.number_too_long": Text(
        en="A number in “{label}” is too long (at most {digits} digits): please check it",
        zh="{label}里的数字太长（最多 {digits} 位），请核对"),
    "common.required": Text(
        en="Please fill in “{label}”",
        zh="请填写{label}"),
    # the labels of the text fields (domain/text_rules.py), as the clerk knows them
    "common.field_community": Text(en="Community", zh="小区"),
    "common.field_building": Text(en="Building", zh="楼号"),
    "common.field_unit": Text(en="Unit", zh="单元"),
    "common.field_room": Text(en="Room", zh="室号"),
    "common.field_contact_phone": Text(en="Contact phone", zh="联系电话"),
    "common.field_notes": Text(en="Notes", zh="备注"),
    "common.field_reason": Text(en="Reason", zh="原因"),
    "common.field_name": Text(en="Name", zh="姓名"),
    "common.field_relation": Text(en="Relation to the head", zh="与户主关系"),
    "common.field_phone": Text(en="Phone", zh="电话"),
    "common.field_id_number": Text(en="ID number", zh="身份证号"),
    "common.field_mobility": Text(en="Mobility", zh="行动情况"),
    "common.field_community_name": Text(en="Community name", zh="小区名称"),
    "common.field_skills": Text(en="Skills", zh="特长"),
    "common.field_event_title": Text(en="Event title", zh="活动名称"),
    "common.field_place": Text(en="Place", zh="地点"),
    "common.field_organiser": Text(en="Organiser", zh="组织者"),
    "common.field_event_description": Text(en="Event description", zh="活动说明"),
    "common.field_event_type_name": Text(en="Event type name", zh="活动类型名称"),
    "common.field_item_name": Text(en="Item name", zh="物品名称"),
    "common.field_item_unit": Text(en="Unit (such as scroll, sheet or copy)",
                                   zh="单位（如：幅、张、份）"),
    "common.field_delivery_notes": Text(en="Delivery notes", zh="配送备注"),
    "common.field_outcome_note": Text(en="Outcome note", zh="结果说明"),
    "common.field_visit_notes": Text(en="Visit notes", zh="走访记录"),
    "common.field_note": Text(en="Note", zh="说明"),
    "common.field_reminder_text": Text(en="Reminder text", zh="提醒内容"),
    "common.field_request_category_name": Text(en="Request category name", zh="诉求类别名称"),
    "common.field_request_description": Text(en="Request description", zh="诉求内容"),
    "common.field_request_channel": Text(en="Channel received through", zh="受理渠道"),
    "common.field_reporter": Text(en="Reported by", zh="反映人"),
    "common.field_resolution": Text(en="Resolution", zh="办结情况"),
    "common.field_callback_note": Text(en="Call-back notes", zh="回访情况"),
    "common.field_station_name": Text(en="Station name", zh="服务社名称"),
    # lists of words put into one message: "A、B、C" / "A, B, C"
    "common.list": Text(en="{first}, {then}", zh="{first}、{then}"),
    "common.parts_list": Text(en="{first}; {then}", zh="{first}、{then}"),
    "common.sentence": Text(en="{text}.", zh="{text}。"),
    "common.semicolon": Text(en="{first}; {then}", zh="{first}；{then}"),
    "common.and_more": Text(en="{text} …", zh="{text}……"),
    "common.month_unreadable": Text(
        en="Cannot read the month “{text}”: write it as year-month, like 2026-11",
        zh="月份“{text}”看不懂，请写成 2026-11 这样的年-月"),
    # people picked from the roll (services/_common.check_person); {what} names the role
    "common.pick_from_roll": Text(
        en="Please choose the {what} from the roll",
        zh="请从名册中选择{what}"),
    "common.person_left": Text(
        en="{name} no longer serves: please choose another {what}",
        zh="{name}已不再服务，请选择其他{what}"),
    # a save that came after someone else's (services/_common.root_conflict)
    "common.changed": Text(
        en="{what} was changed {by}{when}{parts}.",
        zh="{what}已{when}{by}修改{parts}。"),
    "common.changed_when": Text(
        en=" on {month}/{day} at {time}",
        zh="在 {month}月{day}日 {time} "),
    "common.changed_by": Text(
        en="by {who}",
        zh="被 {who} "),
    "common.changed_by_someone": Text(
        en="by someone else",
        zh="被别人"),
    "common.changed_parts": Text(
        en=" ({changes})",
        zh="（{changes}）"),
    "common.conflict": Text(
        en="{account} {hint}",
        zh="{account}{hint}"),
    "common.reopen_hint": Text(
        en="Please close it and open it again before changing it.",
        zh="请关闭后重新打开，再做修改。"),
    # what the computer or the database did to an operation (services/failures.py)
    "common.not_saved": Text(en=_NOT_SAVED_EN, zh=_NOT_SAVED_ZH),
    "common.disk_full": Text(
        en="The disk is full. " + _NOT_SAVED_EN + " Please delete files you no longer need "
           "or choose a place with free space, then try again.",
        zh="磁盘空间已满。" + _NOT_SAVED_ZH
           + "请删除不用的文件腾出空间，或换一个有空间的位置，然后再试一次。"),
    "common.locked": Text(
        en="Another computer or program is using the ledger (importing or backing up, for "
           "example). " + _NOT_SAVED_EN + " Please wait a moment and try again.",
        zh="台账正被另一台电脑或另一个程序占用（例如正在导入或备份）。" + _NOT_SAVED_ZH
           + "请稍等一会儿再试一次。"),
    "common.vanished_file": Text(
        en="The ledger's database file cannot be found or is incomplete (it may have been "
           "moved or deleted, or its folder, USB stick or network drive was disconnected). "
           + _NOT_SAVED_EN + " Please check, then start the program again; restore a "
           "backup if you must.",
        zh="找不到台账数据库文件，或文件已不完整（可能被移走、删除，或所在的文件夹、"
           "U 盘、网络盘已断开）。" + _NOT_SAVED_ZH + "请检查后重新启动程序；"
           "必要时从备份恢复。"),
    "common.disk_error": Text(
        en="Reading or writing the ledger's database file failed (the disk, USB stick or "
           "network drive may be faulty). " + _NOT_SAVED_EN + " Please check the disk, "
           "then start the program again.",
        zh="读写台账数据库文件时出错（磁盘、U 盘或网络盘可能有问题）。" + _NOT_SAVED_ZH
           + "请检查磁盘后重新启动程序。"),
    "common.server_unreachable": Text(
        en="The database server cannot be reached, or the connection broke. "
           + _NOT_SAVED_EN + " Please check the network and the database server, then "
           "try again.",
        zh="连接不上数据库服务器，或连接中断了。" + _NOT_SAVED_ZH
           + "请检查网络和数据库服务器，然后再试一次。"),
    "common.read_only": Text(
        en="The ledger's database or the place to write to is read-only. " + _NOT_SAVED_EN
           + " Please check the permissions of the file and folder, or choose a place "
           "that can be written to.",
        zh="台账数据库或要写入的位置是只读的，不能写入。" + _NOT_SAVED_ZH
           + "请检查文件和文件夹的权限，或换一个可以写入的位置。"),
    "common.no_permission": Text(
        en="You have no permission to write to this place. " + _NOT_SAVED_EN
           + " Please choose a folder that can be written to, or ask the administrator "
           "to check the permissions.",
        zh="没有权限写入这个位置。" + _NOT_SAVED_ZH
           + "请换一个可以写入的文件夹，或请管理员检查权限。"),
    "common.missing_place": Text(
        en="The file or folder to read or write does not exist (it may have been moved or "
           "deleted, or the USB stick or network drive was disconnected). " + _NOT_SAVED_EN
           + " Please check the place and try again.",
        zh="要读写的文件或文件夹不存在（可能被移走或删除，或 U 盘、网络盘已断开）。"
           + _NOT_SAVED_ZH + "请检查位置后再试一次。"),
    "common.server_strained": Text(
        en="The database server ran short of resources (memory or a configured limit). "
           + _NOT_SAVED_EN + " Please wait a moment and try again; if it still fails, ask "
           "the administrator to check the database server.",
        zh="数据库服务器的资源不够用了（内存或设置的上限）。" + _NOT_SAVED_ZH
           + "请稍等一会儿再试一次；仍不行时请管理员检查数据库服务器。"),
    "common.stale": Text(
        en="Another computer has just changed this record. " + _NOT_SAVED_EN
           + " Please close it and open it again, and make your change after looking at "
           "theirs.",
        zh="这条记录刚刚被另一台电脑修改过。" + _NOT_SAVED_ZH
           + "请关闭后重新打开，看过别人的修改后再改。"),
    "common.duplicate": Text(
        en="Another computer has just saved the same {what}. " + _NOT_SAVED_EN
           + " Please refresh, look at the record already there, check and try again.",
        zh="另一台电脑刚刚保存了相同的{what}。" + _NOT_SAVED_ZH
           + "请刷新后查看已有的记录，核对后再试一次。"),
    # the unique values two desks can race on (services/failures.py)
    "common.key_id_number": Text(en="ID number", zh="身份证号"),
    "common.key_account": Text(en="account name", zh="账户名"),
    "common.key_community": Text(en="community name", zh="小区名称"),
    "common.key_event_type": Text(en="event type name", zh="活动类型名称"),
    "common.key_item": Text(en="item name", zh="物品名称"),
    "common.key_request_category": Text(en="request category name", zh="诉求类别名称"),
    "common.key_certificate": Text(en="certificate number", zh="证明编号"),
    "common.key_volunteer_role": Text(en="volunteer role", zh="志愿者职务"),
    "common.key_delivery": Text(en="item arrangement", zh="物品安排"),
    "common.key_delivery_round": Text(en="delivery round", zh="送上门轮次"),
}
