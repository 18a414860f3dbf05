from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.organization_settings_locale import OrganizationSettingsLocale
from ..models.organization_settings_mail_forwarding import OrganizationSettingsMailForwarding
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="OrganizationSettings")



@_attrs_define
class OrganizationSettings:
    """ The caller's organisation: its name, default language and time zone, and the
    private networks migration sources may be in.

        Attributes:
            created_at (datetime.datetime): When it was created (RFC 3339, UTC).
            id (str): The object's id: opaque, prefixed by its type (`acc_…`, `msg_…`, `evt_…`).
            locale (OrganizationSettingsLocale): The language of people who chose none (pages, mails, errors).
            migration_private_networks (list[str]): Private networks (CIDRs) mailbox migrations may connect to; every other
                private, loopback or link-local address stays refused.
            name (str): Its name, as people read it.
            time_zone (str): The IANA time zone of people who chose none.
            mail_forwarding (OrganizationSettingsMailForwarding | Unset): Where people may forward their mail automatically:
                `off`, `internal` (only to addresses hosted here) or `any`. Default:
                OrganizationSettingsMailForwarding.INTERNAL.
     """

    created_at: datetime.datetime
    id: str
    locale: OrganizationSettingsLocale
    migration_private_networks: list[str]
    name: str
    time_zone: str
    mail_forwarding: OrganizationSettingsMailForwarding | Unset = OrganizationSettingsMailForwarding.INTERNAL
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = self.id

        locale = self.locale.value

        migration_private_networks = self.migration_private_networks



        name = self.name

        time_zone = self.time_zone

        mail_forwarding: str | Unset = UNSET
        if not isinstance(self.mail_forwarding, Unset):
            mail_forwarding = self.mail_forwarding.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "id": id,
            "locale": locale,
            "migration_private_networks": migration_private_networks,
            "name": name,
            "time_zone": time_zone,
        })
        if mail_forwarding is not UNSET:
            field_dict["mail_forwarding"] = mail_forwarding

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = d.pop("id")

        locale = OrganizationSettingsLocale(d.pop("locale"))




        migration_private_networks = cast(list[str], d.pop("migration_private_networks"))


        name = d.pop("name")

        time_zone = d.pop("time_zone")

        _mail_forwarding = d.pop("mail_forwarding", UNSET)
        mail_forwarding: OrganizationSettingsMailForwarding | Unset
        if isinstance(_mail_forwarding,  Unset):
            mail_forwarding = UNSET
        else:
            mail_forwarding = OrganizationSettingsMailForwarding(_mail_forwarding)




        organization_settings = cls(
            created_at=created_at,
            id=id,
            locale=locale,
            migration_private_networks=migration_private_networks,
            name=name,
            time_zone=time_zone,
            mail_forwarding=mail_forwarding,
        )


        organization_settings.additional_properties = d
        return organization_settings

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
