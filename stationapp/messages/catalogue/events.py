"""Message texts of the events area (code → English and Chinese words)."""

from __future__ import annotations

from stationapp.messages.catalogue.text import Text

TEXTS: dict[str, Text] = {
    "event.not_found": Text(en="There is no event number {id}.", zh="找不到编号为 {id} 的活动"),
    "event.what": Text(en="Event number {id}", zh="编号 {id} 的活动"),
    "event.changed_meanwhile": Text(
        en="Someone else has just changed this event. Close it and open it again to make "
           "your changes.",
        zh="这条活动记录刚被别人修改过，请关闭后重新打开再改。"),
    "event.title_missing": Text(en="Please enter the event's title", zh="请填写活动名称"),
    "event.type_missing": Text(en="Please choose the type of event", zh="请选择活动类型"),
    "event.type_inactive": Text(
        en="The event type “{name}” is no longer in use; please choose another type",
        zh="活动类型“{name}”已停用，请选择其他类型"),
    "event.year_out_of_range": Text(
        en="The event's date looks wrong; please check the year",
        zh="活动日期不对，请核对年份"),
    "event.ends_before_start": Text(
        en="The end cannot be earlier than the start", zh="结束时间不能早于开始时间"),
    "event.participants_negative": Text(
        en="The number of participants cannot be negative", zh="参加人数不能是负数"),
    "event.participants_too_many": Text(
        en="The number of participants is too large; please check it",
        zh="参加人数太大，请核对"),
    "event.item_missing": Text(
        en="Please choose an item from the catalogue", zh="请从物品目录中选择物品"),
    "event.item_twice": Text(
        en="“{name}” is on two lines; please merge them into one",
        zh="“{name}”记了两行，请合并成一行"),
    "event.item_inactive": Text(
        en="The item “{name}” is no longer in use", zh="物品“{name}”已停用"),
    "event.quantity_negative": Text(
        en="The quantity handed out cannot be negative", zh="发放数量不能是负数"),
    "event.quantity_too_large": Text(
        en="The quantity handed out is too large; please check it",
        zh="发放数量太大，请核对"),
    "event.volunteer_missing": Text(
        en="Please choose a volunteer from the roll", zh="请从志愿者名册中选择志愿者"),
    "event.volunteer_twice": Text(
        en="The same volunteer is listed twice; please add the hours together",
        zh="同一位志愿者记了两次，请合并服务时长"),
    "event.hours_out_of_range": Text(
        en="Hours served must be between 0 and {most}",
        zh="服务时长应在 0 到 {most} 小时之间"),
    "event.field_summary": Text(en="Summary", zh="活动小结"),
    "event.field_caption": Text(en="Photo caption", zh="照片说明"),
    "event.summary_saved": Text(
        en="The summary of event {id} is saved.", zh="活动 {id} 的小结已保存。"),
    "event.photo_limit": Text(
        en="An event can have at most {limit} photos; remove one first",
        zh="每个活动最多 {limit} 张照片，请先删除一张"),
    "event.photo_unreadable": Text(
        en="“{name}” is not a photo the program can read (JPEG, PNG …)",
        zh="“{name}”不是能读取的照片（JPEG、PNG 等）"),
    "event.photo_not_found": Text(
        en="There is no photo number {id}.", zh="找不到编号为 {id} 的照片"),
    "event.photo_added": Text(
        en="Photo {id} added to event {event} ({count} of at most {limit}).",
        zh="已为活动 {event} 添加照片 {id}（第 {count} 张，最多 {limit} 张）。"),
    "event.photo_removed": Text(en="Photo {id} removed.", zh="已删除照片 {id}。"),
    "event.no_photos": Text(en="Event {id} has no photos.", zh="活动 {id} 没有照片。"),
    "event.file_missing": Text(en="There is no file “{path}”", zh="找不到文件“{path}”"),
    "event.summary_file_unreadable": Text(
        en="“{path}” is not a UTF-8 text file", zh="“{path}”不是 UTF-8 编码的文本文件"),
}
