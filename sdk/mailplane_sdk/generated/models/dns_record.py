from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.dns_record_purpose import DnsRecordPurpose
from ..models.dns_record_status import DnsRecordStatus
from ..models.dns_record_type import DnsRecordType
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="DnsRecord")



@_attrs_define
class DnsRecord:
    """ 
        Attributes:
            found (list[str]): What DNS returned at the last check.
            key (str): Stable key within the domain: mx, spf, dkim:<selector>, …
            name (str): Its name, as people read it.
            purpose (DnsRecordPurpose): What the record is for.
            required (bool): MX and SPF are required for the domain to verify.
            status (DnsRecordStatus): Its current state (the values are listed by the schema).
            ttl (int): Suggested DNS TTL in seconds.
            type_ (DnsRecordType): What kind (the values are listed by the schema).
            value (str): The exact value to publish (MX: the exchange host).
            zone_line (str): The record in zone-file syntax.
            checked_at (datetime.datetime | None | Unset): When checked (RFC 3339, UTC); null if not (yet).
            detail (None | str | Unset): A human-readable explanation.
            priority (int | None | Unset): Delivery priority (the values are listed by the schema).
            selector (None | str | Unset): The DKIM selector.
     """

    found: list[str]
    key: str
    name: str
    purpose: DnsRecordPurpose
    required: bool
    status: DnsRecordStatus
    ttl: int
    type_: DnsRecordType
    value: str
    zone_line: str
    checked_at: datetime.datetime | None | Unset = UNSET
    detail: None | str | Unset = UNSET
    priority: int | None | Unset = UNSET
    selector: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        found = self.found



        key = self.key

        name = self.name

        purpose = self.purpose.value

        required = self.required

        status = self.status.value

        ttl = self.ttl

        type_ = self.type_.value

        value = self.value

        zone_line = self.zone_line

        checked_at: None | str | Unset
        if isinstance(self.checked_at, Unset):
            checked_at = UNSET
        elif isinstance(self.checked_at, datetime.datetime):
            checked_at = self.checked_at.isoformat()
        else:
            checked_at = self.checked_at

        detail: None | str | Unset
        if isinstance(self.detail, Unset):
            detail = UNSET
        else:
            detail = self.detail

        priority: int | None | Unset
        if isinstance(self.priority, Unset):
            priority = UNSET
        else:
            priority = self.priority

        selector: None | str | Unset
        if isinstance(self.selector, Unset):
            selector = UNSET
        else:
            selector = self.selector


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "found": found,
            "key": key,
            "name": name,
            "purpose": purpose,
            "required": required,
            "status": status,
            "ttl": ttl,
            "type": type_,
            "value": value,
            "zone_line": zone_line,
        })
        if checked_at is not UNSET:
            field_dict["checked_at"] = checked_at
        if detail is not UNSET:
            field_dict["detail"] = detail
        if priority is not UNSET:
            field_dict["priority"] = priority
        if selector is not UNSET:
            field_dict["selector"] = selector

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        found = cast(list[str], d.pop("found"))


        key = d.pop("key")

        name = d.pop("name")

        purpose = DnsRecordPurpose(d.pop("purpose"))




        required = d.pop("required")

        status = DnsRecordStatus(d.pop("status"))




        ttl = d.pop("ttl")

        type_ = DnsRecordType(d.pop("type"))




        value = d.pop("value")

        zone_line = d.pop("zone_line")

        def _parse_checked_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                checked_at_type_0 = datetime.datetime.fromisoformat(data)



                return checked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        checked_at = _parse_checked_at(d.pop("checked_at", UNSET))


        def _parse_detail(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        detail = _parse_detail(d.pop("detail", UNSET))


        def _parse_priority(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        priority = _parse_priority(d.pop("priority", UNSET))


        def _parse_selector(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        selector = _parse_selector(d.pop("selector", UNSET))


        dns_record = cls(
            found=found,
            key=key,
            name=name,
            purpose=purpose,
            required=required,
            status=status,
            ttl=ttl,
            type_=type_,
            value=value,
            zone_line=zone_line,
            checked_at=checked_at,
            detail=detail,
            priority=priority,
            selector=selector,
        )


        dns_record.additional_properties = d
        return dns_record

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
