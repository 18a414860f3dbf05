from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.suggestion_kind import SuggestionKind
from ..models.suggestion_source import SuggestionSource






T = TypeVar("T", bound="Suggestion")



@_attrs_define
class Suggestion:
    """ 
        Attributes:
            address (str): An email address.
            id (str): The object's id: opaque, prefixed by its type (`acc_…`, `msg_…`, `evt_…`).
            kind (SuggestionKind): What kind of object it is (the values are listed by the schema).
            name (str): Its name, as people read it.
            recent_messages (int): Messages exchanged with this address in the last 180 days.
            source (SuggestionSource): Where it comes from (a folder name on the old server, or a data source).
     """

    address: str
    id: str
    kind: SuggestionKind
    name: str
    recent_messages: int
    source: SuggestionSource
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        address = self.address

        id = self.id

        kind = self.kind.value

        name = self.name

        recent_messages = self.recent_messages

        source = self.source.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "address": address,
            "id": id,
            "kind": kind,
            "name": name,
            "recent_messages": recent_messages,
            "source": source,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        address = d.pop("address")

        id = d.pop("id")

        kind = SuggestionKind(d.pop("kind"))




        name = d.pop("name")

        recent_messages = d.pop("recent_messages")

        source = SuggestionSource(d.pop("source"))




        suggestion = cls(
            address=address,
            id=id,
            kind=kind,
            name=name,
            recent_messages=recent_messages,
            source=source,
        )


        suggestion.additional_properties = d
        return suggestion

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
