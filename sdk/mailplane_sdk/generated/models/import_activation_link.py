from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="ImportActivationLink")



@_attrs_define
class ImportActivationLink:
    """ The set-password link of one account an import created without a password.

        Attributes:
            account_id (str): The account it belongs to or acts on.
            address (str): An email address.
            expires_at (datetime.datetime): When expires (RFC 3339, UTC); null if not (yet).
            row (int): The data row's number in the file (the header is row 1).
            url (str): Shown once; asking again issues a new link.
            sent_to (None | str | Unset): The recovery address the link was mailed to, if it was.
     """

    account_id: str
    address: str
    expires_at: datetime.datetime
    row: int
    url: str
    sent_to: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        address = self.address

        expires_at = self.expires_at.isoformat()

        row = self.row

        url = self.url

        sent_to: None | str | Unset
        if isinstance(self.sent_to, Unset):
            sent_to = UNSET
        else:
            sent_to = self.sent_to


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "address": address,
            "expires_at": expires_at,
            "row": row,
            "url": url,
        })
        if sent_to is not UNSET:
            field_dict["sent_to"] = sent_to

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        address = d.pop("address")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))




        row = d.pop("row")

        url = d.pop("url")

        def _parse_sent_to(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sent_to = _parse_sent_to(d.pop("sent_to", UNSET))


        import_activation_link = cls(
            account_id=account_id,
            address=address,
            expires_at=expires_at,
            row=row,
            url=url,
            sent_to=sent_to,
        )


        import_activation_link.additional_properties = d
        return import_activation_link

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
