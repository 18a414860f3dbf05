from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="DepartmentMove")



@_attrs_define
class DepartmentMove:
    """ 
        Attributes:
            parent_id (str): The parent's id.
            position (int | None | Unset): Place among the new siblings (0 = first); omit = last.
     """

    parent_id: str
    position: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        parent_id = self.parent_id

        position: int | None | Unset
        if isinstance(self.position, Unset):
            position = UNSET
        else:
            position = self.position


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "parent_id": parent_id,
        })
        if position is not UNSET:
            field_dict["position"] = position

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        parent_id = d.pop("parent_id")

        def _parse_position(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        position = _parse_position(d.pop("position", UNSET))


        department_move = cls(
            parent_id=parent_id,
            position=position,
        )

        return department_move

