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





T = TypeVar("T", bound="ContactCreate")



@_attrs_define
class ContactCreate:
    """ 
        Attributes:
            address_book_id (None | str | Unset): Default book if absent.
            addresses (list[PostalAddress] | Unset): Email addresses.
            birthday (None | str | Unset): YYYY-MM-DD, or --MM-DD without a year.
            categories (list[str] | Unset): Categories (tags).
            department (str | Unset): Department name. Default: ''.
            display_name (str | Unset): The name people see. Default: ''.
            emails (list[Email] | Unset): Email addresses.
            family_name (str | Unset): Family name (surname). Default: ''.
            given_name (str | Unset): Given name. Default: ''.
            middle_name (str | Unset): Middle name. Default: ''.
            nickname (str | Unset): Nickname. Default: ''.
            notes (str | Unset): Notes. Default: ''.
            organization (str | Unset): Organisation (company) name. Default: ''.
            phones (list[Phone] | Unset): Phone numbers.
            prefix (str | Unset): Honorific prefix. Default: ''.
            suffix (str | Unset): Honorific suffix. Default: ''.
            title (str | Unset): Its title. Default: ''.
            urls (list[str] | Unset): Web addresses.
     """

    address_book_id: None | str | Unset = UNSET
    addresses: list[PostalAddress] | Unset = UNSET
    birthday: None | str | Unset = UNSET
    categories: list[str] | Unset = UNSET
    department: str | Unset = ''
    display_name: str | Unset = ''
    emails: list[Email] | Unset = UNSET
    family_name: str | Unset = ''
    given_name: str | Unset = ''
    middle_name: str | Unset = ''
    nickname: str | Unset = ''
    notes: str | Unset = ''
    organization: str | Unset = ''
    phones: list[Phone] | Unset = UNSET
    prefix: str | Unset = ''
    suffix: str | Unset = ''
    title: str | Unset = ''
    urls: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.email import Email # noqa: PLC0415
        from ..models.phone import Phone # noqa: PLC0415
        from ..models.postal_address import PostalAddress # noqa: PLC0415
        address_book_id: None | str | Unset
        if isinstance(self.address_book_id, Unset):
            address_book_id = UNSET
        else:
            address_book_id = self.address_book_id

        addresses: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.addresses, Unset):
            addresses = []
            for addresses_item_data in self.addresses:
                addresses_item = addresses_item_data.to_dict()
                addresses.append(addresses_item)



        birthday: None | str | Unset
        if isinstance(self.birthday, Unset):
            birthday = UNSET
        else:
            birthday = self.birthday

        categories: list[str] | Unset = UNSET
        if not isinstance(self.categories, Unset):
            categories = self.categories



        department = self.department

        display_name = self.display_name

        emails: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.emails, Unset):
            emails = []
            for emails_item_data in self.emails:
                emails_item = emails_item_data.to_dict()
                emails.append(emails_item)



        family_name = self.family_name

        given_name = self.given_name

        middle_name = self.middle_name

        nickname = self.nickname

        notes = self.notes

        organization = self.organization

        phones: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.phones, Unset):
            phones = []
            for phones_item_data in self.phones:
                phones_item = phones_item_data.to_dict()
                phones.append(phones_item)



        prefix = self.prefix

        suffix = self.suffix

        title = self.title

        urls: list[str] | Unset = UNSET
        if not isinstance(self.urls, Unset):
            urls = self.urls




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if address_book_id is not UNSET:
            field_dict["address_book_id"] = address_book_id
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
        def _parse_address_book_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address_book_id = _parse_address_book_id(d.pop("address_book_id", UNSET))


        _addresses = d.pop("addresses", UNSET)
        addresses: list[PostalAddress] | Unset = UNSET
        if _addresses is not UNSET:
            addresses = []
            for addresses_item_data in _addresses:
                addresses_item = PostalAddress.from_dict(addresses_item_data)



                addresses.append(addresses_item)


        def _parse_birthday(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        birthday = _parse_birthday(d.pop("birthday", UNSET))


        categories = cast(list[str], d.pop("categories", UNSET))


        department = d.pop("department", UNSET)

        display_name = d.pop("display_name", UNSET)

        _emails = d.pop("emails", UNSET)
        emails: list[Email] | Unset = UNSET
        if _emails is not UNSET:
            emails = []
            for emails_item_data in _emails:
                emails_item = Email.from_dict(emails_item_data)



                emails.append(emails_item)


        family_name = d.pop("family_name", UNSET)

        given_name = d.pop("given_name", UNSET)

        middle_name = d.pop("middle_name", UNSET)

        nickname = d.pop("nickname", UNSET)

        notes = d.pop("notes", UNSET)

        organization = d.pop("organization", UNSET)

        _phones = d.pop("phones", UNSET)
        phones: list[Phone] | Unset = UNSET
        if _phones is not UNSET:
            phones = []
            for phones_item_data in _phones:
                phones_item = Phone.from_dict(phones_item_data)



                phones.append(phones_item)


        prefix = d.pop("prefix", UNSET)

        suffix = d.pop("suffix", UNSET)

        title = d.pop("title", UNSET)

        urls = cast(list[str], d.pop("urls", UNSET))


        contact_create = cls(
            address_book_id=address_book_id,
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

        return contact_create

