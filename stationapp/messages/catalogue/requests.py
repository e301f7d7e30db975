"""Message texts of the requests area (code → English and Chinese words)."""

from __future__ import annotations

from stationapp.messages.catalogue.text import Text

TEXTS: dict[str, Text] = {
    "request.numbered": Text(en="Request {id}", zh="编号 {id} 的诉求"),
    "request.conflict": Text(
        en="Someone else has just changed this request: please close it and open it again "
           "before changing it.",
        zh="这条诉求刚被别人修改过，请关闭后重新打开再改。"),
    "request.see_latest_hint": Text(
        en="Please look at the latest state before recording this step.",
        zh="请看过最新情况后再记这一步。"),
    "request.not_found": Text(en="No request with number {id}", zh="找不到编号为 {id} 的诉求"),
    "request.visit_not_found": Text(
        en="No visit record with number {id}", zh="找不到编号为 {id} 的走访记录"),
    # categories
    "request.category_name_missing": Text(
        en="Please fill in the request category's name", zh="请填写诉求类别名称"),
    "request.category_not_found": Text(
        en="There is no request category called “{name}”", zh="没有名为“{name}”的诉求类别"),
    "request.category_taken": Text(
        en="There is already a request category called “{name}”",
        zh="已有名为“{name}”的诉求类别"),
    "request.category_taken_inactive": Text(
        en="There is already a request category called “{name}” (it is switched off and "
           "can be switched on again)",
        zh="已有名为“{name}”的诉求类别（已停用，可以重新启用）"),
    # the form
    "request.assignee_from_list": Text(
        en="Please choose the person responsible from the staff and volunteers",
        zh="请从工作人员和志愿者名单中选择负责人"),
    "request.assignee_inactive": Text(
        en="{name} is switched off: please choose another person responsible",
        zh="{name}已停用，请选择其他负责人"),
    "request.household_missing": Text(en="Please choose a household", zh="请选择住户"),
    "request.household_left": Text(
        en="This household is {status}: no more requests can be recorded for it",
        zh="这户已{status}，不能再登记诉求"),
    "request.category_missing": Text(
        en="Please choose a request category", zh="请选择诉求类别"),
    "request.category_unknown": Text(
        en="There is no request category “{name}”: please choose one from the list",
        zh="没有“{name}”这个诉求类别，请从列表中选择"),
    "request.category_inactive": Text(
        en="The request category “{name}” is switched off: please choose another one",
        zh="诉求类别“{name}”已停用，请选择其他类别"),
    "request.description_missing": Text(
        en="Please describe the request", zh="请填写诉求内容"),
    "request.channel_missing": Text(
        en="Please fill in how the request came in (e.g. by phone, in person)",
        zh="请填写受理渠道（如：电话、上门反映）"),
    "request.received_in_future": Text(
        en="The time received cannot be later than now", zh="受理时间不能晚于现在"),
    "request.received_too_early": Text(
        en="The time received is wrong: please check the year", zh="受理时间不对，请核对年份"),
    "request.received_after_steps": Text(
        en="The time received cannot be later than the steps that followed ({when})",
        zh="受理时间不能晚于后面的办理步骤（{when}）"),
    "request.assignee_by_assigning": Text(
        en="Change the person responsible with “Assign”, so that the change is kept",
        zh="更换负责人请用“派单”，这样改派会留下记录"),
    # steps
    "request.transition": Text(
        en="This request cannot go from “{current}” to “{target}”: {hint}",
        zh="这条诉求不能从“{current}”改为“{target}”：{hint}"),
    "request.transition_finished": Text(
        en="a request called back is finished", zh="已回访的诉求已经结束"),
    "request.transition_received_once": Text(
        en="it is received only once, when it is recorded", zh="受理只在登记时记一次"),
    "request.transition_resolve_first": Text(
        en="it must be resolved before the call-back", zh="要先办结，才能回访"),
    "request.transition_reopen": Text(
        en="when the call-back finds the problem unsolved, set it back to “{status}”",
        zh="回访发现问题没解决的，请改回“{status}”"),
    "request.transition_already": Text(
        en="it is “{status}” already", zh="已经是“{status}”了"),
    "request.when_in_future": Text(
        en="The time cannot be later than now", zh="时间不能晚于现在"),
    "request.when_before_previous": Text(
        en="The time cannot be earlier than the previous step ({when})",
        zh="时间不能早于上一步（{when}）"),
    "request.assignee_missing": Text(
        en="Please choose the person responsible to assign it to", zh="派单请选择负责人"),
    "request.assignee_same": Text(
        en="It is assigned to {name} already: choose someone else to reassign it",
        zh="已经派给{name}了，改派请选择另一位"),
    "request.assignee_only_when_assigning": Text(
        en="The person responsible is chosen only when assigning",
        zh="负责人只在派单时指定"),
    "request.resolution_missing": Text(
        en="Please describe how it was resolved", zh="请填写办结情况（怎么解决的）"),
    "request.satisfaction_missing": Text(
        en="Please choose how satisfied the resident was at the call-back",
        zh="请选择回访时居民的满意程度"),
    "request.reopen_note_missing": Text(
        en="Please write what the call-back found (why it needs more work)",
        zh="请写明回访发现的问题（为什么要继续处理）"),
    # statuses as words inside a message (domain/vocab_words.py); the Chinese words are
    # the labels of domain/care_vocab.py, exactly
    "request.status_received": Text(en="received", zh="受理"),
    "request.status_assigned": Text(en="assigned", zh="派单"),
    "request.status_in_progress": Text(en="in progress", zh="处理中"),
    "request.status_resolved": Text(en="resolved", zh="已办结"),
    "request.status_confirmed": Text(en="called back", zh="已回访"),
}
