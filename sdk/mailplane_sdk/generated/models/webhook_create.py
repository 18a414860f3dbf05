from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="WebhookCreate")



@_attrs_define
class WebhookCreate:
    """ 
        Attributes:
            url (str): Where events are POSTed; https (http only in development).
            account_ids (list[str] | Unset): Only events about these accounts (ids or addresses); empty: all.
            department_ids (list[str] | Unset): Only events about these departments or their members; empty: all.
            description (str | Unset): Free text describing it. Default: ''.
            event_types (list[str] | Unset): Event types or patterns: `mail.*`, `directory.account.created`, `*`.
            ordered (bool | Unset): Deliver one at a time in sequence order: a failing event holds back the ones after it
                until it succeeds or runs out of retries. Default: False.
     """

    url: str
    account_ids: list[str] | Unset = UNSET
    department_ids: list[str] | Unset = UNSET
    description: str | Unset = ''
    event_types: list[str] | Unset = UNSET
    ordered: bool | Unset = False





    def to_dict(self) -> dict[str, Any]:
        url = self.url

        account_ids: list[str] | Unset = UNSET
        if not isinstance(self.account_ids, Unset):
            account_ids = self.account_ids



        department_ids: list[str] | Unset = UNSET
        if not isinstance(self.department_ids, Unset):
            department_ids = self.department_ids



        description = self.description

        event_types: list[str] | Unset = UNSET
        if not isinstance(self.event_types, Unset):
            event_types = self.event_types



        ordered = self.ordered


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "url": url,
        })
        if account_ids is not UNSET:
            field_dict["account_ids"] = account_ids
        if department_ids is not UNSET:
            field_dict["department_ids"] = department_ids
        if description is not UNSET:
            field_dict["description"] = description
        if event_types is not UNSET:
            field_dict["event_types"] = event_types
        if ordered is not UNSET:
            field_dict["ordered"] = ordered

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        account_ids = cast(list[str], d.pop("account_ids", UNSET))


        department_ids = cast(list[str], d.pop("department_ids", UNSET))


        description = d.pop("description", UNSET)

        event_types = cast(list[str], d.pop("event_types", UNSET))


        ordered = d.pop("ordered", UNSET)

        webhook_create = cls(
            url=url,
            account_ids=account_ids,
            department_ids=department_ids,
            description=description,
            event_types=event_types,
            ordered=ordered,
        )

        return webhook_create

