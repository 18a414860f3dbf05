from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="ActivationLink")



@_attrs_define
class ActivationLink:
    """ A one-time set-password link: shown once, to hand to the person by your own channel.

        Attributes:
            expires_at (datetime.datetime): When expires (RFC 3339, UTC); null if not (yet).
            url (str): Opens Mailplane's set-password page; works once.
            sent_to (None | str | Unset): The recovery address it was also mailed to, if asked.
     """

    expires_at: datetime.datetime
    url: str
    sent_to: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        expires_at = self.expires_at.isoformat()

        url = self.url

        sent_to: None | str | Unset
        if isinstance(self.sent_to, Unset):
            sent_to = UNSET
        else:
            sent_to = self.sent_to


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "expires_at": expires_at,
            "url": url,
        })
        if sent_to is not UNSET:
            field_dict["sent_to"] = sent_to

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))




        url = d.pop("url")

        def _parse_sent_to(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sent_to = _parse_sent_to(d.pop("sent_to", UNSET))


        activation_link = cls(
            expires_at=expires_at,
            url=url,
            sent_to=sent_to,
        )


        activation_link.additional_properties = d
        return activation_link

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
