from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.recipient_delivery_status import RecipientDeliveryStatus
from typing import cast
import datetime






T = TypeVar("T", bound="RecipientDelivery")



@_attrs_define
class RecipientDelivery:
    """ 
        Attributes:
            attempts (int): Delivery attempts started so far.
            last_error (None | str): The last refusal or error, if any.
            next_attempt_at (datetime.datetime | None): When the next attempt is due (queued and deferred only).
            recipient (str): A remote recipient of the message.
            status (RecipientDeliveryStatus): queued: waiting for its first attempt; sending: an attempt is under way;
                deferred: a temporary failure, retried at next_attempt_at; sent: the recipient's server accepted it; failed:
                refused or given up (the sender got a bounce).
            updated_at (datetime.datetime): When it last changed (RFC 3339, UTC).
     """

    attempts: int
    last_error: None | str
    next_attempt_at: datetime.datetime | None
    recipient: str
    status: RecipientDeliveryStatus
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        attempts = self.attempts

        last_error: None | str
        last_error = self.last_error

        next_attempt_at: None | str
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        recipient = self.recipient

        status = self.status.value

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "attempts": attempts,
            "last_error": last_error,
            "next_attempt_at": next_attempt_at,
            "recipient": recipient,
            "status": status,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attempts = d.pop("attempts")

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))


        def _parse_next_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)



                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))


        recipient = d.pop("recipient")

        status = RecipientDeliveryStatus(d.pop("status"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        recipient_delivery = cls(
            attempts=attempts,
            last_error=last_error,
            next_attempt_at=next_attempt_at,
            recipient=recipient,
            status=status,
            updated_at=updated_at,
        )


        recipient_delivery.additional_properties = d
        return recipient_delivery

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
