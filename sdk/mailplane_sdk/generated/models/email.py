from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.email_type import EmailType
from ..types import UNSET, Unset






T = TypeVar("T", bound="Email")



@_attrs_define
class Email:
    """ 
        Attributes:
            address (str): An email address.
            primary (bool | Unset): The preferred one. Default: False.
            type_ (EmailType | Unset): What kind (the values are listed by the schema). Default: EmailType.OTHER.
     """

    address: str
    primary: bool | Unset = False
    type_: EmailType | Unset = EmailType.OTHER





    def to_dict(self) -> dict[str, Any]:
        address = self.address

        primary = self.primary

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
            "address": address,
        })
        if primary is not UNSET:
            field_dict["primary"] = primary
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        address = d.pop("address")

        primary = d.pop("primary", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: EmailType | Unset
        if isinstance(_type_,  Unset):
            type_ = UNSET
        else:
            type_ = EmailType(_type_)




        email = cls(
            address=address,
            primary=primary,
            type_=type_,
        )

        return email

