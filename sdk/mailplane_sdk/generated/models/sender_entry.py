from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.sender_entry_action import SenderEntryAction
from ..models.sender_entry_list import SenderEntryList
from ..models.sender_entry_scope import SenderEntryScope
from typing import cast
import datetime






T = TypeVar("T", bound="SenderEntry")



@_attrs_define
class SenderEntry:
    """ 
        Attributes:
            account_id (str): The account it belongs to or acts on.
            action (SenderEntryAction): block list only: where mail goes
            created_at (datetime.datetime): When it was created (RFC 3339, UTC).
            id (str): The object's id: opaque, prefixed by its type (`acc_…`, `msg_…`, `evt_…`).
            list_ (SenderEntryList): allow: never junk (authenticated senders only); block: filed as `action` says; images:
                remote images shown without asking
            scope (SenderEntryScope): OAuth scope(s), space-separated, or the part of a series a change applies to.
            value (str): Normalised: lower case, domains in ASCII (punycode)
     """

    account_id: str
    action: SenderEntryAction
    created_at: datetime.datetime
    id: str
    list_: SenderEntryList
    scope: SenderEntryScope
    value: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        action = self.action.value

        created_at = self.created_at.isoformat()

        id = self.id

        list_ = self.list_.value

        scope = self.scope.value

        value = self.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "action": action,
            "created_at": created_at,
            "id": id,
            "list": list_,
            "scope": scope,
            "value": value,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        action = SenderEntryAction(d.pop("action"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = d.pop("id")

        list_ = SenderEntryList(d.pop("list"))




        scope = SenderEntryScope(d.pop("scope"))




        value = d.pop("value")

        sender_entry = cls(
            account_id=account_id,
            action=action,
            created_at=created_at,
            id=id,
            list_=list_,
            scope=scope,
            value=value,
        )


        sender_entry.additional_properties = d
        return sender_entry

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
