from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.auto_reply_update import AutoReplyUpdate
  from ..models.forwarding_update import ForwardingUpdate





T = TypeVar("T", bound="MailSettingsUpdate")



@_attrs_define
class MailSettingsUpdate:
    """ JSON merge patch of the mail settings (nested objects merge too).

        Attributes:
            auto_reply (AutoReplyUpdate | None | Unset): The automatic reply (vacation message): when it is on, its text and
                dates.
            forwarding (ForwardingUpdate | None | Unset): Forwarding of each message received to another address.
            signature (None | str | Unset): The signature added below new messages and replies (plain text).
     """

    auto_reply: AutoReplyUpdate | None | Unset = UNSET
    forwarding: ForwardingUpdate | None | Unset = UNSET
    signature: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.auto_reply_update import AutoReplyUpdate # noqa: PLC0415
        from ..models.forwarding_update import ForwardingUpdate # noqa: PLC0415
        auto_reply: dict[str, Any] | None | Unset
        if isinstance(self.auto_reply, Unset):
            auto_reply = UNSET
        elif isinstance(self.auto_reply, AutoReplyUpdate):
            auto_reply = self.auto_reply.to_dict()
        else:
            auto_reply = self.auto_reply

        forwarding: dict[str, Any] | None | Unset
        if isinstance(self.forwarding, Unset):
            forwarding = UNSET
        elif isinstance(self.forwarding, ForwardingUpdate):
            forwarding = self.forwarding.to_dict()
        else:
            forwarding = self.forwarding

        signature: None | str | Unset
        if isinstance(self.signature, Unset):
            signature = UNSET
        else:
            signature = self.signature


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if auto_reply is not UNSET:
            field_dict["auto_reply"] = auto_reply
        if forwarding is not UNSET:
            field_dict["forwarding"] = forwarding
        if signature is not UNSET:
            field_dict["signature"] = signature

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.auto_reply_update import AutoReplyUpdate # noqa: PLC0415
        from ..models.forwarding_update import ForwardingUpdate # noqa: PLC0415
        d = dict(src_dict)
        def _parse_auto_reply(data: object) -> AutoReplyUpdate | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                auto_reply_type_0 = AutoReplyUpdate.from_dict(data)



                return auto_reply_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AutoReplyUpdate | None | Unset, data)

        auto_reply = _parse_auto_reply(d.pop("auto_reply", UNSET))


        def _parse_forwarding(data: object) -> ForwardingUpdate | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                forwarding_type_0 = ForwardingUpdate.from_dict(data)



                return forwarding_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ForwardingUpdate | None | Unset, data)

        forwarding = _parse_forwarding(d.pop("forwarding", UNSET))


        def _parse_signature(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        signature = _parse_signature(d.pop("signature", UNSET))


        mail_settings_update = cls(
            auto_reply=auto_reply,
            forwarding=forwarding,
            signature=signature,
        )

        return mail_settings_update

