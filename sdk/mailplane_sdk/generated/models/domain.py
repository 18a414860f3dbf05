from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.domain_kind import DomainKind
from ..models.domain_status import DomainStatus
from typing import cast
import datetime






T = TypeVar("T", bound="Domain")



@_attrs_define
class Domain:
    """ 
        Attributes:
            alias_of (None | str): The primary domain's id, for an alias domain.
            created_at (datetime.datetime): When it was created (RFC 3339, UTC).
            dkim_selector (None | str): The selector of the key that signs mail.
            id (str): The object's id: opaque, prefixed by its type (`acc_…`, `msg_…`, `evt_…`).
            kind (DomainKind): What kind of object it is (the values are listed by the schema).
            last_checked_at (datetime.datetime | None): When last checked (RFC 3339, UTC); null if not (yet).
            name (str): A-label (ASCII) form, as used in addresses and DNS.
            status (DomainStatus): `verified` while MX and SPF are right; `failing` once a verified domain stops being so;
                `pending` before it ever was.
            unicode_name (str): The display form of an internationalised name.
            updated_at (datetime.datetime): When it last changed (RFC 3339, UTC).
            verified_at (datetime.datetime | None): When verified (RFC 3339, UTC); null if not (yet).
     """

    alias_of: None | str
    created_at: datetime.datetime
    dkim_selector: None | str
    id: str
    kind: DomainKind
    last_checked_at: datetime.datetime | None
    name: str
    status: DomainStatus
    unicode_name: str
    updated_at: datetime.datetime
    verified_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        alias_of: None | str
        alias_of = self.alias_of

        created_at = self.created_at.isoformat()

        dkim_selector: None | str
        dkim_selector = self.dkim_selector

        id = self.id

        kind = self.kind.value

        last_checked_at: None | str
        if isinstance(self.last_checked_at, datetime.datetime):
            last_checked_at = self.last_checked_at.isoformat()
        else:
            last_checked_at = self.last_checked_at

        name = self.name

        status = self.status.value

        unicode_name = self.unicode_name

        updated_at = self.updated_at.isoformat()

        verified_at: None | str
        if isinstance(self.verified_at, datetime.datetime):
            verified_at = self.verified_at.isoformat()
        else:
            verified_at = self.verified_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "alias_of": alias_of,
            "created_at": created_at,
            "dkim_selector": dkim_selector,
            "id": id,
            "kind": kind,
            "last_checked_at": last_checked_at,
            "name": name,
            "status": status,
            "unicode_name": unicode_name,
            "updated_at": updated_at,
            "verified_at": verified_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_alias_of(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        alias_of = _parse_alias_of(d.pop("alias_of"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_dkim_selector(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        dkim_selector = _parse_dkim_selector(d.pop("dkim_selector"))


        id = d.pop("id")

        kind = DomainKind(d.pop("kind"))




        def _parse_last_checked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_checked_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_checked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_checked_at = _parse_last_checked_at(d.pop("last_checked_at"))


        name = d.pop("name")

        status = DomainStatus(d.pop("status"))




        unicode_name = d.pop("unicode_name")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        def _parse_verified_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                verified_at_type_0 = datetime.datetime.fromisoformat(data)



                return verified_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        verified_at = _parse_verified_at(d.pop("verified_at"))


        domain = cls(
            alias_of=alias_of,
            created_at=created_at,
            dkim_selector=dkim_selector,
            id=id,
            kind=kind,
            last_checked_at=last_checked_at,
            name=name,
            status=status,
            unicode_name=unicode_name,
            updated_at=updated_at,
            verified_at=verified_at,
        )


        domain.additional_properties = d
        return domain

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
