from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="AppToken")



@_attrs_define
class AppToken:
    """ An OAuth token issued to an app (never the token itself).

        Attributes:
            account_id (None | str): The person it acts for; null for an app acting for the organisation.
            active (bool): Whether it can still be used (not expired, not revoked).
            address (None | str): That person's address.
            expires_at (datetime.datetime): When the access token expires.
            grant_type (str): How it was obtained (`client_credentials`, `authorization_code`, `refresh_token`).
            id (str): The token's id (`tok_…`).
            issued_at (datetime.datetime): When it was issued (RFC 3339, UTC).
            revoked (bool): Whether it was revoked.
            scope (str): The scopes granted, space-separated.
     """

    account_id: None | str
    active: bool
    address: None | str
    expires_at: datetime.datetime
    grant_type: str
    id: str
    issued_at: datetime.datetime
    revoked: bool
    scope: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_id: None | str
        account_id = self.account_id

        active = self.active

        address: None | str
        address = self.address

        expires_at = self.expires_at.isoformat()

        grant_type = self.grant_type

        id = self.id

        issued_at = self.issued_at.isoformat()

        revoked = self.revoked

        scope = self.scope


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "active": active,
            "address": address,
            "expires_at": expires_at,
            "grant_type": grant_type,
            "id": id,
            "issued_at": issued_at,
            "revoked": revoked,
            "scope": scope,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_account_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        account_id = _parse_account_id(d.pop("account_id"))


        active = d.pop("active")

        def _parse_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        address = _parse_address(d.pop("address"))


        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))




        grant_type = d.pop("grant_type")

        id = d.pop("id")

        issued_at = datetime.datetime.fromisoformat(d.pop("issued_at"))




        revoked = d.pop("revoked")

        scope = d.pop("scope")

        app_token = cls(
            account_id=account_id,
            active=active,
            address=address,
            expires_at=expires_at,
            grant_type=grant_type,
            id=id,
            issued_at=issued_at,
            revoked=revoked,
            scope=scope,
        )


        app_token.additional_properties = d
        return app_token

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
