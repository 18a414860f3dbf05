from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Attachment")



@_attrs_define
class Attachment:
    """ 
        Attributes:
            content_type (str): The MIME type.
            filename (str): The file's name.
            id (str): The MIME part path, e.g. `2` or `1.3`
            size (int): Size in bytes.
            calendar (bool | Unset): The calendar. Default: False.
            content_id (None | str | Unset): The id of the content.
            inline (bool | Unset): Shown inside the body (a `cid:` image) rather than as an attachment. Default: False.
     """

    content_type: str
    filename: str
    id: str
    size: int
    calendar: bool | Unset = False
    content_id: None | str | Unset = UNSET
    inline: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        content_type = self.content_type

        filename = self.filename

        id = self.id

        size = self.size

        calendar = self.calendar

        content_id: None | str | Unset
        if isinstance(self.content_id, Unset):
            content_id = UNSET
        else:
            content_id = self.content_id

        inline = self.inline


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "content_type": content_type,
            "filename": filename,
            "id": id,
            "size": size,
        })
        if calendar is not UNSET:
            field_dict["calendar"] = calendar
        if content_id is not UNSET:
            field_dict["content_id"] = content_id
        if inline is not UNSET:
            field_dict["inline"] = inline

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        content_type = d.pop("content_type")

        filename = d.pop("filename")

        id = d.pop("id")

        size = d.pop("size")

        calendar = d.pop("calendar", UNSET)

        def _parse_content_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        content_id = _parse_content_id(d.pop("content_id", UNSET))


        inline = d.pop("inline", UNSET)

        attachment = cls(
            content_type=content_type,
            filename=filename,
            id=id,
            size=size,
            calendar=calendar,
            content_id=content_id,
            inline=inline,
        )


        attachment.additional_properties = d
        return attachment

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
