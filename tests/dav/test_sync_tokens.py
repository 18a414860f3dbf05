"""Sync tokens belong to one collection (RFC 6578 §3.2): a change in another calendar or
address book of the same person, or of another person of the organisation, leaves this
collection's token, ctag and sync-collection answer as they were."""

from __future__ import annotations

import re

from tests.dav.test_protocol import EVENT, NS, _tree
from tests.factories.dav import basic, contact_vcf, dav, dav_person

PROPS = """<d:propfind xmlns:d="DAV:" xmlns:cs="http://calendarserver.org/ns/"><d:prop>
  <d:sync-token/><cs:getctag/></d:prop></d:propfind>"""
SYNC = """<d:sync-collection xmlns:d="DAV:"><d:sync-token>{}</d:sync-token>
  <d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>"""
MKCOL_BOOK = """<d:mkcol xmlns:d="DAV:" xmlns:card="urn:ietf:params:xml:ns:carddav"><d:set>
  <d:prop><d:resourcetype><d:collection/><card:addressbook/></d:resourcetype></d:prop>
  </d:set></d:mkcol>"""


async def _tokens(client, path: str, auth) -> tuple[str, str]:
    tree = _tree(await dav(client, "PROPFIND", path, auth, PROPS, Depth=0))
    return (
        tree.findtext(".//d:sync-token", namespaces=NS) or "",
        tree.findtext(".//{http://calendarserver.org/ns/}getctag") or "",
    )


async def _sync(client, path: str, auth, token: str) -> tuple[list[str], str]:
    tree = _tree(await dav(client, "REPORT", path, auth, SYNC.format(token)))
    hrefs = [h.text or "" for h in tree.findall("d:response/d:href", NS)]
    return hrefs, tree.findtext("d:sync-token", namespaces=NS) or ""


async def test_a_change_elsewhere_leaves_a_calendars_token_and_answer_alone(client, org):
    address, password = await dav_person(org, "alice")
    auth = basic(address, password)
    bob, bob_password = await dav_person(org, "bob")
    bob_auth = basic(bob, bob_password)
    work, home = f"/dav/calendars/{address}/work/", f"/dav/calendars/{address}/home/"
    for path in (work, home):
        assert (await dav(client, "MKCALENDAR", path, auth)).status_code == 201
    await dav(client, "PUT", work + "w1.ics", auth, EVENT.format(uid="w1@t", title="一"))
    token, ctag = await _tokens(client, work, auth)
    hrefs, same = await _sync(client, work, auth, token)
    assert (hrefs, same) == ([], token)

    # another calendar of hers, another person's calendar, an address book: all elsewhere
    await dav(client, "PUT", home + "h1.ics", auth, EVENT.format(uid="h1@t", title="家"))
    bob_cal = f"/dav/calendars/{bob}/mine/"
    assert (await dav(client, "MKCALENDAR", bob_cal, bob_auth)).status_code == 201
    await dav(client, "PUT", bob_cal + "b1.ics", bob_auth, EVENT.format(uid="b1@t", title="b"))
    headers = await org.headers()
    made = await org.client.post(
        f"/v1/accounts/{address}/calendar/events",
        json={"title": "默认日历", "start": "2030-03-04T09:00:00", "end": "2030-03-04T10:00:00"},
        headers=headers,
    )
    assert made.status_code == 201, made.text
    assert await _tokens(client, work, auth) == (token, ctag)
    assert await _sync(client, work, auth, token) == ([], token)
    home_hrefs, _ = await _sync(client, home, auth, token)
    assert home_hrefs == [home + "h1.ics"]  # the same token read against home shows home's

    # a change here moves it, and the answer names only this calendar's object
    await dav(client, "PUT", work + "w1.ics", auth, EVENT.format(uid="w1@t", title="二"))
    moved, moved_ctag = await _tokens(client, work, auth)
    assert moved != token and moved_ctag != ctag
    hrefs, new = await _sync(client, work, auth, token)
    assert (hrefs, new) == ([work + "w1.ics"], moved)
    assert (await dav(client, "DELETE", work + "w1.ics", auth)).status_code == 204
    gone = _tree(await dav(client, "REPORT", work, auth, SYNC.format(moved)))
    assert gone.findtext("d:response/d:status", namespaces=NS) == "HTTP/1.1 404 Not Found"
    # a token that is not ours is refused as RFC 6578 §3.2 says (valid-sync-token)
    bad = await dav(client, "REPORT", work, auth, SYNC.format("urn:x:nope"))
    assert bad.status_code == 403 and "valid_sync_token" in bad.text


async def test_a_change_elsewhere_leaves_an_address_books_token_alone(client, org):
    address, password = await dav_person(org, "alice")
    auth = basic(address, password)
    team, family = (f"/dav/addressbooks/{address}/{n}/" for n in ("team", "family"))
    for path in (team, family):
        assert (await dav(client, "MKCOL", path, auth, MKCOL_BOOK)).status_code == 201
    await dav(client, "PUT", team + "1.vcf", auth, contact_vcf(1)[1])
    token, ctag = await _tokens(client, team, auth)
    await dav(client, "PUT", family + "2.vcf", auth, contact_vcf(2)[1])
    assert await _tokens(client, team, auth) == (token, ctag)
    assert await _sync(client, team, auth, token) == ([], token)
    await dav(client, "PUT", team + "3.vcf", auth, contact_vcf(3)[1])
    hrefs, new = await _sync(client, team, auth, token)
    assert hrefs == [team + "3.vcf"] and re.match(r"https://mailplane\.dev/ns/sync/", new)
    assert new == (await _tokens(client, team, auth))[0] != token
