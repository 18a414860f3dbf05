from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="RecurrenceOut")



@_attrs_define
class RecurrenceOut:
    """ 
        Attributes:
            exdates (list[str]): Occurrences removed from the series.
            rdates (list[str]): Occurrences added to the series.
            rrule (None | str): An RFC 5545 RRULE.
     """

    exdates: list[str]
    rdates: list[str]
    rrule: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        exdates = self.exdates



        rdates = self.rdates



        rrule: None | str
        rrule = self.rrule


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "exdates": exdates,
            "rdates": rdates,
            "rrule": rrule,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        exdates = cast(list[str], d.pop("exdates"))


        rdates = cast(list[str], d.pop("rdates"))


        def _parse_rrule(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rrule = _parse_rrule(d.pop("rrule"))


        recurrence_out = cls(
            exdates=exdates,
            rdates=rdates,
            rrule=rrule,
        )


        recurrence_out.additional_properties = d
        return recurrence_out

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
