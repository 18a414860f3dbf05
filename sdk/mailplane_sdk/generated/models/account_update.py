from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.account_update_locale_type_0 import AccountUpdateLocaleType0
from ..models.account_update_type_type_0 import AccountUpdateTypeType0
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="AccountUpdate")



@_attrs_define
class AccountUpdate:
    """ JSON merge patch: send only what changes; `null` clears a nullable field.

        Attributes:
            address (None | str | Unset): A new primary address; the old one stays as an alias.
            department_ids (list[str] | None | Unset): Ids of the departments it belongs to.
            display_name (None | str | Unset): The name people see.
            employee_number (None | str | Unset): The HR system's employee number (unique in the organisation).
            hidden_from_address_book (bool | None | Unset): Left out of the address book and autocomplete.
            job_title (None | str | Unset): Job title.
            locale (AccountUpdateLocaleType0 | None | Unset): The language of texts people read: zh-CN or en.
            manager_id (None | str | Unset): The account of the person's manager.
            mobile (None | str | Unset): Mobile number (unique in the organisation).
            must_change_password (bool | None | Unset): A new password is asked for at the next sign-in.
            quota_bytes (int | None | Unset): Mailbox quota in bytes; null for the organisation's default.
            recovery_email (None | str | Unset): An outside address for activation and recovery mail.
            security_phone (None | str | Unset): A new security phone (E.164); a change clears its verification.
            security_phone_verified (bool | None | Unset): Whether the security phone has been verified (an admin sets it).
            time_zone (None | str | Unset): An IANA time zone (`Asia/Shanghai`).
            type_ (AccountUpdateTypeType0 | None | Unset): What kind (the values are listed by the schema).
     """

    address: None | str | Unset = UNSET
    department_ids: list[str] | None | Unset = UNSET
    display_name: None | str | Unset = UNSET
    employee_number: None | str | Unset = UNSET
    hidden_from_address_book: bool | None | Unset = UNSET
    job_title: None | str | Unset = UNSET
    locale: AccountUpdateLocaleType0 | None | Unset = UNSET
    manager_id: None | str | Unset = UNSET
    mobile: None | str | Unset = UNSET
    must_change_password: bool | None | Unset = UNSET
    quota_bytes: int | None | Unset = UNSET
    recovery_email: None | str | Unset = UNSET
    security_phone: None | str | Unset = UNSET
    security_phone_verified: bool | None | Unset = UNSET
    time_zone: None | str | Unset = UNSET
    type_: AccountUpdateTypeType0 | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        address: None | str | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        department_ids: list[str] | None | Unset
        if isinstance(self.department_ids, Unset):
            department_ids = UNSET
        elif isinstance(self.department_ids, list):
            department_ids = self.department_ids


        else:
            department_ids = self.department_ids

        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        employee_number: None | str | Unset
        if isinstance(self.employee_number, Unset):
            employee_number = UNSET
        else:
            employee_number = self.employee_number

        hidden_from_address_book: bool | None | Unset
        if isinstance(self.hidden_from_address_book, Unset):
            hidden_from_address_book = UNSET
        else:
            hidden_from_address_book = self.hidden_from_address_book

        job_title: None | str | Unset
        if isinstance(self.job_title, Unset):
            job_title = UNSET
        else:
            job_title = self.job_title

        locale: None | str | Unset
        if isinstance(self.locale, Unset):
            locale = UNSET
        elif isinstance(self.locale, AccountUpdateLocaleType0):
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

        must_change_password: bool | None | Unset
        if isinstance(self.must_change_password, Unset):
            must_change_password = UNSET
        else:
            must_change_password = self.must_change_password

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

        security_phone_verified: bool | None | Unset
        if isinstance(self.security_phone_verified, Unset):
            security_phone_verified = UNSET
        else:
            security_phone_verified = self.security_phone_verified

        time_zone: None | str | Unset
        if isinstance(self.time_zone, Unset):
            time_zone = UNSET
        else:
            time_zone = self.time_zone

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, AccountUpdateTypeType0):
            type_ = self.type_.value
        else:
            type_ = self.type_


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if address is not UNSET:
            field_dict["address"] = address
        if department_ids is not UNSET:
            field_dict["department_ids"] = department_ids
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
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
        def _parse_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address = _parse_address(d.pop("address", UNSET))


        def _parse_department_ids(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                department_ids_type_0 = cast(list[str], data)

                return department_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        department_ids = _parse_department_ids(d.pop("department_ids", UNSET))


        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("display_name", UNSET))


        def _parse_employee_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        employee_number = _parse_employee_number(d.pop("employee_number", UNSET))


        def _parse_hidden_from_address_book(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        hidden_from_address_book = _parse_hidden_from_address_book(d.pop("hidden_from_address_book", UNSET))


        def _parse_job_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        job_title = _parse_job_title(d.pop("job_title", UNSET))


        def _parse_locale(data: object) -> AccountUpdateLocaleType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                locale_type_0 = AccountUpdateLocaleType0(data)



                return locale_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AccountUpdateLocaleType0 | None | Unset, data)

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


        def _parse_must_change_password(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        must_change_password = _parse_must_change_password(d.pop("must_change_password", UNSET))


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


        def _parse_security_phone_verified(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        security_phone_verified = _parse_security_phone_verified(d.pop("security_phone_verified", UNSET))


        def _parse_time_zone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        time_zone = _parse_time_zone(d.pop("time_zone", UNSET))


        def _parse_type_(data: object) -> AccountUpdateTypeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = AccountUpdateTypeType0(data)



                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AccountUpdateTypeType0 | None | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))


        account_update = cls(
            address=address,
            department_ids=department_ids,
            display_name=display_name,
            employee_number=employee_number,
            hidden_from_address_book=hidden_from_address_book,
            job_title=job_title,
            locale=locale,
            manager_id=manager_id,
            mobile=mobile,
            must_change_password=must_change_password,
            quota_bytes=quota_bytes,
            recovery_email=recovery_email,
            security_phone=security_phone,
            security_phone_verified=security_phone_verified,
            time_zone=time_zone,
            type_=type_,
        )

        return account_update

