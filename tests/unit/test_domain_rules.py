"""Pure domain rules: ages, ID numbers, phones, pinyin keys and address order."""

from __future__ import annotations

from datetime import date

import pytest

from stationapp.domain.address import Address, leading_number
from stationapp.domain.errors import ValidationError
from stationapp.domain.people import age_on, born_on_or_before_for_age, check_id_number, check_phone
from stationapp.domain.search_keys import name_initials, name_pinyin, normalize_query
from stationapp.domain.vocab import CareCategory, HouseholdStatus, Sex, parse_label


@pytest.mark.parametrize(("birth", "today", "age"), [
    (date(1946, 11, 26), date(2026, 11, 26), 80),
    (date(1946, 11, 27), date(2026, 11, 26), 79),
    (date(1944, 2, 29), date(2024, 2, 28), 79),
    (date(1944, 2, 29), date(2024, 2, 29), 80),
    (date(1944, 2, 29), date(2025, 3, 1), 81),
    (date(1946, 12, 31), date(2027, 1, 1), 80),
])
def test_age_across_birthdays_leap_days_and_new_year(birth: date, today: date, age: int) -> None:
    assert age_on(birth, today) == age


def test_elderly_cutoff_on_a_leap_day() -> None:
    assert born_on_or_before_for_age(80, date(2024, 2, 29)) == date(1944, 2, 29)
    assert born_on_or_before_for_age(80, date(2025, 2, 28)) == date(1945, 2, 28)
    assert born_on_or_before_for_age(79, date(2024, 2, 29)) == date(1945, 2, 28)


def test_id_number_facts_and_lowercase_x() -> None:
    facts = check_id_number(" 11010519491231002x ")
    assert (facts.number, facts.birth_date, facts.sex) == (
        "11010519491231002X", date(1949, 12, 31), Sex.FEMALE)


def test_id_number_of_a_county_created_after_the_birth_year_is_accepted() -> None:
    # 东营 (3705xx) was created in 1983; people born earlier carry its code anyway.
    assert check_id_number("37050219380501001X").birth_date == date(1938, 5, 1)


@pytest.mark.parametrize(("number", "words"), [
    ("110105194912310021", "校验位"), ("1101051949", "18位"),
    ("11010519491331002X", "出生日期"), ("1101051949123100AX", "数字"),
])
def test_bad_id_numbers_are_explained(number: str, words: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_id_number(number)
    assert words in caught.value.message


@pytest.mark.parametrize(("raw", "tidy"), [
    ("13905461234", "13905461234"), ("139 0546 1234", "13905461234"),
    ("+86 139 0546 1234", "13905461234"), ("0546-8123456", "0546-8123456"),
    ("05468123456", "0546-8123456"), ("(0546) 812 3456", "0546-8123456"),
    ("010-12345678", "010-12345678"), ("", ""),
])
def test_phones_are_tidied(raw: str, tidy: str) -> None:
    assert check_phone(raw) == tidy


@pytest.mark.parametrize("raw", ["12345", "8123456", "1390546123", "abc"])
def test_bad_phones_are_refused(raw: str) -> None:
    with pytest.raises(ValidationError):
        check_phone(raw)


@pytest.mark.parametrize(("name", "full", "initials"), [
    ("李大爷", "lidaye", "ldy"), ("单秀英", "shanxiuying", "sxy"),
    ("曾国强", "zengguoqiang", "zgq"),
    ("解放", "xiefang", "xf"), ("欧阳娜娜", "ouyangnana", "oynn"), ("仇红", "qiuhong", "qh"),
])
def test_names_in_pinyin_read_surnames_as_surnames(name: str, full: str, initials: str) -> None:
    assert (name_pinyin(name), name_initials(name)) == (full, initials)


def test_queries_are_folded() -> None:
    assert normalize_query(" ＬＤＹ ") == "ldy"
    assert normalize_query("139-0546 1234") == "13905461234"


def test_natural_address_order() -> None:
    addresses = [Address("锦华一区", b, "1", r) for b, r in
                 [("10", "101"), ("2", "1101"), ("2", "301"), ("1", "502")]]
    ordered = sorted(addresses, key=Address.sort_key)
    assert [a.display() for a in ordered] == [
        "锦华一区1号楼1单元502室", "锦华一区2号楼1单元301室",
        "锦华一区2号楼1单元1101室", "锦华一区10号楼1单元101室",
    ]
    assert leading_number("东3号楼") == 3
    assert leading_number("甲") == 0


def test_labels_parse_both_ways() -> None:
    assert parse_label(CareCategory, "独居") is CareCategory.LIVING_ALONE
    assert parse_label(CareCategory, "living_alone") is CareCategory.LIVING_ALONE
    assert parse_label(HouseholdStatus, "迁出") is HouseholdStatus.MOVED_AWAY
    with pytest.raises(ValueError, match="孤寡"):
        parse_label(CareCategory, "富翁")


def test_surname_in_full_with_given_initials() -> None:
    from stationapp.domain.search_keys import household_search_text, name_surname_and_initials

    assert name_surname_and_initials("李大爷") == "lidy"
    assert name_surname_and_initials("欧阳娜娜") == "ouyangnn"
    assert "|lidy|" in household_search_text(["李大爷"], "", [])
