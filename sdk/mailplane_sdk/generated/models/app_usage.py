from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="AppUsage")



@_attrs_define
class AppUsage:
    """ An app's tokens and requests: how much it is used and how near its rate limit is.

        Attributes:
            active_refresh_tokens (int): Refresh tokens not expired and not revoked.
            active_tokens (int): Access tokens not expired and not revoked.
            app_id (str): The app.
            last_token_at (datetime.datetime | None): When the latest token was issued.
            rate_limit (int): Requests allowed per minute for this app.
            rate_limit_remaining (int): Requests left in the current window.
            rate_limit_reset_seconds (int): Seconds until the current window ends.
            requests_last_day (int): API requests in the last 1,440 one-minute windows.
            requests_last_hour (int): API requests in the last 60 one-minute windows.
            requests_this_minute (int): API requests counted in the current window.
            tokens_issued_24h (int): Tokens issued in the last 24 hours.
     """

    active_refresh_tokens: int
    active_tokens: int
    app_id: str
    last_token_at: datetime.datetime | None
    rate_limit: int
    rate_limit_remaining: int
    rate_limit_reset_seconds: int
    requests_last_day: int
    requests_last_hour: int
    requests_this_minute: int
    tokens_issued_24h: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        active_refresh_tokens = self.active_refresh_tokens

        active_tokens = self.active_tokens

        app_id = self.app_id

        last_token_at: None | str
        if isinstance(self.last_token_at, datetime.datetime):
            last_token_at = self.last_token_at.isoformat()
        else:
            last_token_at = self.last_token_at

        rate_limit = self.rate_limit

        rate_limit_remaining = self.rate_limit_remaining

        rate_limit_reset_seconds = self.rate_limit_reset_seconds

        requests_last_day = self.requests_last_day

        requests_last_hour = self.requests_last_hour

        requests_this_minute = self.requests_this_minute

        tokens_issued_24h = self.tokens_issued_24h


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "active_refresh_tokens": active_refresh_tokens,
            "active_tokens": active_tokens,
            "app_id": app_id,
            "last_token_at": last_token_at,
            "rate_limit": rate_limit,
            "rate_limit_remaining": rate_limit_remaining,
            "rate_limit_reset_seconds": rate_limit_reset_seconds,
            "requests_last_day": requests_last_day,
            "requests_last_hour": requests_last_hour,
            "requests_this_minute": requests_this_minute,
            "tokens_issued_24h": tokens_issued_24h,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active_refresh_tokens = d.pop("active_refresh_tokens")

        active_tokens = d.pop("active_tokens")

        app_id = d.pop("app_id")

        def _parse_last_token_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_token_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_token_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_token_at = _parse_last_token_at(d.pop("last_token_at"))


        rate_limit = d.pop("rate_limit")

        rate_limit_remaining = d.pop("rate_limit_remaining")

        rate_limit_reset_seconds = d.pop("rate_limit_reset_seconds")

        requests_last_day = d.pop("requests_last_day")

        requests_last_hour = d.pop("requests_last_hour")

        requests_this_minute = d.pop("requests_this_minute")

        tokens_issued_24h = d.pop("tokens_issued_24h")

        app_usage = cls(
            active_refresh_tokens=active_refresh_tokens,
            active_tokens=active_tokens,
            app_id=app_id,
            last_token_at=last_token_at,
            rate_limit=rate_limit,
            rate_limit_remaining=rate_limit_remaining,
            rate_limit_reset_seconds=rate_limit_reset_seconds,
            requests_last_day=requests_last_day,
            requests_last_hour=requests_last_hour,
            requests_this_minute=requests_this_minute,
            tokens_issued_24h=tokens_issued_24h,
        )


        app_usage.additional_properties = d
        return app_usage

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
