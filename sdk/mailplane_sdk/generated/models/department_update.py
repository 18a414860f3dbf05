from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="DepartmentUpdate")



@_attrs_define
class DepartmentUpdate:
    """ 
        Attributes:
            manager_ids (list[str] | None | Unset): The ids of the managers.
            name (None | str | Unset): Its name, as people read it.
            parent_id (None | str | Unset): Move under this department (an id). Departments name their parent by id: a top-
                level department has the root department's id (the root is the one department whose `parent_id` is null, listed
                first by `GET /v1/departments`).
            sort_order (int | None | Unset): Position among its siblings (smaller first).
     """

    manager_ids: list[str] | None | Unset = UNSET
    name: None | str | Unset = UNSET
    parent_id: None | str | Unset = UNSET
    sort_order: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        manager_ids: list[str] | None | Unset
        if isinstance(self.manager_ids, Unset):
            manager_ids = UNSET
        elif isinstance(self.manager_ids, list):
            manager_ids = self.manager_ids


        else:
            manager_ids = self.manager_ids

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

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
        })
        if manager_ids is not UNSET:
            field_dict["manager_ids"] = manager_ids
        if name is not UNSET:
            field_dict["name"] = name
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if sort_order is not UNSET:
            field_dict["sort_order"] = sort_order

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_manager_ids(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                manager_ids_type_0 = cast(list[str], data)

                return manager_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        manager_ids = _parse_manager_ids(d.pop("manager_ids", UNSET))


        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


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


        department_update = cls(
            manager_ids=manager_ids,
            name=name,
            parent_id=parent_id,
            sort_order=sort_order,
        )

        return department_update

