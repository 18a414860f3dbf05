from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="BulkResult")



@_attrs_define
class BulkResult:
    """ 
        Attributes:
            deleted (list[str] | Unset): Ids deleted since the given state.
            not_found (list[str] | Unset): Inputs that matched nothing.
            updated (list[str] | Unset): Ids changed since the given state.
     """

    deleted: list[str] | Unset = UNSET
    not_found: list[str] | Unset = UNSET
    updated: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        deleted: list[str] | Unset = UNSET
        if not isinstance(self.deleted, Unset):
            deleted = self.deleted



        not_found: list[str] | Unset = UNSET
        if not isinstance(self.not_found, Unset):
            not_found = self.not_found



        updated: list[str] | Unset = UNSET
        if not isinstance(self.updated, Unset):
            updated = self.updated




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if deleted is not UNSET:
            field_dict["deleted"] = deleted
        if not_found is not UNSET:
            field_dict["not_found"] = not_found
        if updated is not UNSET:
            field_dict["updated"] = updated

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        deleted = cast(list[str], d.pop("deleted", UNSET))


        not_found = cast(list[str], d.pop("not_found", UNSET))


        updated = cast(list[str], d.pop("updated", UNSET))


        bulk_result = cls(
            deleted=deleted,
            not_found=not_found,
            updated=updated,
        )


        bulk_result.additional_properties = d
        return bulk_result

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
