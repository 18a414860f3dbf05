from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.email_out import EmailOut
  from ..models.phone_out import PhoneOut
  from ..models.postal_address_out import PostalAddressOut





T = TypeVar("T", bound="Contact")



@_attrs_define
class Contact:
    """ 
        Attributes:
            account_id (str): The account it belongs to or acts on.
            address_book_id (str): The id of the address book.
            addresses (list[PostalAddressOut]): Email addresses.
            birthday (None | str): Birthday, `YYYY-MM-DD` or `--MM-DD`.
            categories (list[str]): Categories (tags).
            created_at (datetime.datetime): When it was created (RFC 3339, UTC).
            department (str): Department name.
            display_name (str): The name people see.
            emails (list[EmailOut]): Email addresses.
            family_name (str): Family name (surname).
            given_name (str): Given name.
            group_ids (list[str]): The ids of the groups.
            has_photo (bool): Whether it hass photo.
            id (str): The object's id: opaque, prefixed by its type (`acc_…`, `msg_…`, `evt_…`).
            middle_name (str): Middle name.
            nickname (str): Nickname.
            notes (str): Notes.
            organization (str): Organisation (company) name.
            phones (list[PhoneOut]): Phone numbers.
            prefix (str): Honorific prefix.
            suffix (str): Honorific suffix.
            title (str): Its title.
            uid (str): The iCalendar UID, the same in every attendee's copy.
            updated_at (datetime.datetime): When it last changed (RFC 3339, UTC).
            urls (list[str]): Web addresses.
     """

    account_id: str
    address_book_id: str
    addresses: list[PostalAddressOut]
    birthday: None | str
    categories: list[str]
    created_at: datetime.datetime
    department: str
    display_name: str
    emails: list[EmailOut]
    family_name: str
    given_name: str
    group_ids: list[str]
    has_photo: bool
    id: str
    middle_name: str
    nickname: str
    notes: str
    organization: str
    phones: list[PhoneOut]
    prefix: str
    suffix: str
    title: str
    uid: str
    updated_at: datetime.datetime
    urls: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.email_out import EmailOut # noqa: PLC0415
        from ..models.phone_out import PhoneOut # noqa: PLC0415
        from ..models.postal_address_out import PostalAddressOut # noqa: PLC0415
        account_id = self.account_id

        address_book_id = self.address_book_id

        addresses = []
        for addresses_item_data in self.addresses:
            addresses_item = addresses_item_data.to_dict()
            addresses.append(addresses_item)



        birthday: None | str
        birthday = self.birthday

        categories = self.categories



        created_at = self.created_at.isoformat()

        department = self.department

        display_name = self.display_name

        emails = []
        for emails_item_data in self.emails:
            emails_item = emails_item_data.to_dict()
            emails.append(emails_item)



        family_name = self.family_name

        given_name = self.given_name

        group_ids = self.group_ids



        has_photo = self.has_photo

        id = self.id

        middle_name = self.middle_name

        nickname = self.nickname

        notes = self.notes

        organization = self.organization

        phones = []
        for phones_item_data in self.phones:
            phones_item = phones_item_data.to_dict()
            phones.append(phones_item)



        prefix = self.prefix

        suffix = self.suffix

        title = self.title

        uid = self.uid

        updated_at = self.updated_at.isoformat()

        urls = self.urls




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account_id": account_id,
            "address_book_id": address_book_id,
            "addresses": addresses,
            "birthday": birthday,
            "categories": categories,
            "created_at": created_at,
            "department": department,
            "display_name": display_name,
            "emails": emails,
            "family_name": family_name,
            "given_name": given_name,
            "group_ids": group_ids,
            "has_photo": has_photo,
            "id": id,
            "middle_name": middle_name,
            "nickname": nickname,
            "notes": notes,
            "organization": organization,
            "phones": phones,
            "prefix": prefix,
            "suffix": suffix,
            "title": title,
            "uid": uid,
            "updated_at": updated_at,
            "urls": urls,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.email_out import EmailOut # noqa: PLC0415
        from ..models.phone_out import PhoneOut # noqa: PLC0415
        from ..models.postal_address_out import PostalAddressOut # noqa: PLC0415
        d = dict(src_dict)
        account_id = d.pop("account_id")

        address_book_id = d.pop("address_book_id")

        addresses = []
        _addresses = d.pop("addresses")
        for addresses_item_data in (_addresses):
            addresses_item = PostalAddressOut.from_dict(addresses_item_data)



            addresses.append(addresses_item)


        def _parse_birthday(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        birthday = _parse_birthday(d.pop("birthday"))


        categories = cast(list[str], d.pop("categories"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        department = d.pop("department")

        display_name = d.pop("display_name")

        emails = []
        _emails = d.pop("emails")
        for emails_item_data in (_emails):
            emails_item = EmailOut.from_dict(emails_item_data)



            emails.append(emails_item)


        family_name = d.pop("family_name")

        given_name = d.pop("given_name")

        group_ids = cast(list[str], d.pop("group_ids"))


        has_photo = d.pop("has_photo")

        id = d.pop("id")

        middle_name = d.pop("middle_name")

        nickname = d.pop("nickname")

        notes = d.pop("notes")

        organization = d.pop("organization")

        phones = []
        _phones = d.pop("phones")
        for phones_item_data in (_phones):
            phones_item = PhoneOut.from_dict(phones_item_data)



            phones.append(phones_item)


        prefix = d.pop("prefix")

        suffix = d.pop("suffix")

        title = d.pop("title")

        uid = d.pop("uid")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        urls = cast(list[str], d.pop("urls"))


        contact = cls(
            account_id=account_id,
            address_book_id=address_book_id,
            addresses=addresses,
            birthday=birthday,
            categories=categories,
            created_at=created_at,
            department=department,
            display_name=display_name,
            emails=emails,
            family_name=family_name,
            given_name=given_name,
            group_ids=group_ids,
            has_photo=has_photo,
            id=id,
            middle_name=middle_name,
            nickname=nickname,
            notes=notes,
            organization=organization,
            phones=phones,
            prefix=prefix,
            suffix=suffix,
            title=title,
            uid=uid,
            updated_at=updated_at,
            urls=urls,
        )


        contact.additional_properties = d
        return contact

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
