from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="ContactImportResult")



@_attrs_define
class ContactImportResult:
    """ 
        Attributes:
            contact_ids (list[str]): The ids of the contacts.
            created (int): Ids created since the given state.
            groups (int): Groups.
            updated (int): Ids changed since the given state.
     """

    contact_ids: list[str]
    created: int
    groups: int
    updated: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        contact_ids = self.contact_ids



        created = self.created

        groups = self.groups

        updated = self.updated


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "contact_ids": contact_ids,
            "created": created,
            "groups": groups,
            "updated": updated,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        contact_ids = cast(list[str], d.pop("contact_ids"))


        created = d.pop("created")

        groups = d.pop("groups")

        updated = d.pop("updated")

        contact_import_result = cls(
            contact_ids=contact_ids,
            created=created,
            groups=groups,
            updated=updated,
        )


        contact_import_result.additional_properties = d
        return contact_import_result

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
