"""CardDAV and the DAV doors' rules: address books made, renamed and queried, the company
directory as a read-only book, Bearer tokens held to their scopes, app passwords revoked,
and DAV writes emitting the same events as the API."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from api.storage.models import AuditEntry, Event
from tests.dav.test_protocol import EVENT, NS, _default_calendar, _tree
from tests.factories.dav import PROPFIND_HOME, basic, contact_vcf, dav, dav_person
from tests.factories.platform import user_tokens


@pytest.fixture
async def alice(org):
    address, password = await dav_person(org, "alice")
    return address, basic(address, password)


QUERY = """<card:addressbook-query xmlns:d="DAV:" xmlns:card="urn:ietf:params:xml:ns:carddav">
  <d:prop><d:getetag/><card:address-data/></d:prop>
  <card:filter test="anyof"><card:prop-filter name="EMAIL">
    <card:text-match collation="i;unicode-casemap" match-type="contains">{}</card:text-match>
  </card:prop-filter></card:filter></card:addressbook-query>"""


async def test_address_book_made_renamed_filled_and_queried(client, alice):
    address, auth = alice
    book = f"/dav/addressbooks/{address}/team/"
    mkcol = """<d:mkcol xmlns:d="DAV:" xmlns:card="urn:ietf:params:xml:ns:carddav"><d:set><d:prop>
      <d:resourcetype><d:collection/><card:addressbook/></d:resourcetype>
      <d:displayname>团队</d:displayname></d:prop></d:set></d:mkcol>"""
    assert (await dav(client, "MKCOL", book, auth, mkcol)).status_code == 201
    assert (await dav(client, "MKCOL", book, auth, mkcol)).status_code == 409
    patch = """<d:propertyupdate xmlns:d="DAV:"><d:set><d:prop>
      <d:displayname>Team</d:displayname></d:prop></d:set></d:propertyupdate>"""
    assert (await dav(client, "PROPPATCH", book, auth, patch)).status_code == 207
    tree = _tree(await dav(client, "PROPFIND", book, auth, PROPFIND_HOME, Depth=0))
    assert tree.findtext(".//d:displayname", namespaces=NS) == "Team"
    for i in range(3):
        uid, text = contact_vcf(i)
        resp = await dav(client, "PUT", f"{book}{i}.vcf", auth, text, If_None_Match="*")
        assert resp.status_code == 201, resp.text
    found = _tree(await dav(client, "REPORT", book, auth, QUERY.format("PERSON1@")))
    assert [h.text for h in found.findall("d:response/d:href", NS)] == [book + "1.vcf"]
    assert "FN:李芳 1" in found.findtext(".//card:address-data", namespaces=NS)
    multiget = f"""<card:addressbook-multiget xmlns:d="DAV:"
      xmlns:card="urn:ietf:params:xml:ns:carddav">
      <d:prop><d:getetag/></d:prop><d:href>{book}0.vcf</d:href><d:href>{book}9.vcf</d:href>
      </card:addressbook-multiget>"""
    got = _tree(await dav(client, "REPORT", book, auth, multiget))
    statuses = {
        r.findtext("d:href", namespaces=NS): r.findtext("d:status", namespaces=NS)
        for r in got.findall("d:response", NS)
    }
    assert statuses == {book + "0.vcf": None, book + "9.vcf": "HTTP/1.1 404 Not Found"}
    bad = """<d:propertyupdate xmlns:d="DAV:" xmlns:x="urn:x"><d:set><d:prop>
      <d:displayname>Renamed</d:displayname><x:color>red</x:color></d:prop></d:set></d:propertyupdate>"""
    refused = _tree(await dav(client, "PROPPATCH", book, auth, bad))
    assert "403" in (refused.findtext(".//d:propstat/d:status", namespaces=NS) or "")
    tree = _tree(await dav(client, "PROPFIND", book, auth, PROPFIND_HOME, Depth=0))
    assert tree.findtext(".//d:displayname", namespaces=NS) == "Team"  # atomic: unchanged
    assert (await dav(client, "DELETE", book, auth)).status_code == 204
    assert (await dav(client, "PROPFIND", book, auth, PROPFIND_HOME)).status_code == 404


async def test_company_directory_is_read_only_and_this_organisation_only(
    client, org, other_org, alice
):
    address, auth = alice
    await other_org.add_account("outsider")
    gal = f"/dav/addressbooks/{address}/gal/"
    tree = _tree(await dav(client, "REPORT", gal, auth, QUERY.format("@")))
    data = " ".join(e.text or "" for e in tree.iter("{urn:ietf:params:xml:ns:carddav}address-data"))
    assert "alice@acme.test" in data and "admin@acme.test" in data
    assert "globex" not in data
    _, text = contact_vcf(1)
    assert (await dav(client, "PUT", gal + "x.vcf", auth, text)).status_code == 403
    assert (await dav(client, "DELETE", gal, auth)).status_code == 403


async def test_bearer_token_is_held_to_its_scopes(client, org):
    await org.add_account("carol")
    tokens = await user_tokens(org, "carol@acme.test", "calendar:read")
    auth = {"Authorization": f"Bearer {tokens['access_token']}"}
    home = "/dav/calendars/carol@acme.test/"
    tree = _tree(await dav(client, "PROPFIND", home, auth, PROPFIND_HOME, Depth=1))
    cal = next(
        r.findtext("d:href", namespaces=NS)
        for r in tree.findall("d:response", NS)
        if r.find(".//c:calendar", NS) is not None
    )
    resp = await dav(client, "PUT", cal + "x.ics", auth, EVENT.format(uid="x@t", title="x"))
    assert resp.status_code == 403
    resp = await dav(client, "PROPFIND", "/dav/addressbooks/carol@acme.test/contacts/", auth)
    assert resp.status_code in (403, 404)
    bad = {"Authorization": "Bearer mpat_not-a-token"}
    assert (await dav(client, "PROPFIND", home, bad, PROPFIND_HOME)).status_code == 401


async def test_revoked_app_password_stops_working_and_sign_ins_are_audited(client, org):
    address, password = await dav_person(org, "dave")
    auth = basic(address, password)
    assert (await dav(client, "PROPFIND", "/dav/", auth, PROPFIND_HOME)).status_code == 207
    async with org.runtime.db.session(write=False) as session:
        actions = (await session.execute(select(AuditEntry.action))).scalars().all()
    assert "dav.sign_in" in actions
    listed = await org.client.get(
        f"/v1/accounts/{address}/app-passwords", headers=await org.headers()
    )
    pw_id = listed.json()["data"][0]["id"]
    resp = await org.client.delete(
        f"/v1/accounts/{address}/app-passwords/{pw_id}", headers=await org.headers()
    )
    assert resp.status_code == 204
    # refused at once, though this server had just verified it
    assert (await dav(client, "PROPFIND", "/dav/", auth, PROPFIND_HOME)).status_code == 401


async def _event_types(org) -> list[str]:
    async with org.runtime.db.session(write=False) as session:
        stmt = select(Event.type).where(Event.type.like("calendar.event.%"))
        return list((await session.execute(stmt.order_by(Event.sequence))).scalars().all())


async def test_dav_writes_emit_the_same_events_as_the_api(client, org, alice):
    address, auth = alice
    headers = await org.headers()
    made = await org.client.post(
        f"/v1/accounts/{address}/calendar/events",
        json={"title": "一", "start": "2030-03-04T09:00:00", "end": "2030-03-04T10:00:00"},
        headers=headers,
    )
    path = f"/v1/accounts/{address}/calendar/events/{made.json()['id']}"
    await org.client.patch(path, json={"title": "二"}, headers=headers)
    await org.client.delete(path, headers=headers)
    through_api = await _event_types(org)
    assert len(through_api) == 3
    home = await _default_calendar(client, alice)
    await dav(client, "PUT", home + "e.ics", auth, EVENT.format(uid="e@t", title="一"))
    await dav(client, "PUT", home + "e.ics", auth, EVENT.format(uid="e@t", title="二"))
    await dav(client, "DELETE", home + "e.ics", auth)
    assert (await _event_types(org))[3:] == through_api
