"""Reading one row of a hand-made roster into a person, and the words of a rejected row.

Each data row is one person: its cells are read by the parsers of
:mod:`stationapp.domain.roster_cells`; what cannot be read becomes a reason, a
:class:`~stationapp.messages.Message` naming the column, and the row is not imported.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from stationapp.domain.errors import StationError
from stationapp.domain.roster_cells import (
    cell_text,
    code_text,
    id_number_text,
    parse_date,
    parse_sex,
    split_address,
)
from stationapp.domain.roster_columns import RosterField, header_key
from stationapp.domain.vocab import CareCategory, CareTier, Sex
from stationapp.messages import CHINESE, Message, msg, render

HEAD_RELATIONS = frozenset({"户主", "本人", "户主本人"})
_LIST_SPLIT = re.compile(r"[、,，;；/\s]+")

COLUMN_LABELS: dict[str, Message] = {
    name: msg(f"import.column_{name}") for name in (
        "name", "id_number", "birth_date", "sex", "phone", "community", "building", "unit",
        "room", "residents", "relation", "mobility_notes", "notes", "address", "categories",
        "tier", "registered_on",
    )
}
"""The label of each column (and household field) a reason may name, by field name."""


def reason(column: Message | None, problem: Message | str) -> Message | str:
    """A rejected row's reason: the column's label first, unless the problem names it.

    Whether it does is judged on the Chinese words, the ones the problems are written
    from, so a Chinese desk reads exactly what it always read.
    """
    if column is None or render(problem, CHINESE).startswith(render(column, CHINESE)):
        return problem
    return msg("import.reason_in_column", column=column, problem=problem)


def unreadable(column: str, exc: ValueError) -> Message | str:
    """The reason for a cell of ``column`` a parser could not read (its error's message)."""
    problem = exc.text if isinstance(exc, StationError) else str(exc)
    return msg("import.reason_in_column", column=COLUMN_LABELS[column], problem=problem)


@dataclass(slots=True)
class RowPerson:
    """One person as a data row of the roster gives them (``row``: its number)."""

    row: int
    community: str
    building: str
    unit: str
    room: str
    name: str
    relation: str = ""
    id_number: str = ""
    sex: Sex | None = None
    birth_date: date | None = None
    phone: str = ""
    household_phone: str = ""
    categories: frozenset[CareCategory] = frozenset()
    tier: CareTier | None = None
    mobility: str = ""
    notes: str = ""
    registered_on: date | None = None

    @property
    def address(self) -> tuple[str, str, str, str]:
        """Community, building, unit and room: the key of the person's household."""
        return (self.community, self.building, self.unit, self.room)

    @property
    def is_head(self) -> bool:
        """Whether the row names the person the head of the household."""
        return self.relation in HEAD_RELATIONS


def row_texts(row: Sequence[object], width: int) -> tuple[str, ...]:
    """The first ``width`` cells of ``row`` as text (missing cells empty)."""
    return tuple(cell_text(row[i]) if i < len(row) else "" for i in range(width))


def _cell(row: Sequence[object], column: int | None) -> object:
    if column is None or column >= len(row):
        return None
    return row[column]


def _split_list(text: str) -> list[str]:
    return [part for part in _LIST_SPLIT.split(text) if part]


def _words(enum_type: type[CareCategory] | type[CareTier]) -> dict[str, str]:
    """Every way a member may be written (code, name, Chinese label) → its code."""
    words: dict[str, str] = {}
    for member in enum_type:
        for word in (member.value, member.name, member.name.lower(), member.label):
            words[word] = member.value
    return words


_CATEGORY_WORDS = _words(CareCategory)
_TIER_WORDS = _words(CareTier)
_SETS: dict[frozenset[CareCategory], frozenset[CareCategory]] = {}
"""One set object for each combination of categories (at most 2¹¹), shared by the rows."""
_KNOWN_CATEGORIES = "、".join(c.label for c in CareCategory)
_KNOWN_TIERS = "、".join(t.label for t in CareTier)


def read_person(
    row_number: int, row: Sequence[object], cell_texts: Sequence[str],
    columns: dict[RosterField, int], default_community: str,
    problems: list[Message | str],
) -> RowPerson | None:
    """The person data row ``row_number`` describes; None when ``problems`` (to which the
    reasons are added) says why the row cannot be read."""
    cells = {f: _cell(row, i) for f, i in columns.items()}
    texts = {f: cell_texts[i] for f, i in columns.items()}
    get = texts.get
    address = get(RosterField.ADDRESS, "")
    community, building, unit, room = "", "", "", ""
    if address:
        try:
            parts = split_address(cells[RosterField.ADDRESS])
            # Interned: the members of a household, and its neighbours, share the texts.
            community, building, unit, room = (sys.intern(parts.community),
                                               sys.intern(parts.building),
                                               sys.intern(parts.unit), sys.intern(parts.room))
        except ValueError as exc:
            problems.append(unreadable("address", exc))
    community = get(RosterField.COMMUNITY) or community or default_community
    building = _bare(get(RosterField.BUILDING, ""), ("号楼", "栋", "幢", "号")) or building
    unit = _bare(get(RosterField.UNIT, ""), ("单元",)) or unit
    room = _bare(get(RosterField.ROOM, ""), ("室", "号")) or room
    name = get(RosterField.NAME, "").replace(" ", "")
    if not name:
        problems.append(reason(COLUMN_LABELS["name"], msg("import.not_filled")))
    if not community:
        problems.append(reason(COLUMN_LABELS["community"],
                               msg("import.no_community_in_address")))
    if not building and not address:
        problems.append(reason(COLUMN_LABELS["building"], msg("import.not_filled")))
    person = RowPerson(row=row_number, community=community, building=building, unit=unit,
                       room=room, name=name, relation=get(RosterField.RELATION, ""),
                       phone=code_text(cells.get(RosterField.PHONE)),
                       household_phone=code_text(cells.get(RosterField.HOUSEHOLD_PHONE)),
                       mobility=get(RosterField.MOBILITY, ""),
                       notes=get(RosterField.NOTES, ""))
    try:
        person.id_number = id_number_text(cells.get(RosterField.ID_NUMBER))
    except ValueError as exc:
        problems.append(unreadable("id_number", exc))
    try:
        person.birth_date = parse_date(cells.get(RosterField.BIRTH_DATE))
    except ValueError as exc:
        problems.append(unreadable("birth_date", exc))
    try:
        person.sex = parse_sex(cells.get(RosterField.SEX))
    except ValueError as exc:
        problems.append(unreadable("sex", exc))
    try:
        person.registered_on = parse_date(cells.get(RosterField.REGISTERED_ON))
    except ValueError as exc:
        problems.append(unreadable("registered_on", exc))
    categories: set[CareCategory] = set()
    for word in _split_list(get(RosterField.CATEGORIES, "")):
        code = _CATEGORY_WORDS.get(word)
        if code is None:
            problems.append(reason(COLUMN_LABELS["categories"], msg(
                "import.word_unknown", word=word, known=_KNOWN_CATEGORIES)))
        elif code != CareCategory.ELDERLY.value:
            categories.add(CareCategory(code))
    if categories:
        person.categories = _SETS.setdefault(frozenset(categories), frozenset(categories))
    tier = get(RosterField.TIER, "")
    if tier:
        if tier in _TIER_WORDS:
            person.tier = CareTier(_TIER_WORDS[tier])
        else:
            problems.append(reason(COLUMN_LABELS["tier"], msg(
                "import.word_unknown", word=tier, known=_KNOWN_TIERS)))
    return None if problems else person


def _bare(text: str, suffixes: Iterable[str]) -> str:
    for suffix in suffixes:
        if text.endswith(suffix) and text[: -len(suffix)].isdigit():
            return text[: -len(suffix)]
    return text


def is_repeated_header(row: Sequence[object], headers: dict[int, str]) -> bool:
    """Whether ``row`` repeats the header (as on every printed page of some rosters)."""
    needed = max(2, len(headers) // 2)
    missing_allowed = len(headers) - needed
    matches = missed = 0
    for i, h in headers.items():
        if h and i < len(row) and header_key(row[i]) == h:
            matches += 1
            if matches >= needed:
                return True
        else:
            missed += 1
            if missed > missing_allowed:  # a data row: the rest cannot make it a header
                return False
    return False


__all__ = ["COLUMN_LABELS", "HEAD_RELATIONS", "RowPerson", "is_repeated_header", "read_person",
           "reason", "row_texts", "unreadable"]
