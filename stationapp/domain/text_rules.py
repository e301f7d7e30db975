"""Rules for every text the clerk can type: its length limit, what characters it may hold.

One table (the ``TextRule`` constants below) says, for each field, the label the clerk
knows it by (a message, so that it follows the desk's language) and how long it may be.
The same limits hold on SQLite (which does not enforce ``VARCHAR(n)``) and PostgreSQL
(which does): each limit fits the column it is stored in (``column``), and a unit test
keeps them in step with the models. Services check with :func:`check_text` (or
``TextRule.check``); dialogs show the same limits (``ui.text_limits``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stationapp.domain.errors import ValidationError
from stationapp.messages import Message, msg

_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
"""Unicode categories Cc (C0, DEL, C1) and Cs (lone surrogates), as one character class:
checked on every field of every imported row, a regex is several times faster than
asking ``unicodedata`` character by character."""
_CONTROLS_BUT_LINES = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
"""The same, keeping what a multi-line field may hold: tab, line feed, carriage return."""


@dataclass(frozen=True)
class TextRule:
    """A text field: its label (a message: "备注" / "Notes"), its length limit and whether
    it may have lines.

    ``column`` is the ``table.column`` the text is stored in ("" when not stored as is),
    for the test that keeps ``limit`` within the column's length.
    """

    label: Message
    limit: int
    multiline: bool = False
    column: str = ""

    def check(self, value: str, field: str) -> str:
        """``value`` trimmed; ValidationError on ``field`` when it breaks this rule."""
        return check_text(value, field, self.label, self.limit, multiline=self.multiline)

    @property
    def hint(self) -> Message:
        """The limit as shown beside a multi-line field, e.g. "最多 500 个字"."""
        return msg("common.text_limit", limit=self.limit)


def control_characters(value: str, *, multiline: bool = False) -> list[str]:
    """The characters of ``value`` that may not be stored: controls (C0, DEL, C1) and
    lone surrogates; a multi-line text may keep line breaks and tabs.

    Zero-width and direction marks (format characters) are kept: they are typed or pasted
    with real names and addresses and do no harm to the databases.
    """
    found: list[str] = (_CONTROLS_BUT_LINES if multiline else _CONTROLS).findall(value)
    return found


def check_text(
    value: str, field: str, label: Message | str, limit: int, *, multiline: bool = False
) -> str:
    """``value`` with surrounding space removed, checked against the rules every text
    field follows; ValidationError on ``field`` when it holds control characters (NUL,
    escape …; line breaks and tabs only in a multi-line field) or is longer than ``limit``.
    """
    tidy = value.strip()
    if control_characters(tidy, multiline=multiline):
        raise ValidationError(field, msg("common.text_controls", label=label))
    if len(tidy) > limit:
        raise ValidationError(field, msg("common.text_too_long", label=label, limit=limit))
    return tidy


# ---------------------------------------------------------------- address numbers

_NUMBER = re.compile(r"\d+")

BUILDING_DIGITS = 6
"""Most digits a number in a 楼号 may have (the width of its part of the address key)."""
UNIT_DIGITS = 4
"""Most digits a number in a 单元 may have."""
ROOM_DIGITS = 6
"""Most digits a number in a 室号 may have."""


def check_address_number(value: str, field: str, label: Message | str, digits: int) -> str:
    """``value`` unchanged; ValidationError when a number in it is longer than ``digits``
    (a 20-digit 楼号 is a typing or spreadsheet mistake, and no integer column holds it)."""
    for number in _NUMBER.findall(value):
        if len(number) > digits:
            raise ValidationError(field, msg("common.number_too_long", label=label,
                                                  digits=digits))
    return value


# ---------------------------------------------------------------- the fields

PHONE_LIMIT = 24
"""Most characters of a phone number as typed (checked by ``people.check_phone``)."""

PERSON_NAME = 20
"""Most characters of a person's name: its pinyin (≤ 6 letters a character) must fit
``household.head_pinyin`` (128)."""

def _field(name: str) -> Message:
    """The label of a field, from the catalogue's ``common.field_<name>``."""
    return msg(f"common.field_{name}")


# Households (住户台账)
COMMUNITY = TextRule(_field("community"), 32, column="community.name")
BUILDING = TextRule(_field("building"), 16, column="household.building")
UNIT = TextRule(_field("unit"), 16, column="household.unit")
ROOM = TextRule(_field("room"), 16, column="household.room")
HOUSEHOLD_PHONE = TextRule(_field("contact_phone"), PHONE_LIMIT, column="household.phone")
HOUSEHOLD_NOTES = TextRule(_field("notes"), 1000, multiline=True, column="household.notes")
STATUS_REASON = TextRule(_field("reason"), 200, multiline=True,
                         column="household.status_reason")

# Residents (成员)
RESIDENT_NAME = TextRule(_field("name"), PERSON_NAME, column="resident.name")
RELATION = TextRule(_field("relation"), 8, column="resident.relation")
RESIDENT_PHONE = TextRule(_field("phone"), PHONE_LIMIT, column="resident.phone")
ID_NUMBER = TextRule(_field("id_number"), 18, column="resident.id_number")
MOBILITY = TextRule(_field("mobility"), 200, multiline=True, column="resident.mobility_notes")

# Volunteers (志愿者)
VOLUNTEER_NAME = TextRule(_field("name"), PERSON_NAME, column="volunteer.name")
VOLUNTEER_PHONE = TextRule(_field("phone"), PHONE_LIMIT, column="volunteer.phone")
VOLUNTEER_COMMUNITY = TextRule(_field("community_name"), 32, column="community.name")
SKILLS = TextRule(_field("skills"), 200, column="volunteer.skills")
VOLUNTEER_NOTES = TextRule(_field("notes"), 1000, multiline=True, column="volunteer.notes")

# Events (活动), their deliveries and the item catalogue
EVENT_TITLE = TextRule(_field("event_title"), 120, column="event.title")
EVENT_PLACE = TextRule(_field("place"), 120, column="event.place")
EVENT_ORGANISER = TextRule(_field("organiser"), 120, column="event.organiser")
EVENT_DESCRIPTION = TextRule(_field("event_description"), 2000, multiline=True,
                             column="event.description")
EVENT_TYPE_NAME = TextRule(_field("event_type_name"), 32, column="event_type.name")
ITEM_NAME = TextRule(_field("item_name"), 32, column="item.name")
ITEM_UNIT = TextRule(_field("item_unit"), 8, column="item.unit")
DELIVERY_NOTES = TextRule(_field("delivery_notes"), 500, multiline=True,
                          column="delivery.notes")
DELIVERY_OUTCOME_NOTE = TextRule(_field("outcome_note"), 500, multiline=True,
                                 column="delivery.outcome_note")

# Visits (走访) and reminders
VISIT_NOTES = TextRule(_field("visit_notes"), 4000, multiline=True, column="visit.notes")
FINDING_NOTE = TextRule(_field("note"), 500, multiline=True, column="visit_finding.note")
REMINDER_TEXT = TextRule(_field("reminder_text"), 500, multiline=True, column="reminder.text")

# Requests (诉求)
REQUEST_CATEGORY = TextRule(_field("request_category_name"), 32, column="request_category.name")
REQUEST_DESCRIPTION = TextRule(_field("request_description"), 2000, multiline=True,
                               column="care_request.description")
REQUEST_CHANNEL = TextRule(_field("request_channel"), 32, column="care_request.channel")
REQUEST_REPORTER = TextRule(_field("reporter"), 64, column="care_request.reporter")
REQUEST_NOTE = TextRule(_field("note"), 2000, multiline=True,
                        column="request_status_change.note")
REQUEST_RESOLUTION = TextRule(_field("resolution"), 2000, multiline=True,
                              column="care_request.resolution")
REQUEST_CALLBACK = TextRule(_field("callback_note"), 2000, multiline=True,
                            column="care_request.callback_note")

# Station settings (stored as text in station_setting.value)
STATION_NAME = TextRule(_field("station_name"), 40, column="station_setting.value")
STATION_PHONE = TextRule(_field("phone"), PHONE_LIMIT, column="station_setting.value")

ALL_RULES: dict[str, TextRule] = {
    name: rule for name, rule in globals().items() if isinstance(rule, TextRule)
}
"""Every rule by its constant's name (for the tests that keep them in step)."""
