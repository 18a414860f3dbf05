from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.event_type_info_data_schema import EventTypeInfoDataSchema





T = TypeVar("T", bound="EventTypeInfo")



@_attrs_define
class EventTypeInfo:
    """ 
        Attributes:
            data_schema (EventTypeInfoDataSchema): JSON Schema of the event's `data`.
            description (str): Free text describing it.
            domain (str): A domain name.
            scope (str): The scope a caller needs to see events of this type.
            type_ (str): What kind (the values are listed by the schema).
     """

    data_schema: EventTypeInfoDataSchema
    description: str
    domain: str
    scope: str
    type_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.event_type_info_data_schema import EventTypeInfoDataSchema # noqa: PLC0415
        data_schema = self.data_schema.to_dict()

        description = self.description

        domain = self.domain

        scope = self.scope

        type_ = self.type_


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "data_schema": data_schema,
            "description": description,
            "domain": domain,
            "scope": scope,
            "type": type_,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_type_info_data_schema import EventTypeInfoDataSchema # noqa: PLC0415
        d = dict(src_dict)
        data_schema = EventTypeInfoDataSchema.from_dict(d.pop("data_schema"))




        description = d.pop("description")

        domain = d.pop("domain")

        scope = d.pop("scope")

        type_ = d.pop("type")

        event_type_info = cls(
            data_schema=data_schema,
            description=description,
            domain=domain,
            scope=scope,
            type_=type_,
        )


        event_type_info.additional_properties = d
        return event_type_info

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
