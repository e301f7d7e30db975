"""The message catalogue: codes with parameters, put into words in the desk's language."""

from __future__ import annotations

import ast
import importlib
import re
import string
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import cast

import pytest
from sqlalchemy.orm import Session

from stationapp import messages
from stationapp.domain import errors
from stationapp.domain.clock import Clock
from stationapp.domain.errors import StationError, UnreadableValueError, ValidationError
from stationapp.domain.people import check_id_number
from stationapp.domain.roster_cells import facts_from_id_number, parse_sex
from stationapp.messages import Message, msg, render
from stationapp.messages.catalogue import AREAS, TEXTS
from stationapp.services._common import root_conflict
from stationapp.services.settings import StationSettings, store_station_settings

ROOT = Path(__file__).resolve().parents[2]
SERVICE_LAYERS = ("domain", "db", "services", "workflows", "demo", "documents")


@pytest.fixture
def language() -> Iterator[None]:
    """Restore the desk's language after a test that changes it."""
    before = messages.current_language()
    yield
    messages.set_language(before)


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


# ---------------------------------------------------------------- the catalogue


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_english_and_chinese_name_the_same_parameters(code: str) -> None:
    text = TEXTS[code]
    assert _fields(text.en) == _fields(text.zh), code
    assert text.en.strip() and text.zh.strip(), code


def test_no_code_is_defined_twice_and_each_starts_with_its_area() -> None:
    seen: dict[str, str] = {}
    for area in AREAS:
        name = area.__name__.rsplit(".", 1)[1]
        for code in area.TEXTS:
            assert code not in seen, f"{code} is in both {seen[code]} and {name}"
            seen[code] = name
            assert re.fullmatch(r"[a-z_]+(\.[a-z0-9_]+)+", code), code
            area_word = code.split(".")[0]  # the area's name, singular or plural
            assert name in (area_word, f"{area_word}s", f"{area_word[:-1]}ies"), \
                f"{code} is in the {name} area"
    assert seen.keys() == TEXTS.keys()


def test_msg_refuses_an_unknown_code() -> None:
    with pytest.raises(KeyError, match=r"no\.such_code"):
        msg("no.such_code")


def test_every_code_renders_in_both_languages() -> None:
    for code, text in TEXTS.items():
        params = {name: "x" for name in _fields(text.en)}
        assert render(msg(code, **params), messages.ENGLISH)
        assert render(msg(code, **params), messages.CHINESE)


# ---------------------------------------------------------------- real errors


def test_an_invalid_id_number_speaks_chinese_by_default_and_english_when_asked(
    language: None,
) -> None:
    with pytest.raises(ValidationError) as caught:
        check_id_number("11010519491231002Y")
    error = caught.value
    assert error.code == "people.id_characters"
    assert error.field == "id_number"
    assert error.message == "身份证号只能是数字，最后一位可以是X"
    messages.set_language("en")
    assert error.message == "An ID number holds only digits; the last one may be X"
    assert str(error) == "id_number: An ID number holds only digits; the last one may be X"


def test_a_short_id_number_names_its_length(language: None) -> None:
    with pytest.raises(ValidationError) as caught:
        check_id_number("123")
    assert caught.value.text == msg("people.id_length", length=3)
    messages.set_language("en")
    assert "has 3" in caught.value.message


def test_a_settings_problem_speaks_the_desk_language(language: None) -> None:
    # The name is checked before the database is touched: no session is needed.
    with pytest.raises(ValidationError) as caught:
        store_station_settings(cast(Session, None), StationSettings(name=" "))
    assert caught.value.message == "请填写服务社名称"
    messages.set_language("en")
    assert caught.value.message == "Please fill in the station's name"


def test_several_problems_keep_their_codes() -> None:
    first = ValidationError("a", msg("people.id_birth_date"))
    second = ValidationError("b", msg("people.phone_invalid"))
    combined = ValidationError.of([first, second])
    assert combined.text == first.text
    assert [p.code for p in combined.problems] == ["people.id_birth_date",
                                                    "people.phone_invalid"]


def test_a_roster_cell_reason_is_a_value_error_that_renders(language: None) -> None:
    with pytest.raises(ValueError) as caught:
        parse_sex("未知")
    assert isinstance(caught.value, UnreadableValueError)
    assert str(caught.value) == "性别“未知”应为“男”或“女”"
    messages.set_language("en")
    assert str(caught.value) == "Sex “未知” should be “男” (male) or “女” (female)"


def test_a_stale_save_tells_who_and_when_in_either_language(language: None) -> None:
    class Root:
        updated_by = "王芳"
        updated_at = datetime(2026, 3, 5, 14, 7)

    conflict = root_conflict("编号 12 的住户", Root(), ("备注",))
    assert conflict.account == "编号 12 的住户已在 3月5日 14:07 被 王芳 修改（备注）。"
    assert conflict.message == conflict.account + "请关闭后重新打开，再做修改。"
    messages.set_language("en")
    assert conflict.account == "编号 12 的住户 was changed by 王芳 on 3/5 at 14:07 (备注)."


def test_id_facts_are_read_in_one_place() -> None:
    facts = check_id_number("11010519491231002X")
    assert facts_from_id_number("11010519491231002X") == (facts.birth_date, facts.sex)
    assert facts_from_id_number("11010519491331002X") == (None, None)


# ---------------------------------------------------------------- no sentences in services


def _message_argument(call: ast.Call, name: str) -> ast.expr | None:
    """The argument of an error call that carries its message."""
    for keyword in call.keywords:
        if keyword.arg in ("message", "text", "account"):
            return keyword.value
    position = 1 if name == "ValidationError" else 0
    return call.args[position] if len(call.args) > position else None


def _is_words(node: ast.expr | None) -> bool:
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return True
    if isinstance(node, ast.BinOp):
        return _is_words(node.left) or _is_words(node.right)
    return False


def _han(node: ast.expr | None) -> bool:
    return node is not None and bool(re.search(r"[\u4e00-\u9fff]", ast.unparse(node)))


_CLERK_ERRORS = {
    name for name, value in vars(errors).items()
    if isinstance(value, type) and issubclass(value, StationError)
}


def _offenders() -> list[str]:
    found: list[str] = []
    for layer in SERVICE_LAYERS:
        for path in sorted((ROOT / "stationapp" / layer).rglob("*.py")):
            if "versions" in path.parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name.endswith("Error"):
                    argument = _message_argument(node, name)
                    if _is_words(argument) and (name in _CLERK_ERRORS or _han(argument)):
                        found.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}(…)")
                elif name == "add" and len(node.args) == 2 and _is_words(node.args[1]) \
                        and _han(node.args[1]):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} problems.add(…)")
    return found


def test_services_raise_codes_not_sentences() -> None:
    """No error for the clerk is built from words in domain, db, services or workflows:
    they carry ``msg(code, …)``; so does every problem noted on a form."""
    offenders = _offenders()
    assert not offenders, "errors built from words instead of msg(code):\n" + "\n".join(
        offenders)


def test_the_checker_sees_words() -> None:
    tree = ast.parse('raise ValidationError("name", f"请填写{x}")')
    call = next(n for n in ast.walk(tree) if isinstance(n, ast.Call))
    assert _is_words(_message_argument(call, "ValidationError"))
    tree = ast.parse('raise NotFoundError(msg("x.y", id=1))')
    call = next(n for n in ast.walk(tree) if isinstance(n, ast.Call))
    assert not _is_words(_message_argument(call, "NotFoundError"))


def test_message_is_a_value() -> None:
    assert msg("people.id_length", length=3) == Message("people.id_length", (("length", 3),))
    assert importlib.import_module("stationapp.messages").render("plain") == "plain"


# ---------------------------------------------------------------- an English desk reads English

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

_OLD_LABELS = {
    "COMMUNITY": "小区", "BUILDING": "楼号", "UNIT": "单元", "ROOM": "室号",
    "HOUSEHOLD_PHONE": "联系电话", "HOUSEHOLD_NOTES": "备注", "STATUS_REASON": "原因",
    "RESIDENT_NAME": "姓名", "RELATION": "与户主关系", "RESIDENT_PHONE": "电话",
    "ID_NUMBER": "身份证号", "MOBILITY": "行动情况", "VOLUNTEER_NAME": "姓名",
    "VOLUNTEER_PHONE": "电话", "VOLUNTEER_COMMUNITY": "小区名称", "SKILLS": "特长",
    "VOLUNTEER_NOTES": "备注", "EVENT_TITLE": "活动名称", "EVENT_PLACE": "地点",
    "EVENT_ORGANISER": "组织者", "EVENT_DESCRIPTION": "活动说明",
    "EVENT_TYPE_NAME": "活动类型名称", "ITEM_NAME": "物品名称",
    "ITEM_UNIT": "单位（如：幅、张、份）", "DELIVERY_NOTES": "配送备注",
    "DELIVERY_OUTCOME_NOTE": "结果说明", "VISIT_NOTES": "走访记录", "FINDING_NOTE": "说明",
    "REMINDER_TEXT": "提醒内容", "REQUEST_CATEGORY": "诉求类别名称",
    "REQUEST_DESCRIPTION": "诉求内容", "REQUEST_CHANNEL": "受理渠道",
    "REQUEST_REPORTER": "反映人", "REQUEST_NOTE": "说明", "REQUEST_RESOLUTION": "办结情况",
    "REQUEST_CALLBACK": "回访情况", "STATION_NAME": "服务社名称", "STATION_PHONE": "电话",
}
"""Every text rule's label as it was written in Chinese before labels became messages."""


def test_text_rule_labels_keep_their_chinese_and_have_english_words() -> None:
    from stationapp.domain.text_rules import ALL_RULES

    assert {name: render(rule.label, messages.CHINESE) for name, rule in ALL_RULES.items()} \
        == _OLD_LABELS
    for name, rule in ALL_RULES.items():
        english = render(rule.label, messages.ENGLISH)
        assert english and not _CJK.search(english), name


def test_a_text_rule_problem_reads_english_on_an_english_desk(language: None) -> None:
    from stationapp.domain.text_rules import FINDING_NOTE

    with pytest.raises(ValidationError) as caught:
        FINDING_NOTE.check("很" * 501, "note")
    assert caught.value.message == "说明太长（最多 500 个字）"
    messages.set_language("en")
    assert caught.value.message == "“Note” is too long (at most 500 characters)"
    assert not _CJK.search(str(caught.value))


def test_a_visit_finding_note_names_its_topic_in_the_desk_language(language: None) -> None:
    from stationapp.domain.care_vocab import VisitTopic
    from stationapp.services._common import Problems
    from stationapp.services.visits import FindingInput, _check_findings

    problems = Problems()
    _check_findings([FindingInput(VisitTopic.GAS, note="很" * 501)], problems)
    (problem,) = problems.items
    assert problem.message == "“燃气安全”的说明太长（最多 500 个字）"
    messages.set_language("en")
    assert problem.message == "“Note on Gas safety” is too long (at most 500 characters)"
    assert not _CJK.search(problem.message)


def _household_pair() -> tuple[object, object]:
    from datetime import date

    from stationapp.domain.vocab import CareTier, HouseholdStatus, ResidentStatus
    from stationapp.services.household_types import HouseholdDetail, ResidentDetail

    member = ResidentDetail(
        id=7, name="王建国", sex=None, birth_date=date(1938, 5, 1), age=88, id_number="",
        phone="", relation="户主", is_head=True, mobility_notes="", status=ResidentStatus.PRESENT)
    opened = HouseholdDetail(
        id=12, community="锦华一区", building="3", unit="2", room="502", phone="",
        tier=CareTier.ROUTINE, categories=frozenset(), is_elderly=True, notes="",
        status=HouseholdStatus.ACTIVE, status_date=None, status_reason="",
        residents=(member,), history=(), version=1)
    newcomer = replace_(member, id=8, name="单秀英", is_head=False, relation="配偶")
    stored = replace_(
        opened, phone="13905461234", version=2,
        residents=(replace_(member, phone="13700001111", mobility_notes="耳背"), newcomer))
    return opened, stored


def replace_(value: object, **changes: object) -> object:
    """``dataclasses.replace`` for the frozen details above."""
    from dataclasses import replace

    return replace(value, **changes)  # type: ignore[type-var]


def test_a_household_conflict_account_names_its_parts_in_the_desk_language(
    language: None,
) -> None:
    from stationapp.services.household_types import HouseholdDetail
    from stationapp.services.households import household_changes

    opened, stored = _household_pair()
    assert isinstance(opened, HouseholdDetail) and isinstance(stored, HouseholdDetail)

    class Root:
        updated_by = "王芳"
        updated_at = datetime(2026, 3, 5, 14, 7)

    conflict = root_conflict(msg("household.numbered", id=12), Root(),
                             household_changes(opened, stored))
    assert conflict.changed_parts == ("联系电话", "成员 1 的电话、行动情况", "新增成员 2")
    assert conflict.account == ("编号 12 的住户已在 3月5日 14:07 被 王芳 修改"
                                "（联系电话、成员 1 的电话、行动情况、新增成员 2）。")
    messages.set_language("en")
    assert conflict.changed_parts == ("contact phone", "member 1: phone, mobility",
                                      "new member 2")
    assert conflict.account == ("Household number 12 was changed by 王芳 on 3/5 at 14:07 "
                                "(contact phone; member 1: phone, mobility; new member 2).")
    # Only the name of the person who saved is Chinese: it is data, not words of the program.
    assert not _CJK.search(conflict.message.replace("王芳", ""))


def test_a_status_refusal_reads_english_on_an_english_desk(
    language: None, sqlite_url: str, clock: Clock,
) -> None:
    from datetime import date

    from stationapp.domain.vocab import HouseholdStatus
    from stationapp.services.household_types import HouseholdInput, ResidentInput
    from stationapp.services.households import create_household, set_household_status
    from stationapp.workflows.opening import open_database

    today = date(2026, 11, 26)
    database = open_database(sqlite_url, clock)
    try:
        with database.session() as s:
            household_id = create_household(
                s, HouseholdInput(community="锦华一区", building="3", unit="2", room="502",
                                  residents=(ResidentInput(name="王建国", is_head=True),)),
                "test", today)
        with pytest.raises(ValidationError) as caught, database.session() as s:
            set_household_status(s, household_id, HouseholdStatus.ACTIVE, today, "", "test",
                                 today=today)
    finally:
        database.dispose()
    assert caught.value.message == "这户已经是“在册”"
    messages.set_language("en")
    assert caught.value.message == "This household is already “on the ledger”."
    assert not _CJK.search(str(caught.value))


def test_a_request_refusal_names_statuses_in_the_desk_language(language: None) -> None:
    from stationapp.domain.care_vocab import RequestStatus
    from stationapp.services.requests import _refusal

    refusal = _refusal(RequestStatus.RESOLVED, RequestStatus.ASSIGNED)
    assert render(refusal) == ("这条诉求不能从“已办结”改为“派单”："
                               "回访发现问题没解决的，请改回“处理中”")
    messages.set_language("en")
    assert not _CJK.search(render(refusal))
    assert "“resolved”" in render(refusal) and "“in progress”" in render(refusal)


def test_vocabulary_words_keep_the_chinese_labels_exactly() -> None:
    from stationapp.domain.vocab_words import WORDED, label_message

    for vocabulary in WORDED:
        for member in vocabulary:
            word = label_message(member)  # type: ignore[arg-type]
            assert render(word, messages.CHINESE) == member.label  # type: ignore[attr-defined]
            english = render(word, messages.ENGLISH)
            assert english and not _CJK.search(english), member


def test_missing_roster_columns_are_messages(language: None) -> None:
    from stationapp.domain.roster_columns import (
        RosterField,
        missing_field_messages,
        missing_fields,
    )

    lacking = missing_field_messages({0: RosterField.PHONE})
    assert [m.code for m in lacking] == ["import.no_name_column", "import.no_address_column"]
    assert missing_fields({0: RosterField.PHONE}) == ["没有“姓名”列", "没有“住址”或“楼号”列"]
    messages.set_language("en")
    assert missing_fields({0: RosterField.PHONE})[0] == "there is no “姓名” (name) column"
