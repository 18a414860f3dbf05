from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.sender_entry_create_action import SenderEntryCreateAction
from ..types import UNSET, Unset






T = TypeVar("T", bound="SenderEntryCreate")



@_attrs_define
class SenderEntryCreate:
    """ 
        Attributes:
            value (str): A sender address, or a domain (covering its subdomains)
            action (SenderEntryCreateAction | Unset): block list: where the sender's next messages are filed Default:
                SenderEntryCreateAction.JUNK.
     """

    value: str
    action: SenderEntryCreateAction | Unset = SenderEntryCreateAction.JUNK





    def to_dict(self) -> dict[str, Any]:
        value = self.value

        action: str | Unset = UNSET
        if not isinstance(self.action, Unset):
            action = self.action.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
            "value": value,
        })
        if action is not UNSET:
            field_dict["action"] = action

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        value = d.pop("value")

        _action = d.pop("action", UNSET)
        action: SenderEntryCreateAction | Unset
        if isinstance(_action,  Unset):
            action = UNSET
        else:
            action = SenderEntryCreateAction(_action)




        sender_entry_create = cls(
            value=value,
            action=action,
        )

        return sender_entry_create

