from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="AccountMove")



@_attrs_define
class AccountMove:
    """ 
        Attributes:
            to_department_id (str): The id of the to department.
            from_department_id (None | str | Unset): The department to leave; omit to leave every department.
     """

    to_department_id: str
    from_department_id: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        to_department_id = self.to_department_id

        from_department_id: None | str | Unset
        if isinstance(self.from_department_id, Unset):
            from_department_id = UNSET
        else:
            from_department_id = self.from_department_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "to_department_id": to_department_id,
        })
        if from_department_id is not UNSET:
            field_dict["from_department_id"] = from_department_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        to_department_id = d.pop("to_department_id")

        def _parse_from_department_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        from_department_id = _parse_from_department_id(d.pop("from_department_id", UNSET))


        account_move = cls(
            to_department_id=to_department_id,
            from_department_id=from_department_id,
        )

        return account_move

