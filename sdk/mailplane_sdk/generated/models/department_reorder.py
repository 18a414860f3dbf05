from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="DepartmentReorder")



@_attrs_define
class DepartmentReorder:
    """ 
        Attributes:
            child_ids (list[str]): The ids of the childs.
     """

    child_ids: list[str]





    def to_dict(self) -> dict[str, Any]:
        child_ids = self.child_ids




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "child_ids": child_ids,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        child_ids = cast(list[str], d.pop("child_ids"))


        department_reorder = cls(
            child_ids=child_ids,
        )

        return department_reorder

