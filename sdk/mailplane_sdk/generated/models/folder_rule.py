from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.folder_rule_role_type_0 import FolderRuleRoleType0
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="FolderRule")



@_attrs_define
class FolderRule:
    """ Where one source folder goes, overriding discovery: a system folder (`role`), a
    custom folder path (`target`, levels separated by `/`), or nowhere (`skip`).

        Attributes:
            source (str): The source folder's decoded name, levels separated by `/`.
            role (FolderRuleRoleType0 | None | Unset): Its role (the values are listed by the schema).
            skip (bool | Unset): Do not copy this folder. Default: False.
            target (None | str | Unset): The folder to copy into.
     """

    source: str
    role: FolderRuleRoleType0 | None | Unset = UNSET
    skip: bool | Unset = False
    target: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        source = self.source

        role: None | str | Unset
        if isinstance(self.role, Unset):
            role = UNSET
        elif isinstance(self.role, FolderRuleRoleType0):
            role = self.role.value
        else:
            role = self.role

        skip = self.skip

        target: None | str | Unset
        if isinstance(self.target, Unset):
            target = UNSET
        else:
            target = self.target


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "source": source,
        })
        if role is not UNSET:
            field_dict["role"] = role
        if skip is not UNSET:
            field_dict["skip"] = skip
        if target is not UNSET:
            field_dict["target"] = target

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        source = d.pop("source")

        def _parse_role(data: object) -> FolderRuleRoleType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                role_type_0 = FolderRuleRoleType0(data)



                return role_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FolderRuleRoleType0 | None | Unset, data)

        role = _parse_role(d.pop("role", UNSET))


        skip = d.pop("skip", UNSET)

        def _parse_target(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        target = _parse_target(d.pop("target", UNSET))


        folder_rule = cls(
            source=source,
            role=role,
            skip=skip,
            target=target,
        )

        return folder_rule

