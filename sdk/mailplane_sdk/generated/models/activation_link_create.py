from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="ActivationLinkCreate")



@_attrs_define
class ActivationLinkCreate:
    """ 
        Attributes:
            expires_in (int | Unset): Seconds the link stays valid. Default: 604800.
            revoke_password (bool | Unset): A reset: the current password stops working and tokens are revoked now. Default:
                False.
            send_to_recovery_email (bool | Unset): Also mail the link to the account's `recovery_email`. Default: False.
     """

    expires_in: int | Unset = 604800
    revoke_password: bool | Unset = False
    send_to_recovery_email: bool | Unset = False





    def to_dict(self) -> dict[str, Any]:
        expires_in = self.expires_in

        revoke_password = self.revoke_password

        send_to_recovery_email = self.send_to_recovery_email


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if expires_in is not UNSET:
            field_dict["expires_in"] = expires_in
        if revoke_password is not UNSET:
            field_dict["revoke_password"] = revoke_password
        if send_to_recovery_email is not UNSET:
            field_dict["send_to_recovery_email"] = send_to_recovery_email

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        expires_in = d.pop("expires_in", UNSET)

        revoke_password = d.pop("revoke_password", UNSET)

        send_to_recovery_email = d.pop("send_to_recovery_email", UNSET)

        activation_link_create = cls(
            expires_in=expires_in,
            revoke_password=revoke_password,
            send_to_recovery_email=send_to_recovery_email,
        )

        return activation_link_create

