"""Contacts: address books, contacts, photos, groups, vCard 3.0/4.0 and delta sync."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
import vobject

from tests.factories.calendar import events_of

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "contacts"
ALICE = "alice@acme.test"
C = f"/v1/accounts/{ALICE}/contacts"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


@pytest.fixture
async def alice(org):
    return await org.add_account("alice")


async def _books(client, org):
    return (await client.get(C + "/address_books", headers=await org.headers())).json()["data"]


async def _import(client, org, book_id: str, body: bytes):
    return await client.post(
        f"{C}/address_books/{book_id}/import",
        content=body,
        headers={**await org.headers(), "Content-Type": "text/vcard"},
    )


async def test_contact_lifecycle_with_events(client, org, alice):
    h = await org.headers()
    made = await client.post(
        C,
        headers=h,
        json={
            "given_name": "Wei",
            "family_name": "Zhang",
            "organization": "Acme",
            "emails": [
                {"address": "wei@trading.example", "type": "work"},
                {"address": "WEI@trading.example"},
            ],
            "phones": [{"number": "+86 138 0000 0000", "type": "mobile"}],
            "birthday": "1985-04-12",
        },
    )
    assert made.status_code == 201, made.text
    c = made.json()
    assert c["display_name"] == "Wei Zhang"
    assert c["emails"] == [{"address": "wei@trading.example", "type": "work", "primary": True}]
    assert (await events_of(org, "contacts.contact.created"))[-1] == {
        "id": c["id"],
        "account_id": alice.id,
        "address_book_id": c["address_book_id"],
    }
    patched = await client.patch(
        f"{C}/{c['id']}", headers=h, json={"title": "Manager", "phones": None}
    )
    assert patched.json()["title"] == "Manager" and patched.json()["phones"] == []
    found = await client.get(C, headers=h, params={"q": "zhang"})
    assert [x["id"] for x in found.json()["data"]] == [c["id"]]
    assert (await client.delete(f"{C}/{c['id']}", headers=h)).status_code == 204
    assert (await client.get(f"{C}/{c['id']}", headers=h)).status_code == 404
    assert (await events_of(org, "contacts.contact.deleted"))[-1]["id"] == c["id"]


@pytest.mark.parametrize(
    ("body", "param"),
    [
        ({"emails": [{"address": "nope"}]}, "emails[0].address"),
        ({"display_name": "x", "birthday": "12/04/1985"}, "birthday"),
        ({"display_name": "x", "account_id": "acc_x"}, "account_id"),
        ({}, "display_name"),
    ],
)
async def test_bad_contacts_are_422(client, org, alice, body, param):
    resp = await client.post(C, headers=await org.headers(), json=body)
    assert resp.status_code == 422, resp.text
    assert resp.json()["param"] == param


async def test_photo_round_trip_and_limits(client, org, alice):
    h = await org.headers()
    c = (await client.post(C, headers=h, json={"display_name": "Pic"})).json()
    put = await client.put(
        f"{C}/{c['id']}/photo", content=PNG, headers={**h, "Content-Type": "image/png"}
    )
    assert put.status_code == 204
    got = await client.get(f"{C}/{c['id']}/photo", headers=h)
    assert got.content == PNG and got.headers["content-type"] == "image/png"
    assert (await client.get(f"{C}/{c['id']}", headers=h)).json()["has_photo"] is True
    bad = await client.put(f"{C}/{c['id']}/photo", content=b"<svg/>", headers=h)
    assert bad.status_code == 422
    big = await client.put(f"{C}/{c['id']}/photo", content=PNG + b"\0" * 600_000, headers=h)
    assert big.status_code == 413
    assert (await client.delete(f"{C}/{c['id']}/photo", headers=h)).status_code == 204
    assert (await client.get(f"{C}/{c['id']}/photo", headers=h)).status_code == 404


async def test_address_books_and_groups(client, org, alice):
    h = await org.headers()
    default = (await _books(client, org))[0]
    assert default["is_default"]
    assert (await client.delete(f"{C}/address_books/{default['id']}", headers=h)).status_code == 409
    other = (await client.post(C + "/address_books", headers=h, json={"name": "Suppliers"})).json()
    a = (await client.post(C, headers=h, json={"display_name": "A"})).json()
    b = (
        await client.post(C, headers=h, json={"display_name": "B", "address_book_id": other["id"]})
    ).json()
    group = await client.post(
        C + "/groups", headers=h, json={"name": "Team", "member_ids": [a["id"]]}
    )
    assert group.status_code == 201 and group.json()["member_ids"] == [a["id"]]
    wrong_book = await client.post(
        C + "/groups", headers=h, json={"name": "X", "member_ids": [b["id"]]}
    )
    assert wrong_book.status_code == 422 and wrong_book.json()["param"] == "member_ids"
    members = await client.get(C, headers=h, params={"group_id": group.json()["id"]})
    assert [m["id"] for m in members.json()["data"]] == [a["id"]]
    assert (await client.get(f"{C}/{a['id']}", headers=h)).json()["group_ids"] == [
        group.json()["id"]
    ]
    assert (await client.delete(f"{C}/address_books/{other['id']}", headers=h)).status_code == 204
    assert (await client.get(f"{C}/{b['id']}", headers=h)).status_code == 404


async def test_import_apple_vcard_3_with_group_and_photo(client, org, alice):
    h = await org.headers()
    book = (await _books(client, org))[0]
    resp = await _import(client, org, book["id"], (FIXTURES / "apple_contacts_3.vcf").read_bytes())
    assert resp.status_code == 200, resp.text
    assert resp.json()["created"] == 2 and resp.json()["groups"] == 1
    listing = (await client.get(C, headers=h)).json()["data"]
    wei = next(c for c in listing if c["family_name"] == "Zhang")
    assert wei["emails"][0] == {
        "address": "wei.zhang@trading.example",
        "type": "work",
        "primary": True,
    }
    assert {p["type"] for p in wei["phones"]} == {"mobile", "work"}
    assert wei["addresses"][0]["city"] == "Shanghai" and wei["birthday"] == "1985-04-12"
    assert wei["organization"] == "Acme Trading" and wei["department"] == "Sales"
    assert wei["notes"] == "Met at the trade fair, 2029.\nPrefers WeChat."
    assert wei["has_photo"]
    photo = await client.get(f"{C}/{wei['id']}/photo", headers=h)
    assert photo.content == PNG
    groups = (await client.get(C + "/groups", headers=h)).json()["data"]
    assert groups[0]["name"] == "Suppliers" and len(groups[0]["member_ids"]) == 2
    again = await _import(client, org, book["id"], (FIXTURES / "apple_contacts_3.vcf").read_bytes())
    assert again.json()["created"] == 0 and again.json()["updated"] == 2


async def test_import_vcard_4_and_export_both_versions(client, org, alice):
    h = await org.headers()
    book = (await _books(client, org))[0]
    resp = await _import(client, org, book["id"], (FIXTURES / "contacts_4.vcf").read_bytes())
    assert resp.status_code == 200, resp.text
    jane = (await client.get(C, headers=h)).json()["data"][0]
    assert (
        jane["prefix"],
        jane["given_name"],
        jane["middle_name"],
        jane["family_name"],
        jane["suffix"],
    ) == ("Dr.", "Jane", "Q.", "Doe", "PhD")
    assert jane["phones"][0] == {"number": "+1-555-555-0100", "type": "mobile"}
    assert jane["birthday"] == "--04-12" and jane["has_photo"]
    for version in ("3.0", "4.0"):
        out = await client.get(
            f"{C}/address_books/{book['id']}/export", headers=h, params={"version": version}
        )
        assert out.status_code == 200
        cards = list(vobject.readComponents(out.text))
        person = next(c for c in cards if c.fn.value == "Jane Doe")
        assert person.version.value == version
        assert "jane.doe@example.com" in [e.value for e in person.contents["email"]]
        assert "PHOTO" in out.text
        assert any("group" in out.text.lower() for _ in [0])
    # and what we export imports back unchanged into another book
    other = (await client.post(C + "/address_books", headers=h, json={"name": "Copy"})).json()
    exported = await client.get(
        f"{C}/address_books/{book['id']}/export", headers=h, params={"version": "3.0"}
    )
    back = await _import(client, org, other["id"], exported.content)
    assert back.status_code == 200 and back.json()["created"] == 1 and back.json()["groups"] == 1
    copy = (await client.get(C, headers=h, params={"address_book_id": other["id"]})).json()["data"][
        0
    ]
    for key in (
        "display_name",
        "given_name",
        "family_name",
        "emails",
        "phones",
        "organization",
        "birthday",
        "notes",
        "has_photo",
    ):
        assert copy[key] == jane[key], key


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        (b"BEGIN:VCARD\nVERSION:3.0\nFN:A\nthis line is broken\nEND:VCARD\n", 4, "NAME:value"),
        (b"BEGIN:VCARD\nVERSION:3.0\nFN:A\n", 1, "never closed"),
        (b"BEGIN:VCARD\nVERSION:2.1\nFN:A\nEND:VCARD\n", 2, "VERSION 2.1"),
        (
            b"BEGIN:VCARD\nVERSION:3.0\nFN:A\nEND:VCARD\nBEGIN:VCARD\nVERSION:4.0\nN:;;;;\nEND:VCARD\n",
            5,
            "no FN",
        ),
        (
            b"BEGIN:VCARD\nVERSION:3.0\nFN:A\nPHOTO;ENCODING=b;TYPE=PNG:!!!notbase64\nEND:VCARD\n",
            4,
            "PHOTO",
        ),
    ],
)
async def test_malformed_vcards_are_422_naming_the_line_and_import_nothing(
    client, org, alice, body, line, words
):
    book = (await _books(client, org))[0]
    resp = await _import(client, org, book["id"], body)
    assert resp.status_code == 422, resp.text
    assert resp.json()["line"] == line and words in resp.json()["detail"]
    assert (await client.get(C, headers=await org.headers())).json()["data"] == []


async def test_oversized_vcf_is_413(client, org, alice):
    book = (await _books(client, org))[0]
    card = b"BEGIN:VCARD\nVERSION:3.0\nFN:" + b"x" * 300 + b"\nEND:VCARD\n"
    resp = await _import(client, org, book["id"], card * 4000)
    assert resp.status_code == 413


async def test_contact_changes_delta_sync(client, org, alice):
    h = await org.headers()
    state = (await client.get(C + "/changes", headers=h)).json()["new_state"]
    a = (await client.post(C, headers=h, json={"display_name": "A"})).json()
    b = (await client.post(C, headers=h, json={"display_name": "B"})).json()
    changes = (await client.get(C + "/changes", headers=h, params={"since": state})).json()
    assert sorted(changes["created"]) == sorted([a["id"], b["id"]])
    await client.patch(f"{C}/{a['id']}", headers=h, json={"nickname": "aa"})
    await client.delete(f"{C}/{b['id']}", headers=h)
    later = (
        await client.get(C + "/changes", headers=h, params={"since": changes["new_state"]})
    ).json()
    assert later["updated"] == [a["id"]] and later["deleted"] == [b["id"]]


async def test_contacts_are_private_to_their_owner(client, org, other_org, alice):
    from tests.factories.platform import user_tokens

    await org.add_account("bob")
    c = (await client.post(C, headers=await org.headers(), json={"display_name": "Secret"})).json()
    tokens = await user_tokens(org, "bob@acme.test", "contacts:read contacts:write")
    bob = {"Authorization": f"Bearer {tokens['access_token']}"}
    assert (await client.get(f"{C}/{c['id']}", headers=bob)).status_code == 404
    assert (await client.get(f"/v1/accounts/me/contacts/{c['id']}", headers=bob)).status_code == 404
    await other_org.add_account("eve")
    eve = await other_org.headers()
    for method, path in [
        ("GET", f"{C}/{c['id']}"),
        ("GET", f"/v1/accounts/eve@globex.test/contacts/{c['id']}"),
        ("PATCH", f"/v1/accounts/eve@globex.test/contacts/{c['id']}"),
        ("DELETE", f"/v1/accounts/eve@globex.test/contacts/{c['id']}"),
    ]:
        resp = await client.request(
            method, path, headers=eve, json={"nickname": "x"} if method == "PATCH" else None
        )
        assert resp.status_code == 404, (method, path)
