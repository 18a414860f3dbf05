from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="FolderCounts")



@_attrs_define
class FolderCounts:
    """ 
        Attributes:
            id (str): The object's id: opaque, prefixed by its type (`acc_…`, `msg_…`, `evt_…`).
            name (str): Its name, as people read it.
            role (None | str): Its role (the values are listed by the schema).
            total_count (int): Messages in all.
            unread_count (int): Messages not yet read.
            display_name (str | Unset): The name to show, as in Folder. Default: ''.
     """

    id: str
    name: str
    role: None | str
    total_count: int
    unread_count: int
    display_name: str | Unset = ''
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        role: None | str
        role = self.role

        total_count = self.total_count

        unread_count = self.unread_count

        display_name = self.display_name


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "name": name,
            "role": role,
            "total_count": total_count,
            "unread_count": unread_count,
        })
        if display_name is not UNSET:
            field_dict["display_name"] = display_name

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        def _parse_role(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        role = _parse_role(d.pop("role"))


        total_count = d.pop("total_count")

        unread_count = d.pop("unread_count")

        display_name = d.pop("display_name", UNSET)

        folder_counts = cls(
            id=id,
            name=name,
            role=role,
            total_count=total_count,
            unread_count=unread_count,
            display_name=display_name,
        )


        folder_counts.additional_properties = d
        return folder_counts

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
