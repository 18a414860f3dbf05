from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.expanded_account import ExpandedAccount





T = TypeVar("T", bound="GroupExpansion")



@_attrs_define
class GroupExpansion:
    """ 
        Attributes:
            accounts (list[ExpandedAccount]): Accounts.
            external (list[str]): Addresses outside the organisation.
     """

    accounts: list[ExpandedAccount]
    external: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.expanded_account import ExpandedAccount # noqa: PLC0415
        accounts = []
        for accounts_item_data in self.accounts:
            accounts_item = accounts_item_data.to_dict()
            accounts.append(accounts_item)



        external = self.external




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "accounts": accounts,
            "external": external,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.expanded_account import ExpandedAccount # noqa: PLC0415
        d = dict(src_dict)
        accounts = []
        _accounts = d.pop("accounts")
        for accounts_item_data in (_accounts):
            accounts_item = ExpandedAccount.from_dict(accounts_item_data)



            accounts.append(accounts_item)


        external = cast(list[str], d.pop("external"))


        group_expansion = cls(
            accounts=accounts,
            external=external,
        )


        group_expansion.additional_properties = d
        return group_expansion

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
