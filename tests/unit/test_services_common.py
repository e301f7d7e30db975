"""The helpers the services share, on SQLite and on PostgreSQL where they touch the database."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, update

from stationapp.domain.errors import ConflictError, ValidationError
from stationapp.domain.event_models import Volunteer
from stationapp.domain.models import Community
from stationapp.services._common import (
    Problems,
    check_person,
    check_version,
    chunks,
    community_ids,
    community_named,
    flush_or_conflict,
    like_pattern,
    read_ids,
)
from stationapp.services.database import Database


def test_problems_are_raised_together() -> None:
    problems = Problems()
    problems.raise_if_any()  # nothing noted: nothing raised
    assert problems.text("place", "  礼堂 ", "地点", 5) == "礼堂"
    assert problems.text("place", " 社区活动中心大礼堂 ", "地点", 5) == "社区活动中心大礼堂"
    problems.add("title", "请填写标题")
    with pytest.raises(ValidationError) as caught:
        problems.raise_if_any()
    assert [(p.field, p.message) for p in caught.value.problems] == [
        ("place", "地点太长（最多 5 个字）"), ("title", "请填写标题"),
    ]


def test_like_pattern_escapes_wildcards() -> None:
    assert like_pattern("王") == "%王%"
    assert like_pattern("50%_a\\b") == "%50\\%\\_a\\\\b%"


def test_chunks_cover_every_item_in_order() -> None:
    assert [list(c) for c in chunks([1, 2, 3, 4, 5], 2)] == [[1, 2], [3, 4], [5]]
    assert list(chunks([], 3)) == []


def test_check_version() -> None:
    check_version(None, 4, "改过了")
    check_version(4, 4, "改过了")
    with pytest.raises(ConflictError, match="改过了"):
        check_version(3, 4, "改过了")


def test_communities_are_found_or_added_once(database: Database) -> None:
    with database.session() as s:
        first = community_named(s, "锦华一区", "clerk")
        assert community_named(s, "锦华一区", "clerk").id == first.id
        ids = community_ids(s, ["东旭小区", "锦华一区", "东旭小区"], "desk")
        assert ids["锦华一区"] == first.id
        assert s.scalar(select(func.count()).select_from(Community)) == 2
        added = s.get(Community, ids["东旭小区"])
        assert added is not None and added.updated_by == "desk"


def test_flush_or_conflict_reports_a_stale_row(database: Database) -> None:
    with database.session() as s:
        volunteer = Volunteer(name="王书文", updated_by="clerk")
        s.add(volunteer)
        flush_or_conflict(s, "改过了")
        volunteer_id = volunteer.id
    with pytest.raises(ConflictError, match="改过了"), database.session() as s:
        volunteer = s.get_one(Volunteer, volunteer_id)
        table = Volunteer.__table__
        s.execute(update(table).where(table.c.id == volunteer_id)  # another desk saved
                  .values(version=table.c.version + 1))
        volunteer.name = "王书武"
        flush_or_conflict(s, "改过了")


def test_check_person_wants_a_serving_person(database: Database) -> None:
    with database.session() as s:
        retired = Volunteer(name="赵墨林", active=False, updated_by="clerk")
        s.add(retired)
        s.flush()
        problems = Problems()
        check_person(s, None, "visitor", "走访人", problems)
        check_person(s, retired.id, "visitor", "走访人", problems, kept=retired.id)
        assert problems.items == []
        check_person(s, retired.id + 1, "visitor", "走访人", problems)
        check_person(s, retired.id, "liaison", "联户人", problems)
    assert [(p.field, p.message) for p in problems.items] == [
        ("visitor", "请从名册中选择走访人"), ("liaison", "赵墨林已不再服务，请选择其他联户人"),
    ]


def test_read_ids_keeps_the_order_across_batches_and_sees_pending_changes(
        database: Database) -> None:
    """More ids than one batch, in the query's order, including rows not yet flushed."""
    with database.session() as s:
        s.add_all(Community(name=f"小区{n:04d}") for n in range(1203))
        assert read_ids(s, select(Community.id).order_by(Community.name.desc()))[:2] == [
            s.scalar(select(Community.id).where(Community.name == name))
            for name in ("小区1202", "小区1201")]
        ids = read_ids(s, select(Community.id).order_by(Community.id))
        assert len(ids) == 1203 and ids == sorted(ids)
