"""GraphQL parity: the same services answer over /graphql."""

from __future__ import annotations

from tests.factories.calendar import make_event, make_room


async def _gql(client, org, query: str, **variables):
    resp = await client.post(
        "/graphql", json={"query": query, "variables": variables}, headers=await org.headers()
    )
    assert resp.status_code == 200, resp.text
    return resp.json()


async def test_create_list_update_and_cancel_over_graphql(client, org):
    await org.add_account("alice")
    await org.add_account("bob")
    created = await _gql(
        client,
        org,
        """mutation($input: CalendarEventInput!) {
        createCalendarEvent(account: "alice@acme.test", input: $input) {
          id title timeZone start attendees { address response } recurrence { rrule } } }""",
        input={
            "title": "Weekly",
            "start": "2030-01-06T09:00:00",
            "end": "2030-01-06T10:00:00",
            "timeZone": "Asia/Shanghai",
            "recurrence": {"rrule": "FREQ=WEEKLY;COUNT=3"},
            "attendees": [{"address": "bob@acme.test"}],
        },
    )
    ev = created["data"]["createCalendarEvent"]
    assert (
        ev["start"] == "2030-01-06T09:00:00+08:00"
        and ev["recurrence"]["rrule"] == "FREQ=WEEKLY;COUNT=3"
    )
    listed = await _gql(
        client,
        org,
        """query { calendarEvents(account: "bob@acme.test",
        start: "2030-01-01T00:00:00Z", end: "2030-02-01T00:00:00Z") { data { id response } } }""",
    )
    bobs = listed["data"]["calendarEvents"]["data"]
    assert [b["response"] for b in bobs] == ["needs_action"] * 3
    answered = await _gql(
        client,
        org,
        """mutation($id: ID!) { respondToCalendarEvent(
        account: "bob@acme.test", id: $id, response: "accepted") { response } }""",
        id=bobs[0]["id"],
    )
    assert answered["data"]["respondToCalendarEvent"]["response"] == "accepted"
    moved = await _gql(
        client,
        org,
        """mutation($id: ID!) { updateCalendarEvent(account: "alice@acme.test",
        id: $id, scope: "this", input: {title: "Moved"}) { id title isException } }""",
        id=f"{ev['id']}.20300113T010000Z",
    )
    assert moved["data"]["updateCalendarEvent"]["isException"] is True
    cancelled = await _gql(
        client,
        org,
        """mutation($id: ID!) {
        cancelCalendarEvent(account: "alice@acme.test", id: $id) }""",
        id=ev["id"],
    )
    assert cancelled["data"]["cancelCalendarEvent"] is True


async def test_graphql_errors_carry_codes(client, org):
    await org.add_account("alice")
    bad = await _gql(
        client,
        org,
        """mutation { createCalendarEvent(account: "alice@acme.test",
        input: {start: "2030-01-01T10:00:00", end: "2030-01-01T09:00:00"}) { id } }""",
    )
    assert bad["errors"][0]["extensions"]["code"] == "validation_failed"
    zone = await _gql(
        client,
        org,
        """mutation { createCalendarEvent(account: "alice@acme.test",
        input: {start: "2030-01-01T10:00:00", end: "2030-01-01T11:00:00",
        timeZone: "Nowhere/X"}) { id } }""",
    )
    assert zone["errors"][0]["extensions"]["param"] == "time_zone"


async def test_freebusy_rooms_and_contacts_over_graphql(client, org):
    await org.add_account("alice")
    room = await make_room(org, name="Everest")
    await make_event(org, "alice@acme.test")
    fb = await _gql(
        client,
        org,
        """query { freebusy(start: "2030-03-04T00:00:00Z",
        end: "2030-03-05T00:00:00Z", attendees: ["alice@acme.test"]) {
        attendee busy { start status } } }""",
    )
    assert fb["data"]["freebusy"][0]["busy"][0]["start"] == "2030-03-04T09:00:00+00:00"
    rooms = await _gql(client, org, 'query { rooms(q: "ever") { data { id name } } }')
    assert rooms["data"]["rooms"]["data"] == [{"id": room["id"], "name": "Everest"}]
    made = await _gql(
        client,
        org,
        """mutation { createContact(account: "alice@acme.test",
        input: {givenName: "Wei", familyName: "Zhang", emails: [{address: "wei@x.example"}]}) {
        id displayName emails { address primary } } }""",
    )
    contact = made["data"]["createContact"]
    assert contact["displayName"] == "Wei Zhang" and contact["emails"][0]["primary"] is True
    found = await _gql(
        client,
        org,
        """query { autocomplete(q: "wei", account: "alice@acme.test") {
        kind address } }""",
    )
    assert found["data"]["autocomplete"] == [{"kind": "contact", "address": "wei@x.example"}]
