from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="App")



@_attrs_define
class App:
    """ 
        Attributes:
            client_id (str): The OAuth app's client id.
            client_type (str): `confidential` (has a secret) or `public` (PKCE only).
            created_at (datetime.datetime): When it was created (RFC 3339, UTC).
            disabled (bool): Turned off: it takes no part until turned on again.
            id (str): The object's id: opaque, prefixed by its type (`acc_…`, `msg_…`, `evt_…`).
            name (str): Its name, as people read it.
            redirect_uris (list[str]): The exact redirect URIs the app may use in the authorization code flow.
            scopes (list[str]): OAuth scopes (see the `oauth2` security scheme).
            updated_at (datetime.datetime): When it last changed (RFC 3339, UTC).
     """

    client_id: str
    client_type: str
    created_at: datetime.datetime
    disabled: bool
    id: str
    name: str
    redirect_uris: list[str]
    scopes: list[str]
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        client_id = self.client_id

        client_type = self.client_type

        created_at = self.created_at.isoformat()

        disabled = self.disabled

        id = self.id

        name = self.name

        redirect_uris = self.redirect_uris



        scopes = self.scopes



        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "client_id": client_id,
            "client_type": client_type,
            "created_at": created_at,
            "disabled": disabled,
            "id": id,
            "name": name,
            "redirect_uris": redirect_uris,
            "scopes": scopes,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        client_id = d.pop("client_id")

        client_type = d.pop("client_type")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        disabled = d.pop("disabled")

        id = d.pop("id")

        name = d.pop("name")

        redirect_uris = cast(list[str], d.pop("redirect_uris"))


        scopes = cast(list[str], d.pop("scopes"))


        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        app = cls(
            client_id=client_id,
            client_type=client_type,
            created_at=created_at,
            disabled=disabled,
            id=id,
            name=name,
            redirect_uris=redirect_uris,
            scopes=scopes,
            updated_at=updated_at,
        )


        app.additional_properties = d
        return app

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
