"""The event log's entry as scripts want it: `event.type` and `event.data` as a plain dict
(the generated `PlatformEvent` has `type_` and a typed `data` wrapper), also readable like
the JSON it came from (`event["type"]`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from attrs import define, field
from dateutil.parser import isoparse  # type: ignore[import-untyped]


@define
class PlatformEvent:
    """One entry of the organisation's event log (`/v1/events`, the stream, webhooks).

    Also readable like the JSON dict it came from (`event["type"]`), as `EventStream` used to
    yield dicts.
    """

    id: str
    type: str
    occurred_at: dt.datetime
    org_id: str
    sequence: int
    data: dict[str, Any]
    additional_properties: dict[str, Any] = field(factory=dict)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> PlatformEvent:
        known = {"id", "type", "occurred_at", "org_id", "sequence", "data"}
        return cls(
            id=str(src_dict["id"]),
            type=str(src_dict["type"]),
            occurred_at=isoparse(str(src_dict["occurred_at"])),
            org_id=str(src_dict["org_id"]),
            sequence=int(src_dict["sequence"]),
            data=dict(src_dict.get("data") or {}),
            additional_properties={k: v for k, v in src_dict.items() if k not in known},
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "occurred_at": self.occurred_at.isoformat(),
            "org_id": self.org_id,
            "sequence": self.sequence,
            "data": self.data,
            **self.additional_properties,
        }

    def __getitem__(self, key: str) -> Any:
        return self.to_dict()[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.to_dict().get(key, default)
