"""Contact groups as group cards, both ways, with `vdirsyncer` (Debian's) against a real
server: a vCard 4.0 `KIND:group` card with `MEMBER`s and an Apple-style 3.0
`X-ADDRESSBOOKSERVER-KIND:group` card written on the client are contact groups the REST API
lists with their members (even when a group arrives before its members); a group made
through the API reaches the client as a group card naming its members."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import vobject

from tests.dav.test_vdirsyncer import _sync
from tests.factories.dav import contact_vcf, dav_person
from tests.live_server import live_server


@pytest.fixture
def server(settings):
    with live_server(settings) as url:
        yield url


def _config(tmp: Path, server: str, address: str, password: str, book_id: str) -> Path:
    (tmp / "book").mkdir()
    path = tmp / "config"
    path.write_text(
        f"""[general]
status_path = "{tmp}/status/"

[pair book]
a = "book_local"
b = "book_remote"
collections = null
conflict_resolution = "a wins"

[storage book_local]
type = "filesystem"
path = "{tmp}/book/"
fileext = ".vcf"

[storage book_remote]
type = "carddav"
url = "{server}/dav/addressbooks/{address}/{book_id}/"
username = "{address}"
password = "{password}"
"""
    )
    return path


async def _groups(org, address: str) -> dict[str, set[str]]:
    headers = await org.headers()
    groups = await org.client.get(f"/v1/accounts/{address}/contacts/groups", headers=headers)
    contacts = await org.client.get(
        f"/v1/accounts/{address}/contacts", params={"limit": 500}, headers=headers
    )
    uid_of = {c["id"]: c["uid"] for c in contacts.json()["data"]}
    return {g["name"]: {uid_of[m] for m in g["member_ids"]} for g in groups.json()["data"]}


async def test_group_cards_are_contact_groups_both_ways(org, server, tmp_path):
    address, password = await dav_person(org, "alice")
    books = await org.client.get(
        f"/v1/accounts/{address}/contacts/address_books", headers=await org.headers()
    )
    book_id = books.json()["data"][0]["id"]
    config = _config(tmp_path, server, address, password, book_id)
    folder = tmp_path / "book"
    for i in range(4):
        uid, text = contact_vcf(i)
        (folder / f"{uid}.vcf").write_text(text)
    (folder / "team.vcf").write_text(
        "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:group-team\r\nKIND:group\r\n"
        "FN:项目组\r\nMEMBER:urn:uuid:contact-0@dav.test\r\n"
        "MEMBER:urn:uuid:contact-1@dav.test\r\nMEMBER:urn:uuid:contact-9@dav.test\r\n"
        "END:VCARD\r\n"
    )
    (folder / "apple.vcf").write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:group-apple\r\nFN:Friends\r\nN:Friends;;;;\r\n"
        "X-ADDRESSBOOKSERVER-KIND:group\r\n"
        "X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:contact-2@dav.test\r\n"
        "X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:contact-3@dav.test\r\nEND:VCARD\r\n"
    )
    discover = subprocess.run(
        ["vdirsyncer", "-c", str(config), "discover"],
        input="y\n", capture_output=True, text=True, timeout=120, check=False,
    )
    assert discover.returncode == 0, discover.stderr
    first = _sync(config)
    assert first.returncode == 0, first.stderr
    # contact-9 is not a card of the book (yet): the group keeps the reference for it
    assert await _groups(org, address) == {
        "项目组": {"contact-0@dav.test", "contact-1@dav.test"},
        "Friends": {"contact-2@dav.test", "contact-3@dav.test"},
    }
    # the member arrives later and joins the group that named it
    uid, text = contact_vcf(9)
    (folder / f"{uid}.vcf").write_text(text)
    assert _sync(config).returncode == 0
    assert (await _groups(org, address))["项目组"] == {
        "contact-0@dav.test", "contact-1@dav.test", "contact-9@dav.test",
    }

    # the API makes a group: the client receives a group card naming its members
    headers = await org.headers()
    contacts = await org.client.get(
        f"/v1/accounts/{address}/contacts", params={"limit": 500}, headers=headers
    )
    ids = {c["uid"]: c["id"] for c in contacts.json()["data"]}
    made = await org.client.post(
        f"/v1/accounts/{address}/contacts/groups",
        json={"name": "客户", "address_book_id": book_id,
              "member_ids": [ids["contact-1@dav.test"], ids["contact-3@dav.test"]]},
        headers=headers,
    )
    assert made.status_code == 201, made.text
    # and removes a member of an existing one
    friends = next(
        g for g in (await org.client.get(
            f"/v1/accounts/{address}/contacts/groups", headers=headers
        )).json()["data"] if g["name"] == "Friends"
    )
    resp = await org.client.patch(
        f"/v1/accounts/{address}/contacts/groups/{friends['id']}",
        json={"member_ids": [ids["contact-2@dav.test"]]}, headers=headers,
    )
    assert resp.status_code == 200, resp.text
    third = _sync(config)
    assert third.returncode == 0, third.stderr
    cards = [vobject.readOne(p.read_text()) for p in folder.iterdir()]
    groups = {
        c.fn.value: sorted(m.value for m in c.contents.get("x-addressbookserver-member", []))
        for c in cards
        if "x-addressbookserver-kind" in c.contents
    }
    assert groups["客户"] == ["urn:uuid:contact-1@dav.test", "urn:uuid:contact-3@dav.test"]
    assert groups["Friends"] == ["urn:uuid:contact-2@dav.test"]
    assert len(cards) == 5 + 3  # five people, three groups

    # a member's card deleted on the client: the group card changes on both sides
    (folder / "contact-1@dav.test.vcf").unlink()
    assert _sync(config).returncode == 0
    assert _sync(config).returncode == 0  # the second round brings the changed groups back
    assert (await _groups(org, address))["客户"] == {"contact-3@dav.test"}
    cards = [vobject.readOne(p.read_text()) for p in folder.iterdir()]
    customers = next(c for c in cards if c.fn.value == "客户")
    members = [m.value for m in customers.contents.get("x-addressbookserver-member", [])]
    assert members == ["urn:uuid:contact-3@dav.test"]
