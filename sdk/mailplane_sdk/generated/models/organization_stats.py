from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.account_totals import AccountTotals
  from ..models.domain_totals import DomainTotals
  from ..models.mail_volume import MailVolume
  from ..models.storage_totals import StorageTotals





T = TypeVar("T", bound="OrganizationStats")



@_attrs_define
class OrganizationStats:
    """ Totals for the admin console's overview, computed when asked.

        Attributes:
            accounts (AccountTotals):
            domains (DomainTotals):
            generated_at (datetime.datetime): When these totals were computed (RFC 3339, UTC).
            mail (MailVolume):
            storage (StorageTotals):
     """

    accounts: AccountTotals
    domains: DomainTotals
    generated_at: datetime.datetime
    mail: MailVolume
    storage: StorageTotals
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.account_totals import AccountTotals # noqa: PLC0415
        from ..models.domain_totals import DomainTotals # noqa: PLC0415
        from ..models.mail_volume import MailVolume # noqa: PLC0415
        from ..models.storage_totals import StorageTotals # noqa: PLC0415
        accounts = self.accounts.to_dict()

        domains = self.domains.to_dict()

        generated_at = self.generated_at.isoformat()

        mail = self.mail.to_dict()

        storage = self.storage.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "accounts": accounts,
            "domains": domains,
            "generated_at": generated_at,
            "mail": mail,
            "storage": storage,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_totals import AccountTotals # noqa: PLC0415
        from ..models.domain_totals import DomainTotals # noqa: PLC0415
        from ..models.mail_volume import MailVolume # noqa: PLC0415
        from ..models.storage_totals import StorageTotals # noqa: PLC0415
        d = dict(src_dict)
        accounts = AccountTotals.from_dict(d.pop("accounts"))




        domains = DomainTotals.from_dict(d.pop("domains"))




        generated_at = datetime.datetime.fromisoformat(d.pop("generated_at"))




        mail = MailVolume.from_dict(d.pop("mail"))




        storage = StorageTotals.from_dict(d.pop("storage"))




        organization_stats = cls(
            accounts=accounts,
            domains=domains,
            generated_at=generated_at,
            mail=mail,
            storage=storage,
        )


        organization_stats.additional_properties = d
        return organization_stats

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
