"""Message texts of the volunteers area (code → English and Chinese words)."""

from __future__ import annotations

from stationapp.messages.catalogue.text import Text

TEXTS: dict[str, Text] = {
    "volunteer.numbered": Text(en="Volunteer {id}", zh="编号 {id} 的志愿者"),
    "volunteer.conflict": Text(
        en="Someone else has just changed this volunteer's details: please close them and "
           "open them again before changing them.",
        zh="这位志愿者的信息刚被别人修改过，请关闭后重新打开再改。"),
    "volunteer.not_found": Text(
        en="No volunteer with number {id}", zh="找不到编号为 {id} 的志愿者"),
    "volunteer.name_missing": Text(
        en="Please fill in the volunteer's name", zh="请填写志愿者姓名"),
    "volunteer.skills_too_long": Text(
        en="Too many skills written (at most {limit} characters in all)",
        zh="特长写得太多了（合计最多 {limit} 个字）"),
    "volunteer.skills_controls": Text(
        en="The skills hold invisible control characters: please delete them and type "
           "them again",
        zh="特长里有看不见的控制字符，请删掉后重新输入"),
    "volunteer.role_community_missing": Text(
        en="Please fill in the community where they serve as {role}",
        zh="请填写担任{role}的小区"),
    "volunteer.twin": Text(
        en="A volunteer with the same name and phone is already registered (number {id})",
        zh="同名同电话的志愿者已经登记过（编号 {id}）"),
    # the volunteer's identity (services/volunteers.py)
    "volunteer.field_id_type": Text(en="ID type", zh="证件类型"),
    "volunteer.field_id_number": Text(en="ID number", zh="证件号码"),
    "volunteer.field_volunteer_number": Text(en="Volunteer number", zh="志愿者编号"),
    # volunteer hours and certificates (services/service_record.py)
    "volunteer.period_reversed": Text(
        en="The end date cannot be earlier than the start date",
        zh="结束日期不能早于开始日期"),
    "volunteer.hours_range": Text(
        en="Service hours should be between 0 and 24",
        zh="服务时长应在 0 到 24 小时之间"),
    "volunteer.round_in_future": Text(
        en="That day has not come yet: its service hours cannot be recorded",
        zh="还没到这一天，不能登记这天的服务时长"),
    "volunteer.event_not_found": Text(
        en="No event with number {id}", zh="找不到编号为 {id} 的活动"),
    "volunteer.no_hours": Text(
        en="There are no service hours in this period: no certificate can be issued",
        zh="这段时间没有服务时长记录，不能开具证明"),
    "volunteer.certificate_taken": Text(
        en="Certificate number {number} was just used by another computer: please issue it "
           "again (it will get the next number)",
        zh="证明编号 {number} 刚被另一台电脑用了，请再开一次（会用下一个编号）"),
    "volunteer.certificate_not_found": Text(
        en="No certificate with number {number} in the register",
        zh="证明登记簿里没有编号为 {number} 的证明"),
    "volunteer.certificate_changed": Text(
        en="The hours of certificate {number}'s period have changed since it was issued "
           "({kept} hours then, {now} now): please issue a new certificate instead of "
           "reprinting it",
        zh="证明 {number} 开具后，这段时间的服务时长有变动（当时 {kept} 小时，现在 {now} 小时），"
           "请重新开具证明，不要补打"),
    # roles as words inside a message (domain/vocab_words.py); the Chinese words are the
    # labels of domain/care_vocab.py, exactly
    "volunteer.role_supervisor": Text(en="supervisor", zh="监督员"),
    "volunteer.role_liaison": Text(en="liaison", zh="联络员"),
    "volunteer.role_publicist": Text(en="publicist", zh="宣传员"),
}
