"""Rules about people: age, 高龄, ID numbers and phone numbers (checked with libraries)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

import phonenumbers
from stdnum.cn import ric
from stdnum.exceptions import ValidationError as StdnumError

from stationapp.domain.errors import ValidationError
from stationapp.domain.text_rules import PHONE_LIMIT
from stationapp.domain.vocab import Sex

ELDERLY_AGE = 80


def age_on(birth_date: date, today: date) -> int:
    """Full years of age on ``today``."""
    before_birthday = (today.month, today.day) < (birth_date.month, birth_date.day)
    return today.year - birth_date.year - int(before_birthday)


def born_on_or_before_for_age(age: int, today: date) -> date:
    """Latest birth date of someone who is at least ``age`` years old on ``today``."""
    year = today.year - age
    try:
        return today.replace(year=year)
    except ValueError:  # 29 February in a non-leap year: a 28 Feb birthday already counts
        return date(year, 2, 28)


def is_elderly(birth_date: date | None, today: date) -> bool:
    """高龄: 80 years or older on ``today``."""
    return birth_date is not None and age_on(birth_date, today) >= ELDERLY_AGE


@dataclass(frozen=True)
class IdNumberFacts:
    """What a valid resident ID number (居民身份证号) says about its holder."""

    number: str
    birth_date: date
    sex: Sex


def check_id_number(text: str, field: str = "id_number") -> IdNumberFacts:
    """Validate an 18-digit resident ID number (GB 11643 check digit) with python-stdnum."""
    number = ric.compact(text).upper()
    # Not ric.validate(): it also requires the county code to have existed in the birth
    # year, but a number carries the county of first registration, so people born before
    # a county was created (e.g. 东营 3705xx, created 1983) hold valid numbers it refuses.
    if len(number) != 18 or not number[:17].isdigit() or number[17] != ric.calc_check_digit(number):
        raise ValidationError(field, _id_problem(number))
    try:
        birth = ric.get_birth_date(number)
    except StdnumError as exc:
        raise ValidationError(field, _id_problem(number)) from exc
    sex = Sex.MALE if int(number[16]) % 2 == 1 else Sex.FEMALE
    return IdNumberFacts(number=number, birth_date=birth, sex=sex)


def _id_problem(candidate: str) -> str:
    if len(candidate) != 18:
        return f"身份证号应为18位，现在是{len(candidate)}位"
    if not re.fullmatch(r"\d{17}[\dX]", candidate):
        return "身份证号只能是数字，最后一位可以是X"
    try:
        ric.get_birth_date(candidate)
    except StdnumError:
        return "身份证号中的出生日期不存在"
    return "身份证号校验位不对，请核对是否抄错"


_PHONE_CHARACTERS = re.compile(r"[0-9 \-()+]*")
"""What a phone number may be written with (after NFKC: full-width forms are folded)."""


def check_phone(text: str, field: str = "phone") -> str:
    """Validate a Chinese mobile or landline number and return it in a tidy national form.

    Only digits and the usual separators (space, -, brackets, a leading +; full-width
    forms too) are accepted: phonenumbers would read letters as the digits of a phone
    keypad (139abc12345 → 13922212345) and silently store another number.
    """
    raw = text.strip()
    if not raw:
        return ""
    if len(raw) > PHONE_LIMIT:
        raise ValidationError(field, f"电话号码太长（最多 {PHONE_LIMIT} 个字）")
    if not _PHONE_CHARACTERS.fullmatch(unicodedata.normalize("NFKC", raw)):
        raise ValidationError(
            field, "电话号码里只能有数字、空格、横线（-）、括号和加号，请删掉其他字符"
        )
    try:
        parsed = phonenumbers.parse(raw, "CN")
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(field, "电话号码无法识别，请写成手机号或带区号的座机号") from exc
    # For a Chinese number, number_type() is what is_valid_number() decides by (UNKNOWN
    # means invalid); asking it once, and formatting only landlines, keeps a 10,000-row
    # import quick.
    kind = phonenumbers.number_type(parsed)
    if parsed.country_code == 86:
        valid = kind != phonenumbers.PhoneNumberType.UNKNOWN
    else:
        valid = phonenumbers.is_valid_number(parsed)
    if not valid:
        raise ValidationError(
            field, "电话号码不是有效的手机号或座机号（座机请带区号，如0546-8123456）"
        )
    if parsed.country_code != 86:
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    if kind == phonenumbers.PhoneNumberType.MOBILE:
        return str(parsed.national_number)
    national = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    if kind == phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE and \
            national.replace(" ", "").isdigit():
        return national.replace(" ", "")
    return national.replace(" ", "-", 1).replace(" ", "")
