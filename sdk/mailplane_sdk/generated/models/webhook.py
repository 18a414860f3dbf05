from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="Webhook")



@_attrs_define
class Webhook:
    """ 
        Attributes:
            account_ids (list[str]): The ids of the accounts.
            app_id (None | str): The OAuth app involved.
            created_at (datetime.datetime): When it was created (RFC 3339, UTC).
            department_ids (list[str]): Ids of the departments it belongs to.
            description (str): Free text describing it.
            disabled_reason (None | str): manual | gone | failing
            event_types (list[str]): Event types or patterns it receives (`mail.*`).
            failing_since (datetime.datetime | None): When checks started failing; null while they pass.
            id (str): The object's id: opaque, prefixed by its type (`acc_…`, `msg_…`, `evt_…`).
            ordered (bool): Whether the list keeps its order.
            status (str): enabled | disabled
            updated_at (datetime.datetime): When it last changed (RFC 3339, UTC).
            url (str): A URL.
            verified_at (datetime.datetime | None): When verified (RFC 3339, UTC); null if not (yet).
     """

    account_ids: list[str]
    app_id: None | str
    created_at: datetime.datetime
    department_ids: list[str]
    description: str
    disabled_reason: None | str
    event_types: list[str]
    failing_since: datetime.datetime | None
    id: str
    ordered: bool
    status: str
    updated_at: datetime.datetime
    url: str
    verified_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_ids = self.account_ids



        app_id: None | str
        app_id = self.app_id

        created_at = self.created_at.isoformat()

        department_ids = self.department_ids



        description = self.description

        disabled_reason: None | str
        disabled_reason = self.disabled_reason

        event_types = self.event_types



        failing_since: None | str
        if isinstance(self.failing_since, datetime.datetime):
            failing_since = self.failing_since.isoformat()
        else:
            failing_since = self.failing_since

        id = self.id

        ordered = self.ordered

        status = self.status

        updated_at = self.updated_at.isoformat()

        url = self.url

        verified_at: None | str
        if isinstance(self.verified_at, datetime.datetime):
            verified_at = self.verified_at.isoformat()
        else:
            verified_at = self.verified_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_ids": account_ids,
            "app_id": app_id,
            "created_at": created_at,
            "department_ids": department_ids,
            "description": description,
            "disabled_reason": disabled_reason,
            "event_types": event_types,
            "failing_since": failing_since,
            "id": id,
            "ordered": ordered,
            "status": status,
            "updated_at": updated_at,
            "url": url,
            "verified_at": verified_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_ids = cast(list[str], d.pop("account_ids"))


        def _parse_app_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        app_id = _parse_app_id(d.pop("app_id"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        department_ids = cast(list[str], d.pop("department_ids"))


        description = d.pop("description")

        def _parse_disabled_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        disabled_reason = _parse_disabled_reason(d.pop("disabled_reason"))


        event_types = cast(list[str], d.pop("event_types"))


        def _parse_failing_since(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                failing_since_type_0 = datetime.datetime.fromisoformat(data)



                return failing_since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        failing_since = _parse_failing_since(d.pop("failing_since"))


        id = d.pop("id")

        ordered = d.pop("ordered")

        status = d.pop("status")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        url = d.pop("url")

        def _parse_verified_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                verified_at_type_0 = datetime.datetime.fromisoformat(data)



                return verified_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        verified_at = _parse_verified_at(d.pop("verified_at"))


        webhook = cls(
            account_ids=account_ids,
            app_id=app_id,
            created_at=created_at,
            department_ids=department_ids,
            description=description,
            disabled_reason=disabled_reason,
            event_types=event_types,
            failing_since=failing_since,
            id=id,
            ordered=ordered,
            status=status,
            updated_at=updated_at,
            url=url,
            verified_at=verified_at,
        )


        webhook.additional_properties = d
        return webhook

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
