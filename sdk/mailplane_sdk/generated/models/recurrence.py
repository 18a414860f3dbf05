from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Recurrence")



@_attrs_define
class Recurrence:
    """ 
        Attributes:
            exdates (list[str] | Unset): Occurrences removed from the series.
            rdates (list[str] | Unset): Occurrences added to the series.
            rrule (None | str | Unset): An RFC 5545 RRULE, e.g. FREQ=WEEKLY;BYDAY=MO
     """

    exdates: list[str] | Unset = UNSET
    rdates: list[str] | Unset = UNSET
    rrule: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        exdates: list[str] | Unset = UNSET
        if not isinstance(self.exdates, Unset):
            exdates = self.exdates



        rdates: list[str] | Unset = UNSET
        if not isinstance(self.rdates, Unset):
            rdates = self.rdates



        rrule: None | str | Unset
        if isinstance(self.rrule, Unset):
            rrule = UNSET
        else:
            rrule = self.rrule


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if exdates is not UNSET:
            field_dict["exdates"] = exdates
        if rdates is not UNSET:
            field_dict["rdates"] = rdates
        if rrule is not UNSET:
            field_dict["rrule"] = rrule

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        exdates = cast(list[str], d.pop("exdates", UNSET))


        rdates = cast(list[str], d.pop("rdates", UNSET))


        def _parse_rrule(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rrule = _parse_rrule(d.pop("rrule", UNSET))


        recurrence = cls(
            exdates=exdates,
            rdates=rdates,
            rrule=rrule,
        )

        return recurrence

