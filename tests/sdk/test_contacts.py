"""Contacts namespaces against a live server: address books, contacts with photos, contact
groups, vCard in and out, autocomplete, delta sync."""

from __future__ import annotations

import base64

import pytest
from mailplane_sdk import Mailplane, errors

from tests.sdk.conftest import Live

# 1x1 PNG
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def test_contacts_books_groups_and_vcards(mp: Mailplane, live: Live) -> None:
    owner = mp.accounts.create(address=f"liu.yang@{live.domain}", display_name="刘洋").address
    book = mp.contacts.address_books.create(owner, name="Partners")
    assert mp.contacts.address_books.get(owner, book.id).name == "Partners"
    assert (
        mp.contacts.address_books.update(owner, book.id, description="External").description
        == "External"
    )
    assert book.id in [b.id for b in mp.contacts.address_books.list(owner)]

    state = mp.contacts.changes(owner).new_state
    contact = mp.contacts.create(
        owner,
        address_book_id=book.id,
        display_name="赵敏",
        emails=[{"address": "zhao.min@partner.example", "primary": True}],
    )
    assert mp.contacts.get(owner, contact.id).display_name == "赵敏"
    assert mp.contacts.update(owner, contact.id, nickname="Min").nickname == "Min"
    assert [c.id for c in mp.contacts.list(owner, q="zhao")] == [contact.id]
    assert contact.id in mp.contacts.changes(owner, since=state).created

    mp.contacts.set_photo(owner, contact.id, PNG, content_type="image/png")
    assert mp.contacts.get_photo(owner, contact.id) == PNG
    mp.contacts.delete_photo(owner, contact.id)
    with pytest.raises(errors.NotFound):
        mp.contacts.get_photo(owner, contact.id)

    card = mp.contacts.vcard(owner, contact.id, version="4.0")
    assert "BEGIN:VCARD" in card and "zhao.min@partner.example" in card
    group = mp.contacts.groups.create(
        owner, name="VIP", address_book_id=book.id, member_ids=[contact.id]
    )
    assert mp.contacts.groups.get(owner, group.id).member_ids == [contact.id]
    assert mp.contacts.groups.update(owner, group.id, name="VIPs").name == "VIPs"
    assert [g.id for g in mp.contacts.groups.list(owner)] == [group.id]
    mp.contacts.groups.delete(owner, group.id)

    suggestions = mp.contacts.autocomplete(q="zhao", account=owner)
    assert "zhao.min@partner.example" in [s.address for s in suggestions.data]

    exported = mp.contacts.address_books.export(owner, book.id)
    other = mp.contacts.address_books.create(owner, name="Copy")
    result = mp.contacts.address_books.import_vcards(owner, other.id, exported)
    assert result.created == 1
    mp.contacts.delete(owner, contact.id)
    with pytest.raises(errors.NotFound):
        mp.contacts.get(owner, contact.id)
    mp.contacts.address_books.delete(owner, other.id)
    assert other.id not in [b.id for b in mp.contacts.address_books.list(owner)]
