from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="Folder")



@_attrs_define
class Folder:
    """ 
        Attributes:
            account_id (str): The account it belongs to or acts on.
            created_at (datetime.datetime): When it was created (RFC 3339, UTC).
            id (str): The object's id: opaque, prefixed by its type (`acc_…`, `msg_…`, `evt_…`).
            name (str): Its name, as people read it.
            parent_id (None | str): The parent's id.
            role (None | str): inbox, drafts, sent, outbox, archive, junk or trash; null for custom folders
            size_bytes (int): Size in bytes.
            total_count (int): Messages in all.
            unread_count (int): Messages not yet read.
            updated_at (datetime.datetime): When it last changed (RFC 3339, UTC).
            display_name (str | Unset): The name to show: a system folder's in the reader's language (收件箱, 已发送, 草稿箱, 已删除,
                垃圾邮件 for zh-CN; Accept-Language, else the owner's), a custom folder's own name. `name` and `role` never change
                with the language. Default: ''.
     """

    account_id: str
    created_at: datetime.datetime
    id: str
    name: str
    parent_id: None | str
    role: None | str
    size_bytes: int
    total_count: int
    unread_count: int
    updated_at: datetime.datetime
    display_name: str | Unset = ''
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        created_at = self.created_at.isoformat()

        id = self.id

        name = self.name

        parent_id: None | str
        parent_id = self.parent_id

        role: None | str
        role = self.role

        size_bytes = self.size_bytes

        total_count = self.total_count

        unread_count = self.unread_count

        updated_at = self.updated_at.isoformat()

        display_name = self.display_name


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "created_at": created_at,
            "id": id,
            "name": name,
            "parent_id": parent_id,
            "role": role,
            "size_bytes": size_bytes,
            "total_count": total_count,
            "unread_count": unread_count,
            "updated_at": updated_at,
        })
        if display_name is not UNSET:
            field_dict["display_name"] = display_name

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = d.pop("id")

        name = d.pop("name")

        def _parse_parent_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        parent_id = _parse_parent_id(d.pop("parent_id"))


        def _parse_role(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        role = _parse_role(d.pop("role"))


        size_bytes = d.pop("size_bytes")

        total_count = d.pop("total_count")

        unread_count = d.pop("unread_count")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        display_name = d.pop("display_name", UNSET)

        folder = cls(
            account_id=account_id,
            created_at=created_at,
            id=id,
            name=name,
            parent_id=parent_id,
            role=role,
            size_bytes=size_bytes,
            total_count=total_count,
            unread_count=unread_count,
            updated_at=updated_at,
            display_name=display_name,
        )


        folder.additional_properties = d
        return folder

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
