from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.migration_source import MigrationSource





T = TypeVar("T", bound="MigrationAccountCreate")



@_attrs_define
class MigrationAccountCreate:
    """ 
        Attributes:
            account (str): The target account: its id or address.
            source (MigrationSource): The mailbox to copy from. The password is stored encrypted and wiped when this
                account's migration ends; it is never returned.
     """

    account: str
    source: MigrationSource





    def to_dict(self) -> dict[str, Any]:
        from ..models.migration_source import MigrationSource # noqa: PLC0415
        account = self.account

        source = self.source.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "account": account,
            "source": source,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.migration_source import MigrationSource # noqa: PLC0415
        d = dict(src_dict)
        account = d.pop("account")

        source = MigrationSource.from_dict(d.pop("source"))




        migration_account_create = cls(
            account=account,
            source=source,
        )

        return migration_account_create

