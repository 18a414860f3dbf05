from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="MailVolume")



@_attrs_define
class MailVolume:
    """ 
        Attributes:
            bounced (int): Outgoing messages that bounced.
            received (int): Messages delivered into the organisation's mailboxes.
            sent (int): Messages sent from the organisation's mailboxes.
            since (datetime.datetime): Start of the counted period (the last 24 hours).
     """

    bounced: int
    received: int
    sent: int
    since: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        bounced = self.bounced

        received = self.received

        sent = self.sent

        since = self.since.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "bounced": bounced,
            "received": received,
            "sent": sent,
            "since": since,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        bounced = d.pop("bounced")

        received = d.pop("received")

        sent = d.pop("sent")

        since = datetime.datetime.fromisoformat(d.pop("since"))




        mail_volume = cls(
            bounced=bounced,
            received=received,
            sent=sent,
            since=since,
        )


        mail_volume.additional_properties = d
        return mail_volume

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
