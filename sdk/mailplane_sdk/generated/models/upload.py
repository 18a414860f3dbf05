from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.upload_state import UploadState
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="Upload")



@_attrs_define
class Upload:
    """ 
        Attributes:
            account_id (str): The account it belongs to or acts on.
            content_type (str): The MIME type.
            created_at (datetime.datetime): When it was created (RFC 3339, UTC).
            expires_at (datetime.datetime): When expires (RFC 3339, UTC); null if not (yet).
            filename (str): The file's name.
            id (str): The object's id: opaque, prefixed by its type (`acc_…`, `msg_…`, `evt_…`).
            received (list[list[int]]): Byte ranges held, [start, end) each
            received_bytes (int): Received in bytes.
            size (int): Size in bytes.
            state (UploadState): An opaque state to pass back.
            upload_url (str): Where to PUT the chunks.
            sha256 (None | str | Unset): SHA-256 of the content, hex.
     """

    account_id: str
    content_type: str
    created_at: datetime.datetime
    expires_at: datetime.datetime
    filename: str
    id: str
    received: list[list[int]]
    received_bytes: int
    size: int
    state: UploadState
    upload_url: str
    sha256: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        content_type = self.content_type

        created_at = self.created_at.isoformat()

        expires_at = self.expires_at.isoformat()

        filename = self.filename

        id = self.id

        received = []
        for received_item_data in self.received:
            received_item = received_item_data


            received.append(received_item)



        received_bytes = self.received_bytes

        size = self.size

        state = self.state.value

        upload_url = self.upload_url

        sha256: None | str | Unset
        if isinstance(self.sha256, Unset):
            sha256 = UNSET
        else:
            sha256 = self.sha256


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "content_type": content_type,
            "created_at": created_at,
            "expires_at": expires_at,
            "filename": filename,
            "id": id,
            "received": received,
            "received_bytes": received_bytes,
            "size": size,
            "state": state,
            "upload_url": upload_url,
        })
        if sha256 is not UNSET:
            field_dict["sha256"] = sha256

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        content_type = d.pop("content_type")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))




        filename = d.pop("filename")

        id = d.pop("id")

        received = []
        _received = d.pop("received")
        for received_item_data in (_received):
            received_item = cast(list[int], received_item_data)

            received.append(received_item)


        received_bytes = d.pop("received_bytes")

        size = d.pop("size")

        state = UploadState(d.pop("state"))




        upload_url = d.pop("upload_url")

        def _parse_sha256(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sha256 = _parse_sha256(d.pop("sha256", UNSET))


        upload = cls(
            account_id=account_id,
            content_type=content_type,
            created_at=created_at,
            expires_at=expires_at,
            filename=filename,
            id=id,
            received=received,
            received_bytes=received_bytes,
            size=size,
            state=state,
            upload_url=upload_url,
            sha256=sha256,
        )


        upload.additional_properties = d
        return upload

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
