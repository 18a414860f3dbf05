"""Factories for DAV tests: a person with an app password, and raw WebDAV requests."""

from __future__ import annotations

import base64
from typing import Any

import httpx

from tests.factories.app_passwords import create_app_password
from tests.factories.platform import OrgHandle

PROPFIND_HOME = b"""<?xml version="1.0"?>
<d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"
  xmlns:card="urn:ietf:params:xml:ns:carddav" xmlns:cs="http://calendarserver.org/ns/">
  <d:prop><d:current-user-principal/><c:calendar-home-set/><card:addressbook-home-set/>
  <d:resourcetype/><d:displayname/><cs:getctag/><d:sync-token/><d:getetag/></d:prop>
</d:propfind>"""


async def dav_person(org: OrgHandle, local: str) -> tuple[str, str]:
    """(address, app password) of a new person of the organisation."""
    await org.add_account(local)
    address = f"{local}@{org.domain}"
    made = await create_app_password(org, address, "DAV client")
    return address, str(made["password"])


def basic(address: str, password: str) -> dict[str, str]:
    raw = base64.b64encode(f"{address}:{password}".encode()).decode()
    return {"Authorization": f"Basic {raw}"}


async def dav(
    client: httpx.AsyncClient,
    method: str,
    path: str,
    auth: dict[str, str],
    body: bytes | str = b"",
    **headers: Any,
) -> httpx.Response:
    data = body.encode() if isinstance(body, str) else body
    extra = {k.replace("_", "-"): str(v) for k, v in headers.items()}
    return await client.request(method, path, content=data, headers={**auth, **extra})
