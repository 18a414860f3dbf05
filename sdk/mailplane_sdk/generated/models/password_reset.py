from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PasswordReset")



@_attrs_define
class PasswordReset:
    """ 
        Attributes:
            must_change_password (bool | Unset): A new password is asked for at the next sign-in. Default: True.
            password (None | str | Unset): Omit to have one generated.
     """

    must_change_password: bool | Unset = True
    password: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        must_change_password = self.must_change_password

        password: None | str | Unset
        if isinstance(self.password, Unset):
            password = UNSET
        else:
            password = self.password


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if must_change_password is not UNSET:
            field_dict["must_change_password"] = must_change_password
        if password is not UNSET:
            field_dict["password"] = password

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        must_change_password = d.pop("must_change_password", UNSET)

        def _parse_password(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        password = _parse_password(d.pop("password", UNSET))


        password_reset = cls(
            must_change_password=must_change_password,
            password=password,
        )

        return password_reset

