from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.room_update_booking_policy_type_0 import RoomUpdateBookingPolicyType0
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="RoomUpdate")



@_attrs_define
class RoomUpdate:
    """ 
        Attributes:
            address (None | str | Unset): An email address.
            allow_conflicts (bool | None | Unset): Whether it allows conflicts.
            booking_policy (None | RoomUpdateBookingPolicyType0 | Unset): `auto_accept` books at once; `approval` waits for
                a delegate.
            booking_window_days (int | None | Unset): Booking window, in days.
            building (None | str | Unset): The building.
            capacity (int | None | Unset): How many people it seats.
            delegates (list[str] | None | Unset): Accounts that approve bookings.
            description (None | str | Unset): Free text describing it.
            equipment (list[str] | None | Unset): What the room has (projector, video).
            floor (None | str | Unset): The floor.
            max_duration_minutes (int | None | Unset): Max duration, in minutes.
            name (None | str | Unset): Its name, as people read it.
     """

    address: None | str | Unset = UNSET
    allow_conflicts: bool | None | Unset = UNSET
    booking_policy: None | RoomUpdateBookingPolicyType0 | Unset = UNSET
    booking_window_days: int | None | Unset = UNSET
    building: None | str | Unset = UNSET
    capacity: int | None | Unset = UNSET
    delegates: list[str] | None | Unset = UNSET
    description: None | str | Unset = UNSET
    equipment: list[str] | None | Unset = UNSET
    floor: None | str | Unset = UNSET
    max_duration_minutes: int | None | Unset = UNSET
    name: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        address: None | str | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        allow_conflicts: bool | None | Unset
        if isinstance(self.allow_conflicts, Unset):
            allow_conflicts = UNSET
        else:
            allow_conflicts = self.allow_conflicts

        booking_policy: None | str | Unset
        if isinstance(self.booking_policy, Unset):
            booking_policy = UNSET
        elif isinstance(self.booking_policy, RoomUpdateBookingPolicyType0):
            booking_policy = self.booking_policy.value
        else:
            booking_policy = self.booking_policy

        booking_window_days: int | None | Unset
        if isinstance(self.booking_window_days, Unset):
            booking_window_days = UNSET
        else:
            booking_window_days = self.booking_window_days

        building: None | str | Unset
        if isinstance(self.building, Unset):
            building = UNSET
        else:
            building = self.building

        capacity: int | None | Unset
        if isinstance(self.capacity, Unset):
            capacity = UNSET
        else:
            capacity = self.capacity

        delegates: list[str] | None | Unset
        if isinstance(self.delegates, Unset):
            delegates = UNSET
        elif isinstance(self.delegates, list):
            delegates = self.delegates


        else:
            delegates = self.delegates

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        equipment: list[str] | None | Unset
        if isinstance(self.equipment, Unset):
            equipment = UNSET
        elif isinstance(self.equipment, list):
            equipment = self.equipment


        else:
            equipment = self.equipment

        floor: None | str | Unset
        if isinstance(self.floor, Unset):
            floor = UNSET
        else:
            floor = self.floor

        max_duration_minutes: int | None | Unset
        if isinstance(self.max_duration_minutes, Unset):
            max_duration_minutes = UNSET
        else:
            max_duration_minutes = self.max_duration_minutes

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name


        field_dict: dict[str, Any] = {}

        field_dict.update({
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
        if max_duration_minutes is not UNSET:
            field_dict["max_duration_minutes"] = max_duration_minutes
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address = _parse_address(d.pop("address", UNSET))


        def _parse_allow_conflicts(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        allow_conflicts = _parse_allow_conflicts(d.pop("allow_conflicts", UNSET))


        def _parse_booking_policy(data: object) -> None | RoomUpdateBookingPolicyType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                booking_policy_type_0 = RoomUpdateBookingPolicyType0(data)



                return booking_policy_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RoomUpdateBookingPolicyType0 | Unset, data)

        booking_policy = _parse_booking_policy(d.pop("booking_policy", UNSET))


        def _parse_booking_window_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        booking_window_days = _parse_booking_window_days(d.pop("booking_window_days", UNSET))


        def _parse_building(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        building = _parse_building(d.pop("building", UNSET))


        def _parse_capacity(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        capacity = _parse_capacity(d.pop("capacity", UNSET))


        def _parse_delegates(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                delegates_type_0 = cast(list[str], data)

                return delegates_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        delegates = _parse_delegates(d.pop("delegates", UNSET))


        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        def _parse_equipment(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                equipment_type_0 = cast(list[str], data)

                return equipment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        equipment = _parse_equipment(d.pop("equipment", UNSET))


        def _parse_floor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        floor = _parse_floor(d.pop("floor", UNSET))


        def _parse_max_duration_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_duration_minutes = _parse_max_duration_minutes(d.pop("max_duration_minutes", UNSET))


        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        room_update = cls(
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
            max_duration_minutes=max_duration_minutes,
            name=name,
        )

        return room_update

