"""Message texts of the households area (code → English and Chinese words)."""

from __future__ import annotations

from stationapp.messages.catalogue.text import Text

TEXTS: dict[str, Text] = {
    "household.not_found": Text(
        en="There is no household number {id}.",
        zh="找不到编号为 {id} 的住户"),
    "household.numbered": Text(
        en="Household number {id}",
        zh="编号 {id} 的住户"),
    "household.numbered_within": Text(
        en="household number {id}",
        zh="编号 {id} 的住户"),
    "household.this_one": Text(en="this household", zh="本户"),
    "household.role_liaison": Text(en="liaison", zh="联户人"),
    "household.conflict": Text(
        en="Someone else has just changed this household. Close it and open it again "
           "before changing it.",
        zh="这户信息刚被别人修改过，请关闭后重新打开再改。"),
    "household.reopen_for_status": Text(
        en="Please close this household and open it again before changing its status.",
        zh="请关闭这一户后重新打开，再改状态。"),
    "household.community_unknown": Text(
        en="There is no community called “{name}”. Known: {known}",
        zh="没有名为“{name}”的小区。已有：{known}"),
    "household.no_communities": Text(en="(none)", zh="（无）"),
    "household.member_gone": Text(
        en="The member {name} is no longer in this household; please open it again.",
        zh="成员 {name} 已不在这一户，请重新打开"),
    "household.community_missing": Text(
        en="Please fill in the community.",
        zh="请填写小区"),
    "household.building_missing": Text(
        en="Please fill in the building number.",
        zh="请填写楼号"),
    "household.registered_future": Text(
        en="The registration date cannot be after today.",
        zh="登记日期不能晚于今天"),
    "household.registered_too_early": Text(
        en="The registration date is too early; please check the year.",
        zh="登记日期太早，请核对年份"),
    "household.no_member": Text(
        en="Please register at least one member (the head of the household).",
        zh="请至少登记一位成员（户主）"),
    "household.two_heads": Text(
        en="A household can have only one head.",
        zh="一户只能有一位户主"),
    "household.id_number_twice": Text(
        en="The same ID number is entered twice.",
        zh="同一个身份证号登记了两次"),
    "household.name_missing": Text(
        en="Please fill in the name.",
        zh="请填写姓名"),
    "household.id_number_controls": Text(
        en="The ID number holds invisible control characters: please delete them and type "
           "it again.",
        zh="身份证号里有看不见的控制字符，请删掉后重新输入"),
    "household.birth_date_mismatch": Text(
        en="The birth date does not match the ID number (the ID card says {date}).",
        zh="出生日期与身份证号不符（身份证上是{date}）"),
    "household.sex_mismatch": Text(
        en="The sex does not match the ID number (the ID card says {sex}).",
        zh="性别与身份证号不符（身份证上是{sex}）"),
    "household.birth_date_future": Text(
        en="The birth date cannot be after today.",
        zh="出生日期不能晚于今天"),
    "household.birth_date_too_early": Text(
        en="The birth date is too early; please check it.",
        zh="出生日期太早，请核对"),
    "household.id_number_taken": Text(
        en="This ID number is already registered in {where}.",
        zh="这个身份证号已登记在{where}"),
    "household.address_taken": Text(
        en="A household on the ledger already lives at this address (number {id}).",
        zh="这个地址已有在册住户（编号 {id}）"),
    "household.status_same": Text(
        en="This household is already “{status}”.",
        zh="这户已经是“{status}”"),
    "household.reason_missing": Text(
        en="Please give the reason (for example: moved away with their children, died).",
        zh="请写明原因（如：随子女迁往外地、去世）"),
    "household.status_date_future": Text(
        en="The date cannot be after today.",
        zh="日期不能晚于今天"),
    # the parts of a household a conflict account names (services/households.py)
    "household.part_address": Text(en="address", zh="地址"),
    "household.part_phone": Text(en="contact phone", zh="联系电话"),
    "household.part_tier": Text(en="care tier", zh="关爱等级"),
    "household.part_categories": Text(en="care categories", zh="关爱类别"),
    "household.part_notes": Text(en="notes", zh="备注"),
    "household.part_liaison": Text(en="liaison", zh="联户人"),
    "household.part_registered_on": Text(en="registration date", zh="登记日期"),
    "household.part_status": Text(en="status", zh="状态"),
    "household.part_name": Text(en="name", zh="姓名"),
    "household.part_sex": Text(en="sex", zh="性别"),
    "household.part_birth_date": Text(en="birth date", zh="出生日期"),
    "household.part_id_number": Text(en="ID number", zh="身份证号"),
    "household.part_member_phone": Text(en="phone", zh="电话"),
    "household.part_relation": Text(en="relation to the head", zh="与户主关系"),
    "household.part_is_head": Text(en="head of household", zh="户主"),
    "household.part_mobility": Text(en="mobility", zh="行动情况"),
    "household.part_lunar_birthday": Text(en="lunar birthday", zh="农历生日"),
    "household.lunar_birthday_no_date": Text(
        en="A birthday by the lunar calendar needs the birth date (or the ID number).",
        zh="按农历过生日需要填写出生日期（或身份证号）"),
    "household.part_new_member": Text(en="new member {number}", zh="新增成员 {number}"),
    "household.part_member": Text(en="member {number}: {fields}", zh="成员 {number} 的{fields}"),
    # statuses and tiers as words inside a message (domain/vocab_words.py); the Chinese
    # words are the labels of domain/vocab.py, exactly
    "household.status_active": Text(en="on the ledger", zh="在册"),
    "household.status_moved_away": Text(en="moved away", zh="迁出"),
    "household.status_closed": Text(en="closed", zh="注销"),
    "household.tier_priority": Text(en="priority", zh="重点"),
    "household.tier_watch": Text(en="watch", zh="关注"),
    "household.tier_routine": Text(en="routine", zh="一般"),
    "household.sex_male": Text(en="male", zh="男"),
    "household.sex_female": Text(en="female", zh="女"),
    # retention: de-identifying households that left long ago (services/retention.py)
    "household.retention_years_range": Text(
        en="Households that left should be kept between {low} and {high} years",
        zh="迁出或注销住户的保留年限应在{low}到{high}年之间"),
    "household.deidentify_not_allowed": Text(
        en="{name} may not de-identify households: only an administrator may",
        zh="{name} 无权对住户去标识，只有管理员可以操作"),
    "household.deidentify_not_due": Text(
        en="Household(s) {ids} are not due for de-identification (still on the ledger, "
           "left too recently or already de-identified)",
        zh="住户 {ids} 尚不到去标识的时候（仍在册、迁出或注销未满保留年限，或已去标识）"),
    "household.deidentified": Text(
        en="{count} household(s) de-identified", zh="已对 {count} 户去标识"),
    "household.none_due": Text(
        en="No household is due for de-identification (kept {years} years)",
        zh="没有需要去标识的住户（保留 {years} 年）"),
}
