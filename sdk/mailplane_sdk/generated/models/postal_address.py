from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.postal_address_type import PostalAddressType
from ..types import UNSET, Unset






T = TypeVar("T", bound="PostalAddress")



@_attrs_define
class PostalAddress:
    """ 
        Attributes:
            city (str | Unset): City. Default: ''.
            country (str | Unset): Country. Default: ''.
            postal_code (str | Unset): Postal code. Default: ''.
            region (str | Unset): Province, state or region. Default: ''.
            street (str | Unset): Street address. Default: ''.
            type_ (PostalAddressType | Unset): What kind (the values are listed by the schema). Default:
                PostalAddressType.OTHER.
     """

    city: str | Unset = ''
    country: str | Unset = ''
    postal_code: str | Unset = ''
    region: str | Unset = ''
    street: str | Unset = ''
    type_: PostalAddressType | Unset = PostalAddressType.OTHER





    def to_dict(self) -> dict[str, Any]:
        city = self.city

        country = self.country

        postal_code = self.postal_code

        region = self.region

        street = self.street

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if city is not UNSET:
            field_dict["city"] = city
        if country is not UNSET:
            field_dict["country"] = country
        if postal_code is not UNSET:
            field_dict["postal_code"] = postal_code
        if region is not UNSET:
            field_dict["region"] = region
        if street is not UNSET:
            field_dict["street"] = street
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        city = d.pop("city", UNSET)

        country = d.pop("country", UNSET)

        postal_code = d.pop("postal_code", UNSET)

        region = d.pop("region", UNSET)

        street = d.pop("street", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: PostalAddressType | Unset
        if isinstance(_type_,  Unset):
            type_ = UNSET
        else:
            type_ = PostalAddressType(_type_)




        postal_address = cls(
            city=city,
            country=country,
            postal_code=postal_code,
            region=region,
            street=street,
            type_=type_,
        )

        return postal_address

