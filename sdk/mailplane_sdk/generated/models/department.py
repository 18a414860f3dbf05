from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="Department")



@_attrs_define
class Department:
    """ 
        Attributes:
            created_at (datetime.datetime): When it was created (RFC 3339, UTC).
            id (str): The object's id: opaque, prefixed by its type (`acc_…`, `msg_…`, `evt_…`).
            manager_ids (list[str]): The ids of the managers.
            name (str): Its name, as people read it.
            parent_id (None | str): The parent's id; null only for the root department. Departments name their parent by id:
                a top-level department has the root department's id (the root is the one department whose `parent_id` is null,
                listed first by `GET /v1/departments`).
            path (str): Names from below the root, joined with `/` (`Sales/East`).
            sort_order (int): Position among its siblings (smaller first).
            updated_at (datetime.datetime): When it last changed (RFC 3339, UTC).
     """

    created_at: datetime.datetime
    id: str
    manager_ids: list[str]
    name: str
    parent_id: None | str
    path: str
    sort_order: int
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = self.id

        manager_ids = self.manager_ids



        name = self.name

        parent_id: None | str
        parent_id = self.parent_id

        path = self.path

        sort_order = self.sort_order

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "id": id,
            "manager_ids": manager_ids,
            "name": name,
            "parent_id": parent_id,
            "path": path,
            "sort_order": sort_order,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = d.pop("id")

        manager_ids = cast(list[str], d.pop("manager_ids"))


        name = d.pop("name")

        def _parse_parent_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        parent_id = _parse_parent_id(d.pop("parent_id"))


        path = d.pop("path")

        sort_order = d.pop("sort_order")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        department = cls(
            created_at=created_at,
            id=id,
            manager_ids=manager_ids,
            name=name,
            parent_id=parent_id,
            path=path,
            sort_order=sort_order,
            updated_at=updated_at,
        )


        department.additional_properties = d
        return department

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
