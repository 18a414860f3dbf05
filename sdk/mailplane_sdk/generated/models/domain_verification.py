from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.dns_record import DnsRecord
  from ..models.domain import Domain





T = TypeVar("T", bound="DomainVerification")



@_attrs_define
class DomainVerification:
    """ 
        Attributes:
            domain (Domain):
            records (list[DnsRecord]): DNS records.
            verified (bool): Checked and found correct.
     """

    domain: Domain
    records: list[DnsRecord]
    verified: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.dns_record import DnsRecord # noqa: PLC0415
        from ..models.domain import Domain # noqa: PLC0415
        domain = self.domain.to_dict()

        records = []
        for records_item_data in self.records:
            records_item = records_item_data.to_dict()
            records.append(records_item)



        verified = self.verified


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "domain": domain,
            "records": records,
            "verified": verified,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dns_record import DnsRecord # noqa: PLC0415
        from ..models.domain import Domain # noqa: PLC0415
        d = dict(src_dict)
        domain = Domain.from_dict(d.pop("domain"))




        records = []
        _records = d.pop("records")
        for records_item_data in (_records):
            records_item = DnsRecord.from_dict(records_item_data)



            records.append(records_item)


        verified = d.pop("verified")

        domain_verification = cls(
            domain=domain,
            records=records,
            verified=verified,
        )


        domain_verification.additional_properties = d
        return domain_verification

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
