from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="DomainTotals")



@_attrs_define
class DomainTotals:
    """ 
        Attributes:
            failing (int): Verified domains whose last periodic DNS check failed.
            pending (int): Domains not checked successfully yet.
            total (int): Domains of the organisation (primary and alias).
            verified (int): Domains whose DNS records were found in effect.
     """

    failing: int
    pending: int
    total: int
    verified: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        failing = self.failing

        pending = self.pending

        total = self.total

        verified = self.verified


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "failing": failing,
            "pending": pending,
            "total": total,
            "verified": verified,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        failing = d.pop("failing")

        pending = d.pop("pending")

        total = d.pop("total")

        verified = d.pop("verified")

        domain_totals = cls(
            failing=failing,
            pending=pending,
            total=total,
            verified=verified,
        )


        domain_totals.additional_properties = d
        return domain_totals

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
