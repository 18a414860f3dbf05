from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="OrganizationCreate")



@_attrs_define
class OrganizationCreate:
    """ 
        Attributes:
            admin (str): The first administrator's local part.
            domain (str): A domain name.
            name (str): Its name, as people read it.
     """

    admin: str
    domain: str
    name: str





    def to_dict(self) -> dict[str, Any]:
        admin = self.admin

        domain = self.domain

        name = self.name


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "admin": admin,
            "domain": domain,
            "name": name,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        admin = d.pop("admin")

        domain = d.pop("domain")

        name = d.pop("name")

        organization_create = cls(
            admin=admin,
            domain=domain,
            name=name,
        )

        return organization_create

