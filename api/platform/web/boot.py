"""What the web app would ask first, answered inside the page that loads it: for a browser
with a web session cookie, index.html carries its session state and `/v1/me` (and, opening
the webmail, the inbox's first page) as a JSON data block, so the app renders without a round
trip after its bundle runs. (The folder list is not on that path: the app asks for it while
it draws the rows, and the page comes sooner without it.)

Each part is the answer of the app's own route, asked in-process with the browser's cookie:
the same authorization, the same JSON, nothing computed twice. The block is
`<script type="application/json">` (data, never run: the strict CSP stays as it is), its `<`,
`>` and `&` escaped so no value can end it. A page that carries it is personal:
`Cache-Control: no-store`.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any
from urllib.parse import quote

import httpx
from fastapi import Request

BOOT_ELEMENT_ID = "mp-boot"
# the webmail's first page (web/src/mail/mailApi.ts: listMessages with neither folder nor query)
_INBOX_QUERY = "limit=50&q=in%3Ainbox"
_FORWARDED = ("cookie", "accept-language", "user-agent")


async def _get(client: httpx.AsyncClient, path: str) -> Any | None:
    response = await client.get(path)
    return response.json() if response.status_code == 200 else None


async def bootstrap(request: Request) -> dict[str, Any] | None:
    """The session state, and when signed in `/v1/me` (plus the inbox's first page for
    `/mail`), as the browser would have them from the same routes; None when the in-process
    requests fail (the app then asks as usual)."""
    headers = {k: v for k, v in request.headers.items() if k in _FORWARDED}
    transport = httpx.ASGITransport(app=request.app, raise_app_exceptions=False)
    base = f"{request.url.scheme}://{request.url.netloc}"
    try:
        async with httpx.AsyncClient(transport=transport, base_url=base, headers=headers) as client:
            session = await _get(client, "/web/session")
            if not isinstance(session, dict):
                return None
            boot: dict[str, Any] = {"session": session}
            if not session.get("signed_in"):
                return boot
            paths = {"me": "/v1/me"}
            if request.url.path == "/mail":
                account = "/v1/accounts/" + quote(str(session["account_id"]), safe="")
                paths["inbox"] = f"{account}/mail/messages?{_INBOX_QUERY}"
            answers = await asyncio.gather(*(_get(client, p) for p in paths.values()))
    except (httpx.HTTPError, ValueError):
        return None
    boot.update({k: v for k, v in zip(paths, answers, strict=True) if v is not None})
    return boot


def boot_element(boot: dict[str, Any]) -> str:
    """The data block: JSON that cannot close its element (`<`, `>`, `&` as \\u escapes)."""
    text = (
        json.dumps(boot, ensure_ascii=False, separators=(",", ":"))
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
    return f'<script type="application/json" id="{BOOT_ELEMENT_ID}">{text}</script>'
