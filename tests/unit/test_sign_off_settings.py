"""Q4 (issue 15): the station settings know who signs the papers (负责人, 审核人,
制表人/填报人) and the papers' contact phone."""

from __future__ import annotations

import pytest

from stationapp.domain.errors import ValidationError
from stationapp.services.database import Database
from stationapp.services.settings import (
    SIGN_OFF_NAME,
    StationSettings,
    get_station_settings,
    store_station_settings,
)


def test_sign_off_fields_are_stored_and_read_back(database: Database) -> None:
    with database.session() as session:
        assert get_station_settings(session).preparer == ""
        store_station_settings(session, StationSettings(
            phone="0546-8321234", responsible_person=" 张晓东 ", reviewer="李䶮",
            preparer="王书文", contact_phone="13912345678"))
    with database.session() as session:
        settings = get_station_settings(session)
    assert (settings.responsible_person, settings.reviewer, settings.preparer) == (
        "张晓东", "李䶮", "王书文")
    assert settings.contact_phone == "139 1234 5678" or settings.contact_phone.replace(
        " ", "") == "13912345678"
    assert settings.sign_off_phone == settings.contact_phone


def test_papers_fall_back_to_the_station_phone() -> None:
    assert StationSettings(phone="0546-8321234").sign_off_phone == "0546-8321234"
    assert StationSettings(phone="0546-8321234",
                           contact_phone="13912345678").sign_off_phone == "13912345678"


@pytest.mark.parametrize(("changes", "field"), [
    ({"reviewer": "长" * (SIGN_OFF_NAME + 1)}, "reviewer"),
    ({"preparer": "王\x07"}, "preparer"),
    ({"contact_phone": "12"}, "contact_phone"),
])
def test_bad_sign_off_values_are_refused_on_their_field(
    database: Database, changes: dict[str, str], field: str
) -> None:
    with database.session() as session, pytest.raises(ValidationError) as caught:
        store_station_settings(session, StationSettings(**changes))  # type: ignore[arg-type]
    assert caught.value.field == field
