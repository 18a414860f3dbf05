from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="WebhookAttempt")



@_attrs_define
class WebhookAttempt:
    """ 
        Attributes:
            attempt (int): Which attempt (1 first).
            delivery_id (str): The id of the delivery.
            endpoint_id (str): The id of the endpoint.
            error (None | str): Why it could not be done; null when it was.
            event_id (str): The id of the event.
            id (str): The object's id: opaque, prefixed by its type (`acc_…`, `msg_…`, `evt_…`).
            latency_ms (int): How long the receiver took, in milliseconds.
            outcome (str): succeeded | failed
            response_snippet (None | str): The first bytes of the receiver's answer.
            started_at (datetime.datetime): When it started (RFC 3339, UTC).
            status_code (int | None): The receiver's HTTP status.
     """

    attempt: int
    delivery_id: str
    endpoint_id: str
    error: None | str
    event_id: str
    id: str
    latency_ms: int
    outcome: str
    response_snippet: None | str
    started_at: datetime.datetime
    status_code: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        attempt = self.attempt

        delivery_id = self.delivery_id

        endpoint_id = self.endpoint_id

        error: None | str
        error = self.error

        event_id = self.event_id

        id = self.id

        latency_ms = self.latency_ms

        outcome = self.outcome

        response_snippet: None | str
        response_snippet = self.response_snippet

        started_at = self.started_at.isoformat()

        status_code: int | None
        status_code = self.status_code


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "attempt": attempt,
            "delivery_id": delivery_id,
            "endpoint_id": endpoint_id,
            "error": error,
            "event_id": event_id,
            "id": id,
            "latency_ms": latency_ms,
            "outcome": outcome,
            "response_snippet": response_snippet,
            "started_at": started_at,
            "status_code": status_code,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attempt = d.pop("attempt")

        delivery_id = d.pop("delivery_id")

        endpoint_id = d.pop("endpoint_id")

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))


        event_id = d.pop("event_id")

        id = d.pop("id")

        latency_ms = d.pop("latency_ms")

        outcome = d.pop("outcome")

        def _parse_response_snippet(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        response_snippet = _parse_response_snippet(d.pop("response_snippet"))


        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))




        def _parse_status_code(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        status_code = _parse_status_code(d.pop("status_code"))


        webhook_attempt = cls(
            attempt=attempt,
            delivery_id=delivery_id,
            endpoint_id=endpoint_id,
            error=error,
            event_id=event_id,
            id=id,
            latency_ms=latency_ms,
            outcome=outcome,
            response_snippet=response_snippet,
            started_at=started_at,
            status_code=status_code,
        )


        webhook_attempt.additional_properties = d
        return webhook_attempt

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
