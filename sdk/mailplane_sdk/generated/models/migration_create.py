from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.folder_rule import FolderRule
  from ..models.migration_account_create import MigrationAccountCreate





T = TypeVar("T", bound="MigrationCreate")



@_attrs_define
class MigrationCreate:
    """ Accounts as a list, or as CSV text with a header row: `account,host,port,security,
    username,password` (optional `protocol`, `verify_tls`).

        Attributes:
            accounts (list[MigrationAccountCreate] | None | Unset): Accounts.
            csv (None | str | Unset): The accounts as CSV text (instead of `accounts`).
            folders (list[FolderRule] | Unset): Folders, each with its own state.
     """

    accounts: list[MigrationAccountCreate] | None | Unset = UNSET
    csv: None | str | Unset = UNSET
    folders: list[FolderRule] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.folder_rule import FolderRule # noqa: PLC0415
        from ..models.migration_account_create import MigrationAccountCreate # noqa: PLC0415
        accounts: list[dict[str, Any]] | None | Unset
        if isinstance(self.accounts, Unset):
            accounts = UNSET
        elif isinstance(self.accounts, list):
            accounts = []
            for accounts_type_0_item_data in self.accounts:
                accounts_type_0_item = accounts_type_0_item_data.to_dict()
                accounts.append(accounts_type_0_item)


        else:
            accounts = self.accounts

        csv: None | str | Unset
        if isinstance(self.csv, Unset):
            csv = UNSET
        else:
            csv = self.csv

        folders: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.folders, Unset):
            folders = []
            for folders_item_data in self.folders:
                folders_item = folders_item_data.to_dict()
                folders.append(folders_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if accounts is not UNSET:
            field_dict["accounts"] = accounts
        if csv is not UNSET:
            field_dict["csv"] = csv
        if folders is not UNSET:
            field_dict["folders"] = folders

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.folder_rule import FolderRule # noqa: PLC0415
        from ..models.migration_account_create import MigrationAccountCreate # noqa: PLC0415
        d = dict(src_dict)
        def _parse_accounts(data: object) -> list[MigrationAccountCreate] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                accounts_type_0 = []
                _accounts_type_0 = data
                for accounts_type_0_item_data in (_accounts_type_0):
                    accounts_type_0_item = MigrationAccountCreate.from_dict(accounts_type_0_item_data)



                    accounts_type_0.append(accounts_type_0_item)

                return accounts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[MigrationAccountCreate] | None | Unset, data)

        accounts = _parse_accounts(d.pop("accounts", UNSET))


        def _parse_csv(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        csv = _parse_csv(d.pop("csv", UNSET))


        _folders = d.pop("folders", UNSET)
        folders: list[FolderRule] | Unset = UNSET
        if _folders is not UNSET:
            folders = []
            for folders_item_data in _folders:
                folders_item = FolderRule.from_dict(folders_item_data)



                folders.append(folders_item)


        migration_create = cls(
            accounts=accounts,
            csv=csv,
            folders=folders,
        )

        return migration_create

