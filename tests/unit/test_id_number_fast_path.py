"""The plain-number fast path of ID number checks gives what python-stdnum alone gives."""

from __future__ import annotations

import random
from datetime import date

import pytest
from stdnum.cn import ric
from stdnum.exceptions import ValidationError as StdnumError

from stationapp.domain.errors import ValidationError
from stationapp.domain.people import birth_and_sex, check_id_number
from stationapp.domain.vocab import Sex


def _reference(text: str) -> tuple[str, date, Sex] | str:
    """The check as it was, through ric.compact() and ric.get_birth_date() only."""
    number = ric.compact(text).upper()
    if len(number) != 18 or not number[:17].isdigit() or \
            number[17] != ric.calc_check_digit(number):
        return "invalid"
    try:
        birth = ric.get_birth_date(number)
    except StdnumError:
        return "invalid"
    return number, birth, Sex.MALE if int(number[16]) % 2 == 1 else Sex.FEMALE


def _checked(text: str) -> tuple[str, date, Sex] | str:
    try:
        facts = check_id_number(text)
    except ValidationError:
        return "invalid"
    return facts.number, facts.birth_date, facts.sex


def _valid(body: str) -> str:
    return body + ric.calc_check_digit(body + "0")


def _cases() -> list[str]:
    rng = random.Random(16)
    cases = ["", "x", "37050219400101123", "3705021940010112345"]
    for _ in range(400):
        born = date(1900, 1, 1).toordinal() + rng.randrange(0, 45_000)
        body = f"370502{date.fromordinal(born):%Y%m%d}{rng.randrange(1000):03d}"
        number = _valid(body)
        cases += [number, number.lower(), number[:17] + str((int(number[17], 36) + 1) % 10)]
    cases += [
        _valid("37050219400230123"),  # no 30 February
        _valid("37050220000229123"), _valid("37050219000229123"),  # leap rules
        _valid("37050219401301123"), _valid("37050219400100123"),
        " " + _valid("37050219400101123") + " ",
        _valid("37050219400101123").replace("3", "３"),  # full-width digits
        "３" + _valid("37050219400101123")[1:],
        "370502 19400101 123" + ric.calc_check_digit("370502194001011230"),
        "٣" + _valid("37050219400101123")[1:],  # an Arabic-Indic digit
        _valid("37050219400101123")[:17] + "Y",
    ]
    return cases


@pytest.mark.parametrize("text", _cases())
def test_check_id_number_as_python_stdnum_alone(text: str) -> None:
    assert _checked(text) == _reference(text)


@pytest.mark.parametrize("text", _cases())
def test_birth_and_sex_as_python_stdnum_alone(text: str) -> None:
    number = text.upper()
    expected = None
    if len(number) == 18 and number[:17].isdigit():
        try:
            birth = ric.get_birth_date(number)
            expected = (birth, Sex.MALE if int(number[16]) % 2 == 1 else Sex.FEMALE)
        except StdnumError:
            expected = None
    assert birth_and_sex(number) == expected
