from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.room_create_booking_policy import RoomCreateBookingPolicy
from ..models.room_create_kind import RoomCreateKind
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="RoomCreate")



@_attrs_define
class RoomCreate:
    """ 
        Attributes:
            name (str): Its name, as people read it.
            address (None | str | Unset): An email address.
            allow_conflicts (bool | Unset): Whether it allows conflicts. Default: False.
            booking_policy (RoomCreateBookingPolicy | Unset): `auto_accept` books at once; `approval` waits for a delegate.
                Default: RoomCreateBookingPolicy.AUTO_ACCEPT.
            booking_window_days (int | Unset): Booking window, in days. Default: 365.
            building (str | Unset): The building. Default: ''.
            capacity (int | Unset): How many people it seats. Default: 0.
            delegates (list[str] | Unset): Accounts that approve bookings.
            description (str | Unset): Free text describing it. Default: ''.
            equipment (list[str] | Unset): What the room has (projector, video).
            floor (str | Unset): The floor. Default: ''.
            kind (RoomCreateKind | Unset): What kind of object it is (the values are listed by the schema). Default:
                RoomCreateKind.ROOM.
            max_duration_minutes (int | None | Unset): Max duration, in minutes.
     """

    name: str
    address: None | str | Unset = UNSET
    allow_conflicts: bool | Unset = False
    booking_policy: RoomCreateBookingPolicy | Unset = RoomCreateBookingPolicy.AUTO_ACCEPT
    booking_window_days: int | Unset = 365
    building: str | Unset = ''
    capacity: int | Unset = 0
    delegates: list[str] | Unset = UNSET
    description: str | Unset = ''
    equipment: list[str] | Unset = UNSET
    floor: str | Unset = ''
    kind: RoomCreateKind | Unset = RoomCreateKind.ROOM
    max_duration_minutes: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        address: None | str | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        allow_conflicts = self.allow_conflicts

        booking_policy: str | Unset = UNSET
        if not isinstance(self.booking_policy, Unset):
            booking_policy = self.booking_policy.value


        booking_window_days = self.booking_window_days

        building = self.building

        capacity = self.capacity

        delegates: list[str] | Unset = UNSET
        if not isinstance(self.delegates, Unset):
            delegates = self.delegates



        description = self.description

        equipment: list[str] | Unset = UNSET
        if not isinstance(self.equipment, Unset):
            equipment = self.equipment



        floor = self.floor

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        max_duration_minutes: int | None | Unset
        if isinstance(self.max_duration_minutes, Unset):
            max_duration_minutes = UNSET
        else:
            max_duration_minutes = self.max_duration_minutes


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
        })
        if address is not UNSET:
            field_dict["address"] = address
        if allow_conflicts is not UNSET:
            field_dict["allow_conflicts"] = allow_conflicts
        if booking_policy is not UNSET:
            field_dict["booking_policy"] = booking_policy
        if booking_window_days is not UNSET:
            field_dict["booking_window_days"] = booking_window_days
        if building is not UNSET:
            field_dict["building"] = building
        if capacity is not UNSET:
            field_dict["capacity"] = capacity
        if delegates is not UNSET:
            field_dict["delegates"] = delegates
        if description is not UNSET:
            field_dict["description"] = description
        if equipment is not UNSET:
            field_dict["equipment"] = equipment
        if floor is not UNSET:
            field_dict["floor"] = floor
        if kind is not UNSET:
            field_dict["kind"] = kind
        if max_duration_minutes is not UNSET:
            field_dict["max_duration_minutes"] = max_duration_minutes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address = _parse_address(d.pop("address", UNSET))


        allow_conflicts = d.pop("allow_conflicts", UNSET)

        _booking_policy = d.pop("booking_policy", UNSET)
        booking_policy: RoomCreateBookingPolicy | Unset
        if isinstance(_booking_policy,  Unset):
            booking_policy = UNSET
        else:
            booking_policy = RoomCreateBookingPolicy(_booking_policy)




        booking_window_days = d.pop("booking_window_days", UNSET)

        building = d.pop("building", UNSET)

        capacity = d.pop("capacity", UNSET)

        delegates = cast(list[str], d.pop("delegates", UNSET))


        description = d.pop("description", UNSET)

        equipment = cast(list[str], d.pop("equipment", UNSET))


        floor = d.pop("floor", UNSET)

        _kind = d.pop("kind", UNSET)
        kind: RoomCreateKind | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = RoomCreateKind(_kind)




        def _parse_max_duration_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_duration_minutes = _parse_max_duration_minutes(d.pop("max_duration_minutes", UNSET))


        room_create = cls(
            name=name,
            address=address,
            allow_conflicts=allow_conflicts,
            booking_policy=booking_policy,
            booking_window_days=booking_window_days,
            building=building,
            capacity=capacity,
            delegates=delegates,
            description=description,
            equipment=equipment,
            floor=floor,
            kind=kind,
            max_duration_minutes=max_duration_minutes,
        )

        return room_create

