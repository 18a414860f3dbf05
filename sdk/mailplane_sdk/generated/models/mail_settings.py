from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.mail_settings_forwarding_policy import MailSettingsForwardingPolicy
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.auto_reply import AutoReply
  from ..models.forwarding import Forwarding





T = TypeVar("T", bound="MailSettings")



@_attrs_define
class MailSettings:
    """ The mail settings of one account.

        Attributes:
            account_id (str): The account it belongs to or acts on.
            auto_reply (AutoReply):
            forwarding (Forwarding):
            forwarding_policy (MailSettingsForwardingPolicy): What the organisation allows: `off`, `internal` (addresses
                hosted here) or `any` (read-only)
            signature (str): Added below new messages and replies (plain text)
            updated_at (datetime.datetime | None): When it last changed (RFC 3339, UTC).
     """

    account_id: str
    auto_reply: AutoReply
    forwarding: Forwarding
    forwarding_policy: MailSettingsForwardingPolicy
    signature: str
    updated_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.auto_reply import AutoReply # noqa: PLC0415
        from ..models.forwarding import Forwarding # noqa: PLC0415
        account_id = self.account_id

        auto_reply = self.auto_reply.to_dict()

        forwarding = self.forwarding.to_dict()

        forwarding_policy = self.forwarding_policy.value

        signature = self.signature

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "auto_reply": auto_reply,
            "forwarding": forwarding,
            "forwarding_policy": forwarding_policy,
            "signature": signature,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.auto_reply import AutoReply # noqa: PLC0415
        from ..models.forwarding import Forwarding # noqa: PLC0415
        d = dict(src_dict)
        account_id = d.pop("account_id")

        auto_reply = AutoReply.from_dict(d.pop("auto_reply"))




        forwarding = Forwarding.from_dict(d.pop("forwarding"))




        forwarding_policy = MailSettingsForwardingPolicy(d.pop("forwarding_policy"))




        signature = d.pop("signature")

        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)



                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))


        mail_settings = cls(
            account_id=account_id,
            auto_reply=auto_reply,
            forwarding=forwarding,
            forwarding_policy=forwarding_policy,
            signature=signature,
            updated_at=updated_at,
        )


        mail_settings.additional_properties = d
        return mail_settings

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
