from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from typing import Literal, cast
import datetime

if TYPE_CHECKING:
  from ..models.personal_data import PersonalData





T = TypeVar("T", bound="MailSettingsUpdatedEvent")



@_attrs_define
class MailSettingsUpdatedEvent:
    """ A person's mail settings changed (signature, auto-reply or forwarding; `changed` names them).

        Attributes:
            data (PersonalData): Events about one person's data also carry the owning account.
            id (str): The object's id: opaque, prefixed by its type (`acc_…`, `msg_…`, `evt_…`).
            occurred_at (datetime.datetime): When it happened (RFC 3339, UTC).
            org_id (str): The organisation it belongs to.
            sequence (int): The event's position in its organisation's log (monotonic per organisation).
            type_ (Literal['mail.settings.updated']): What kind (the values are listed by the schema).
     """

    data: PersonalData
    id: str
    occurred_at: datetime.datetime
    org_id: str
    sequence: int
    type_: Literal['mail.settings.updated']
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.personal_data import PersonalData # noqa: PLC0415
        data = self.data.to_dict()

        id = self.id

        occurred_at = self.occurred_at.isoformat()

        org_id = self.org_id

        sequence = self.sequence

        type_ = self.type_


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "data": data,
            "id": id,
            "occurred_at": occurred_at,
            "org_id": org_id,
            "sequence": sequence,
            "type": type_,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.personal_data import PersonalData # noqa: PLC0415
        d = dict(src_dict)
        data = PersonalData.from_dict(d.pop("data"))




        id = d.pop("id")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))




        org_id = d.pop("org_id")

        sequence = d.pop("sequence")

        type_ = cast(Literal['mail.settings.updated'] , d.pop("type"))
        if type_ != 'mail.settings.updated':
            raise ValueError(f"type must match const 'mail.settings.updated', got '{type_}'")

        mail_settings_updated_event = cls(
            data=data,
            id=id,
            occurred_at=occurred_at,
            org_id=org_id,
            sequence=sequence,
            type_=type_,
        )


        mail_settings_updated_event.additional_properties = d
        return mail_settings_updated_event

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
