from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="AddressCheck")



@_attrs_define
class AddressCheck:
    """ 
        Attributes:
            addresses (list[str]): Email addresses.
     """

    addresses: list[str]





    def to_dict(self) -> dict[str, Any]:
        addresses = self.addresses




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "addresses": addresses,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        addresses = cast(list[str], d.pop("addresses"))


        address_check = cls(
            addresses=addresses,
        )

        return address_check

