from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PasswordPolicyUpdate")



@_attrs_define
class PasswordPolicyUpdate:
    """ 
        Attributes:
            forbid_user_name (bool | None | Unset): A password may not contain the account's name.
            mail_clients_allow_password (bool | None | Unset): Mail clients (IMAP, POP3) may sign in with the account
                password; when false only app passwords and OAuth access tokens open the mailbox there.
            min_length (int | None | Unset): Fewest characters a password may have.
            require_digit (bool | None | Unset): A password needs a digit.
            require_lowercase (bool | None | Unset): A password needs a lowercase letter.
            require_symbol (bool | None | Unset): A password needs a symbol.
            require_uppercase (bool | None | Unset): A password needs an uppercase letter.
     """

    forbid_user_name: bool | None | Unset = UNSET
    mail_clients_allow_password: bool | None | Unset = UNSET
    min_length: int | None | Unset = UNSET
    require_digit: bool | None | Unset = UNSET
    require_lowercase: bool | None | Unset = UNSET
    require_symbol: bool | None | Unset = UNSET
    require_uppercase: bool | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        forbid_user_name: bool | None | Unset
        if isinstance(self.forbid_user_name, Unset):
            forbid_user_name = UNSET
        else:
            forbid_user_name = self.forbid_user_name

        mail_clients_allow_password: bool | None | Unset
        if isinstance(self.mail_clients_allow_password, Unset):
            mail_clients_allow_password = UNSET
        else:
            mail_clients_allow_password = self.mail_clients_allow_password

        min_length: int | None | Unset
        if isinstance(self.min_length, Unset):
            min_length = UNSET
        else:
            min_length = self.min_length

        require_digit: bool | None | Unset
        if isinstance(self.require_digit, Unset):
            require_digit = UNSET
        else:
            require_digit = self.require_digit

        require_lowercase: bool | None | Unset
        if isinstance(self.require_lowercase, Unset):
            require_lowercase = UNSET
        else:
            require_lowercase = self.require_lowercase

        require_symbol: bool | None | Unset
        if isinstance(self.require_symbol, Unset):
            require_symbol = UNSET
        else:
            require_symbol = self.require_symbol

        require_uppercase: bool | None | Unset
        if isinstance(self.require_uppercase, Unset):
            require_uppercase = UNSET
        else:
            require_uppercase = self.require_uppercase


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if forbid_user_name is not UNSET:
            field_dict["forbid_user_name"] = forbid_user_name
        if mail_clients_allow_password is not UNSET:
            field_dict["mail_clients_allow_password"] = mail_clients_allow_password
        if min_length is not UNSET:
            field_dict["min_length"] = min_length
        if require_digit is not UNSET:
            field_dict["require_digit"] = require_digit
        if require_lowercase is not UNSET:
            field_dict["require_lowercase"] = require_lowercase
        if require_symbol is not UNSET:
            field_dict["require_symbol"] = require_symbol
        if require_uppercase is not UNSET:
            field_dict["require_uppercase"] = require_uppercase

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_forbid_user_name(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        forbid_user_name = _parse_forbid_user_name(d.pop("forbid_user_name", UNSET))


        def _parse_mail_clients_allow_password(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        mail_clients_allow_password = _parse_mail_clients_allow_password(d.pop("mail_clients_allow_password", UNSET))


        def _parse_min_length(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_length = _parse_min_length(d.pop("min_length", UNSET))


        def _parse_require_digit(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        require_digit = _parse_require_digit(d.pop("require_digit", UNSET))


        def _parse_require_lowercase(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        require_lowercase = _parse_require_lowercase(d.pop("require_lowercase", UNSET))


        def _parse_require_symbol(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        require_symbol = _parse_require_symbol(d.pop("require_symbol", UNSET))


        def _parse_require_uppercase(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        require_uppercase = _parse_require_uppercase(d.pop("require_uppercase", UNSET))


        password_policy_update = cls(
            forbid_user_name=forbid_user_name,
            mail_clients_allow_password=mail_clients_allow_password,
            min_length=min_length,
            require_digit=require_digit,
            require_lowercase=require_lowercase,
            require_symbol=require_symbol,
            require_uppercase=require_uppercase,
        )

        return password_policy_update

