from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="Room")



@_attrs_define
class Room:
    """ 
        Attributes:
            address (None | str): An email address.
            allow_conflicts (bool): Whether it allows conflicts.
            booking_policy (str): `auto_accept` books at once; `approval` waits for a delegate.
            booking_window_days (int): Booking window, in days.
            building (str): The building.
            calendar_id (str): The calendar it is in.
            capacity (int): How many people it seats.
            created_at (datetime.datetime): When it was created (RFC 3339, UTC).
            delegates (list[str]): Accounts that approve bookings.
            description (str): Free text describing it.
            equipment (list[str]): What the room has (projector, video).
            floor (str): The floor.
            id (str): The object's id: opaque, prefixed by its type (`acc_…`, `msg_…`, `evt_…`).
            kind (str): What kind of object it is (the values are listed by the schema).
            max_duration_minutes (int | None): Max duration, in minutes.
            name (str): Its name, as people read it.
            updated_at (datetime.datetime): When it last changed (RFC 3339, UTC).
     """

    address: None | str
    allow_conflicts: bool
    booking_policy: str
    booking_window_days: int
    building: str
    calendar_id: str
    capacity: int
    created_at: datetime.datetime
    delegates: list[str]
    description: str
    equipment: list[str]
    floor: str
    id: str
    kind: str
    max_duration_minutes: int | None
    name: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        address: None | str
        address = self.address

        allow_conflicts = self.allow_conflicts

        booking_policy = self.booking_policy

        booking_window_days = self.booking_window_days

        building = self.building

        calendar_id = self.calendar_id

        capacity = self.capacity

        created_at = self.created_at.isoformat()

        delegates = self.delegates



        description = self.description

        equipment = self.equipment



        floor = self.floor

        id = self.id

        kind = self.kind

        max_duration_minutes: int | None
        max_duration_minutes = self.max_duration_minutes

        name = self.name

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "address": address,
            "allow_conflicts": allow_conflicts,
            "booking_policy": booking_policy,
            "booking_window_days": booking_window_days,
            "building": building,
            "calendar_id": calendar_id,
            "capacity": capacity,
            "created_at": created_at,
            "delegates": delegates,
            "description": description,
            "equipment": equipment,
            "floor": floor,
            "id": id,
            "kind": kind,
            "max_duration_minutes": max_duration_minutes,
            "name": name,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        address = _parse_address(d.pop("address"))


        allow_conflicts = d.pop("allow_conflicts")

        booking_policy = d.pop("booking_policy")

        booking_window_days = d.pop("booking_window_days")

        building = d.pop("building")

        calendar_id = d.pop("calendar_id")

        capacity = d.pop("capacity")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        delegates = cast(list[str], d.pop("delegates"))


        description = d.pop("description")

        equipment = cast(list[str], d.pop("equipment"))


        floor = d.pop("floor")

        id = d.pop("id")

        kind = d.pop("kind")

        def _parse_max_duration_minutes(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        max_duration_minutes = _parse_max_duration_minutes(d.pop("max_duration_minutes"))


        name = d.pop("name")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        room = cls(
            address=address,
            allow_conflicts=allow_conflicts,
            booking_policy=booking_policy,
            booking_window_days=booking_window_days,
            building=building,
            calendar_id=calendar_id,
            capacity=capacity,
            created_at=created_at,
            delegates=delegates,
            description=description,
            equipment=equipment,
            floor=floor,
            id=id,
            kind=kind,
            max_duration_minutes=max_duration_minutes,
            name=name,
            updated_at=updated_at,
        )


        room.additional_properties = d
        return room

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
