from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.reminder_method import ReminderMethod
from ..types import UNSET, Unset






T = TypeVar("T", bound="Reminder")



@_attrs_define
class Reminder:
    """ 
        Attributes:
            minutes_before (int): Minutes before the start.
            method (ReminderMethod | Unset): How the reminder is given. Default: ReminderMethod.DISPLAY.
     """

    minutes_before: int
    method: ReminderMethod | Unset = ReminderMethod.DISPLAY





    def to_dict(self) -> dict[str, Any]:
        minutes_before = self.minutes_before

        method: str | Unset = UNSET
        if not isinstance(self.method, Unset):
            method = self.method.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
            "minutes_before": minutes_before,
        })
        if method is not UNSET:
            field_dict["method"] = method

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        minutes_before = d.pop("minutes_before")

        _method = d.pop("method", UNSET)
        method: ReminderMethod | Unset
        if isinstance(_method,  Unset):
            method = UNSET
        else:
            method = ReminderMethod(_method)




        reminder = cls(
            minutes_before=minutes_before,
            method=method,
        )

        return reminder

