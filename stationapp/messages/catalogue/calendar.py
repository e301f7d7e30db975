"""Message texts of the calendar area: festivals, holidays, birthdays, seasonal periods."""

from __future__ import annotations

from stationapp.messages.catalogue.text import Text

TEXTS: dict[str, Text] = {
    "calendar.category_unknown": Text(en="“{text}” is not a care category",
                                      zh="“{text}”不是关爱类别"),
    "calendar.period_name": Text(en="the period's name", zh="走访期名称"),
    "calendar.period_name_missing": Text(
        en="Please name the period (e.g. cold wave, heat wave, Mid-Autumn)",
        zh="请填写走访期名称（如 寒潮、高温、中秋）"),
    "calendar.period_due_days": Text(
        en="The visits must be due within 1 to {most} days", zh="走访期限须在 1 到 {most} 天之间"),
    "calendar.period_no_categories": Text(
        en="Please choose at least one care category", zh="请至少选择一个关爱类别"),
    "calendar.period_ends_before_start": Text(
        en="The period cannot end before it starts", zh="走访期的结束日期不能早于开始日期"),
    "calendar.period_too_long": Text(
        en="A period lasts at most {most} days", zh="一个走访期最长 {most} 天"),
    "calendar.period_not_found": Text(
        en="There is no seasonal period number {id}.", zh="找不到编号为 {id} 的季节性走访期"),
    "calendar.period_added": Text(en="Seasonal period {id} declared.",
                                  zh="已登记季节性走访期（编号 {id}）"),
    "calendar.period_ended": Text(en="Seasonal period {id} ends on {day}.",
                                  zh="季节性走访期（编号 {id}）于 {day} 结束"),
    "calendar.period_deleted": Text(en="Seasonal period {id} deleted.",
                                    zh="已删除季节性走访期（编号 {id}）"),
    "calendar.no_periods": Text(en="No seasonal period has been declared.",
                                zh="还没有登记季节性走访期"),
    "calendar.nothing": Text(en="Nothing on the calendar in these days.",
                             zh="这段日子里没有节日、假日或整寿"),
    "calendar.kind_festival": Text(en="festival", zh="传统节日"),
    "calendar.kind_holiday": Text(en="holiday", zh="法定假日"),
    "calendar.kind_workday": Text(en="workday", zh="调休上班"),
    "calendar.kind_birthday": Text(en="round birthday", zh="整寿"),
    "calendar.kind_solar_term": Text(en="solar term", zh="节气"),
    "calendar.elderly_households": Text(en="{count} households aged 80+",
                                        zh="80 岁以上 {count} 户"),
    "calendar.holiday_days": Text(en="until {end}, days off: {days}", zh="至 {end}，共 {days} 天"),
    "calendar.unconfirmed": Text(en="{what} (by law; this year's arrangement not yet in "
                                    "the holiday file)",
                                 zh="{what}（按法定假日；当年放假安排尚未写入节假日文件）"),
    "calendar.workday_for": Text(en="working day in lieu ({name})", zh="{name}调休上班"),
    "calendar.birthday_solar": Text(en="{address}, turns {age}", zh="{address}，{age} 岁整寿"),
    "calendar.birthday_lunar": Text(en="{address}, turns {age} (lunar birthday)",
                                    zh="{address}，{age} 岁整寿（农历生日）"),
    "calendar.days_out_of_range": Text(
        en="The number of days must be between 1 and {most}.",
        zh="天数须在 1 到 {most} 之间"),
    "calendar.file_bad": Text(
        en="The holiday file {file} cannot be read, line {line}: {problem}. Correct the "
           "file (or move it aside) and try again.",
        zh="节假日文件 {file} 第 {line} 行有误：{problem}。请改正该文件（或将其移走）后重试。"),
    "calendar.file_syntax": Text(en="it is not valid TOML ({detail})",
                                 zh="不是有效的 TOML 格式（{detail}）"),
    "calendar.file_unknown_sections": Text(
        en="unknown section(s) {names}; only [[holiday]] and [[workday]] are allowed",
        zh="有不认识的段落 {names}，只能写 [[holiday]] 和 [[workday]]"),
    "calendar.file_use_tables": Text(en="write each {kind} as a [[{kind}]] table",
                                     zh="每个 {kind} 请写成 [[{kind}]] 段落"),
    "calendar.file_unknown_keys": Text(
        en="unknown key(s) {keys}; use name, date, from, to",
        zh="有不认识的项 {keys}，只能写 name、date、from、to"),
    "calendar.file_name_missing": Text(en="the name is missing", zh="缺少名称（name）"),
    "calendar.file_date_or_range": Text(
        en="give either date, or from and to, not both",
        zh="请只写 date，或只写 from 和 to，不要同时写"),
    "calendar.file_date_missing": Text(
        en="the date (or from and to) is missing", zh="缺少日期（date，或 from 和 to）"),
    "calendar.file_not_a_date": Text(
        en="“{value}” is not a date like 2027-02-05",
        zh="“{value}”不是日期，应写成 2027-02-05 这样"),
    "calendar.file_to_before_from": Text(en="“to” is before “from”",
                                         zh="结束日期（to）早于开始日期（from）"),
    "calendar.file_too_long": Text(en="a holiday lasts at most a month",
                                   zh="一个假期最长一个月"),
    "calendar.file_workday_range": Text(en="a workday takes a single date",
                                        zh="调休上班日只写一个日期（date）"),
    "calendar.file_day_twice": Text(en="{date} is also given on line {line}",
                                    zh="{date} 在第 {line} 行已经写过"),
}
