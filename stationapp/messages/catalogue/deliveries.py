"""Message texts of the deliveries area (code → English and Chinese words)."""

from __future__ import annotations

from stationapp.messages.catalogue.text import Text

TEXTS: dict[str, Text] = {
    "delivery.event_not_found": Text(
        en="There is no event number {id}.",
        zh="找不到编号为 {id} 的活动"),
    "delivery.not_found": Text(
        en="There is no delivery numbered {ids}.",
        zh="找不到编号为 {ids} 的配送"),
    "delivery.volunteer_not_found": Text(
        en="There is no volunteer numbered {ids}.",
        zh="找不到编号为 {ids} 的志愿者"),
    "delivery.volunteer_name_not_found": Text(
        en="There is no volunteer called “{name}”.",
        zh="找不到名为“{name}”的志愿者"),
    "delivery.volunteers_inactive": Text(
        en="Volunteer {names} no longer serves and cannot be given deliveries.",
        zh="志愿者{names}已停用，不能再分配配送"),
    "delivery.volunteers_missing": Text(
        en="Choose at least one volunteer.",
        zh="请至少选择一位志愿者"),
    "delivery.household_not_found": Text(
        en="There is no household numbered {ids}.",
        zh="找不到编号为 {ids} 的住户"),
    "delivery.households_missing": Text(
        en="Choose at least one household.",
        zh="请至少选择一户"),
    "delivery.households_inactive": Text(
        en="Only households on the ledger can get deliveries: {households}",
        zh="不在册的住户不能安排配送：{households}"),
    "delivery.households_inactive_more": Text(
        en="Only households on the ledger can get deliveries: {households} and others, "
           "{count} households in all",
        zh="不在册的住户不能安排配送：{households} 等 {count} 户"),
    "delivery.lines_missing": Text(
        en="Choose at least one item.",
        zh="请至少选择一种物品"),
    "delivery.item_unknown": Text(
        en="This item is not in the item catalogue.",
        zh="物品目录里没有这种物品"),
    "delivery.item_inactive": Text(
        en="The item “{item}” is no longer used; choose another item.",
        zh="物品“{item}”已停用，请换一种物品"),
    "delivery.item_twice": Text(
        en="The item “{item}” is chosen twice; make it one line.",
        zh="物品“{item}”选了两次，请合并为一行"),
    "delivery.quantity_too_small": Text(
        en="The quantity must be at least 1.",
        zh="数量至少为 1"),
    "delivery.planned_meanwhile": Text(
        en="Another computer has just planned the same items for these households. "
           "Refresh and try again.",
        zh="别的电脑刚刚也为这些住户安排了同样的物品，请刷新后再试。"),
    "delivery.changed_meanwhile": Text(
        en="Someone else has just changed this delivery. Refresh and try again.",
        zh="这条配送刚被别人修改过，请刷新后再试。"),
    "delivery.time_in_future": Text(
        en="The time cannot be later than now.",
        zh="时间不能晚于现在"),
    "delivery.time_before_event": Text(
        en="The time cannot be before the event starts ({starts}).",
        zh="时间不能早于活动开始时间（{starts}）"),
    "delivery.outcome_missing": Text(
        en="Choose what happened: delivered, not at home, refused, wrong address or "
           "cancelled.",
        zh="请选择配送结果：已送达、不在家、拒收、地址有误或取消"),
    "delivery.household_note_empty": Text(
        en="Type what to add to the household's notes.",
        zh="请填写要记到住户备注里的内容"),
    "delivery.household_note_too_long": Text(
        en="The household's notes hold at most {limit} characters and this note would "
           "pass that (it can have at most {room} characters). Shorten the note, or tidy "
           "the notes in the household's record first.",
        zh="住户备注最多 {limit} 个字，加上这条就超过了（这条最多还能写 {room} 个字）。"
           "请把这条写短些，或先在住户信息里整理备注。"),
    "delivery.household_notes_full": Text(
        en="The household's notes are close to their limit of {limit} characters and "
           "cannot take this note. Tidy the notes in the household's record first.",
        zh="住户备注已接近 {limit} 个字的上限，记不下这条了。请先在住户信息里整理备注。"),
    "delivery.household_changed_meanwhile": Text(
        en="Someone else has just changed this household. Refresh and try again.",
        zh="这户信息刚被别人修改过，请刷新后再试。"),
}
