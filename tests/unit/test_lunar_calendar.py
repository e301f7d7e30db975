"""The Chinese calendar pinned on known dates: festivals, solar terms, statutory holidays,
the station's holiday file and the rules of round-number birthdays (整寿)."""

from __future__ import annotations

from datetime import date

import pytest

from stationapp.domain import lunar_calendar
from stationapp.domain.holidays import (
    HOLIDAY,
    WORKDAY,
    HolidayFileError,
    days_off_between,
    days_off_of_year,
    parse_holiday_file,
)
from stationapp.domain.lunar_calendar import (
    AgeCounting,
    birthdays_between,
    festival_date,
    festivals_between,
    is_round_age,
    lunar_birth,
    lunar_text,
    nearest_festival,
    round_birthdays_between,
    solar_birthday,
    solar_terms_between,
)


@pytest.mark.parametrize(("name", "lunar_year", "day"), [
    ("重阳节", 2026, date(2026, 10, 18)),
    ("重阳节", 2027, date(2027, 10, 8)),
    ("春节", 2027, date(2027, 2, 6)),
    ("春节", 2026, date(2026, 2, 17)),
    ("中秋节", 2026, date(2026, 9, 25)),
    ("端午节", 2026, date(2026, 6, 19)),
    ("元宵节", 2027, date(2027, 2, 20)),
    ("除夕", 2026, date(2027, 2, 5)),
])
def test_festival_dates(name: str, lunar_year: int, day: date) -> None:
    assert festival_date(name, lunar_year) == day


def test_festivals_between_in_order_with_lunar_text() -> None:
    found = festivals_between(date(2026, 9, 20), date(2027, 2, 21))
    assert [(f.date, f.name, f.lunar) for f in found] == [
        (date(2026, 9, 25), "中秋节", "八月十五"),
        (date(2026, 10, 18), "重阳节", "九月初九"),
        (date(2026, 12, 22), "冬至节", "十一月十四"),
        (date(2027, 1, 15), "腊八节", "十二月初八"),
        (date(2027, 2, 5), "除夕", "十二月廿九"),
        (date(2027, 2, 6), "春节", "正月初一"),
        (date(2027, 2, 20), "元宵节", "正月十五"),
    ]


def test_solar_terms_and_lunar_text() -> None:
    terms = solar_terms_between(date(2026, 12, 1), date(2027, 1, 10))
    assert [(t.date, t.name) for t in terms] == [
        (date(2026, 12, 7), "大雪"), (date(2026, 12, 22), "冬至"), (date(2027, 1, 5), "小寒")]
    assert lunar_text(date(2025, 7, 27)) == "闰六月初三"


def test_nearest_festival_looks_both_ways() -> None:
    assert nearest_festival("春节", date(2026, 12, 7)) == date(2027, 2, 6)
    assert nearest_festival("春节", date(2026, 4, 1)) == date(2026, 2, 17)


def test_statutory_holidays_from_chinesecalendar() -> None:
    days = days_off_between(date(2026, 9, 20), date(2026, 10, 10))
    holidays = [d.date for d in days if d.kind == HOLIDAY]
    assert holidays == [date(2026, 9, d) for d in (25, 26, 27)] + [
        date(2026, 10, d) for d in range(1, 8)]
    assert {d.name for d in days if d.kind == HOLIDAY} == {"中秋节", "国庆节"}
    workdays = [(d.date, d.name) for d in days if d.kind == WORKDAY]
    assert workdays == [(date(2026, 9, 20), "国庆节"), (date(2026, 10, 10), "国庆节")]
    assert all(d.confirmed for d in days)


def test_a_year_no_source_knows_gets_the_lawful_days_unconfirmed() -> None:
    days = days_off_of_year(2027)
    assert all(not d.confirmed and d.kind == HOLIDAY for d in days)
    by_name: dict[str, list[date]] = {}
    for d in days:
        by_name.setdefault(d.name, []).append(d.date)
    assert by_name["元旦"] == [date(2027, 1, 1)]
    assert by_name["春节"] == [date(2027, 2, d) for d in (5, 6, 7, 8)]  # 除夕 to 初三
    assert by_name["国庆节"] == [date(2027, 10, d) for d in (1, 2, 3)]
    assert by_name["中秋节"] == [date(2027, 9, 15)]
    assert by_name["清明节"] == [date(2027, 4, 5)]


HOLIDAY_FILE = """\
# 2027
[[holiday]]
name = "春节"
from = 2027-02-05
to = 2027-02-13

[[workday]]
name = "春节"
date = 2027-02-14
"""


def test_holiday_file_adds_a_year_and_overrides_the_library() -> None:
    table = parse_holiday_file(HOLIDAY_FILE + '\n[[holiday]]\nname = "元旦"\n'
                               'date = 2026-01-01\n', "holidays.toml")
    spring = [d for d in days_off_of_year(2027, table) if d.name == "春节"]
    assert [d.date for d in spring if d.kind == HOLIDAY] == [
        date(2027, 2, d) for d in range(5, 14)]
    assert [d.date for d in spring if d.kind == WORKDAY] == [date(2027, 2, 14)]
    assert all(d.confirmed for d in spring)
    # 2026 named in the file: the file's days alone, the library's 2026 is set aside.
    assert [d.date for d in days_off_of_year(2026, table)] == [date(2026, 1, 1)]
    assert days_off_of_year(2025, table) == days_off_of_year(2025)


@pytest.mark.parametrize(("text", "line", "words"), [
    ('[[holiday]]\nname = "春节"\ndate = 2027-02-5\n', 3, "不是有效的 TOML"),
    (HOLIDAY_FILE + '\n[[holiday]]\nname = "元旦"\n', 11, "缺少日期"),
    (HOLIDAY_FILE + '\n[[holiday]]\ndate = 2027-01-01\n', 11, "缺少名称"),
    (HOLIDAY_FILE + '\n[[holiday]]\nname = "x"\nfrom = 2027-03-02\nto = 2027-03-01\n', 11,
     "早于"),
    (HOLIDAY_FILE + '\n[[holiday]]\nname = "x"\ndate = "2027-03-01"\n', 11, "不是日期"),
    (HOLIDAY_FILE + '\n[[holiday]]\nname = "x"\ndate = 2027-02-06\n', 11,
     "在第 2 行已经写过"),
    (HOLIDAY_FILE + '\n[[holiday]]\nname = "x"\nday = 2027-03-01\n', 11, "不认识的项"),
    ('[years]\n', 1, "不认识的段落"),
])
def test_a_bad_holiday_file_names_its_line(text: str, line: int, words: str) -> None:
    with pytest.raises(HolidayFileError) as caught:
        parse_holiday_file(text, "holidays.toml")
    said = str(caught.value)
    assert f"holidays.toml 第 {line} 行" in said
    assert words in said


def test_round_ages() -> None:
    assert [a for a in range(75, 106) if is_round_age(a)] == [80, 90, 100, 101, 102, 103,
                                                               104, 105]
    assert lunar_calendar.AGE_COUNTING is AgeCounting.COMPLETED_YEARS


def test_solar_round_birthday_counts_completed_years() -> None:
    found = round_birthdays_between(date(1946, 10, 18), date(2026, 1, 1), date(2026, 12, 31),
                                    by_lunar=False)
    assert [(b.date, b.age, b.by_lunar) for b in found] == [(date(2026, 10, 18), 80, False)]
    assert round_birthdays_between(date(1947, 10, 18), date(2026, 1, 1),
                                   date(2026, 12, 31), by_lunar=False) == []


def test_29_february_is_kept_on_28_february_in_common_years() -> None:
    assert solar_birthday(date(1944, 2, 29), 2026) == date(2026, 2, 28)
    assert solar_birthday(date(1944, 2, 29), 2028) == date(2028, 2, 29)
    found = round_birthdays_between(date(1944, 2, 29),
                                    date(2024, 2, 1), date(2024, 3, 31), by_lunar=False)
    assert [(b.date, b.age) for b in found] == [(date(2024, 2, 29), 80)]
    found = round_birthdays_between(date(1936, 2, 29), date(2026, 2, 1), date(2026, 3, 31),
                                    by_lunar=False)
    assert [(b.date, b.age) for b in found] == [(date(2026, 2, 28), 90)]


def test_lunar_birthday_by_the_lunar_date() -> None:
    # Born 1946-10-18 = 丙戌年九月廿四; the 80th lunar birthday is 丙午年九月廿四.
    found = round_birthdays_between(date(1946, 10, 18), date(2026, 1, 1), date(2026, 12, 31),
                                    by_lunar=True)
    assert [(b.date, b.age, b.by_lunar) for b in found] == [(date(2026, 11, 2), 80, True)]
    assert lunar_text(date(2026, 11, 2)) == lunar_text(date(1946, 10, 18)) == "九月廿四"


def test_lunar_leap_month_birth_is_kept_in_the_ordinary_month() -> None:
    birth = lunar_birth(date(1944, 5, 22))
    assert (birth.month, birth.day, birth.leap) == (4, 1, True)  # 甲申年闰四月初一
    found = round_birthdays_between(date(1944, 5, 22), date(2024, 1, 1), date(2024, 12, 31),
                                    by_lunar=True)
    assert [(b.date, b.age) for b in found] == [(date(2024, 5, 8), 80)]
    assert lunar_text(date(2024, 5, 8)) == "四月初一"


def test_lunar_30th_in_a_29_day_month_is_kept_on_the_29th() -> None:
    # 1946-05-30 is 丙戌年四月三十 (a 30-day month); 2026's 四月 has 29 days.
    birth = lunar_birth(date(1946, 5, 30))
    assert (birth.month, birth.day, birth.leap) == (4, 30, False)
    found = round_birthdays_between(date(1946, 5, 30), date(2026, 1, 1), date(2026, 12, 31),
                                    by_lunar=True)
    assert [(b.date, b.age) for b in found] == [(date(2026, 6, 14), 80)]
    assert lunar_text(date(2026, 6, 14)) == "四月廿九"
    assert lunar_text(date(2026, 6, 15)) == "五月初一"


def test_every_birthday_above_100_is_round() -> None:
    found = birthdays_between(date(1925, 1, 10), date(2025, 1, 1), date(2027, 12, 31),
                              by_lunar=False)
    assert [b.age for b in found] == [100, 101, 102]
    assert len(round_birthdays_between(date(1925, 1, 10), date(2025, 1, 1),
                                       date(2027, 12, 31), by_lunar=False)) == 3
