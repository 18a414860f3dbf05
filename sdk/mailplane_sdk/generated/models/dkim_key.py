from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.dkim_key_status import DkimKeyStatus
from typing import cast
import datetime






T = TypeVar("T", bound="DkimKey")



@_attrs_define
class DkimKey:
    """ 
        Attributes:
            activated_at (datetime.datetime | None): When activated (RFC 3339, UTC); null if not (yet).
            bits (int): Key size in bits.
            created_at (datetime.datetime): When it was created (RFC 3339, UTC).
            id (str): The object's id: opaque, prefixed by its type (`acc_…`, `msg_…`, `evt_…`).
            record_name (str): The DNS name to publish.
            record_value (str): The DNS value to publish.
            retired_at (datetime.datetime | None): When retired (RFC 3339, UTC); null if not (yet).
            selector (str): The DKIM selector.
            status (DkimKeyStatus): `active` signs; `pending` waits for its record to verify while the active key stays
                published; `retired` is no longer published.
     """

    activated_at: datetime.datetime | None
    bits: int
    created_at: datetime.datetime
    id: str
    record_name: str
    record_value: str
    retired_at: datetime.datetime | None
    selector: str
    status: DkimKeyStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        activated_at: None | str
        if isinstance(self.activated_at, datetime.datetime):
            activated_at = self.activated_at.isoformat()
        else:
            activated_at = self.activated_at

        bits = self.bits

        created_at = self.created_at.isoformat()

        id = self.id

        record_name = self.record_name

        record_value = self.record_value

        retired_at: None | str
        if isinstance(self.retired_at, datetime.datetime):
            retired_at = self.retired_at.isoformat()
        else:
            retired_at = self.retired_at

        selector = self.selector

        status = self.status.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "activated_at": activated_at,
            "bits": bits,
            "created_at": created_at,
            "id": id,
            "record_name": record_name,
            "record_value": record_value,
            "retired_at": retired_at,
            "selector": selector,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_activated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                activated_at_type_0 = datetime.datetime.fromisoformat(data)



                return activated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        activated_at = _parse_activated_at(d.pop("activated_at"))


        bits = d.pop("bits")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = d.pop("id")

        record_name = d.pop("record_name")

        record_value = d.pop("record_value")

        def _parse_retired_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                retired_at_type_0 = datetime.datetime.fromisoformat(data)



                return retired_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        retired_at = _parse_retired_at(d.pop("retired_at"))


        selector = d.pop("selector")

        status = DkimKeyStatus(d.pop("status"))




        dkim_key = cls(
            activated_at=activated_at,
            bits=bits,
            created_at=created_at,
            id=id,
            record_name=record_name,
            record_value=record_value,
            retired_at=retired_at,
            selector=selector,
            status=status,
        )


        dkim_key.additional_properties = d
        return dkim_key

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
