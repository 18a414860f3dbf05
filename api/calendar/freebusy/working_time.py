"""Whose time zone working hours are in when a request names none: the person's, else the
organisation's, else the deployment's default (`MAILPLANE_DEFAULT_TIME_ZONE`, UTC).

`time_zone` on accounts and organisations is read with getattr: the columns arrive with the
locale work (issue 14 §4); until then the deployment default applies. This function is the
one place to change when they do.
"""

from __future__ import annotations

from typing import Any


def working_time_zone(account: Any | None, org: Any | None, default: str) -> str:
    """The IANA zone working hours default to for `account` in `org`."""
    for holder in (account, org):
        zone_name = getattr(holder, "time_zone", None) if holder is not None else None
        if isinstance(zone_name, str) and zone_name:
            return zone_name
    return default
