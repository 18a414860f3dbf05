from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="MessageUpdate")



@_attrs_define
class MessageUpdate:
    """ 
        Attributes:
            add_keywords (list[str] | Unset): Keywords to add.
            answered (bool | None | Unset): Replied to.
            flagged (bool | None | Unset): Flagged (starred).
            folder_id (None | str | Unset): Move to this folder
            forwarded (bool | None | Unset): Forwarded.
            remove_keywords (list[str] | Unset): Keywords to remove.
            seen (bool | None | Unset): Read (the IMAP \\\\Seen flag).
     """

    add_keywords: list[str] | Unset = UNSET
    answered: bool | None | Unset = UNSET
    flagged: bool | None | Unset = UNSET
    folder_id: None | str | Unset = UNSET
    forwarded: bool | None | Unset = UNSET
    remove_keywords: list[str] | Unset = UNSET
    seen: bool | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        add_keywords: list[str] | Unset = UNSET
        if not isinstance(self.add_keywords, Unset):
            add_keywords = self.add_keywords



        answered: bool | None | Unset
        if isinstance(self.answered, Unset):
            answered = UNSET
        else:
            answered = self.answered

        flagged: bool | None | Unset
        if isinstance(self.flagged, Unset):
            flagged = UNSET
        else:
            flagged = self.flagged

        folder_id: None | str | Unset
        if isinstance(self.folder_id, Unset):
            folder_id = UNSET
        else:
            folder_id = self.folder_id

        forwarded: bool | None | Unset
        if isinstance(self.forwarded, Unset):
            forwarded = UNSET
        else:
            forwarded = self.forwarded

        remove_keywords: list[str] | Unset = UNSET
        if not isinstance(self.remove_keywords, Unset):
            remove_keywords = self.remove_keywords



        seen: bool | None | Unset
        if isinstance(self.seen, Unset):
            seen = UNSET
        else:
            seen = self.seen


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if add_keywords is not UNSET:
            field_dict["add_keywords"] = add_keywords
        if answered is not UNSET:
            field_dict["answered"] = answered
        if flagged is not UNSET:
            field_dict["flagged"] = flagged
        if folder_id is not UNSET:
            field_dict["folder_id"] = folder_id
        if forwarded is not UNSET:
            field_dict["forwarded"] = forwarded
        if remove_keywords is not UNSET:
            field_dict["remove_keywords"] = remove_keywords
        if seen is not UNSET:
            field_dict["seen"] = seen

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        add_keywords = cast(list[str], d.pop("add_keywords", UNSET))


        def _parse_answered(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        answered = _parse_answered(d.pop("answered", UNSET))


        def _parse_flagged(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        flagged = _parse_flagged(d.pop("flagged", UNSET))


        def _parse_folder_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        folder_id = _parse_folder_id(d.pop("folder_id", UNSET))


        def _parse_forwarded(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        forwarded = _parse_forwarded(d.pop("forwarded", UNSET))


        remove_keywords = cast(list[str], d.pop("remove_keywords", UNSET))


        def _parse_seen(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        seen = _parse_seen(d.pop("seen", UNSET))


        message_update = cls(
            add_keywords=add_keywords,
            answered=answered,
            flagged=flagged,
            folder_id=folder_id,
            forwarded=forwarded,
            remove_keywords=remove_keywords,
            seen=seen,
        )

        return message_update

