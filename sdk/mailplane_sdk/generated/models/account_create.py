from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.account_create_locale_type_0 import AccountCreateLocaleType0
from ..models.account_create_type import AccountCreateType
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="AccountCreate")



@_attrs_define
class AccountCreate:
    """ 
        Attributes:
            address (str): An email address.
            display_name (str): The name people see.
            activation_link (bool | Unset): Without `password`: set no password and return a one-time set-password link in
                `activation` instead of a generated password. Default: False.
            department_ids (list[str] | Unset): Ids of the departments it belongs to.
            employee_number (None | str | Unset): The HR system's employee number (unique in the organisation).
            hidden_from_address_book (bool | Unset): Left out of the address book and autocomplete. Default: False.
            job_title (str | Unset): Job title. Default: ''.
            locale (AccountCreateLocaleType0 | None | Unset): The person's language; null follows the organisation's.
            manager_id (None | str | Unset): The account of the person's manager.
            mobile (None | str | Unset): Mobile number (unique in the organisation).
            must_change_password (bool | Unset): Ask for a new password at the first sign-in. Default: True.
            password (None | str | Unset): Omit to have one generated (returned once in `password`).
            quota_bytes (int | None | Unset): Mailbox quota in bytes; null for the organisation's default.
            recovery_email (None | str | Unset): An address outside the mailbox (activation links go there).
            security_phone (None | str | Unset): A phone to reach the person outside their mailbox (E.164).
            security_phone_verified (bool | Unset): Whether the organisation has verified `security_phone`. Default: False.
            time_zone (None | str | Unset): The person's time zone; null follows the organisation's.
            type_ (AccountCreateType | Unset): What kind (the values are listed by the schema). Default:
                AccountCreateType.EMPLOYEE.
     """

    address: str
    display_name: str
    activation_link: bool | Unset = False
    department_ids: list[str] | Unset = UNSET
    employee_number: None | str | Unset = UNSET
    hidden_from_address_book: bool | Unset = False
    job_title: str | Unset = ''
    locale: AccountCreateLocaleType0 | None | Unset = UNSET
    manager_id: None | str | Unset = UNSET
    mobile: None | str | Unset = UNSET
    must_change_password: bool | Unset = True
    password: None | str | Unset = UNSET
    quota_bytes: int | None | Unset = UNSET
    recovery_email: None | str | Unset = UNSET
    security_phone: None | str | Unset = UNSET
    security_phone_verified: bool | Unset = False
    time_zone: None | str | Unset = UNSET
    type_: AccountCreateType | Unset = AccountCreateType.EMPLOYEE





    def to_dict(self) -> dict[str, Any]:
        address = self.address

        display_name = self.display_name

        activation_link = self.activation_link

        department_ids: list[str] | Unset = UNSET
        if not isinstance(self.department_ids, Unset):
            department_ids = self.department_ids



        employee_number: None | str | Unset
        if isinstance(self.employee_number, Unset):
            employee_number = UNSET
        else:
            employee_number = self.employee_number

        hidden_from_address_book = self.hidden_from_address_book

        job_title = self.job_title

        locale: None | str | Unset
        if isinstance(self.locale, Unset):
            locale = UNSET
        elif isinstance(self.locale, AccountCreateLocaleType0):
            locale = self.locale.value
        else:
            locale = self.locale

        manager_id: None | str | Unset
        if isinstance(self.manager_id, Unset):
            manager_id = UNSET
        else:
            manager_id = self.manager_id

        mobile: None | str | Unset
        if isinstance(self.mobile, Unset):
            mobile = UNSET
        else:
            mobile = self.mobile

        must_change_password = self.must_change_password

        password: None | str | Unset
        if isinstance(self.password, Unset):
            password = UNSET
        else:
            password = self.password

        quota_bytes: int | None | Unset
        if isinstance(self.quota_bytes, Unset):
            quota_bytes = UNSET
        else:
            quota_bytes = self.quota_bytes

        recovery_email: None | str | Unset
        if isinstance(self.recovery_email, Unset):
            recovery_email = UNSET
        else:
            recovery_email = self.recovery_email

        security_phone: None | str | Unset
        if isinstance(self.security_phone, Unset):
            security_phone = UNSET
        else:
            security_phone = self.security_phone

        security_phone_verified = self.security_phone_verified

        time_zone: None | str | Unset
        if isinstance(self.time_zone, Unset):
            time_zone = UNSET
        else:
            time_zone = self.time_zone

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
            "address": address,
            "display_name": display_name,
        })
        if activation_link is not UNSET:
            field_dict["activation_link"] = activation_link
        if department_ids is not UNSET:
            field_dict["department_ids"] = department_ids
        if employee_number is not UNSET:
            field_dict["employee_number"] = employee_number
        if hidden_from_address_book is not UNSET:
            field_dict["hidden_from_address_book"] = hidden_from_address_book
        if job_title is not UNSET:
            field_dict["job_title"] = job_title
        if locale is not UNSET:
            field_dict["locale"] = locale
        if manager_id is not UNSET:
            field_dict["manager_id"] = manager_id
        if mobile is not UNSET:
            field_dict["mobile"] = mobile
        if must_change_password is not UNSET:
            field_dict["must_change_password"] = must_change_password
        if password is not UNSET:
            field_dict["password"] = password
        if quota_bytes is not UNSET:
            field_dict["quota_bytes"] = quota_bytes
        if recovery_email is not UNSET:
            field_dict["recovery_email"] = recovery_email
        if security_phone is not UNSET:
            field_dict["security_phone"] = security_phone
        if security_phone_verified is not UNSET:
            field_dict["security_phone_verified"] = security_phone_verified
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        address = d.pop("address")

        display_name = d.pop("display_name")

        activation_link = d.pop("activation_link", UNSET)

        department_ids = cast(list[str], d.pop("department_ids", UNSET))


        def _parse_employee_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        employee_number = _parse_employee_number(d.pop("employee_number", UNSET))


        hidden_from_address_book = d.pop("hidden_from_address_book", UNSET)

        job_title = d.pop("job_title", UNSET)

        def _parse_locale(data: object) -> AccountCreateLocaleType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                locale_type_0 = AccountCreateLocaleType0(data)



                return locale_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AccountCreateLocaleType0 | None | Unset, data)

        locale = _parse_locale(d.pop("locale", UNSET))


        def _parse_manager_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        manager_id = _parse_manager_id(d.pop("manager_id", UNSET))


        def _parse_mobile(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        mobile = _parse_mobile(d.pop("mobile", UNSET))


        must_change_password = d.pop("must_change_password", UNSET)

        def _parse_password(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        password = _parse_password(d.pop("password", UNSET))


        def _parse_quota_bytes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        quota_bytes = _parse_quota_bytes(d.pop("quota_bytes", UNSET))


        def _parse_recovery_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        recovery_email = _parse_recovery_email(d.pop("recovery_email", UNSET))


        def _parse_security_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        security_phone = _parse_security_phone(d.pop("security_phone", UNSET))


        security_phone_verified = d.pop("security_phone_verified", UNSET)

        def _parse_time_zone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        time_zone = _parse_time_zone(d.pop("time_zone", UNSET))


        _type_ = d.pop("type", UNSET)
        type_: AccountCreateType | Unset
        if isinstance(_type_,  Unset):
            type_ = UNSET
        else:
            type_ = AccountCreateType(_type_)




        account_create = cls(
            address=address,
            display_name=display_name,
            activation_link=activation_link,
            department_ids=department_ids,
            employee_number=employee_number,
            hidden_from_address_book=hidden_from_address_book,
            job_title=job_title,
            locale=locale,
            manager_id=manager_id,
            mobile=mobile,
            must_change_password=must_change_password,
            password=password,
            quota_bytes=quota_bytes,
            recovery_email=recovery_email,
            security_phone=security_phone,
            security_phone_verified=security_phone_verified,
            time_zone=time_zone,
            type_=type_,
        )

        return account_create

