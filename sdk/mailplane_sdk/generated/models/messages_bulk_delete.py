from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="MessagesBulkDelete")



@_attrs_define
class MessagesBulkDelete:
    """ 
        Attributes:
            ids (list[str]): Ids.
            permanent (bool | Unset): Delete for good instead of moving to trash (messages already in trash always go for
                good) Default: False.
     """

    ids: list[str]
    permanent: bool | Unset = False





    def to_dict(self) -> dict[str, Any]:
        ids = self.ids



        permanent = self.permanent


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "ids": ids,
        })
        if permanent is not UNSET:
            field_dict["permanent"] = permanent

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ids = cast(list[str], d.pop("ids"))


        permanent = d.pop("permanent", UNSET)

        messages_bulk_delete = cls(
            ids=ids,
            permanent=permanent,
        )

        return messages_bulk_delete

