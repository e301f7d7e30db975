"""Vocabulary words as message parameters, and lists of words as one message.

A vocabulary's ``.label`` is Chinese and stays so: it is stored, printed and matched in
imported files. Inside a message for the clerk, the word must follow the desk's language:
:func:`label_message` gives the catalogue message whose Chinese text is exactly the label
(a unit test keeps them equal). :func:`joined` lists several words or messages as one
message ("联系电话、备注" / "contact phone, notes"), put into words only when shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from stationapp.domain.care_vocab import RequestStatus, VisitTopic, VolunteerRole
from stationapp.domain.vocab import CareTier, HouseholdStatus, Sex
from stationapp.messages import Message, msg

_AREAS: dict[type[StrEnum], str] = {
    HouseholdStatus: "household.status_",
    CareTier: "household.tier_",
    RequestStatus: "request.status_",
    VisitTopic: "visit.topic_",
    VolunteerRole: "volunteer.role_",
}
"""The code prefix of each vocabulary that has message words; the member's value ends it."""

WORDED: tuple[type[StrEnum], ...] = (*_AREAS, Sex)
"""Every vocabulary :func:`label_message` speaks (for the test that checks the words)."""

LabelledWord = HouseholdStatus | CareTier | RequestStatus | VisitTopic | VolunteerRole | Sex
"""A vocabulary member :func:`label_message` accepts."""


def label_message(member: LabelledWord) -> Message:
    """``member``'s label as a message: the same Chinese word, an English one beside it."""
    if isinstance(member, Sex):
        return msg("household.sex_male" if member is Sex.MALE else "household.sex_female")
    return msg(_AREAS[type(member)] + member.value)


def joined(items: Sequence[Message | str], code: str = "common.list") -> Message | str:
    """``items`` as one message, each pair joined by ``code`` (``{first}`` ``{then}``):
    "common.list" joins with "、" / ", ", "common.parts_list" with "、" / "; ".

    One item is returned as is; no items give "".
    """
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return msg(code, first=items[0], then=joined(items[1:], code))
