from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="OrganizationCreated")



@_attrs_define
class OrganizationCreated:
    """ Returned once: the first administrator's one-time password and the admin app.

        Attributes:
            admin_address (str): The first administrator's address.
            admin_password (str): The first administrator's password, shown once.
            client_id (str): The OAuth app's client id.
            client_secret (str): The app's client secret, shown once.
            created_at (datetime.datetime): When it was created (RFC 3339, UTC).
            domain (str): A domain name.
            id (str): The object's id: opaque, prefixed by its type (`acc_…`, `msg_…`, `evt_…`).
            name (str): Its name, as people read it.
     """

    admin_address: str
    admin_password: str
    client_id: str
    client_secret: str
    created_at: datetime.datetime
    domain: str
    id: str
    name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        admin_address = self.admin_address

        admin_password = self.admin_password

        client_id = self.client_id

        client_secret = self.client_secret

        created_at = self.created_at.isoformat()

        domain = self.domain

        id = self.id

        name = self.name


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "admin_address": admin_address,
            "admin_password": admin_password,
            "client_id": client_id,
            "client_secret": client_secret,
            "created_at": created_at,
            "domain": domain,
            "id": id,
            "name": name,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        admin_address = d.pop("admin_address")

        admin_password = d.pop("admin_password")

        client_id = d.pop("client_id")

        client_secret = d.pop("client_secret")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        domain = d.pop("domain")

        id = d.pop("id")

        name = d.pop("name")

        organization_created = cls(
            admin_address=admin_address,
            admin_password=admin_password,
            client_id=client_id,
            client_secret=client_secret,
            created_at=created_at,
            domain=domain,
            id=id,
            name=name,
        )


        organization_created.additional_properties = d
        return organization_created

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
