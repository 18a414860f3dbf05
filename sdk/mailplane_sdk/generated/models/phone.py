from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.phone_type import PhoneType
from ..types import UNSET, Unset






T = TypeVar("T", bound="Phone")



@_attrs_define
class Phone:
    """ 
        Attributes:
            number (str): A phone number.
            type_ (PhoneType | Unset): What kind (the values are listed by the schema). Default: PhoneType.OTHER.
     """

    number: str
    type_: PhoneType | Unset = PhoneType.OTHER





    def to_dict(self) -> dict[str, Any]:
        number = self.number

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
            "number": number,
        })
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        number = d.pop("number")

        _type_ = d.pop("type", UNSET)
        type_: PhoneType | Unset
        if isinstance(_type_,  Unset):
            type_ = UNSET
        else:
            type_ = PhoneType(_type_)




        phone = cls(
            number=number,
            type_=type_,
        )

        return phone

