from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.email import Email
  from ..models.phone import Phone
  from ..models.postal_address import PostalAddress





T = TypeVar("T", bound="ContactUpdate")



@_attrs_define
class ContactUpdate:
    """ 
        Attributes:
            addresses (list[PostalAddress] | None | Unset): Email addresses.
            birthday (None | str | Unset): Birthday, `YYYY-MM-DD` or `--MM-DD`.
            categories (list[str] | None | Unset): Categories (tags).
            department (None | str | Unset): Department name.
            display_name (None | str | Unset): The name people see.
            emails (list[Email] | None | Unset): Email addresses.
            family_name (None | str | Unset): Family name (surname).
            given_name (None | str | Unset): Given name.
            middle_name (None | str | Unset): Middle name.
            nickname (None | str | Unset): Nickname.
            notes (None | str | Unset): Notes.
            organization (None | str | Unset): Organisation (company) name.
            phones (list[Phone] | None | Unset): Phone numbers.
            prefix (None | str | Unset): Honorific prefix.
            suffix (None | str | Unset): Honorific suffix.
            title (None | str | Unset): Its title.
            urls (list[str] | None | Unset): Web addresses.
     """

    addresses: list[PostalAddress] | None | Unset = UNSET
    birthday: None | str | Unset = UNSET
    categories: list[str] | None | Unset = UNSET
    department: None | str | Unset = UNSET
    display_name: None | str | Unset = UNSET
    emails: list[Email] | None | Unset = UNSET
    family_name: None | str | Unset = UNSET
    given_name: None | str | Unset = UNSET
    middle_name: None | str | Unset = UNSET
    nickname: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    organization: None | str | Unset = UNSET
    phones: list[Phone] | None | Unset = UNSET
    prefix: None | str | Unset = UNSET
    suffix: None | str | Unset = UNSET
    title: None | str | Unset = UNSET
    urls: list[str] | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.email import Email # noqa: PLC0415
        from ..models.phone import Phone # noqa: PLC0415
        from ..models.postal_address import PostalAddress # noqa: PLC0415
        addresses: list[dict[str, Any]] | None | Unset
        if isinstance(self.addresses, Unset):
            addresses = UNSET
        elif isinstance(self.addresses, list):
            addresses = []
            for addresses_type_0_item_data in self.addresses:
                addresses_type_0_item = addresses_type_0_item_data.to_dict()
                addresses.append(addresses_type_0_item)


        else:
            addresses = self.addresses

        birthday: None | str | Unset
        if isinstance(self.birthday, Unset):
            birthday = UNSET
        else:
            birthday = self.birthday

        categories: list[str] | None | Unset
        if isinstance(self.categories, Unset):
            categories = UNSET
        elif isinstance(self.categories, list):
            categories = self.categories


        else:
            categories = self.categories

        department: None | str | Unset
        if isinstance(self.department, Unset):
            department = UNSET
        else:
            department = self.department

        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        emails: list[dict[str, Any]] | None | Unset
        if isinstance(self.emails, Unset):
            emails = UNSET
        elif isinstance(self.emails, list):
            emails = []
            for emails_type_0_item_data in self.emails:
                emails_type_0_item = emails_type_0_item_data.to_dict()
                emails.append(emails_type_0_item)


        else:
            emails = self.emails

        family_name: None | str | Unset
        if isinstance(self.family_name, Unset):
            family_name = UNSET
        else:
            family_name = self.family_name

        given_name: None | str | Unset
        if isinstance(self.given_name, Unset):
            given_name = UNSET
        else:
            given_name = self.given_name

        middle_name: None | str | Unset
        if isinstance(self.middle_name, Unset):
            middle_name = UNSET
        else:
            middle_name = self.middle_name

        nickname: None | str | Unset
        if isinstance(self.nickname, Unset):
            nickname = UNSET
        else:
            nickname = self.nickname

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        organization: None | str | Unset
        if isinstance(self.organization, Unset):
            organization = UNSET
        else:
            organization = self.organization

        phones: list[dict[str, Any]] | None | Unset
        if isinstance(self.phones, Unset):
            phones = UNSET
        elif isinstance(self.phones, list):
            phones = []
            for phones_type_0_item_data in self.phones:
                phones_type_0_item = phones_type_0_item_data.to_dict()
                phones.append(phones_type_0_item)


        else:
            phones = self.phones

        prefix: None | str | Unset
        if isinstance(self.prefix, Unset):
            prefix = UNSET
        else:
            prefix = self.prefix

        suffix: None | str | Unset
        if isinstance(self.suffix, Unset):
            suffix = UNSET
        else:
            suffix = self.suffix

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        urls: list[str] | None | Unset
        if isinstance(self.urls, Unset):
            urls = UNSET
        elif isinstance(self.urls, list):
            urls = self.urls


        else:
            urls = self.urls


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if addresses is not UNSET:
            field_dict["addresses"] = addresses
        if birthday is not UNSET:
            field_dict["birthday"] = birthday
        if categories is not UNSET:
            field_dict["categories"] = categories
        if department is not UNSET:
            field_dict["department"] = department
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if emails is not UNSET:
            field_dict["emails"] = emails
        if family_name is not UNSET:
            field_dict["family_name"] = family_name
        if given_name is not UNSET:
            field_dict["given_name"] = given_name
        if middle_name is not UNSET:
            field_dict["middle_name"] = middle_name
        if nickname is not UNSET:
            field_dict["nickname"] = nickname
        if notes is not UNSET:
            field_dict["notes"] = notes
        if organization is not UNSET:
            field_dict["organization"] = organization
        if phones is not UNSET:
            field_dict["phones"] = phones
        if prefix is not UNSET:
            field_dict["prefix"] = prefix
        if suffix is not UNSET:
            field_dict["suffix"] = suffix
        if title is not UNSET:
            field_dict["title"] = title
        if urls is not UNSET:
            field_dict["urls"] = urls

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.email import Email # noqa: PLC0415
        from ..models.phone import Phone # noqa: PLC0415
        from ..models.postal_address import PostalAddress # noqa: PLC0415
        d = dict(src_dict)
        def _parse_addresses(data: object) -> list[PostalAddress] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                addresses_type_0 = []
                _addresses_type_0 = data
                for addresses_type_0_item_data in (_addresses_type_0):
                    addresses_type_0_item = PostalAddress.from_dict(addresses_type_0_item_data)



                    addresses_type_0.append(addresses_type_0_item)

                return addresses_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PostalAddress] | None | Unset, data)

        addresses = _parse_addresses(d.pop("addresses", UNSET))


        def _parse_birthday(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        birthday = _parse_birthday(d.pop("birthday", UNSET))


        def _parse_categories(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                categories_type_0 = cast(list[str], data)

                return categories_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        categories = _parse_categories(d.pop("categories", UNSET))


        def _parse_department(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        department = _parse_department(d.pop("department", UNSET))


        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("display_name", UNSET))


        def _parse_emails(data: object) -> list[Email] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                emails_type_0 = []
                _emails_type_0 = data
                for emails_type_0_item_data in (_emails_type_0):
                    emails_type_0_item = Email.from_dict(emails_type_0_item_data)



                    emails_type_0.append(emails_type_0_item)

                return emails_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Email] | None | Unset, data)

        emails = _parse_emails(d.pop("emails", UNSET))


        def _parse_family_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        family_name = _parse_family_name(d.pop("family_name", UNSET))


        def _parse_given_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        given_name = _parse_given_name(d.pop("given_name", UNSET))


        def _parse_middle_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        middle_name = _parse_middle_name(d.pop("middle_name", UNSET))


        def _parse_nickname(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        nickname = _parse_nickname(d.pop("nickname", UNSET))


        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))


        def _parse_organization(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        organization = _parse_organization(d.pop("organization", UNSET))


        def _parse_phones(data: object) -> list[Phone] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                phones_type_0 = []
                _phones_type_0 = data
                for phones_type_0_item_data in (_phones_type_0):
                    phones_type_0_item = Phone.from_dict(phones_type_0_item_data)



                    phones_type_0.append(phones_type_0_item)

                return phones_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Phone] | None | Unset, data)

        phones = _parse_phones(d.pop("phones", UNSET))


        def _parse_prefix(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        prefix = _parse_prefix(d.pop("prefix", UNSET))


        def _parse_suffix(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        suffix = _parse_suffix(d.pop("suffix", UNSET))


        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))


        def _parse_urls(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                urls_type_0 = cast(list[str], data)

                return urls_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        urls = _parse_urls(d.pop("urls", UNSET))


        contact_update = cls(
            addresses=addresses,
            birthday=birthday,
            categories=categories,
            department=department,
            display_name=display_name,
            emails=emails,
            family_name=family_name,
            given_name=given_name,
            middle_name=middle_name,
            nickname=nickname,
            notes=notes,
            organization=organization,
            phones=phones,
            prefix=prefix,
            suffix=suffix,
            title=title,
            urls=urls,
        )

        return contact_update

