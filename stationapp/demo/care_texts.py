"""What the care demo writes and how often: the tunables and seed tables of
:mod:`stationapp.demo.care` (visitors' notes, residents' problems, weights, seasons)."""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Sequence
from datetime import date
from typing import Generic, TypeVar

from stationapp.domain.care_vocab import Satisfaction, VisitMethod, VisitTopic
from stationapp.domain.vocab import CareTier

_ACTOR = "demo"
T = TypeVar("T")

_WINDOW_DAYS = 122
"""Visits and requests cover about four months before ``today``."""
_DEFAULT_HOUSEHOLDS = 1300
_LOAD = (25, 45)
"""Households per liaison on the default ledger; a bigger ledger loads each one more."""
_MAX_LOAD_FACTOR = 3.0
_ROUTINE_WITH_LIAISON = 0.85
_REQUESTS_PER_HOUSEHOLD = 0.085
"""Requests received in the window per active household (besides those from visits)."""

_STAFF: tuple[tuple[str, str], ...] = (
    ("陈晓燕", "服务社工作人员，负责走访台账"),
    ("张立新", "服务社工作人员，负责诉求派单和回访"),
    ("孙丽娟", "服务社工作人员，负责志愿者和活动"),
    ("高文杰", "服务社工作人员（社工）"),
)
_MOBILE_PREFIXES: tuple[str, ...] = (
    "133", "135", "136", "137", "138", "139", "150", "151", "152", "158", "159",
    "186", "187", "188", "189",
)
_HEATING_WORKER = "吴银山"
_SUPERVISOR_OF_DONGXU = "郝德明"


class _Weighted(Generic[T]):
    """Values with weights, picked with one ``rng.random()`` and a bisection."""

    def __init__(self, pairs: Sequence[tuple[T, float]]) -> None:
        self.values = tuple(v for v, _ in pairs)
        self.cum = tuple(itertools.accumulate(w for _, w in pairs))

    def pick(self, rng: random.Random) -> T:
        k = bisect.bisect_right(self.cum, rng.random() * self.cum[-1])
        return self.values[min(k, len(self.values) - 1)]


# --- what visitors write -------------------------------------------------------------------

_METHODS: dict[CareTier, _Weighted[VisitMethod]] = {
    CareTier.PRIORITY: _Weighted([(VisitMethod.HOME, 0.55), (VisitMethod.PHONE, 0.38),
                                  (VisitMethod.VIDEO, 0.07)]),
    CareTier.WATCH: _Weighted([(VisitMethod.HOME, 0.72), (VisitMethod.PHONE, 0.23),
                               (VisitMethod.VIDEO, 0.05)]),
    CareTier.ROUTINE: _Weighted([(VisitMethod.HOME, 0.82), (VisitMethod.PHONE, 0.15),
                                 (VisitMethod.VIDEO, 0.03)]),
}

_OPENERS: dict[VisitMethod, tuple[str, ...]] = {
    VisitMethod.HOME: ("上门走访", "入户看望", "到家中看望", "上门看望老人", "入户走访"),
    VisitMethod.PHONE: ("电话问候", "打电话询问近况", "电话联系", "电话问候老人"),
    VisitMethod.VIDEO: ("与老人视频通话", "视频问候", "和老人视频聊了一会儿"),
}
_ALL_WELL: tuple[str, ...] = (
    "老人身体硬朗，精神头不错，聊了聊家常。",
    "老人说一切都好，不用挂念。",
    "老两口身体都还好，说有事会打电话。",
    "老人说最近吃得好睡得香。",
    "老人精神不错，一切正常。",
    "提醒老人防范电信诈骗，陌生电话不要转账。",
    "叮嘱按时吃药，有事随时打电话。",
)
_ALL_WELL_HOME: tuple[str, ...] = (
    "家里收拾得干净利索，老人说一切都好。",
    "帮老人看了看燃气阀门和电源插座，没有问题。",
    "陪老人坐了一会儿，说了说小区里的新鲜事。",
    "老人在家看电视，精神挺好。",
)
_ALL_WELL_WINTER: tuple[str, ...] = (
    "叮嘱天冷注意保暖，出门当心路滑。",
    "提醒用电取暖时注意安全，人走断电。",
)
_ALL_WELL_HEATED: tuple[str, ...] = (
    "暖气很热，室温二十度以上，老人说屋里暖和。",
    "暖气正常，屋里暖和，老人挺满意。",
)
_ALL_WELL_OR_WINTER = _ALL_WELL + _ALL_WELL_WINTER
_ALL_WELL_OR_HOME = _ALL_WELL + _ALL_WELL_HOME
_AFTER_CONCERN: tuple[str, ...] = (
    "已叮嘱家属留意。",
    "下次走访再看看。",
    "已提醒老人注意。",
)
_AFTER_REQUEST = "已登记诉求，请人上门处理。"
_AFTER_REMINDER = "已记下，过几天再来看看。"

_OK_NOTES: dict[VisitTopic, tuple[str, ...]] = {
    VisitTopic.HEALTH: ("身体还好", "血压平稳", "能自己下楼散步", "饭量正常"),
    VisitTopic.MOOD: ("精神不错", "心情挺好，爱聊天", "说话有精神"),
    VisitTopic.GAS: ("燃气阀门、软管正常", "用完燃气会关阀"),
    VisitTopic.WATER: ("水管、水龙头无渗漏",),
    VisitTopic.ELECTRICITY: ("用电正常", "插座、电线无老化"),
    VisitTopic.HYGIENE: ("家里收拾得干净",),
    VisitTopic.LIVING: ("居住环境整洁", "楼道通畅"),
    VisitTopic.FAMILY: ("子女常打电话", "女儿每周来看望", "儿子住得近，常回来"),
    VisitTopic.NEEDS: ("暂无需求",),
}
_HEATING_OK_IN_SEASON: tuple[str, ...] = (
    "暖气正常，室温二十度左右", "暖气片烫手，屋里暖和", "室温二十一二度",
)
_HEATING_OK_BEFORE_SEASON: tuple[str, ...] = (
    "供暖前检查了暖气片和阀门", "阀门已打开，等待供暖",
)
_CONCERN_NOTES: dict[VisitTopic, tuple[str, ...]] = {
    VisitTopic.HEALTH: ("血压偏高，嘱按时服药", "腿疼加重，走路吃力", "感冒咳嗽，已提醒就医",
                        "血糖控制得不好", "最近睡眠不好"),
    VisitTopic.MOOD: ("独居，话少，情绪有些低落", "老伴去世后常说孤单", "想念外地的子女",
                      "一个人在家闷得慌"),
    VisitTopic.GAS: ("燃气软管老化，建议更换", "灶具没有熄火保护，已提醒用后关阀",
                     "没装燃气报警器"),
    VisitTopic.WATER: ("厨房水龙头滴水", "卫生间下水不畅"),
    VisitTopic.ELECTRICITY: ("插线板老化，电线乱拉", "电热毯用的年头太长，已提醒更换"),
    VisitTopic.HYGIENE: ("屋里杂物较多", "卫生较差，建议联系家政"),
    VisitTopic.LIVING: ("楼道灯不亮", "卫生间地面湿滑，建议装扶手"),
    VisitTopic.FAMILY: ("子女很少回来", "子女在外地，联系不多"),
    VisitTopic.NEEDS: ("希望有人帮忙代买米面", "想申请助餐服务", "需要帮忙办医保报销"),
}
_HEATING_CONCERN_IN_SEASON: tuple[str, ...] = (
    "暖气不热，室温十六七度", "暖气片上热下凉", "暖气片有异响", "阀门处有点渗水",
)
_HEATING_CONCERN_BEFORE_SEASON: tuple[str, ...] = (
    "暖气片试水时阀门渗水", "暖气阀门拧不动",
)
_URGENT: dict[VisitTopic, tuple[str, ...]] = {
    VisitTopic.GAS: ("进门闻到燃气味，已关阀开窗并通知燃气公司",),
    VisitTopic.HEALTH: ("老人摔倒后腿疼得厉害，已联系家属送医",),
    VisitTopic.HEATING: ("暖气管道漏水，地上积水",),
}
_REMINDER_TEXTS: dict[VisitTopic, tuple[str, ...]] = {
    VisitTopic.HEALTH: ("再打电话问问血压情况", "问问看病的结果"),
    VisitTopic.MOOD: ("过几天再去陪老人说说话", "周末再打个电话问候"),
    VisitTopic.GAS: ("看看燃气软管换了没有", "问问燃气报警器装上没有"),
    VisitTopic.WATER: ("看看水龙头修好没有",),
    VisitTopic.HEATING: ("再看看暖气热不热", "回访暖气温度"),
    VisitTopic.ELECTRICITY: ("看看插线板换了没有",),
    VisitTopic.HYGIENE: ("问问家政上门没有",),
    VisitTopic.LIVING: ("问问物业修好没有",),
    VisitTopic.FAMILY: ("联系一下老人的子女",),
    VisitTopic.NEEDS: ("问问助餐服务办下来没有", "帮老人问问医保报销材料"),
}
_FOLLOW_UP_RESOLUTIONS: dict[VisitTopic, str] = {
    VisitTopic.HEALTH: "联系社区卫生服务站医生上门看过，已开药",
    VisitTopic.MOOD: "联系了外地的子女，安排志愿者常来陪老人说说话",
    VisitTopic.GAS: "燃气公司上门检查，更换了老化的软管",
    VisitTopic.WATER: "维修人员上门修好",
    VisitTopic.HEATING: "排气、调开阀门后暖气正常，室温二十度以上",
    VisitTopic.ELECTRICITY: "更换了老化的插线板，整理了电线",
    VisitTopic.HYGIENE: "联系家政上门打扫，以后每两周来一次",
    VisitTopic.LIVING: "物业已修好",
    VisitTopic.FAMILY: "已和子女通了电话，约好常回来看看",
    VisitTopic.NEEDS: "已安排志愿者上门帮忙办理",
}
_REQUEST_SHARE: dict[VisitTopic, float] = {
    VisitTopic.HEALTH: 0.3, VisitTopic.MOOD: 0.0, VisitTopic.FAMILY: 0.0, VisitTopic.NEEDS: 0.5,
}
"""How often a concern that needs follow-up becomes a request rather than a reminder."""
_TOPIC_CATEGORY: dict[VisitTopic, str] = {
    VisitTopic.HEALTH: "医疗", VisitTopic.MOOD: "生活照料", VisitTopic.GAS: "燃气",
    VisitTopic.WATER: "水电", VisitTopic.HEATING: "供暖", VisitTopic.ELECTRICITY: "水电",
    VisitTopic.HYGIENE: "生活照料", VisitTopic.LIVING: "房屋", VisitTopic.FAMILY: "生活照料",
    VisitTopic.NEEDS: "生活照料",
}

# --- what residents report and how it ended -------------------------------------------------

_PROBLEMS: dict[str, tuple[tuple[str, str], ...]] = {
    "供暖": (
        ("暖气不热，室温只有十几度", "排气阀排气后暖气恢复正常，室温二十度以上"),
        ("暖气片上热下凉，屋里冷", "冲洗暖气片除垢，疏通后温度回升"),
        ("卧室暖气片不热，客厅正常", "卧室支管阀门没开到位，调开后温度正常"),
        ("暖气阀门漏水，地上湿了一片", "更换阀门密封垫，已不漏水"),
        ("暖气片有异响，晚上睡不着", "系统排气后异响消失"),
        ("家里暖气一直不热，楼上邻居家很热", "楼栋暖网调试，调整平衡阀后温度正常"),
    ),
    "水电": (
        ("厨房水龙头关不严，一直滴水", "更换水龙头阀芯，已不滴水"),
        ("卫生间下水堵了", "疏通下水管道，已畅通"),
        ("屋里突然停电，空开跳闸推不上去", "查出电热水壶漏电，更换后恢复供电"),
        ("楼道灯坏了，晚上上下楼看不见", "更换楼道感应灯"),
        ("水管接头渗水", "重新缠生料带紧固接头，已不渗水"),
        ("插座冒火花，不敢用", "更换老化插座，提醒不要同时用大功率电器"),
    ),
    "燃气": (
        ("燃气灶打不着火", "更换灶具电池并清理点火针，已正常点火"),
        ("燃气软管老化开裂", "联系燃气公司更换金属波纹管"),
        ("家里有燃气味", "燃气公司上门检测，紧固表前阀接口，检测无泄漏"),
        ("想安装燃气报警器", "协调燃气公司免费安装燃气报警器"),
    ),
    "房屋": (
        ("顶楼屋顶漏雨，卧室墙皮脱落", "物业做了屋面防水，修补了墙面"),
        ("单元门锁坏了，关不上", "物业更换单元门锁"),
        ("窗户关不严，漏风", "更换窗户密封条"),
        ("楼梯扶手松动，老人上下楼不安全", "物业加固了楼梯扶手"),
    ),
    "生活照料": (
        ("老人行动不便，想请人帮忙代买米面油", "联户人每周代买一次，已安排"),
        ("想申请老年助餐服务", "已办理助餐卡，每天中午送餐上门"),
        ("老伴住院，家里没人照看", "安排志愿者每天上门看望，帮着做饭"),
        ("需要有人帮忙打扫卫生", "联系家政服务，每两周上门一次"),
    ),
    "医疗": (
        ("老人腿脚不便，想请医生上门量血压", "社区卫生服务站医生上门测量，建立随访档案"),
        ("想办理家庭医生签约", "已联系社区卫生服务站完成签约"),
        ("慢性病的药吃完了，行动不便取不了药", "志愿者代取药品送到家"),
    ),
    "政策咨询": (
        ("咨询高龄津贴怎么申请", "讲解申请条件和所需材料，已协助提交申请"),
        ("咨询低保户供暖费减免政策", "讲解减免办法，已协助提交申请"),
        ("咨询医保报销需要哪些材料", "讲解报销流程和材料清单"),
        ("咨询老年证怎么办理", "告知办理地点和所需材料"),
    ),
    "其他": (
        ("楼下有人私接供暖管线", "通知热力大队，私接的管线已拆除"),
        ("楼道里堆放杂物，影响通行", "联系物业清理了楼道"),
        ("小区路灯不亮", "联系物业修好了路灯"),
    ),
}
_RESOLVE_HOURS: dict[str, tuple[float, float]] = {
    "供暖": (3, 60), "水电": (2, 40), "燃气": (1, 24), "房屋": (24, 200),
    "生活照料": (4, 72), "医疗": (4, 96), "政策咨询": (1, 120), "其他": (4, 96),
}
_PROGRESS_NOTES: dict[str, tuple[str, ...]] = {
    "供暖": ("已上门查看", "正在排查楼栋管网"),
    "水电": ("已上门查看", "配件已订，等到货"),
    "燃气": ("已联系燃气公司", "已上门查看"),
    "房屋": ("已联系物业", "物业已来看过，等施工"),
    "生活照料": ("已联系老人家属", "正在联系服务人员"),
    "医疗": ("已联系社区卫生服务站",),
    "政策咨询": ("正在核实政策",),
    "其他": ("已联系物业", "已上门查看"),
}
_CHANNELS = _Weighted([("电话", 0.48), ("上门反映", 0.2), ("微信", 0.14),
                       ("网格员转办", 0.13), ("其他", 0.05)])
_SATISFACTION = _Weighted([(Satisfaction.SATISFIED, 0.85), (Satisfaction.BASICALLY, 0.12),
                           (Satisfaction.UNSATISFIED, 0.03)])
_AFTER_REOPEN = _Weighted([(Satisfaction.SATISFIED, 0.3), (Satisfaction.BASICALLY, 0.6),
                           (Satisfaction.UNSATISFIED, 0.1)])
_CALLBACK_NOTES: dict[Satisfaction, tuple[str, ...]] = {
    Satisfaction.SATISFIED: ("电话回访，问题解决了，老人很满意", "回访时老人连声道谢",
                             "上门回访，一切正常，表示满意", "电话回访，家属说处理得及时"),
    Satisfaction.BASICALLY: ("问题解决了，但觉得等的时间有点长", "基本解决，还要再观察几天"),
    Satisfaction.UNSATISFIED: ("老人觉得处理太慢，已向负责人反映", "问题反复出现，老人不太满意"),
}


def _heating_season(day: date) -> bool:
    """Whether ``day`` falls in 东营's heating season (15 November to 15 March)."""
    return (day.month, day.day) >= (11, 15) or (day.month, day.day) <= (3, 15)


def _before_season(day: date) -> bool:
    """The month before the heating season, when radiators are checked and filled."""
    return (day.month, day.day) >= (10, 15) and not _heating_season(day)
