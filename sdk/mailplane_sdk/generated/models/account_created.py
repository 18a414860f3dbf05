from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.account_created_locale_type_0 import AccountCreatedLocaleType0
from ..models.account_created_status import AccountCreatedStatus
from ..models.account_created_type import AccountCreatedType
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.activation_link import ActivationLink





T = TypeVar("T", bound="AccountCreated")



@_attrs_define
class AccountCreated:
    """ 
        Attributes:
            address (str): An email address.
            aliases (list[str]): Other addresses that deliver to the account.
            created_at (datetime.datetime): When it was created (RFC 3339, UTC).
            department_ids (list[str]): Ids of the departments it belongs to.
            display_name (str): The name people see.
            employee_number (None | str): The HR system's employee number (unique in the organisation).
            hidden_from_address_book (bool): Left out of the address book and autocomplete.
            id (str): The object's id: opaque, prefixed by its type (`acc_…`, `msg_…`, `evt_…`).
            job_title (str): Job title.
            manager_id (None | str): The account of the person's manager.
            mobile (None | str): Mobile number (unique in the organisation).
            must_change_password (bool): A new password is asked for at the next sign-in.
            quota_bytes (int | None): Mailbox quota in bytes; null for the organisation's default.
            role (str): Its role (the values are listed by the schema).
            status (AccountCreatedStatus): Its current state (the values are listed by the schema).
            type_ (AccountCreatedType): What kind (the values are listed by the schema).
            updated_at (datetime.datetime): When it last changed (RFC 3339, UTC).
            activation (ActivationLink | None | Unset): With `activation_link`: the set-password link, shown once.
            deleted_at (datetime.datetime | None | Unset): When deleted (RFC 3339, UTC); null if not (yet).
            frozen_at (datetime.datetime | None | Unset): When frozen (RFC 3339, UTC); null if not (yet).
            locale (AccountCreatedLocaleType0 | None | Unset): The person's language (null: the organisation's).
            password (None | str | Unset): The generated password, in this response only.
            purge_after (datetime.datetime | None | Unset): When a deleted account stops being restorable.
            recovery_email (None | str | Unset): Recovery address.
            security_phone (None | str | Unset): E.164 security phone.
            security_phone_verified (bool | Unset): Whether the security phone has been verified (an admin sets it).
                Default: False.
            time_zone (None | str | Unset): The person's IANA time zone (null: the organisation's).
     """

    address: str
    aliases: list[str]
    created_at: datetime.datetime
    department_ids: list[str]
    display_name: str
    employee_number: None | str
    hidden_from_address_book: bool
    id: str
    job_title: str
    manager_id: None | str
    mobile: None | str
    must_change_password: bool
    quota_bytes: int | None
    role: str
    status: AccountCreatedStatus
    type_: AccountCreatedType
    updated_at: datetime.datetime
    activation: ActivationLink | None | Unset = UNSET
    deleted_at: datetime.datetime | None | Unset = UNSET
    frozen_at: datetime.datetime | None | Unset = UNSET
    locale: AccountCreatedLocaleType0 | None | Unset = UNSET
    password: None | str | Unset = UNSET
    purge_after: datetime.datetime | None | Unset = UNSET
    recovery_email: None | str | Unset = UNSET
    security_phone: None | str | Unset = UNSET
    security_phone_verified: bool | Unset = False
    time_zone: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.activation_link import ActivationLink # noqa: PLC0415
        address = self.address

        aliases = self.aliases



        created_at = self.created_at.isoformat()

        department_ids = self.department_ids



        display_name = self.display_name

        employee_number: None | str
        employee_number = self.employee_number

        hidden_from_address_book = self.hidden_from_address_book

        id = self.id

        job_title = self.job_title

        manager_id: None | str
        manager_id = self.manager_id

        mobile: None | str
        mobile = self.mobile

        must_change_password = self.must_change_password

        quota_bytes: int | None
        quota_bytes = self.quota_bytes

        role = self.role

        status = self.status.value

        type_ = self.type_.value

        updated_at = self.updated_at.isoformat()

        activation: dict[str, Any] | None | Unset
        if isinstance(self.activation, Unset):
            activation = UNSET
        elif isinstance(self.activation, ActivationLink):
            activation = self.activation.to_dict()
        else:
            activation = self.activation

        deleted_at: None | str | Unset
        if isinstance(self.deleted_at, Unset):
            deleted_at = UNSET
        elif isinstance(self.deleted_at, datetime.datetime):
            deleted_at = self.deleted_at.isoformat()
        else:
            deleted_at = self.deleted_at

        frozen_at: None | str | Unset
        if isinstance(self.frozen_at, Unset):
            frozen_at = UNSET
        elif isinstance(self.frozen_at, datetime.datetime):
            frozen_at = self.frozen_at.isoformat()
        else:
            frozen_at = self.frozen_at

        locale: None | str | Unset
        if isinstance(self.locale, Unset):
            locale = UNSET
        elif isinstance(self.locale, AccountCreatedLocaleType0):
            locale = self.locale.value
        else:
            locale = self.locale

        password: None | str | Unset
        if isinstance(self.password, Unset):
            password = UNSET
        else:
            password = self.password

        purge_after: None | str | Unset
        if isinstance(self.purge_after, Unset):
            purge_after = UNSET
        elif isinstance(self.purge_after, datetime.datetime):
            purge_after = self.purge_after.isoformat()
        else:
            purge_after = self.purge_after

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


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "address": address,
            "aliases": aliases,
            "created_at": created_at,
            "department_ids": department_ids,
            "display_name": display_name,
            "employee_number": employee_number,
            "hidden_from_address_book": hidden_from_address_book,
            "id": id,
            "job_title": job_title,
            "manager_id": manager_id,
            "mobile": mobile,
            "must_change_password": must_change_password,
            "quota_bytes": quota_bytes,
            "role": role,
            "status": status,
            "type": type_,
            "updated_at": updated_at,
        })
        if activation is not UNSET:
            field_dict["activation"] = activation
        if deleted_at is not UNSET:
            field_dict["deleted_at"] = deleted_at
        if frozen_at is not UNSET:
            field_dict["frozen_at"] = frozen_at
        if locale is not UNSET:
            field_dict["locale"] = locale
        if password is not UNSET:
            field_dict["password"] = password
        if purge_after is not UNSET:
            field_dict["purge_after"] = purge_after
        if recovery_email is not UNSET:
            field_dict["recovery_email"] = recovery_email
        if security_phone is not UNSET:
            field_dict["security_phone"] = security_phone
        if security_phone_verified is not UNSET:
            field_dict["security_phone_verified"] = security_phone_verified
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.activation_link import ActivationLink # noqa: PLC0415
        d = dict(src_dict)
        address = d.pop("address")

        aliases = cast(list[str], d.pop("aliases"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        department_ids = cast(list[str], d.pop("department_ids"))


        display_name = d.pop("display_name")

        def _parse_employee_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        employee_number = _parse_employee_number(d.pop("employee_number"))


        hidden_from_address_book = d.pop("hidden_from_address_book")

        id = d.pop("id")

        job_title = d.pop("job_title")

        def _parse_manager_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        manager_id = _parse_manager_id(d.pop("manager_id"))


        def _parse_mobile(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        mobile = _parse_mobile(d.pop("mobile"))


        must_change_password = d.pop("must_change_password")

        def _parse_quota_bytes(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        quota_bytes = _parse_quota_bytes(d.pop("quota_bytes"))


        role = d.pop("role")

        status = AccountCreatedStatus(d.pop("status"))




        type_ = AccountCreatedType(d.pop("type"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        def _parse_activation(data: object) -> ActivationLink | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                activation_type_0 = ActivationLink.from_dict(data)



                return activation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ActivationLink | None | Unset, data)

        activation = _parse_activation(d.pop("activation", UNSET))


        def _parse_deleted_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                deleted_at_type_0 = datetime.datetime.fromisoformat(data)



                return deleted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        deleted_at = _parse_deleted_at(d.pop("deleted_at", UNSET))


        def _parse_frozen_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                frozen_at_type_0 = datetime.datetime.fromisoformat(data)



                return frozen_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        frozen_at = _parse_frozen_at(d.pop("frozen_at", UNSET))


        def _parse_locale(data: object) -> AccountCreatedLocaleType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                locale_type_0 = AccountCreatedLocaleType0(data)



                return locale_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AccountCreatedLocaleType0 | None | Unset, data)

        locale = _parse_locale(d.pop("locale", UNSET))


        def _parse_password(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        password = _parse_password(d.pop("password", UNSET))


        def _parse_purge_after(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                purge_after_type_0 = datetime.datetime.fromisoformat(data)



                return purge_after_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        purge_after = _parse_purge_after(d.pop("purge_after", UNSET))


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


        account_created = cls(
            address=address,
            aliases=aliases,
            created_at=created_at,
            department_ids=department_ids,
            display_name=display_name,
            employee_number=employee_number,
            hidden_from_address_book=hidden_from_address_book,
            id=id,
            job_title=job_title,
            manager_id=manager_id,
            mobile=mobile,
            must_change_password=must_change_password,
            quota_bytes=quota_bytes,
            role=role,
            status=status,
            type_=type_,
            updated_at=updated_at,
            activation=activation,
            deleted_at=deleted_at,
            frozen_at=frozen_at,
            locale=locale,
            password=password,
            purge_after=purge_after,
            recovery_email=recovery_email,
            security_phone=security_phone,
            security_phone_verified=security_phone_verified,
            time_zone=time_zone,
        )


        account_created.additional_properties = d
        return account_created

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
