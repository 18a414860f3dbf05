"""Whose time zone working hours are in when a request names none: the person's, else the
organisation's, else the deployment's default (`MAILPLANE_DEFAULT_TIME_ZONE`, UTC).

Every organisation has a zone (UTC unless an admin sets one), so the deployment default
applies only where no organisation is known.
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
