from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.calendar_share_create_level import CalendarShareCreateLevel






T = TypeVar("T", bound="CalendarShareCreate")



@_attrs_define
class CalendarShareCreate:
    """ 
        Attributes:
            account (str): The account to share with: id or address.
            level (CalendarShareCreateLevel): Access level granted.
     """

    account: str
    level: CalendarShareCreateLevel





    def to_dict(self) -> dict[str, Any]:
        account = self.account

        level = self.level.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "account": account,
            "level": level,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account = d.pop("account")

        level = CalendarShareCreateLevel(d.pop("level"))




        calendar_share_create = cls(
            account=account,
            level=level,
        )

        return calendar_share_create

