from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="AppCredentials")



@_attrs_define
class AppCredentials:
    """ Returned once, when an app is created or its secret rotated.

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
            client_secret (None | str | Unset): The app's client secret, shown once.
            secret_expires_previous_at (datetime.datetime | None | Unset): When secret expires previous (RFC 3339, UTC);
                null if not (yet).
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
    client_secret: None | str | Unset = UNSET
    secret_expires_previous_at: datetime.datetime | None | Unset = UNSET
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

        client_secret: None | str | Unset
        if isinstance(self.client_secret, Unset):
            client_secret = UNSET
        else:
            client_secret = self.client_secret

        secret_expires_previous_at: None | str | Unset
        if isinstance(self.secret_expires_previous_at, Unset):
            secret_expires_previous_at = UNSET
        elif isinstance(self.secret_expires_previous_at, datetime.datetime):
            secret_expires_previous_at = self.secret_expires_previous_at.isoformat()
        else:
            secret_expires_previous_at = self.secret_expires_previous_at


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
        if client_secret is not UNSET:
            field_dict["client_secret"] = client_secret
        if secret_expires_previous_at is not UNSET:
            field_dict["secret_expires_previous_at"] = secret_expires_previous_at

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




        def _parse_client_secret(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_secret = _parse_client_secret(d.pop("client_secret", UNSET))


        def _parse_secret_expires_previous_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                secret_expires_previous_at_type_0 = datetime.datetime.fromisoformat(data)



                return secret_expires_previous_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        secret_expires_previous_at = _parse_secret_expires_previous_at(d.pop("secret_expires_previous_at", UNSET))


        app_credentials = cls(
            client_id=client_id,
            client_type=client_type,
            created_at=created_at,
            disabled=disabled,
            id=id,
            name=name,
            redirect_uris=redirect_uris,
            scopes=scopes,
            updated_at=updated_at,
            client_secret=client_secret,
            secret_expires_previous_at=secret_expires_previous_at,
        )


        app_credentials.additional_properties = d
        return app_credentials

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
