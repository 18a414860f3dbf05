from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="AttachmentIn")



@_attrs_define
class AttachmentIn:
    """ 
        Attributes:
            content_base64 (None | str | Unset): Small files inline, base64
            content_id (None | str | Unset): For inline images referenced as cid:
            content_type (None | str | Unset): The MIME type.
            filename (None | str | Unset): The file's name.
            inline (bool | Unset): Shown inside the body (a `cid:` image) rather than as an attachment. Default: False.
            upload_id (None | str | Unset): A committed upload session
     """

    content_base64: None | str | Unset = UNSET
    content_id: None | str | Unset = UNSET
    content_type: None | str | Unset = UNSET
    filename: None | str | Unset = UNSET
    inline: bool | Unset = False
    upload_id: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        content_base64: None | str | Unset
        if isinstance(self.content_base64, Unset):
            content_base64 = UNSET
        else:
            content_base64 = self.content_base64

        content_id: None | str | Unset
        if isinstance(self.content_id, Unset):
            content_id = UNSET
        else:
            content_id = self.content_id

        content_type: None | str | Unset
        if isinstance(self.content_type, Unset):
            content_type = UNSET
        else:
            content_type = self.content_type

        filename: None | str | Unset
        if isinstance(self.filename, Unset):
            filename = UNSET
        else:
            filename = self.filename

        inline = self.inline

        upload_id: None | str | Unset
        if isinstance(self.upload_id, Unset):
            upload_id = UNSET
        else:
            upload_id = self.upload_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if content_base64 is not UNSET:
            field_dict["content_base64"] = content_base64
        if content_id is not UNSET:
            field_dict["content_id"] = content_id
        if content_type is not UNSET:
            field_dict["content_type"] = content_type
        if filename is not UNSET:
            field_dict["filename"] = filename
        if inline is not UNSET:
            field_dict["inline"] = inline
        if upload_id is not UNSET:
            field_dict["upload_id"] = upload_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_content_base64(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        content_base64 = _parse_content_base64(d.pop("content_base64", UNSET))


        def _parse_content_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        content_id = _parse_content_id(d.pop("content_id", UNSET))


        def _parse_content_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        content_type = _parse_content_type(d.pop("content_type", UNSET))


        def _parse_filename(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        filename = _parse_filename(d.pop("filename", UNSET))


        inline = d.pop("inline", UNSET)

        def _parse_upload_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        upload_id = _parse_upload_id(d.pop("upload_id", UNSET))


        attachment_in = cls(
            content_base64=content_base64,
            content_id=content_id,
            content_type=content_type,
            filename=filename,
            inline=inline,
            upload_id=upload_id,
        )

        return attachment_in

