from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.app_create_client_type import AppCreateClientType
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="AppCreate")



@_attrs_define
class AppCreate:
    """ 
        Attributes:
            name (str): Its name, as people read it.
            client_type (AppCreateClientType | Unset): `confidential` (has a secret) or `public` (PKCE only). Default:
                AppCreateClientType.CONFIDENTIAL.
            redirect_uris (list[str] | Unset): The exact redirect URIs the app may use in the authorization code flow.
            scopes (list[str] | Unset): OAuth scopes (see the `oauth2` security scheme).
     """

    name: str
    client_type: AppCreateClientType | Unset = AppCreateClientType.CONFIDENTIAL
    redirect_uris: list[str] | Unset = UNSET
    scopes: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        client_type: str | Unset = UNSET
        if not isinstance(self.client_type, Unset):
            client_type = self.client_type.value


        redirect_uris: list[str] | Unset = UNSET
        if not isinstance(self.redirect_uris, Unset):
            redirect_uris = self.redirect_uris



        scopes: list[str] | Unset = UNSET
        if not isinstance(self.scopes, Unset):
            scopes = self.scopes




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
        })
        if client_type is not UNSET:
            field_dict["client_type"] = client_type
        if redirect_uris is not UNSET:
            field_dict["redirect_uris"] = redirect_uris
        if scopes is not UNSET:
            field_dict["scopes"] = scopes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        _client_type = d.pop("client_type", UNSET)
        client_type: AppCreateClientType | Unset
        if isinstance(_client_type,  Unset):
            client_type = UNSET
        else:
            client_type = AppCreateClientType(_client_type)




        redirect_uris = cast(list[str], d.pop("redirect_uris", UNSET))


        scopes = cast(list[str], d.pop("scopes", UNSET))


        app_create = cls(
            name=name,
            client_type=client_type,
            redirect_uris=redirect_uris,
            scopes=scopes,
        )

        return app_create

