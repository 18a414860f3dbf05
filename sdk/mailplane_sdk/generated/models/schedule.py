from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.schedule_type_type_0 import ScheduleTypeType0
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.busy_interval import BusyInterval





T = TypeVar("T", bound="Schedule")



@_attrs_define
class Schedule:
    """ 
        Attributes:
            attendee (str): The attendee as asked (id or address).
            busy (list[BusyInterval]): Busy intervals, merged.
            id (None | str): The object's id: opaque, prefixed by its type (`acc_…`, `msg_…`, `evt_…`).
            type_ (None | ScheduleTypeType0): What kind (the values are listed by the schema).
            error (None | str | Unset): Why it could not be done; null when it was.
     """

    attendee: str
    busy: list[BusyInterval]
    id: None | str
    type_: None | ScheduleTypeType0
    error: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.busy_interval import BusyInterval # noqa: PLC0415
        attendee = self.attendee

        busy = []
        for busy_item_data in self.busy:
            busy_item = busy_item_data.to_dict()
            busy.append(busy_item)



        id: None | str
        id = self.id

        type_: None | str
        if isinstance(self.type_, ScheduleTypeType0):
            type_ = self.type_.value
        else:
            type_ = self.type_

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "attendee": attendee,
            "busy": busy,
            "id": id,
            "type": type_,
        })
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.busy_interval import BusyInterval # noqa: PLC0415
        d = dict(src_dict)
        attendee = d.pop("attendee")

        busy = []
        _busy = d.pop("busy")
        for busy_item_data in (_busy):
            busy_item = BusyInterval.from_dict(busy_item_data)



            busy.append(busy_item)


        def _parse_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        id = _parse_id(d.pop("id"))


        def _parse_type_(data: object) -> None | ScheduleTypeType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = ScheduleTypeType0(data)



                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScheduleTypeType0, data)

        type_ = _parse_type_(d.pop("type"))


        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))


        schedule = cls(
            attendee=attendee,
            busy=busy,
            id=id,
            type_=type_,
            error=error,
        )


        schedule.additional_properties = d
        return schedule

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
