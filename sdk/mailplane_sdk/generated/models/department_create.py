from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="DepartmentCreate")



@_attrs_define
class DepartmentCreate:
    """ 
        Attributes:
            name (str): Its name, as people read it.
            manager_ids (list[str] | Unset): The ids of the managers.
            parent_id (None | str | Unset): The parent department's id; omit it (or send null) to create under the root: the
                answer then names the root by its id. Departments name their parent by id: a top-level department has the root
                department's id (the root is the one department whose `parent_id` is null, listed first by `GET
                /v1/departments`).
            sort_order (int | None | Unset): Position among its siblings (smaller first).
     """

    name: str
    manager_ids: list[str] | Unset = UNSET
    parent_id: None | str | Unset = UNSET
    sort_order: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        manager_ids: list[str] | Unset = UNSET
        if not isinstance(self.manager_ids, Unset):
            manager_ids = self.manager_ids



        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        else:
            parent_id = self.parent_id

        sort_order: int | None | Unset
        if isinstance(self.sort_order, Unset):
            sort_order = UNSET
        else:
            sort_order = self.sort_order


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
        })
        if manager_ids is not UNSET:
            field_dict["manager_ids"] = manager_ids
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if sort_order is not UNSET:
            field_dict["sort_order"] = sort_order

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        manager_ids = cast(list[str], d.pop("manager_ids", UNSET))


        def _parse_parent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))


        def _parse_sort_order(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        sort_order = _parse_sort_order(d.pop("sort_order", UNSET))


        department_create = cls(
            name=name,
            manager_ids=manager_ids,
            parent_id=parent_id,
            sort_order=sort_order,
        )

        return department_create

