"""Importing a hand-made roster (.xlsx / .csv) into the household ledger.

One row is one person. Rows at the same address form one household; the row whose
relation is 户主 (else the first) is its head. A person is matched to the ledger by ID
number, else by name within the household at the same address, so importing the same file
twice changes nothing; an update only fills in or changes what the file says and never
clears a value because a cell is empty.

``plan_import`` reads and checks everything and decides what each row would do, writing
nothing (the wizard's preview and ``--dry-run``). ``apply_plan`` writes the plan inside the
caller's transaction, so the whole import commits or rolls back as one. Reading a row is
:mod:`stationapp.services.roster_rows`, matching rows to the ledger and merging them
:mod:`stationapp.services.roster_matching`, the bulk insert
:mod:`stationapp.services.roster_writing`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from sqlalchemy.orm import Session

from stationapp.db.locks import lock_for_import
from stationapp.domain.errors import ImportFileError, ValidationError
from stationapp.domain.roster_columns import (
    RosterField,
    find_header_row,
    header_key,
    map_columns,
    missing_field_messages,
)
from stationapp.domain.vocab_words import joined
from stationapp.messages import Message, msg, render
from stationapp.services.household_types import HouseholdInput
from stationapp.services.household_validation import validate_household
from stationapp.services.households import update_household
from stationapp.services.roster_files import RosterTable
from stationapp.services.roster_matching import (
    current_households,
    merged_household,
    new_household,
    problems_by_index,
    problems_by_row,
    read_ledger,
    rows_past_notes_limit,
)
from stationapp.services.roster_rows import (
    RowPerson,
    is_repeated_header,
    read_person,
    row_texts,
)
from stationapp.services.roster_writing import insert_households, ledger_mark

log = logging.getLogger("stationapp.services")

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


@dataclass(frozen=True, slots=True)
class RowResult:
    """One data row of the file: its number as the spreadsheet shows it, its cells as text,
    what importing it does, and its problems.

    ``reasons`` are the problems as messages (codes with parameters); ``problems`` the same
    in words, in the desk's language when the row was planned (for the preview, the report
    of rejected rows and the command line).
    """

    row_number: int
    values: tuple[str, ...]
    action: RowAction
    problems: tuple[str, ...] = ()
    reasons: tuple[Message | str, ...] = ()

    @classmethod
    def rejected(
        cls, row_number: int, values: tuple[str, ...], reasons: tuple[Message | str, ...]
    ) -> RowResult:
        """A row that will not be imported, for ``reasons``."""
        return cls(row_number, values, RowAction.REJECT,
                   tuple(render(r) for r in reasons), reasons)


@dataclass
class _HouseholdPlan:
    people: list[RowPerson]
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
    """The ledger as the plan saw it (see
    :func:`~stationapp.services.roster_writing.ledger_mark`)."""

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
        raise ImportFileError(msg("import.not_a_roster"))
    header = table.rows[header_row]
    mapping = options.mapping if options.mapping is not None else map_columns(header)
    missing = missing_field_messages(mapping)
    if missing:
        lacking = joined(missing, "common.semicolon")
        raise ImportFileError(msg("import.not_importable", missing=lacking))
    width = max([len(header), *(len(r) for r in table.rows[header_row + 1:])], default=0)
    headers = row_texts(header, width)
    columns = {f: i for i, f in mapping.items()}
    header_keys = {i: header_key(header[i]) for i in mapping if i < len(header)}
    results: dict[int, RowResult] = {}
    values: dict[int, tuple[str, ...]] = {}
    people: list[RowPerson] = []
    data_rows = table.rows[header_row + 1:]
    for offset, row in enumerate(data_rows):
        row_number = header_row + 2 + offset
        texts = row_texts(row, width)
        if not any(texts[i] for i in mapping if i < width) or \
                is_repeated_header(row, header_keys) or _TOTAL_ROW.match(texts[0]):
            continue
        values[row_number] = texts
        problems: list[Message | str] = []
        person = read_person(row_number, row, texts, columns,
                             options.default_community.strip(), problems)
        if person is None:
            results[row_number] = RowResult.rejected(row_number, texts, tuple(problems))
        else:
            people.append(person)
        if progress is not None and offset % 500 == 0 and not progress(offset, len(data_rows)):
            raise ImportCancelled()
    mark = ledger_mark(session)
    households = _plan_households(session, people, results, values, today)
    rows = tuple(results[n] for n in sorted(results))
    return ImportPlan(table=table, header_row=header_row, headers=headers, mapping=mapping,
                      rows=rows, stop_on_first_error=options.stop_on_first_error,
                      households=tuple(households), options=options, ledger_mark=mark)


class ImportCancelled(Exception):
    """The clerk pressed Cancel; nothing was written."""


def _plan_households(
    session: Session, people: list[RowPerson], results: dict[int, RowResult],
    values: dict[int, tuple[str, ...]], today: date,
) -> list[_HouseholdPlan]:
    ledger = read_ledger(session)
    reject = _Rejecter(results, values)
    seen_numbers: dict[str, int] = {}
    seen_names: dict[tuple[tuple[str, str, str, str], str], int] = {}
    groups: dict[tuple[str, str, str, str], list[RowPerson]] = {}
    for person in people:
        if person.id_number:
            first = seen_numbers.setdefault(person.id_number, person.row)
            if first != person.row:
                reject(person, msg("import.id_number_repeated", row=first))
                continue
        else:
            first = seen_names.setdefault((person.address, person.name), person.row)
            if first != person.row:
                reject(person, msg("import.same_person_repeated", row=first))
                continue
        groups.setdefault(person.address, []).append(person)
    matched: dict[tuple[str, str, str, str], int] = {}
    for address, group in groups.items():
        owners = {ledger.by_id_number[p.id_number] for p in group
                  if p.id_number in ledger.by_id_number}
        if len(owners) > 1:
            for person in group:
                reject(person, msg("import.owners_differ"))
            continue
        household_id = owners.pop() if owners else ledger.by_address.get(address)
        if household_id is not None:
            matched[address] = household_id
    current = current_households(session, set(matched.values()))
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

    def __call__(self, person: RowPerson, *reasons: Message | str) -> None:
        self.results[person.row] = RowResult.rejected(person.row, self.values[person.row],
                                                      reasons)


def _reject_rows(
    group: list[RowPerson], reasons: dict[int, Message | str], reject: _Rejecter
) -> list[RowPerson]:
    """Reject the rows of ``group`` that have a reason; the others, still to plan."""
    for person in group:
        if person.row in reasons:
            reject(person, reasons[person.row])
    return [p for p in group if p.row not in reasons]


def _plan_new(
    group: list[RowPerson], reject: _Rejecter, results: dict[int, RowResult],
    values: dict[int, tuple[str, ...]], today: date,
) -> list[_HouseholdPlan]:
    if too_long := rows_past_notes_limit("", group):
        good = _reject_rows(group, too_long, reject)
        return _plan_new(good, reject, results, values, today) if good else []
    try:
        data = validate_household(new_household(group), today)
    except ValidationError as exc:
        bad = problems_by_row(exc, group)
        good = [p for p in group if p.row not in bad]
        for person in group:
            if person.row in bad:
                reject(person, *bad[person.row])
        if good and len(good) < len(group):
            return _plan_new(good, reject, results, values, today)
        if good:
            for person in good:
                reject(person, msg("import.other_rows_bad"))
        return []
    for person in group:
        results[person.row] = RowResult(person.row, values[person.row], RowAction.CREATE)
    return [_HouseholdPlan(people=group, household_id=None, data=data)]


def _plan_update(
    current: HouseholdInput, household_id: int, group: list[RowPerson], reject: _Rejecter,
    results: dict[int, RowResult], values: dict[int, tuple[str, ...]], today: date,
) -> list[_HouseholdPlan]:
    if too_long := rows_past_notes_limit(current.notes, group):
        good = _reject_rows(group, too_long, reject)
        return (_plan_update(current, household_id, good, reject, results, values, today)
                if good else [])
    merged, changed = merged_household(current, group)
    if not any(changed.values()):
        for person in group:
            results[person.row] = RowResult(person.row, values[person.row],
                                            RowAction.UNCHANGED)
        return []
    try:
        merged = validate_household(merged, today)
    except ValidationError as exc:
        bad = problems_by_index(exc, merged, group)
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


# ---------------------------------------------------------------- writing

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
    if plan.options is not None and plan.ledger_mark != ledger_mark(session):
        log.info("the ledger changed since the import was planned: planning again")
        plan = plan_import(session, plan.table, plan.options, today)
    if plan.blocked:
        return _result(plan, 0, 0, written=False, dry_run=False)
    new = [h for h in plan.households if h.household_id is None and h.data is not None]
    changed = [h for h in plan.households if h.household_id is not None and h.data is not None]
    total = len(new) + len(changed)
    insert_households(session, [h.data for h in new if h.data is not None], actor, today)
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


__all__ = [
    "ImportCancelled", "ImportOptions", "ImportPlan", "ImportResult", "Progress", "RowAction",
    "RowResult", "apply_plan", "dry_run_result", "plan_import",
]
