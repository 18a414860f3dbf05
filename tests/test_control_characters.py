"""Text that can reach a mail header or protocol line refuses control characters at the edge
(422 with `param`, REST and GraphQL), and a value stored before that rule never turns a
later send into a 500."""

from __future__ import annotations

import email
import email.policy
from types import SimpleNamespace

import pytest
from sqlalchemy import select, update

from api.calendar.invitations.imip import JOB as IMIP_JOB
from api.calendar.invitations.imip import queue as queue_imip
from api.storage.models import Account, Job

INJECTED = "Carol\r\nX-Injected: x"
ADMIN = "admin@acme.test"
CAL = f"/v1/accounts/{ADMIN}/calendar"
EVENT = {"start": "2030-03-04T09:00:00", "end": "2030-03-04T10:00:00", "time_zone": "UTC"}

CASES = [
    ("POST", "/v1/accounts", {"address": "carol@acme.test", "display_name": INJECTED,
                              "password": "a-long-enough-passphrase-42"}, "display_name"),
    ("PATCH", f"/v1/accounts/{ADMIN}", {"display_name": INJECTED}, "display_name"),
    ("PATCH", f"/v1/accounts/{ADMIN}", {"job_title": INJECTED}, "job_title"),
    ("POST", "/v1/groups", {"address": "team@acme.test", "name": INJECTED}, "name"),
    ("POST", "/v1/departments", {"name": INJECTED}, "name"),
    ("POST", "/v1/apps", {"name": INJECTED, "client_type": "confidential",
                          "scopes": ["mail:read"]}, "name"),
    ("POST", "/v1/calendar/rooms", {"name": INJECTED, "capacity": 4}, "name"),
    ("POST", f"{CAL}/events", {"title": INJECTED, **EVENT}, "title"),
    ("POST", f"{CAL}/calendars", {"name": INJECTED}, "name"),
    ("POST", f"/v1/accounts/{ADMIN}/contacts", {"display_name": INJECTED}, "display_name"),
    ("POST", f"/v1/accounts/{ADMIN}/contacts/groups", {"name": INJECTED}, "name"),
    ("POST", f"/v1/accounts/{ADMIN}/contacts/address_books", {"name": INJECTED}, "name"),
    ("POST", f"/v1/accounts/{ADMIN}/mail/folders", {"name": INJECTED}, "name"),
]


@pytest.mark.parametrize(("method", "path", "body", "param"), CASES,
                         ids=[f"{c[0]} {c[1]} {c[3]}" for c in CASES])
async def test_control_characters_are_422_with_param(client, org, method, path, body, param):
    resp = await client.request(method, path, json=body, headers=await org.headers())
    assert resp.status_code == 422, resp.text
    assert resp.json()["param"] == param


async def test_every_control_character_is_refused(client, org):
    for value in ["Carol\nBcc: x@evil.test", "Carol\rX", "a\x00b", "tab\there", "bell\x07",
                  "del\x7f", "ne\x85l", "l\u2028s", "Eve\u202egnp.exe", "a\u2066b\u2069"]:
        resp = await client.patch(f"/v1/accounts/{ADMIN}", json={"display_name": value},
                                  headers=await org.headers())
        assert resp.status_code == 422 and resp.json()["param"] == "display_name", repr(value)


async def test_ordinary_names_still_pass(client, org):
    for name in ["Zoë 张伟 O'Neil", "\u200fיעל כהן\u200f"]:  # RLM marks stay allowed
        resp = await client.patch(f"/v1/accounts/{ADMIN}", json={"display_name": name},
                                  headers=await org.headers())
        assert resp.status_code == 200 and resp.json()["display_name"] == name


async def test_graphql_refuses_the_same(client, org):
    query = ('mutation($id: ID!, $n: String!) { updateAccount(id: $id, input: {displayName: $n})'
             ' { id } }')
    resp = await client.post("/graphql", headers=await org.headers(),
                             json={"query": query, "variables": {"id": ADMIN, "n": INJECTED}})
    error = resp.json()["errors"][0]
    assert error["extensions"]["code"] == "validation_failed"
    assert error["extensions"]["param"] in ("display_name", "displayName", "input.displayName")


async def test_a_stored_bad_display_name_never_makes_a_send_fail(client, org):
    """Written before the rule (or by hand in the database): sends still work, and the name
    cannot split the From header."""
    async with org.runtime.db.session() as session:
        await session.execute(update(Account).where(Account.id == org.made.admin.id)
                              .values(display_name=INJECTED))
    bob = await org.add_account("bob")
    resp = await client.post(f"/v1/accounts/{ADMIN}/mail/send", headers=await org.headers(),
                             json={"to": [bob.address], "subject": "hi", "text": "hello"})
    assert resp.status_code == 202, resp.text
    raw = await client.get(f"/v1/accounts/{ADMIN}/mail/messages/{resp.json()['id']}/raw",
                           headers=await org.headers())
    parsed = email.message_from_bytes(raw.content, policy=email.policy.default)
    assert "X-Injected" not in parsed
    assert parsed["From"].addresses[0].addr_spec == ADMIN
    assert "Carol" in parsed["From"].addresses[0].display_name


async def test_a_stored_bad_event_title_gives_a_one_line_imip_subject(org):
    async with org.runtime.db.session() as session:
        sender = await session.get(Account, org.made.admin.id)
        row = SimpleNamespace(org_id=org.id, uid="uid-1", sequence=0, title=INJECTED)
        await queue_imip(session, row, sender, ["bob@example.net"], "REQUEST", b"BEGIN:VCALENDAR",
                         text={"en": "x", "zh-CN": "x"})
        job = await session.scalar(select(Job).where(Job.kind == IMIP_JOB))
    for subject in job.payload["subjects"].values():  # one subject per recipient language
        assert "\r" not in subject and "\n" not in subject and "Carol" in subject
