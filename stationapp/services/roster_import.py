"""Importing a hand-made roster (.xlsx / .csv) into the household ledger.

One row is one person. Rows at the same address form one household; the row whose
relation is 户主 (else the first) is its head. A person is matched to the ledger by ID
number, else by name within the household at the same address, so importing the same file
twice changes nothing; an update only fills in or changes what the file says and never
clears a value because a cell is empty.

``plan_import`` reads and checks everything and decides what each row would do, writing
nothing (the wizard's preview and ``--dry-run``). ``apply_plan`` writes the plan inside the
caller's transaction, so the whole import commits or rolls back as one.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from stationapp.db.locks import lock_for_import
from stationapp.db.stamps import session_clock
from stationapp.domain import text_rules
from stationapp.domain.address import Address
from stationapp.domain.derived import MemberFacts, derived_household_columns
from stationapp.domain.errors import ImportFileError, ValidationError
from stationapp.domain.models import (
    Community,
    Household,
    HouseholdCategory,
    Resident,
)
from stationapp.domain.roster_cells import (
    cell_text,
    code_text,
    id_number_text,
    parse_date,
    parse_sex,
    split_address,
)
from stationapp.domain.roster_columns import (
    RosterField,
    find_header_row,
    header_key,
    map_columns,
    missing_fields,
)
from stationapp.domain.vocab import (
    CareCategory,
    CareTier,
    HouseholdStatus,
    ResidentStatus,
    Sex,
)
from stationapp.services._common import chunks, community_ids
from stationapp.services.households import (
    HouseholdInput,
    ResidentInput,
    update_household,
    validate_household,
)
from stationapp.services.roster_files import RosterTable

log = logging.getLogger("stationapp.services")

HEAD_RELATIONS = frozenset({"户主", "本人", "户主本人"})
_CHUNK = 900
_LIST_SPLIT = re.compile(r"[、,，;；/\s]+")
_TOTAL_ROW = re.compile(r"^(合计|总计|小计|共计)")

Progress = Callable[[int, int], bool]
"""Called with (done, total); returning False asks to stop (the caller rolls back)."""


class RowAction(StrEnum):
    """What importing a row does."""

    CREATE = "create"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    REJECT = "reject"

    @property
    def label(self) -> str:
        """Chinese label shown in the preview and reports."""
        return {"create": "新增", "update": "更新", "unchanged": "无变化", "reject": "不导入"}[
            self.value
        ]


@dataclass(frozen=True)
class ImportOptions:
    """How to read the file: a header row and mapping the clerk corrected (None: found
    automatically), a community for addresses without one, and whether one bad row stops
    the whole import."""

    header_row: int | None = None
    mapping: dict[int, RosterField] | None = None
    default_community: str = ""
    stop_on_first_error: bool = False


@dataclass(frozen=True)
class RowResult:
    """One data row of the file: its number as the spreadsheet shows it, its cells as text,
    what importing it does, and its problems in plain words."""

    row_number: int
    values: tuple[str, ...]
    action: RowAction
    problems: tuple[str, ...] = ()


@dataclass
class _Person:
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
        return (self.community, self.building, self.unit, self.room)

    @property
    def is_head(self) -> bool:
        return self.relation in HEAD_RELATIONS


@dataclass
class _HouseholdPlan:
    people: list[_Person]
    household_id: int | None
    data: HouseholdInput | None = None


@dataclass(frozen=True)
class ImportPlan:
    """Everything decided about a file before anything is written."""

    table: RosterTable
    header_row: int
    headers: tuple[str, ...]
    mapping: dict[int, RosterField]
    rows: tuple[RowResult, ...]
    stop_on_first_error: bool
    households: tuple[_HouseholdPlan, ...] = field(repr=False, default=())
    options: ImportOptions | None = field(repr=False, default=None)
    ledger_mark: tuple[int, ...] = field(repr=False, default=())
    """The ledger as the plan saw it (see ``_ledger_mark``)."""

    def count(self, action: RowAction) -> int:
        """How many rows do ``action``."""
        return sum(1 for r in self.rows if r.action is action)

    @property
    def rejected(self) -> tuple[RowResult, ...]:
        """Rows that will not be imported, with their problems."""
        return tuple(r for r in self.rows if r.action is RowAction.REJECT)

    @property
    def blocked(self) -> bool:
        """Whether 'stop on first error' keeps the whole file out."""
        return self.stop_on_first_error and bool(self.rejected)


@dataclass(frozen=True)
class ImportResult:
    """What an import did (or, for a dry run, would do)."""

    created: int
    updated: int
    unchanged: int
    rejected: tuple[RowResult, ...]
    households_created: int
    households_updated: int
    dry_run: bool
    written: bool


# ---------------------------------------------------------------- reading rows


def _row_texts(row: Sequence[object], width: int) -> tuple[str, ...]:
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
_KNOWN_CATEGORIES = "、".join(c.label for c in CareCategory)


def _read_person(
    row_number: int, row: Sequence[object], row_texts: Sequence[str],
    columns: dict[RosterField, int], default_community: str, problems: list[str],
) -> _Person | None:
    cells = {f: _cell(row, i) for f, i in columns.items()}
    texts = {f: row_texts[i] for f, i in columns.items()}
    get = texts.get
    address = get(RosterField.ADDRESS, "")
    community, building, unit, room = "", "", "", ""
    if address:
        try:
            parts = split_address(cells[RosterField.ADDRESS])
            community, building, unit, room = parts.community, parts.building, parts.unit, \
                parts.room
        except ValueError as exc:
            problems.append(f"住址：{exc}")
    community = get(RosterField.COMMUNITY) or community or default_community
    building = _bare(get(RosterField.BUILDING, ""), ("号楼", "栋", "幢", "号")) or building
    unit = _bare(get(RosterField.UNIT, ""), ("单元",)) or unit
    room = _bare(get(RosterField.ROOM, ""), ("室", "号")) or room
    name = get(RosterField.NAME, "").replace(" ", "")
    if not name:
        problems.append("姓名：没有填写")
    if not community:
        problems.append("小区：住址里没有小区名称（可在导入时指定默认小区）")
    if not building and not address:
        problems.append("楼号：没有填写")
    person = _Person(row=row_number, community=community, building=building, unit=unit,
                     room=room, name=name, relation=get(RosterField.RELATION, ""),
                     phone=code_text(cells.get(RosterField.PHONE)),
                     household_phone=code_text(cells.get(RosterField.HOUSEHOLD_PHONE)),
                     mobility=get(RosterField.MOBILITY, ""), notes=get(RosterField.NOTES, ""))
    try:
        person.id_number = id_number_text(cells.get(RosterField.ID_NUMBER))
    except ValueError as exc:
        problems.append(f"身份证号：{exc}")
    try:
        person.birth_date = parse_date(cells.get(RosterField.BIRTH_DATE))
    except ValueError as exc:
        problems.append(f"出生日期：{exc}")
    try:
        person.sex = parse_sex(cells.get(RosterField.SEX))
    except ValueError as exc:
        problems.append(f"性别：{exc}")
    try:
        person.registered_on = parse_date(cells.get(RosterField.REGISTERED_ON))
    except ValueError as exc:
        problems.append(f"登记日期：{exc}")
    categories: set[CareCategory] = set()
    for word in _split_list(get(RosterField.CATEGORIES, "")):
        code = _CATEGORY_WORDS.get(word)
        if code is None:
            problems.append(f"关爱类别：不认识“{word}”（可用：{_KNOWN_CATEGORIES}）")
        elif code != CareCategory.ELDERLY.value:
            categories.add(CareCategory(code))
    person.categories = frozenset(categories)
    tier = get(RosterField.TIER, "")
    if tier:
        if tier in _TIER_WORDS:
            person.tier = CareTier(_TIER_WORDS[tier])
        else:
            problems.append(f"关爱等级：不认识“{tier}”（可用：重点、关注、一般）")
    return None if problems else person


def _bare(text: str, suffixes: Iterable[str]) -> str:
    for suffix in suffixes:
        if text.endswith(suffix) and text[: -len(suffix)].isdigit():
            return text[: -len(suffix)]
    return text


def _is_repeated_header(row: Sequence[object], headers: dict[int, str]) -> bool:
    matches = sum(1 for i, h in headers.items() if h and i < len(row)
                  and header_key(row[i]) == h)
    return matches >= max(2, len(headers) // 2)


# ---------------------------------------------------------------- matching


@dataclass
class _Ledger:
    """What the ledger already holds, read once per plan."""

    by_id_number: dict[str, int]
    by_address: dict[tuple[str, str, str, str], int]


def _read_ledger(session: Session) -> _Ledger:
    by_id_number = {
        number: household_id for number, household_id in session.execute(
            select(Resident.id_number, Resident.household_id)
            .where(Resident.id_number.is_not(None))
        ) if number
    }
    by_address = {
        (community, building, unit, room): household_id
        for household_id, community, building, unit, room in session.execute(
            select(Household.id, Community.name, Household.building, Household.unit,
                   Household.room)
            .join(Community, Household.community_id == Community.id)
            .where(Household.status == HouseholdStatus.ACTIVE.value)
        )
    }
    return _Ledger(by_id_number, by_address)


def _current_households(session: Session, ids: set[int]) -> dict[int, HouseholdInput]:
    """The stored households as the dialog would edit them, read in a few queries."""
    found: dict[int, HouseholdInput] = {}
    ordered = sorted(ids)
    for chunk in chunks(ordered, _CHUNK):
        categories: dict[int, set[CareCategory]] = {}
        for household_id, code in session.execute(
            select(HouseholdCategory.household_id, HouseholdCategory.category)
            .where(HouseholdCategory.household_id.in_(chunk))
        ):
            categories.setdefault(household_id, set()).add(CareCategory(code))
        residents: dict[int, list[ResidentInput]] = {}
        for r in session.execute(
            select(Resident.household_id, Resident.id, Resident.name, Resident.sex,
                   Resident.birth_date, Resident.id_number, Resident.phone, Resident.relation,
                   Resident.is_head, Resident.mobility_notes, Resident.status)
            .where(Resident.household_id.in_(chunk)).order_by(Resident.id)
        ):
            residents.setdefault(r.household_id, []).append(ResidentInput(
                id=r.id, name=r.name, sex=Sex(r.sex) if r.sex else None,
                birth_date=r.birth_date, id_number=r.id_number or "", phone=r.phone,
                relation=r.relation, is_head=r.is_head, mobility_notes=r.mobility_notes,
                status=ResidentStatus(r.status),
            ))
        for h in session.execute(
            select(Household.id, Community.name, Household.building, Household.unit,
                   Household.room, Household.phone, Household.tier, Household.notes,
                   Household.version, Household.liaison_id, Household.registered_on)
            .join(Community, Household.community_id == Community.id)
            .where(Household.id.in_(chunk))
        ):
            found[h.id] = HouseholdInput(
                community=h.name, building=h.building, unit=h.unit, room=h.room,
                phone=h.phone, tier=CareTier(h.tier),
                categories=frozenset(categories.get(h.id, set())), notes=h.notes,
                residents=tuple(residents.get(h.id, [])), version=h.version,
                liaison_id=h.liaison_id, registered_on=h.registered_on,
            )
    return found


def _resident_input(person: _Person, is_head: bool) -> ResidentInput:
    return ResidentInput(
        name=person.name, sex=person.sex, birth_date=person.birth_date,
        id_number=person.id_number, phone=person.phone,
        relation=person.relation or ("户主" if is_head else ""), is_head=is_head,
        mobility_notes=person.mobility,
    )


def _joined_notes(current: str, notes: Iterable[str]) -> str:
    """The household's ``current`` notes followed by the rows' ``notes`` they do not hold
    yet, each once, separated by "；"."""
    added = [n for n in notes if n and n not in current]
    return "；".join(dict.fromkeys(n for n in (current, *added) if n))


def _rows_past_notes_limit(current: str, people: list[_Person]) -> dict[int, str]:
    """Rows whose note, added in row order to the household's ``current`` notes, would
    take them past their limit (a note too long on its own is left to the validation);
    the reason for each. Notes are never cut."""
    limit = text_rules.HOUSEHOLD_NOTES.limit
    kept: list[str] = []
    refused: dict[int, str] = {}
    for person in people:
        if not person.notes or len(person.notes.strip()) > limit:
            continue
        if len(_joined_notes(current, [*kept, person.notes]).strip()) <= limit:
            kept.append(person.notes)
            continue
        used = len(_joined_notes(current, kept).strip())
        refused[person.row] = (
            f"备注：加上这一行的备注，这户的备注会超过 {limit} 个字（已有 {used} 个字）。"
            "请把这一行的备注写短些，或先在住户信息里整理这户的备注，再导入这一行。")
    return refused


def _registered_on(people: list[_Person]) -> date | None:
    """The household's 登记日期 as the rows give it (the earliest, when they differ)."""
    return min((p.registered_on for p in people if p.registered_on is not None), default=None)


def _new_household(people: list[_Person]) -> HouseholdInput:
    head = next((p for p in people if p.is_head), people[0])
    tiers = [p.tier for p in people if p.tier is not None]
    categories = frozenset().union(*(p.categories for p in people))
    notes = _joined_notes("", (p.notes for p in people))
    phones = [p.household_phone for p in people if p.household_phone]
    return HouseholdInput(
        community=head.community, building=head.building, unit=head.unit, room=head.room,
        phone=phones[0] if phones else "", tier=tiers[0] if tiers else CareTier.ROUTINE,
        categories=categories, notes=notes,
        residents=tuple(_resident_input(p, p is head) for p in people),
        registered_on=_registered_on(people),
    )


def _same_phone(new: str, stored: str) -> str:
    """The stored spelling when ``new`` is the same number written differently."""
    digits = "".join(c for c in new if c.isdigit())
    return stored if digits and digits == "".join(c for c in stored if c.isdigit()) else new


def _merge_person(current: ResidentInput, person: _Person) -> ResidentInput:
    """The stored member with what the row says filled in or changed (never cleared)."""
    return replace(
        current,
        sex=person.sex or current.sex,
        birth_date=person.birth_date or current.birth_date,
        id_number=person.id_number or current.id_number,
        phone=_same_phone(person.phone, current.phone) if person.phone else current.phone,
        relation=person.relation or current.relation,
        mobility_notes=person.mobility or current.mobility_notes,
    )


def _merged_household(
    current: HouseholdInput, people: list[_Person]
) -> tuple[HouseholdInput, dict[int, bool]]:
    """The stored household with the rows applied, and for each row whether it changes
    anything (False: unchanged)."""
    residents = list(current.residents)
    changed: dict[int, bool] = {}
    for person in people:
        index = next((i for i, r in enumerate(residents)
                      if person.id_number and r.id_number == person.id_number), None)
        if index is None:
            index = next((i for i, r in enumerate(residents)
                          if r.name == person.name and r.status == ResidentStatus.PRESENT
                          and not (person.id_number and r.id_number)), None)
        if index is None:
            residents.append(_resident_input(person, False))
            changed[person.row] = True
            continue
        merged = _merge_person(residents[index], person)
        changed[person.row] = merged != residents[index]
        residents[index] = merged
    tiers = [p.tier for p in people if p.tier is not None]
    categories = current.categories.union(*(p.categories for p in people))
    phones = [p.household_phone for p in people if p.household_phone]
    merged_household = replace(
        current, residents=tuple(residents), categories=categories,
        phone=_same_phone(phones[0], current.phone) if phones else current.phone,
        tier=tiers[0] if tiers else current.tier,
        notes=_joined_notes(current.notes, (p.notes for p in people)),
        registered_on=_registered_on(people) or current.registered_on,
    )
    household_changed = (merged_household.tier != current.tier
                         or merged_household.phone != current.phone
                         or merged_household.categories != current.categories
                         or merged_household.notes != current.notes
                         or merged_household.registered_on != current.registered_on)
    if household_changed and people:
        changed[people[0].row] = True
    return merged_household, changed


def _problems_by_row(exc: ValidationError, people: list[_Person], residents_offset: int,
                     labels: dict[str, str]) -> dict[int, list[str]]:
    """Problems of a household validation, attached to the rows they come from."""
    found: dict[int, list[str]] = {}
    for problem in exc.problems:
        match = re.match(r"residents\[(\d+)\]\.(\w+)", problem.field)
        if match and int(match.group(1)) - residents_offset in range(len(people)):
            person = people[int(match.group(1)) - residents_offset]
            label = labels.get(match.group(2), "")
        else:
            person = people[0]
            label = labels.get(problem.field, "")
        found.setdefault(person.row, []).append(_reason(label, problem.message))
    return found


def _reason(label: str, message: str) -> str:
    """A rejected row's reason: the column's label first, unless the message names it."""
    return f"{label}：{message}" if label and not message.startswith(label) else message


_FIELD_LABELS = {
    "name": "姓名", "id_number": "身份证号", "birth_date": "出生日期", "sex": "性别",
    "phone": "联系电话", "community": "小区", "building": "楼号", "unit": "单元",
    "room": "室号", "residents": "成员", "relation": "与户主关系", "mobility_notes": "行动情况",
    "notes": "备注",
}


# ---------------------------------------------------------------- planning


def plan_import(
    session: Session, table: RosterTable, options: ImportOptions | None,
    today: date, progress: Progress | None = None,
) -> ImportPlan:
    """Read every row, check it, and decide what importing it would do; writes nothing.

    ``options`` None reads the file as found; ``today`` is the desk's day (birth dates
    and 登记日期 may not be after it).

    ImportFileError when the file has no header row naming at least a name and an address.
    """
    options = options or ImportOptions()
    header_row = options.header_row if options.header_row is not None else \
        find_header_row(table.rows)
    if header_row is None or header_row >= len(table.rows):
        raise ImportFileError(
            "这个文件看起来不是住户名册：前 20 行里找不到“姓名”“住址”“身份证号”这样的表头。"
        )
    header = table.rows[header_row]
    mapping = options.mapping if options.mapping is not None else map_columns(header)
    missing = missing_fields(mapping)
    if missing:
        raise ImportFileError("这个表格不能当作住户名册导入：" + "；".join(missing) + "。")
    width = max([len(header), *(len(r) for r in table.rows[header_row + 1:])], default=0)
    headers = _row_texts(header, width)
    columns = {f: i for i, f in mapping.items()}
    header_keys = {i: header_key(header[i]) for i in mapping if i < len(header)}
    results: dict[int, RowResult] = {}
    values: dict[int, tuple[str, ...]] = {}
    people: list[_Person] = []
    data_rows = table.rows[header_row + 1:]
    for offset, row in enumerate(data_rows):
        row_number = header_row + 2 + offset
        texts = _row_texts(row, width)
        if not any(texts[i] for i in mapping if i < width) or \
                _is_repeated_header(row, header_keys) or _TOTAL_ROW.match(texts[0]):
            continue
        values[row_number] = texts
        problems: list[str] = []
        person = _read_person(row_number, row, texts, columns,
                              options.default_community.strip(), problems)
        if person is None:
            results[row_number] = RowResult(row_number, texts, RowAction.REJECT,
                                            tuple(problems))
        else:
            people.append(person)
        if progress is not None and offset % 500 == 0 and not progress(offset, len(data_rows)):
            raise ImportCancelled()
    mark = _ledger_mark(session)
    households = _plan_households(session, people, results, values, today)
    rows = tuple(results[n] for n in sorted(results))
    return ImportPlan(table=table, header_row=header_row, headers=headers, mapping=mapping,
                      rows=rows, stop_on_first_error=options.stop_on_first_error,
                      households=tuple(households), options=options, ledger_mark=mark)


class ImportCancelled(Exception):
    """The clerk pressed Cancel; nothing was written."""


def _plan_households(
    session: Session, people: list[_Person], results: dict[int, RowResult],
    values: dict[int, tuple[str, ...]], today: date,
) -> list[_HouseholdPlan]:
    ledger = _read_ledger(session)
    reject = _Rejecter(results, values)
    seen_numbers: dict[str, int] = {}
    seen_names: dict[tuple[tuple[str, str, str, str], str], int] = {}
    groups: dict[tuple[str, str, str, str], list[_Person]] = {}
    for person in people:
        if person.id_number:
            first = seen_numbers.setdefault(person.id_number, person.row)
            if first != person.row:
                reject(person, f"身份证号与第 {first} 行重复")
                continue
        else:
            first = seen_names.setdefault((person.address, person.name), person.row)
            if first != person.row:
                reject(person, f"与第 {first} 行是同一地址的同名人员")
                continue
        groups.setdefault(person.address, []).append(person)
    matched: dict[tuple[str, str, str, str], int] = {}
    for address, group in groups.items():
        owners = {ledger.by_id_number[p.id_number] for p in group
                  if p.id_number in ledger.by_id_number}
        if len(owners) > 1:
            for person in group:
                reject(person, "这些人的身份证号在台账里分属不同住户，请分开核对")
            continue
        household_id = owners.pop() if owners else ledger.by_address.get(address)
        if household_id is not None:
            matched[address] = household_id
    current = _current_households(session, set(matched.values()))
    plans: list[_HouseholdPlan] = []
    for address, group in groups.items():
        if group and group[0].row in results:
            continue
        household_id = matched.get(address)
        if household_id is None:
            plans.extend(_plan_new(group, reject, results, values, today))
        else:
            plans.extend(_plan_update(current[household_id], household_id, group, reject,
                                      results, values, today))
    return plans


class _Rejecter:
    def __init__(self, results: dict[int, RowResult], values: dict[int, tuple[str, ...]]):
        self.results, self.values = results, values

    def __call__(self, person: _Person, *problems: str) -> None:
        self.results[person.row] = RowResult(person.row, self.values[person.row],
                                             RowAction.REJECT, problems)


def _reject_rows(
    group: list[_Person], reasons: dict[int, str], reject: _Rejecter
) -> list[_Person]:
    """Reject the rows of ``group`` that have a reason; the others, still to plan."""
    for person in group:
        if person.row in reasons:
            reject(person, reasons[person.row])
    return [p for p in group if p.row not in reasons]


def _plan_new(
    group: list[_Person], reject: _Rejecter, results: dict[int, RowResult],
    values: dict[int, tuple[str, ...]], today: date,
) -> list[_HouseholdPlan]:
    if too_long := _rows_past_notes_limit("", group):
        good = _reject_rows(group, too_long, reject)
        return _plan_new(good, reject, results, values, today) if good else []
    try:
        data = validate_household(_new_household(group), today)
    except ValidationError as exc:
        bad = _problems_by_row(exc, group, 0, _FIELD_LABELS)
        good = [p for p in group if p.row not in bad]
        for person in group:
            if person.row in bad:
                reject(person, *bad[person.row])
        if good and len(good) < len(group):
            return _plan_new(good, reject, results, values, today)
        if good:
            for person in good:
                reject(person, "同一户的其他行有错误")
        return []
    for person in group:
        results[person.row] = RowResult(person.row, values[person.row], RowAction.CREATE)
    return [_HouseholdPlan(people=group, household_id=None, data=data)]


def _plan_update(
    current: HouseholdInput, household_id: int, group: list[_Person], reject: _Rejecter,
    results: dict[int, RowResult], values: dict[int, tuple[str, ...]], today: date,
) -> list[_HouseholdPlan]:
    if too_long := _rows_past_notes_limit(current.notes, group):
        good = _reject_rows(group, too_long, reject)
        return (_plan_update(current, household_id, good, reject, results, values, today)
                if good else [])
    merged, changed = _merged_household(current, group)
    if not any(changed.values()):
        for person in group:
            results[person.row] = RowResult(person.row, values[person.row],
                                            RowAction.UNCHANGED)
        return []
    try:
        merged = validate_household(merged, today)
    except ValidationError as exc:
        bad = _problems_by_index(exc, merged, group)
        good = [p for p in group if p.row not in bad]
        for person in group:
            if person.row in bad:
                reject(person, *bad[person.row])
        if good and len(good) < len(group):
            return _plan_update(current, household_id, good, reject, results, values, today)
        return []
    for person in group:
        action = RowAction.UPDATE if changed.get(person.row) else RowAction.UNCHANGED
        results[person.row] = RowResult(person.row, values[person.row], action)
    return [_HouseholdPlan(people=group, household_id=household_id, data=merged)]


def _problems_by_index(
    exc: ValidationError, merged: HouseholdInput, group: list[_Person]
) -> dict[int, list[str]]:
    """Problems of a stored household with the rows applied, attached to the row that
    changed the member concerned (household-wide ones to the first row)."""
    found: dict[int, list[str]] = {}
    for problem in exc.problems:
        match = re.match(r"residents\[(\d+)\]\.(\w+)", problem.field)
        person, label = group[0], _FIELD_LABELS.get(problem.field, "")
        if match:
            member = merged.residents[int(match.group(1))]
            person = next((p for p in group if p.name == member.name), group[0])
            label = _FIELD_LABELS.get(match.group(2), "")
        found.setdefault(person.row, []).append(_reason(label, problem.message))
    return found


# ---------------------------------------------------------------- writing


def _ledger_mark(session: Session) -> tuple[int, ...]:
    """Changes whenever a household or member is added or saved (their version counters)."""
    marks: list[int] = []
    for model in (Household, Resident):
        row = session.execute(select(
            func.count(), func.coalesce(func.max(model.id), 0),
            func.coalesce(func.sum(model.version), 0))).one()
        marks.extend(int(value) for value in row)
    return tuple(marks)


def apply_plan(
    session: Session, plan: ImportPlan, actor: str, today: date,
    progress: Progress | None = None,
) -> ImportResult:
    """Write a plan in the caller's transaction (nothing when 'stop on first error' found
    a bad row). ``today`` is the desk's day: the 登记日期 of new households the file gives
    none for, and the day of their status entry. Raises ImportCancelled when ``progress``
    asks to stop.

    One import at a time per ledger: waits for another desk's import to finish
    (LedgerBusyError when it takes too long), then plans again when the ledger changed
    since ``plan`` was made, so that no household is created twice."""
    lock_for_import(session)
    if plan.options is not None and plan.ledger_mark != _ledger_mark(session):
        log.info("the ledger changed since the import was planned: planning again")
        plan = plan_import(session, plan.table, plan.options, today)
    if plan.blocked:
        return _result(plan, 0, 0, written=False, dry_run=False)
    new = [h for h in plan.households if h.household_id is None and h.data is not None]
    changed = [h for h in plan.households if h.household_id is not None and h.data is not None]
    total = len(new) + len(changed)
    _insert_households(session, [h.data for h in new if h.data is not None], actor, today)
    if progress is not None and not progress(len(new), total):
        raise ImportCancelled()
    for done, household in enumerate(changed, start=len(new) + 1):
        assert household.household_id is not None and household.data is not None
        update_household(session, household.household_id, household.data, actor, today)
        if progress is not None and done % 200 == 0 and not progress(done, total):
            raise ImportCancelled()
    session.flush()
    log.info("roster %s imported by %s: %d new, %d changed households",
             plan.table.path.name, actor, len(new), len(changed))
    return _result(plan, len(new), len(changed), written=True, dry_run=False)


def dry_run_result(plan: ImportPlan) -> ImportResult:
    """What applying ``plan`` would do, for ``--dry-run`` and the preview."""
    new = sum(1 for h in plan.households if h.household_id is None)
    changed = sum(1 for h in plan.households if h.household_id is not None)
    if plan.blocked:
        new = changed = 0
    return _result(plan, new, changed, written=False, dry_run=True)


def _result(plan: ImportPlan, new: int, changed: int, written: bool,
            dry_run: bool) -> ImportResult:
    blocked = plan.blocked
    return ImportResult(
        created=0 if blocked else plan.count(RowAction.CREATE),
        updated=0 if blocked else plan.count(RowAction.UPDATE),
        unchanged=0 if blocked else plan.count(RowAction.UNCHANGED),
        rejected=plan.rejected, households_created=new, households_updated=changed,
        dry_run=dry_run, written=written,
    )


def _insert_households(
    session: Session, households: list[HouseholdInput], actor: str, today: date
) -> None:
    """Insert new households in bulk: one INSERT … RETURNING per table, not one per row.

    Core inserts bypass the session's stamping: the audit times are set here from the
    session's clock.
    """
    if not households:
        return
    communities = community_ids(session, (h.community for h in households), actor)
    now = session_clock(session).now()
    stamps = {"created_at": now, "updated_at": now}
    rows: list[dict[str, Any]] = []
    for data in households:
        members = [MemberFacts(r.name, r.birth_date, r.phone, r.is_head, r.status)
                   for r in data.residents]
        address = Address(data.community, data.building, data.unit, data.room)
        registered_on = data.registered_on or today
        rows.append({
            "community_id": communities[data.community], "building": data.building,
            "unit": data.unit, "room": data.room, "phone": data.phone,
            "tier": data.tier.value, "status": HouseholdStatus.ACTIVE.value,
            "status_date": today, "status_reason": "名册导入", "notes": data.notes,
            "registered_on": registered_on, "next_visit_due": registered_on,
            "updated_by": actor, "version": 1, **stamps,
            **derived_household_columns(address, data.phone, members),
        })
    # Core inserts of the mapped tables: the ORM's bulk path costs more than the rows.
    tables = Household.metadata.tables
    table = tables["household"]
    ids = list(session.scalars(
        insert(table).returning(table.c.id, sort_by_parameter_order=True), rows
    ))
    residents: list[dict[str, Any]] = []
    categories: list[dict[str, Any]] = []
    changes: list[dict[str, Any]] = []
    for household_id, data in zip(ids, households, strict=True):
        for r in data.residents:
            residents.append({
                "household_id": household_id, "name": r.name,
                "sex": r.sex.value if r.sex else "", "birth_date": r.birth_date,
                "id_number": r.id_number or None, "phone": r.phone, "relation": r.relation,
                "is_head": r.is_head, "mobility_notes": r.mobility_notes,
                "status": r.status.value, "updated_by": actor, "version": 1, **stamps,
            })
        categories.extend({"household_id": household_id, "category": c.value}
                          for c in sorted(data.categories))
        changes.append({"household_id": household_id, "status": HouseholdStatus.ACTIVE.value,
                        "effective_date": today, "reason": "名册导入", "actor": actor,
                        "recorded_at": now})
    session.execute(insert(tables["resident"]), residents)
    if categories:
        session.execute(insert(tables["household_category"]), categories)
    session.execute(insert(tables["household_status_change"]), changes)
