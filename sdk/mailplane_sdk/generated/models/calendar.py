from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.calendar_access import CalendarAccess
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="Calendar")



@_attrs_define
class Calendar:
    """ 
        Attributes:
            access (CalendarAccess): What the addressed account may do with this calendar.
            account_id (None | str): The account it belongs to or acts on.
            color (None | str): A colour, `#RRGGBB`.
            created_at (datetime.datetime): When it was created (RFC 3339, UTC).
            description (str): Free text describing it.
            feed_enabled (bool): A read-only iCalendar feed URL is published.
            id (str): The object's id: opaque, prefixed by its type (`acc_…`, `msg_…`, `evt_…`).
            is_default (bool): Whether it iss default.
            name (str): Its name, as people read it.
            time_zone (str): An IANA time zone (`Asia/Shanghai`).
            updated_at (datetime.datetime): When it last changed (RFC 3339, UTC).
            room_id (None | str | Unset): A room's id.
     """

    access: CalendarAccess
    account_id: None | str
    color: None | str
    created_at: datetime.datetime
    description: str
    feed_enabled: bool
    id: str
    is_default: bool
    name: str
    time_zone: str
    updated_at: datetime.datetime
    room_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        access = self.access.value

        account_id: None | str
        account_id = self.account_id

        color: None | str
        color = self.color

        created_at = self.created_at.isoformat()

        description = self.description

        feed_enabled = self.feed_enabled

        id = self.id

        is_default = self.is_default

        name = self.name

        time_zone = self.time_zone

        updated_at = self.updated_at.isoformat()

        room_id: None | str | Unset
        if isinstance(self.room_id, Unset):
            room_id = UNSET
        else:
            room_id = self.room_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "access": access,
            "account_id": account_id,
            "color": color,
            "created_at": created_at,
            "description": description,
            "feed_enabled": feed_enabled,
            "id": id,
            "is_default": is_default,
            "name": name,
            "time_zone": time_zone,
            "updated_at": updated_at,
        })
        if room_id is not UNSET:
            field_dict["room_id"] = room_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        access = CalendarAccess(d.pop("access"))




        def _parse_account_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        account_id = _parse_account_id(d.pop("account_id"))


        def _parse_color(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        color = _parse_color(d.pop("color"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        description = d.pop("description")

        feed_enabled = d.pop("feed_enabled")

        id = d.pop("id")

        is_default = d.pop("is_default")

        name = d.pop("name")

        time_zone = d.pop("time_zone")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        def _parse_room_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        room_id = _parse_room_id(d.pop("room_id", UNSET))


        calendar = cls(
            access=access,
            account_id=account_id,
            color=color,
            created_at=created_at,
            description=description,
            feed_enabled=feed_enabled,
            id=id,
            is_default=is_default,
            name=name,
            time_zone=time_zone,
            updated_at=updated_at,
            room_id=room_id,
        )


        calendar.additional_properties = d
        return calendar

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
