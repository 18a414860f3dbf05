from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="DraftSend")



@_attrs_define
class DraftSend:
    """ Options of sending a draft.

        Attributes:
            send_at (datetime.datetime | None | Unset): Send at this moment instead of now (more than 5 seconds ahead: the
                message waits in Outbox and can be cancelled until then; this is how undo-send works)
     """

    send_at: datetime.datetime | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        send_at: None | str | Unset
        if isinstance(self.send_at, Unset):
            send_at = UNSET
        elif isinstance(self.send_at, datetime.datetime):
            send_at = self.send_at.isoformat()
        else:
            send_at = self.send_at


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if send_at is not UNSET:
            field_dict["send_at"] = send_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
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


        draft_send = cls(
            send_at=send_at,
        )

        return draft_send

