"""Rules about people: age, 高龄, ID numbers and phone numbers (checked with libraries)."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

# phonenumbers and python-stdnum are imported by the functions that use them: importing
# them costs ~0.3 s, and the main window's first paint with its data needs neither.
from stationapp.domain.errors import ValidationError
from stationapp.domain.text_rules import PHONE_LIMIT
from stationapp.domain.vocab import Sex
from stationapp.messages import Message, msg

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


_PLAIN_ID = re.compile(r"[0-9]{17}[0-9Xx]")
"""An ID number written as 17 ASCII digits and a check character, nothing else."""


@dataclass(frozen=True)
class IdNumberFacts:
    """What a valid resident ID number (居民身份证号) says about its holder."""

    number: str
    birth_date: date
    sex: Sex


def check_id_number(text: str, field: str = "id_number") -> IdNumberFacts:
    """Validate an 18-digit resident ID number (GB 11643 check digit) with python-stdnum."""
    from stdnum.cn import ric

    # A plain number (most cells of a roster) is already what ric.compact() would give:
    # it is not passed through python-stdnum's character-by-character cleaning.
    number = text.upper() if _PLAIN_ID.fullmatch(text) else ric.compact(text).upper()
    # Not ric.validate(): it also requires the county code to have existed in the birth
    # year, but a number carries the county of first registration, so people born before
    # a county was created (e.g. 东营 3705xx, created 1983) hold valid numbers it refuses.
    if len(number) != 18 or not number[:17].isdigit() or number[17] != ric.calc_check_digit(number):
        raise ValidationError(field, id_number_problem(number))
    facts = birth_and_sex(number)
    if facts is None:
        raise ValidationError(field, id_number_problem(number))
    birth, sex = facts
    return IdNumberFacts(number=number, birth_date=birth, sex=sex)


def birth_and_sex(number: str) -> tuple[date, Sex] | None:
    """The birth date and sex an 18-digit ID number encodes, its check digit unchecked;
    None when ``number`` is not 17 digits and a last character, or its date does not exist.

    :func:`check_id_number` is the full check; this is what it (and a roster cell that
    may still be corrected) reads from the number.
    """
    if len(number) != 18 or not number[:17].isdigit():
        return None
    if number.isascii():  # what ric.get_birth_date() reads, without compacting it again
        try:
            birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
        except ValueError:
            return None
        return birth, Sex.MALE if int(number[16]) % 2 == 1 else Sex.FEMALE
    from stdnum.cn import ric
    from stdnum.exceptions import ValidationError as StdnumError

    try:
        birth = ric.get_birth_date(number)
    except StdnumError:
        return None
    return birth, Sex.MALE if int(number[16]) % 2 == 1 else Sex.FEMALE


def id_number_problem(candidate: str) -> Message:
    """Why ``candidate`` (compacted, upper case) is not a valid resident ID number."""
    if len(candidate) != 18:
        return msg("people.id_length", length=len(candidate))
    if not re.fullmatch(r"\d{17}[\dX]", candidate):
        return msg("people.id_characters")
    from stdnum.cn import ric
    from stdnum.exceptions import ValidationError as StdnumError

    try:
        ric.get_birth_date(candidate)
    except StdnumError:
        return msg("people.id_birth_date")
    return msg("people.id_check_digit")


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
    if _MOBILE_SHAPE.fullmatch(raw) and _plain_mobile()(raw):
        return raw  # what phonenumbers gives for it, without parsing it
    return _phone_by_library(raw, field)


def _phone_by_library(raw: str, field: str) -> str:
    """:func:`check_phone` of a stripped, non-empty ``raw`` with phonenumbers."""
    import phonenumbers

    if len(raw) > PHONE_LIMIT:
        raise ValidationError(field, msg("people.phone_too_long", limit=PHONE_LIMIT))
    if not _PHONE_CHARACTERS.fullmatch(unicodedata.normalize("NFKC", raw)):
        raise ValidationError(field, msg("people.phone_characters"))
    try:
        parsed = phonenumbers.parse(raw, "CN")
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(field, msg("people.phone_unreadable")) from exc
    # For a Chinese number, number_type() is what is_valid_number() decides by (UNKNOWN
    # means invalid); asking it once, and formatting only landlines, keeps a 10,000-row
    # import quick.
    kind = phonenumbers.number_type(parsed)
    if parsed.country_code == 86:
        valid = kind != phonenumbers.PhoneNumberType.UNKNOWN
    else:
        valid = phonenumbers.is_valid_number(parsed)
    if not valid:
        raise ValidationError(field, msg("people.phone_invalid"))
    if parsed.country_code != 86:
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    if kind == phonenumbers.PhoneNumberType.MOBILE:
        return str(parsed.national_number)
    national = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    if kind == phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE and \
            national.replace(" ", "").isdigit():
        return national.replace(" ", "")
    return national.replace(" ", "-", 1).replace(" ", "")


_MOBILE_SHAPE = re.compile(r"1[3-9][0-9]{9}")
"""The shape of most numbers on a roster: 11 ASCII digits of a mainland mobile."""


@functools.cache
def _plain_mobile() -> Callable[[str], bool]:
    """A test of an 11-digit number of :data:`_MOBILE_SHAPE` that tells whether
    phonenumbers, given it as it is, reads it as a valid mainland MOBILE number and nothing
    else, so that :func:`check_phone` would store it unchanged.

    Built from phonenumbers' own metadata for CN, the way ``parse`` and ``number_type``
    use it: no national prefix or carrier code to strip at its start (``179xx``), the
    general pattern and length, the mobile pattern, and none of the patterns that
    ``number_type`` asks before the mobile one. A number it does not pass goes through
    phonenumbers as before.
    """
    from phonenumbers import PhoneMetadata

    metadata = PhoneMetadata.metadata_for_region("CN")
    if (metadata is None or metadata.country_code != 86
            or metadata.same_mobile_and_fixed_line_pattern):  # pragma: no cover
        return lambda _number: False
    prefix = re.compile(metadata.national_prefix_for_parsing or "(?!)")

    def matcher(desc: Any) -> Callable[[str], bool]:
        if desc is None or not desc.national_number_pattern:
            return lambda _number: False
        pattern = re.compile(desc.national_number_pattern)
        lengths = frozenset(desc.possible_length or ())  # none: any length
        return lambda number: ((not lengths or len(number) in lengths)
                               and pattern.fullmatch(number) is not None)

    general, mobile = matcher(metadata.general_desc), matcher(metadata.mobile)
    others = [matcher(getattr(metadata, name)) for name in (
        "premium_rate", "toll_free", "shared_cost", "voip", "personal_number", "pager",
        "uan", "voicemail", "fixed_line")]

    def plain(number: str) -> bool:
        return (prefix.match(number) is None and mobile(number) and general(number)
                and not any(other(number) for other in others))

    return plain
