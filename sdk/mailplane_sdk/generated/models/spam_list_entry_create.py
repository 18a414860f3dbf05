from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="SpamListEntryCreate")



@_attrs_define
class SpamListEntryCreate:
    """ 
        Attributes:
            value (str): A sender address (`news@example.com`) or a domain (`example.com`, which also covers its
                subdomains). Internationalised domains are accepted.
            note (str | Unset): Why the entry exists Default: ''.
     """

    value: str
    note: str | Unset = ''





    def to_dict(self) -> dict[str, Any]:
        value = self.value

        note = self.note


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "value": value,
        })
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        value = d.pop("value")

        note = d.pop("note", UNSET)

        spam_list_entry_create = cls(
            value=value,
            note=note,
        )

        return spam_list_entry_create

