from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.organization_settings_update_locale_type_0 import OrganizationSettingsUpdateLocaleType0
from ..models.organization_settings_update_mail_forwarding_type_0 import OrganizationSettingsUpdateMailForwardingType0
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="OrganizationSettingsUpdate")



@_attrs_define
class OrganizationSettingsUpdate:
    """ JSON merge patch of the organisation's settings.

        Attributes:
            locale (None | OrganizationSettingsUpdateLocaleType0 | Unset): The language of texts people read: zh-CN or en.
            mail_forwarding (None | OrganizationSettingsUpdateMailForwardingType0 | Unset): Where people may forward their
                mail automatically: `off`, `internal` (only to addresses hosted here) or `any`.
            migration_private_networks (list[str] | None | Unset): Replaces the whole list; [] allows none.
            name (None | str | Unset): Its name, as people read it.
            time_zone (None | str | Unset): An IANA time zone (`Asia/Shanghai`).
     """

    locale: None | OrganizationSettingsUpdateLocaleType0 | Unset = UNSET
    mail_forwarding: None | OrganizationSettingsUpdateMailForwardingType0 | Unset = UNSET
    migration_private_networks: list[str] | None | Unset = UNSET
    name: None | str | Unset = UNSET
    time_zone: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        locale: None | str | Unset
        if isinstance(self.locale, Unset):
            locale = UNSET
        elif isinstance(self.locale, OrganizationSettingsUpdateLocaleType0):
            locale = self.locale.value
        else:
            locale = self.locale

        mail_forwarding: None | str | Unset
        if isinstance(self.mail_forwarding, Unset):
            mail_forwarding = UNSET
        elif isinstance(self.mail_forwarding, OrganizationSettingsUpdateMailForwardingType0):
            mail_forwarding = self.mail_forwarding.value
        else:
            mail_forwarding = self.mail_forwarding

        migration_private_networks: list[str] | None | Unset
        if isinstance(self.migration_private_networks, Unset):
            migration_private_networks = UNSET
        elif isinstance(self.migration_private_networks, list):
            migration_private_networks = self.migration_private_networks


        else:
            migration_private_networks = self.migration_private_networks

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        time_zone: None | str | Unset
        if isinstance(self.time_zone, Unset):
            time_zone = UNSET
        else:
            time_zone = self.time_zone


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if locale is not UNSET:
            field_dict["locale"] = locale
        if mail_forwarding is not UNSET:
            field_dict["mail_forwarding"] = mail_forwarding
        if migration_private_networks is not UNSET:
            field_dict["migration_private_networks"] = migration_private_networks
        if name is not UNSET:
            field_dict["name"] = name
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_locale(data: object) -> None | OrganizationSettingsUpdateLocaleType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                locale_type_0 = OrganizationSettingsUpdateLocaleType0(data)



                return locale_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrganizationSettingsUpdateLocaleType0 | Unset, data)

        locale = _parse_locale(d.pop("locale", UNSET))


        def _parse_mail_forwarding(data: object) -> None | OrganizationSettingsUpdateMailForwardingType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                mail_forwarding_type_0 = OrganizationSettingsUpdateMailForwardingType0(data)



                return mail_forwarding_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrganizationSettingsUpdateMailForwardingType0 | Unset, data)

        mail_forwarding = _parse_mail_forwarding(d.pop("mail_forwarding", UNSET))


        def _parse_migration_private_networks(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                migration_private_networks_type_0 = cast(list[str], data)

                return migration_private_networks_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        migration_private_networks = _parse_migration_private_networks(d.pop("migration_private_networks", UNSET))


        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        def _parse_time_zone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        time_zone = _parse_time_zone(d.pop("time_zone", UNSET))


        organization_settings_update = cls(
            locale=locale,
            mail_forwarding=mail_forwarding,
            migration_private_networks=migration_private_networks,
            name=name,
            time_zone=time_zone,
        )

        return organization_settings_update

