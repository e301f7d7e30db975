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
