from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="DomainCreate")



@_attrs_define
class DomainCreate:
    """ 
        Attributes:
            name (str): The domain, internationalised names allowed (stored in A-label form).
            alias_of (None | str | Unset): Make this an alias domain mirroring the primary domain with this id or name.
     """

    name: str
    alias_of: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        alias_of: None | str | Unset
        if isinstance(self.alias_of, Unset):
            alias_of = UNSET
        else:
            alias_of = self.alias_of


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
        })
        if alias_of is not UNSET:
            field_dict["alias_of"] = alias_of

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_alias_of(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        alias_of = _parse_alias_of(d.pop("alias_of", UNSET))


        domain_create = cls(
            name=name,
            alias_of=alias_of,
        )

        return domain_create

