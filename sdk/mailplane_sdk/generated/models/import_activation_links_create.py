from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="ImportActivationLinksCreate")



@_attrs_define
class ImportActivationLinksCreate:
    """ 
        Attributes:
            expires_in (int | Unset): Seconds each link stays valid. Default: 604800.
            send_to_recovery_email (bool | Unset): Also mail each link to the account's recovery_email, where it has one.
                Default: False.
     """

    expires_in: int | Unset = 604800
    send_to_recovery_email: bool | Unset = False





    def to_dict(self) -> dict[str, Any]:
        expires_in = self.expires_in

        send_to_recovery_email = self.send_to_recovery_email


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if expires_in is not UNSET:
            field_dict["expires_in"] = expires_in
        if send_to_recovery_email is not UNSET:
            field_dict["send_to_recovery_email"] = send_to_recovery_email

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        expires_in = d.pop("expires_in", UNSET)

        send_to_recovery_email = d.pop("send_to_recovery_email", UNSET)

        import_activation_links_create = cls(
            expires_in=expires_in,
            send_to_recovery_email=send_to_recovery_email,
        )

        return import_activation_links_create

