from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="ImportCounts")



@_attrs_define
class ImportCounts:
    """ 
        Attributes:
            created (int | Unset): Ids created since the given state. Default: 0.
            error (int | Unset): Why it could not be done; null when it was. Default: 0.
            unchanged (int | Unset): Rows that needed no change. Default: 0.
            updated (int | Unset): Ids changed since the given state. Default: 0.
     """

    created: int | Unset = 0
    error: int | Unset = 0
    unchanged: int | Unset = 0
    updated: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        created = self.created

        error = self.error

        unchanged = self.unchanged

        updated = self.updated


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if created is not UNSET:
            field_dict["created"] = created
        if error is not UNSET:
            field_dict["error"] = error
        if unchanged is not UNSET:
            field_dict["unchanged"] = unchanged
        if updated is not UNSET:
            field_dict["updated"] = updated

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created = d.pop("created", UNSET)

        error = d.pop("error", UNSET)

        unchanged = d.pop("unchanged", UNSET)

        updated = d.pop("updated", UNSET)

        import_counts = cls(
            created=created,
            error=error,
            unchanged=unchanged,
            updated=updated,
        )


        import_counts.additional_properties = d
        return import_counts

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
