"""The walking route of a volunteer's stops: one leg per community, doors in order."""

from __future__ import annotations

from stationapp.domain.address import Address
from stationapp.services.walking_route import floor_of, route_key, walking_route


def address(stop: tuple[str, str, str, str]) -> Address:
    return Address(*stop)


def test_stops_split_by_community_and_ordered_building_unit_floor_room() -> None:
    stops = [
        ("锦华一区", "3", "1", "201"),
        ("东旭小区", "10", "1", "302"),
        ("东旭小区", "2", "2", "101"),
        ("晖苑小区", "1", "1", "101"),
        ("东旭小区", "2", "1", "502"),
        ("东旭小区", "2", "1", "1101"),
        ("东旭小区", "2", "1", "102"),
    ]
    legs = walking_route(stops, address)
    assert [(leg.community, leg.part, leg.parts) for leg in legs] == [
        ("东旭小区", 1, 3), ("晖苑小区", 2, 3), ("锦华一区", 3, 3)]
    assert [(s[1], s[2], s[3]) for s in legs[0].stops] == [
        ("2", "1", "102"), ("2", "1", "502"), ("2", "1", "1101"),  # floor 1, 5, 11
        ("2", "2", "101"), ("10", "1", "302")]                   # 2号楼 before 10号楼
    assert sum(len(leg.stops) for leg in legs) == len(stops)


def test_same_address_keeps_the_given_order_and_nothing_gives_no_leg() -> None:
    first, second = ("东旭小区", "1", "1", "101", "a"), ("东旭小区", "1", "1", "101", "b")
    legs = walking_route([first, second], lambda s: Address(*s[:4]))
    assert legs[0].stops == (first, second)
    assert walking_route([], address) == []


def test_floor_and_key_of_odd_room_numbers() -> None:
    assert floor_of("302") == 3
    assert floor_of("1102") == 11
    assert floor_of("12") == 0
    assert floor_of("地下室") == 0
    assert route_key(Address("x", "2", "1", "302")) < route_key(Address("x", "2", "1", "401"))
    assert route_key(Address("x", "2", "1", "901")) < route_key(Address("x", "10", "1", "101"))
