from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.audit_entry_details import AuditEntryDetails





T = TypeVar("T", bound="AuditEntry")



@_attrs_define
class AuditEntry:
    """ 
        Attributes:
            action (str): What was done (`domain.resource.verb`).
            actor_id (None | str): The id of the actor.
            actor_type (str): Who acted: `account`, `app` or `system`.
            app_id (None | str): The OAuth app involved.
            category (str): admin | security | data_access | auth | token (see `list_audit_entries`).
            details (AuditEntryDetails): What changed, by field.
            id (str): The object's id: opaque, prefixed by its type (`acc_…`, `msg_…`, `evt_…`).
            ip (None | str): The client's IP address.
            occurred_at (datetime.datetime): When it happened (RFC 3339, UTC).
            result (str): `success` or `failure`.
            target_id (None | str): The id of the target.
            target_type (None | str): The kind of object acted on.
     """

    action: str
    actor_id: None | str
    actor_type: str
    app_id: None | str
    category: str
    details: AuditEntryDetails
    id: str
    ip: None | str
    occurred_at: datetime.datetime
    result: str
    target_id: None | str
    target_type: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.audit_entry_details import AuditEntryDetails # noqa: PLC0415
        action = self.action

        actor_id: None | str
        actor_id = self.actor_id

        actor_type = self.actor_type

        app_id: None | str
        app_id = self.app_id

        category = self.category

        details = self.details.to_dict()

        id = self.id

        ip: None | str
        ip = self.ip

        occurred_at = self.occurred_at.isoformat()

        result = self.result

        target_id: None | str
        target_id = self.target_id

        target_type: None | str
        target_type = self.target_type


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "action": action,
            "actor_id": actor_id,
            "actor_type": actor_type,
            "app_id": app_id,
            "category": category,
            "details": details,
            "id": id,
            "ip": ip,
            "occurred_at": occurred_at,
            "result": result,
            "target_id": target_id,
            "target_type": target_type,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_entry_details import AuditEntryDetails # noqa: PLC0415
        d = dict(src_dict)
        action = d.pop("action")

        def _parse_actor_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor_id = _parse_actor_id(d.pop("actor_id"))


        actor_type = d.pop("actor_type")

        def _parse_app_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        app_id = _parse_app_id(d.pop("app_id"))


        category = d.pop("category")

        details = AuditEntryDetails.from_dict(d.pop("details"))




        id = d.pop("id")

        def _parse_ip(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ip = _parse_ip(d.pop("ip"))


        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))




        result = d.pop("result")

        def _parse_target_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        target_id = _parse_target_id(d.pop("target_id"))


        def _parse_target_type(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        target_type = _parse_target_type(d.pop("target_type"))


        audit_entry = cls(
            action=action,
            actor_id=actor_id,
            actor_type=actor_type,
            app_id=app_id,
            category=category,
            details=details,
            id=id,
            ip=ip,
            occurred_at=occurred_at,
            result=result,
            target_id=target_id,
            target_type=target_type,
        )


        audit_entry.additional_properties = d
        return audit_entry

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
