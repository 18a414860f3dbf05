from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.me_update_locale_type_0 import MeUpdateLocaleType0
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="MeUpdate")



@_attrs_define
class MeUpdate:
    """ JSON merge patch of the caller's own profile: only what a person may change about
    themselves (Microsoft Graph's `PATCH /me`). `null` for `time_zone` or `locale` goes back
    to the organisation's.

        Attributes:
            display_name (None | str | Unset): The name people see.
            locale (MeUpdateLocaleType0 | None | Unset): The language of texts people read: zh-CN or en.
            time_zone (None | str | Unset): An IANA time zone (`Asia/Shanghai`).
     """

    display_name: None | str | Unset = UNSET
    locale: MeUpdateLocaleType0 | None | Unset = UNSET
    time_zone: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        locale: None | str | Unset
        if isinstance(self.locale, Unset):
            locale = UNSET
        elif isinstance(self.locale, MeUpdateLocaleType0):
            locale = self.locale.value
        else:
            locale = self.locale

        time_zone: None | str | Unset
        if isinstance(self.time_zone, Unset):
            time_zone = UNSET
        else:
            time_zone = self.time_zone


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if locale is not UNSET:
            field_dict["locale"] = locale
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("display_name", UNSET))


        def _parse_locale(data: object) -> MeUpdateLocaleType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                locale_type_0 = MeUpdateLocaleType0(data)



                return locale_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MeUpdateLocaleType0 | None | Unset, data)

        locale = _parse_locale(d.pop("locale", UNSET))


        def _parse_time_zone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        time_zone = _parse_time_zone(d.pop("time_zone", UNSET))


        me_update = cls(
            display_name=display_name,
            locale=locale,
            time_zone=time_zone,
        )

        return me_update

