from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="PostalAddressOut")



@_attrs_define
class PostalAddressOut:
    """ 
        Attributes:
            city (str): City.
            country (str): Country.
            postal_code (str): Postal code.
            region (str): Province, state or region.
            street (str): Street address.
            type_ (str): What kind (the values are listed by the schema).
     """

    city: str
    country: str
    postal_code: str
    region: str
    street: str
    type_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        city = self.city

        country = self.country

        postal_code = self.postal_code

        region = self.region

        street = self.street

        type_ = self.type_


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "city": city,
            "country": country,
            "postal_code": postal_code,
            "region": region,
            "street": street,
            "type": type_,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        city = d.pop("city")

        country = d.pop("country")

        postal_code = d.pop("postal_code")

        region = d.pop("region")

        street = d.pop("street")

        type_ = d.pop("type")

        postal_address_out = cls(
            city=city,
            country=country,
            postal_code=postal_code,
            region=region,
            street=street,
            type_=type_,
        )


        postal_address_out.additional_properties = d
        return postal_address_out

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
