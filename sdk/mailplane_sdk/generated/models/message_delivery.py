from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.recipient_delivery import RecipientDelivery





T = TypeVar("T", bound="MessageDelivery")



@_attrs_define
class MessageDelivery:
    """ 
        Attributes:
            failed (int): Ones that failed.
            message_id (str): The `Message-ID` header, or a message's id where the schema says so.
            pending (int): Recipients still queued, sending or deferred.
            recipients (list[RecipientDelivery]): One entry per remote recipient. Local recipients receive the message at
                once and are not listed.
            sent (int): Ones that were sent.
     """

    failed: int
    message_id: str
    pending: int
    recipients: list[RecipientDelivery]
    sent: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.recipient_delivery import RecipientDelivery # noqa: PLC0415
        failed = self.failed

        message_id = self.message_id

        pending = self.pending

        recipients = []
        for recipients_item_data in self.recipients:
            recipients_item = recipients_item_data.to_dict()
            recipients.append(recipients_item)



        sent = self.sent


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "failed": failed,
            "message_id": message_id,
            "pending": pending,
            "recipients": recipients,
            "sent": sent,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.recipient_delivery import RecipientDelivery # noqa: PLC0415
        d = dict(src_dict)
        failed = d.pop("failed")

        message_id = d.pop("message_id")

        pending = d.pop("pending")

        recipients = []
        _recipients = d.pop("recipients")
        for recipients_item_data in (_recipients):
            recipients_item = RecipientDelivery.from_dict(recipients_item_data)



            recipients.append(recipients_item)


        sent = d.pop("sent")

        message_delivery = cls(
            failed=failed,
            message_id=message_id,
            pending=pending,
            recipients=recipients,
            sent=sent,
        )


        message_delivery.additional_properties = d
        return message_delivery

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
