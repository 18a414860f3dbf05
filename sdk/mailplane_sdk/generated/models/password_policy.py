from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="PasswordPolicy")



@_attrs_define
class PasswordPolicy:
    """ 
        Attributes:
            forbid_user_name (bool): A password may not contain the account's name.
            mail_clients_allow_password (bool): Mail clients (IMAP, POP3) may sign in with the account password; when false
                only app passwords and OAuth access tokens open the mailbox there.
            min_length (int): Fewest characters a password may have.
            require_digit (bool): A password needs a digit.
            require_lowercase (bool): A password needs a lowercase letter.
            require_symbol (bool): A password needs a symbol.
            require_uppercase (bool): A password needs an uppercase letter.
     """

    forbid_user_name: bool
    mail_clients_allow_password: bool
    min_length: int
    require_digit: bool
    require_lowercase: bool
    require_symbol: bool
    require_uppercase: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        forbid_user_name = self.forbid_user_name

        mail_clients_allow_password = self.mail_clients_allow_password

        min_length = self.min_length

        require_digit = self.require_digit

        require_lowercase = self.require_lowercase

        require_symbol = self.require_symbol

        require_uppercase = self.require_uppercase


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "forbid_user_name": forbid_user_name,
            "mail_clients_allow_password": mail_clients_allow_password,
            "min_length": min_length,
            "require_digit": require_digit,
            "require_lowercase": require_lowercase,
            "require_symbol": require_symbol,
            "require_uppercase": require_uppercase,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        forbid_user_name = d.pop("forbid_user_name")

        mail_clients_allow_password = d.pop("mail_clients_allow_password")

        min_length = d.pop("min_length")

        require_digit = d.pop("require_digit")

        require_lowercase = d.pop("require_lowercase")

        require_symbol = d.pop("require_symbol")

        require_uppercase = d.pop("require_uppercase")

        password_policy = cls(
            forbid_user_name=forbid_user_name,
            mail_clients_allow_password=mail_clients_allow_password,
            min_length=min_length,
            require_digit=require_digit,
            require_lowercase=require_lowercase,
            require_symbol=require_symbol,
            require_uppercase=require_uppercase,
        )


        password_policy.additional_properties = d
        return password_policy

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
