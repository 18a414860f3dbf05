from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="LoginLinkCreate")



@_attrs_define
class LoginLinkCreate:
    """ 
        Attributes:
            next_ (str | Unset): Where to land after signing in: a path on this Mailplane (`/mail`), never another site.
                Default: '/'.
     """

    next_: str | Unset = '/'





    def to_dict(self) -> dict[str, Any]:
        next_ = self.next_


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if next_ is not UNSET:
            field_dict["next"] = next_

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        next_ = d.pop("next", UNSET)

        login_link_create = cls(
            next_=next_,
        )

        return login_link_create

