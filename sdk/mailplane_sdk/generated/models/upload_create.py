from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="UploadCreate")



@_attrs_define
class UploadCreate:
    """ 
        Attributes:
            filename (str): The file's name.
            size (int): The exact size in bytes
            content_type (str | Unset): The MIME type. Default: 'application/octet-stream'.
     """

    filename: str
    size: int
    content_type: str | Unset = 'application/octet-stream'





    def to_dict(self) -> dict[str, Any]:
        filename = self.filename

        size = self.size

        content_type = self.content_type


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "filename": filename,
            "size": size,
        })
        if content_type is not UNSET:
            field_dict["content_type"] = content_type

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        filename = d.pop("filename")

        size = d.pop("size")

        content_type = d.pop("content_type", UNSET)

        upload_create = cls(
            filename=filename,
            size=size,
            content_type=content_type,
        )

        return upload_create

