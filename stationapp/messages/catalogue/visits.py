"""Message texts of the visits area (code → English and Chinese words)."""

from __future__ import annotations

from stationapp.messages.catalogue.text import Text

TEXTS: dict[str, Text] = {
    "visit.conflict": Text(
        en="Someone else has just changed this visit record. Close it and open it again "
           "before changing it.",
        zh="这条走访记录刚被别人修改过，请关闭后重新打开再改。"),
    "visit.not_found": Text(
        en="There is no visit record number {id}.",
        zh="找不到编号为 {id} 的走访记录"),
    "visit.finding_unknown": Text(
        en="The findings contain a topic or level that is not known; please choose again.",
        zh="走访内容里有不认识的项目或情况，请重新选择"),
    "visit.finding_twice": Text(
        en="“{topic}” is entered twice; please make it one entry.",
        zh="“{topic}”记了两次，请合并成一条"),
    "visit.finding_note_label": Text(
        en="{field} on {topic}",
        zh="“{topic}”的{field}"),
    "visit.topic_health": Text(en="Health", zh="身体状况"),
    "visit.topic_mood": Text(en="Mood", zh="精神状态"),
    "visit.topic_gas": Text(en="Gas safety", zh="燃气安全"),
    "visit.topic_water": Text(en="Water safety", zh="用水安全"),
    "visit.topic_heating": Text(en="Heating", zh="供暖"),
    "visit.topic_electricity": Text(en="Electrical safety", zh="用电安全"),
    "visit.topic_hygiene": Text(en="Hygiene", zh="卫生状况"),
    "visit.topic_living": Text(en="Living conditions", zh="居住环境"),
    "visit.topic_family": Text(en="Family support", zh="家庭支持"),
    "visit.topic_needs": Text(en="Service needs", zh="服务需求"),
    "visit.household_left": Text(
        en="This household is {status}: no more visits can be recorded for it.",
        zh="这户已{status}，不能再登记走访"),
    "visit.other_household": Text(
        en="A visit record cannot be moved to another household.",
        zh="走访记录不能改到另一户名下"),
    "visit.date_future": Text(
        en="The visit date cannot be after today.",
        zh="走访日期不能晚于今天"),
    "visit.date_too_early": Text(
        en="The visit date is too early; please check the year.",
        zh="走访日期太早，请核对年份"),
    "visit.method_missing": Text(
        en="Please choose how the visit was made (home, phone or video).",
        zh="请选择走访方式（上门、电话或视频）"),
    "visit.request_category_missing": Text(
        en="Please choose a request category.",
        zh="请选择诉求类别"),
    "visit.request_category_unknown": Text(
        en="There is no request category “{category}”.",
        zh="没有“{category}”这个诉求类别"),
    "visit.request_category_inactive": Text(
        en="The request category “{category}” is no longer in use.",
        zh="诉求类别“{category}”已停用"),
    "visit.request_description_missing": Text(
        en="Please describe what needs to be done.",
        zh="请写明要办的事"),
    "visit.reminder_before_visit": Text(
        en="The reminder date cannot be before the visit date.",
        zh="提醒日期不能早于走访日期"),
    "visit.reminder_too_far": Text(
        en="The reminder date is too far ahead (it should be within a year of the visit).",
        zh="提醒日期太远了（应在走访后一年之内）"),
    "visit.reminder_text_missing": Text(
        en="Please write what is to be done then.",
        zh="请写明到时要做什么"),
    "visit.follow_up_kind_missing": Text(
        en="Please choose whether to open a request or set a dated reminder.",
        zh="请选择转为诉求还是定期提醒"),
    "visit.reminder_date_too_early": Text(
        en="The reminder date is too early; please check the year.",
        zh="提醒日期太早，请核对年份"),
    "visit.reminder_not_found": Text(
        en="There is no reminder number {id}.",
        zh="找不到编号为 {id} 的提醒"),
    "visit.reminder_done_already": Text(
        en="This reminder was already done by {who} on {when}.",
        zh="这条提醒已由{who}在{when}办完了。"),
    "visit.someone_else": Text(en="someone else", zh="别人"),
    # the role of a person picked from the roll (common.pick_from_roll's {what})
    "visit.role_assignee": Text(en="person in charge", zh="经办人"),
    "visit.role_visitor": Text(en="visitor", zh="走访人"),
    "visit.reminder_conflict": Text(
        en="Someone else has just changed this reminder; please refresh and look again.",
        zh="这条提醒刚被别人改过，请刷新后再看。"),
}
