from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.send_result_status import SendResultStatus
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.group_delivery import GroupDelivery
  from ..models.rejected_recipient import RejectedRecipient





T = TypeVar("T", bound="SendResult")



@_attrs_define
class SendResult:
    """ 
        Attributes:
            delivered (list[str]): Local mailboxes whose inbox has it, once each: an address as you sent it, and for a group
                its members' own addresses
            id (None | str): The copy in Sent (or Outbox when scheduled)
            message_id (str): The Message-ID header
            queued (list[str]): Remote recipients waiting for SMTP delivery
            rejected (list[RejectedRecipient]): Recipients refused, each with the problem `code`
            status (SendResultStatus): Its current state (the values are listed by the schema).
            thread_id (None | str): The conversation it belongs to.
            groups (list[GroupDelivery] | Unset): Each group addressed, with the members it reached
            send_at (datetime.datetime | None | Unset): When send (RFC 3339, UTC); null if not (yet).
     """

    delivered: list[str]
    id: None | str
    message_id: str
    queued: list[str]
    rejected: list[RejectedRecipient]
    status: SendResultStatus
    thread_id: None | str
    groups: list[GroupDelivery] | Unset = UNSET
    send_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.group_delivery import GroupDelivery # noqa: PLC0415
        from ..models.rejected_recipient import RejectedRecipient # noqa: PLC0415
        delivered = self.delivered



        id: None | str
        id = self.id

        message_id = self.message_id

        queued = self.queued



        rejected = []
        for rejected_item_data in self.rejected:
            rejected_item = rejected_item_data.to_dict()
            rejected.append(rejected_item)



        status = self.status.value

        thread_id: None | str
        thread_id = self.thread_id

        groups: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.groups, Unset):
            groups = []
            for groups_item_data in self.groups:
                groups_item = groups_item_data.to_dict()
                groups.append(groups_item)



        send_at: None | str | Unset
        if isinstance(self.send_at, Unset):
            send_at = UNSET
        elif isinstance(self.send_at, datetime.datetime):
            send_at = self.send_at.isoformat()
        else:
            send_at = self.send_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "delivered": delivered,
            "id": id,
            "message_id": message_id,
            "queued": queued,
            "rejected": rejected,
            "status": status,
            "thread_id": thread_id,
        })
        if groups is not UNSET:
            field_dict["groups"] = groups
        if send_at is not UNSET:
            field_dict["send_at"] = send_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.group_delivery import GroupDelivery # noqa: PLC0415
        from ..models.rejected_recipient import RejectedRecipient # noqa: PLC0415
        d = dict(src_dict)
        delivered = cast(list[str], d.pop("delivered"))


        def _parse_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        id = _parse_id(d.pop("id"))


        message_id = d.pop("message_id")

        queued = cast(list[str], d.pop("queued"))


        rejected = []
        _rejected = d.pop("rejected")
        for rejected_item_data in (_rejected):
            rejected_item = RejectedRecipient.from_dict(rejected_item_data)



            rejected.append(rejected_item)


        status = SendResultStatus(d.pop("status"))




        def _parse_thread_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        thread_id = _parse_thread_id(d.pop("thread_id"))


        _groups = d.pop("groups", UNSET)
        groups: list[GroupDelivery] | Unset = UNSET
        if _groups is not UNSET:
            groups = []
            for groups_item_data in _groups:
                groups_item = GroupDelivery.from_dict(groups_item_data)



                groups.append(groups_item)


        def _parse_send_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                send_at_type_0 = datetime.datetime.fromisoformat(data)



                return send_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        send_at = _parse_send_at(d.pop("send_at", UNSET))


        send_result = cls(
            delivered=delivered,
            id=id,
            message_id=message_id,
            queued=queued,
            rejected=rejected,
            status=status,
            thread_id=thread_id,
            groups=groups,
            send_at=send_at,
        )


        send_result.additional_properties = d
        return send_result

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
