"""check_phone's fast path for plain mainland mobiles gives what phonenumbers gives."""

from __future__ import annotations

import random

import pytest

from stationapp.domain.errors import ValidationError
from stationapp.domain.people import _phone_by_library, check_phone


def _outcome(check: object, raw: str) -> tuple[str, str]:
    try:
        return "ok", check(raw, "phone")  # type: ignore[operator]
    except ValidationError as exc:
        return "refused", f"{exc.field}: {exc.text!r}"


def _sample() -> list[str]:
    """Every 1xx and 1xxx prefix of an 11-digit number with random tails, the carrier
    prefixes 179xx, and lengths around 11."""
    rng = random.Random(16)
    numbers: list[str] = []
    for prefix in range(100, 200):
        numbers.extend(f"{prefix}{rng.randrange(10**8):08d}" for _ in range(6))
    for prefix in range(1000, 2000):
        numbers.extend(f"{prefix}{rng.randrange(10**7):07d}" for _ in range(3))
    for prefix in range(17900, 18000):
        numbers.append(f"{prefix}{rng.randrange(10**6):06d}")
    for length in (10, 12):
        numbers.extend(f"1{rng.choice('3456789')}{rng.randrange(10**(length - 2)):0{length - 2}d}"
                       for _ in range(200))
    return numbers


def test_the_fast_path_gives_what_phonenumbers_gives() -> None:
    sample = _sample()
    for raw in sample:
        assert _outcome(check_phone, raw) == _outcome(_phone_by_library, raw), raw


def test_the_sample_has_both_outcomes() -> None:
    outcomes = {_outcome(check_phone, raw)[0] for raw in _sample()}
    assert outcomes == {"ok", "refused"}


@pytest.mark.parametrize(("raw", "stored"), [
    ("13912345678", "13912345678"),
    (" 13912345678 ", "13912345678"),
    ("139 1234 5678", "13912345678"),
    ("+86 139 1234 5678", "13912345678"),
    ("0546-8321234", "0546-8321234"),
    ("05468321234", "0546-8321234"),
])
def test_common_shapes_are_stored_as_before(raw: str, stored: str) -> None:
    assert check_phone(raw) == stored == _phone_by_library(raw.strip(), "phone")


def test_an_invalid_mobile_shaped_number_is_refused_by_the_library() -> None:
    with pytest.raises(ValidationError) as caught:
        check_phone("14012345678")
    assert caught.value.text == _outcome_text("14012345678")


def _outcome_text(raw: str) -> object:
    try:
        _phone_by_library(raw, "phone")
    except ValidationError as exc:
        return exc.text
    raise AssertionError("accepted")
