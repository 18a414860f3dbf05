from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.email_address import EmailAddress
  from ..models.message_summary import MessageSummary





T = TypeVar("T", bound="ThreadDetail")



@_attrs_define
class ThreadDetail:
    """ 
        Attributes:
            account_id (str): The account it belongs to or acts on.
            has_attachments (bool): Whether it hass attachments.
            id (str): The object's id: opaque, prefixed by its type (`acc_…`, `msg_…`, `evt_…`).
            last_received_at (datetime.datetime): When last received (RFC 3339, UTC); null if not (yet).
            message_count (int): How many message.
            messages (list[MessageSummary]): Messages.
            participants (list[EmailAddress]): Addresses taking part in the conversation.
            snippet (str): The first characters of the text.
            subject (str): The message's subject.
            unread_count (int): Messages not yet read.
     """

    account_id: str
    has_attachments: bool
    id: str
    last_received_at: datetime.datetime
    message_count: int
    messages: list[MessageSummary]
    participants: list[EmailAddress]
    snippet: str
    subject: str
    unread_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.email_address import EmailAddress # noqa: PLC0415
        from ..models.message_summary import MessageSummary # noqa: PLC0415
        account_id = self.account_id

        has_attachments = self.has_attachments

        id = self.id

        last_received_at = self.last_received_at.isoformat()

        message_count = self.message_count

        messages = []
        for messages_item_data in self.messages:
            messages_item = messages_item_data.to_dict()
            messages.append(messages_item)



        participants = []
        for participants_item_data in self.participants:
            participants_item = participants_item_data.to_dict()
            participants.append(participants_item)



        snippet = self.snippet

        subject = self.subject

        unread_count = self.unread_count


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "has_attachments": has_attachments,
            "id": id,
            "last_received_at": last_received_at,
            "message_count": message_count,
            "messages": messages,
            "participants": participants,
            "snippet": snippet,
            "subject": subject,
            "unread_count": unread_count,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.email_address import EmailAddress # noqa: PLC0415
        from ..models.message_summary import MessageSummary # noqa: PLC0415
        d = dict(src_dict)
        account_id = d.pop("account_id")

        has_attachments = d.pop("has_attachments")

        id = d.pop("id")

        last_received_at = datetime.datetime.fromisoformat(d.pop("last_received_at"))




        message_count = d.pop("message_count")

        messages = []
        _messages = d.pop("messages")
        for messages_item_data in (_messages):
            messages_item = MessageSummary.from_dict(messages_item_data)



            messages.append(messages_item)


        participants = []
        _participants = d.pop("participants")
        for participants_item_data in (_participants):
            participants_item = EmailAddress.from_dict(participants_item_data)



            participants.append(participants_item)


        snippet = d.pop("snippet")

        subject = d.pop("subject")

        unread_count = d.pop("unread_count")

        thread_detail = cls(
            account_id=account_id,
            has_attachments=has_attachments,
            id=id,
            last_received_at=last_received_at,
            message_count=message_count,
            messages=messages,
            participants=participants,
            snippet=snippet,
            subject=subject,
            unread_count=unread_count,
        )


        thread_detail.additional_properties = d
        return thread_detail

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
