from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.folder_counts import FolderCounts





T = TypeVar("T", bound="MailCounts")



@_attrs_define
class MailCounts:
    """ 
        Attributes:
            folders (list[FolderCounts]): Folders, each with its own state.
            total_unread (int): Unread messages in all folders but junk and trash
            unread_count (int): Unread messages in the inbox
     """

    folders: list[FolderCounts]
    total_unread: int
    unread_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.folder_counts import FolderCounts # noqa: PLC0415
        folders = []
        for folders_item_data in self.folders:
            folders_item = folders_item_data.to_dict()
            folders.append(folders_item)



        total_unread = self.total_unread

        unread_count = self.unread_count


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "folders": folders,
            "total_unread": total_unread,
            "unread_count": unread_count,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.folder_counts import FolderCounts # noqa: PLC0415
        d = dict(src_dict)
        folders = []
        _folders = d.pop("folders")
        for folders_item_data in (_folders):
            folders_item = FolderCounts.from_dict(folders_item_data)



            folders.append(folders_item)


        total_unread = d.pop("total_unread")

        unread_count = d.pop("unread_count")

        mail_counts = cls(
            folders=folders,
            total_unread=total_unread,
            unread_count=unread_count,
        )


        mail_counts.additional_properties = d
        return mail_counts

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
