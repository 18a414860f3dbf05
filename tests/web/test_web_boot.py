"""index.html for a signed-in browser carries what the app would ask first (session state,
/v1/me, and opening /mail the inbox's first page) as a JSON data block:
never run (the CSP stays strict), unable to close its element whatever a subject says,
never stored (personal), only the person's own mail, nothing for a signed-out browser."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from api.platform.web import static
from tests.factories.mail import deliver_to, simple_message
from tests.web.test_web_session import web_sign_in

PAGE = (
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8" />'
    '<script type="module" crossorigin src="/assets/index-x.js"></script></head>'
    '<body><div id="root"></div></body></html>'
)
HOSTILE = "</script><script>alert(1)</script> & <!-- x"


@pytest.fixture
def built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    monkeypatch.setattr(static, "dist_dir", lambda: tmp_path)
    return tmp_path


def _boot(html: str) -> dict | None:
    found = re.search(r'<script type="application/json" id="mp-boot">(.*?)</script>', html, re.S)
    return json.loads(found.group(1)) if found else None


@pytest.fixture
async def alice(org):
    return await org.add_account("alice", role="admin")


async def test_signed_out_page_is_the_cacheable_file_without_a_bootstrap(client, built):
    page = await client.get("/mail")
    assert page.status_code == 200 and page.text == PAGE
    assert page.headers["cache-control"] == "no-cache"
    assert "script-src 'self'" in page.headers["content-security-policy"]


async def test_mail_page_carries_session_me_and_inbox_escaped_and_not_stored(
    client, org, runtime, alice, built
):
    for subject, local in ((HOSTILE, "alice"), ("not hers", "admin")):
        to = f"{local}@acme.test"
        await deliver_to(runtime, simple_message(subject=subject, to=to), to)
    await web_sign_in(client, "alice@acme.test")
    page = await client.get("/mail")
    assert page.status_code == 200
    assert page.headers["cache-control"] == "no-store" and "Cookie" in page.headers["vary"]
    assert "script-src 'self'" in page.headers["content-security-policy"]
    # the subject cannot end the data block: one closing tag per script element
    assert page.text.count("</script>") == 2 and "<script>alert" not in page.text
    assert page.text.index('id="mp-boot"') > page.text.index('<div id="root"></div>')
    boot = _boot(page.text)
    assert boot is not None
    session = (await client.get("/web/session")).json()
    assert boot["session"]["signed_in"] is True
    assert boot["session"]["account_id"] == session["account_id"] == alice.id
    assert boot["me"]["address"] == "alice@acme.test"
    assert set(boot) == {"session", "me", "inbox"}
    subjects = [m["subject"] for m in boot["inbox"]["data"]]
    assert subjects == [HOSTILE]  # hers only, as the API answers her
    listed = await client.get(
        f"/v1/accounts/{alice.id}/mail/messages", params={"q": "in:inbox", "limit": 50}
    )
    assert boot["inbox"] == listed.json()


async def test_other_pages_carry_session_and_me_only(client, org, alice, built):
    await web_sign_in(client, "alice@acme.test")
    boot = _boot((await client.get("/home")).text)
    assert boot is not None and set(boot) == {"session", "me"}
    assert boot["me"]["address"] == "alice@acme.test"
    root = await client.get("/")
    assert _boot(root.text) is not None and root.headers["cache-control"] == "no-store"


async def test_a_dead_cookie_boots_signed_out(client, built):
    client.cookies.set("mp_web", "forged-or-expired")
    page = await client.get("/mail")
    assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
    assert _boot(page.text) == {"session": {"signed_in": False}}
