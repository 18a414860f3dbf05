"""Platform namespaces against a live server: webhooks delivered to a local receiver and
verified, the event log (pages, one event, types, live stream), migrations, directory import and
export, GraphQL, health and metrics. Background jobs are run here, in the test process."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from mailplane_sdk import EventStream, Mailplane, PlatformEvent, errors, verify_webhook

from api.platform.webhooks.dispatcher import Dispatcher
from api.runtime import Runtime
from api.worker.runner import run_once
from tests.live_server import free_port
from tests.sdk.conftest import Live


@pytest.fixture(scope="module")
def server_options() -> dict[str, object]:
    return {"webhooks_allow_private": True, "migration_allow_private": True}


def background(live: Live) -> None:
    """What the worker role would do now: due jobs, then webhook deliveries."""

    async def run() -> None:
        runtime = Runtime.build(live.settings)
        dispatcher = Dispatcher(runtime)
        try:
            while await run_once(runtime, "sdk-tests"):
                pass
            await dispatcher.step()
        finally:
            await dispatcher.aclose()
            await runtime.db.dispose()

    asyncio.run(run())


class Receiver:
    """An HTTP endpoint on loopback that keeps what it is sent."""

    def __init__(self) -> None:
        self.received: list[tuple[dict[str, str], bytes]] = []
        received = self.received

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers["content-length"]))
                payload = json.loads(body)
                if payload.get("type") == "endpoint.verification":
                    echo = json.dumps({"challenge": payload["challenge"]}).encode()
                    self.send_response(200)
                    self.send_header("content-length", str(len(echo)))
                    self.end_headers()
                    self.wfile.write(echo)
                    return
                received.append(({k.lower(): v for k, v in self.headers.items()}, body))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.port = free_port()
        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks"


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    r.thread.start()
    yield r
    r.server.shutdown()


def test_webhooks_are_delivered_signed_and_managed(
    mp: Mailplane, live: Live, receiver: Receiver
) -> None:
    hook = mp.webhooks.create(
        url=receiver.url, event_types=["directory.account.*"], description="HR"
    )
    assert hook.secret.startswith("whsec_")
    assert mp.webhooks.get(hook.id).description == "HR"
    assert hook.id in [w.id for w in mp.webhooks.list()]
    made = mp.accounts.create(address=f"hooked@{live.domain}", display_name="Hooked")
    background(live)
    assert receiver.received, "no delivery"
    headers, body = receiver.received[0]
    event = verify_webhook(body, headers, hook.secret)
    assert event["type"] == "directory.account.created" and event["data"]["id"] == made.id

    deliveries = list(mp.webhooks.deliveries(hook.id))
    assert deliveries and deliveries[0].event_id == event["id"]
    attempts = list(mp.webhooks.attempts(hook.id))
    assert attempts and attempts[0].status_code == 204
    assert [a.id for a in mp.events.attempts(event["id"])] == [a.id for a in attempts]
    redelivered = mp.webhooks.redeliver(hook.id, event_id=event["id"])
    assert redelivered.event_id == event["id"]
    tested = mp.webhooks.send_test(hook.id)
    assert tested.event_type == "webhook.endpoint.test" and tested.endpoint_id == hook.id
    replay = mp.webhooks.replay(hook.id, from_sequence=1, to_sequence=event["sequence"])
    assert replay.queued >= 1
    background(live)
    assert len(receiver.received) >= 3

    rotated = mp.webhooks.rotate_secret(hook.id)
    assert rotated.secret != hook.secret
    assert mp.webhooks.update(hook.id, description="HR sync").description == "HR sync"
    assert mp.webhooks.disable(hook.id).status == "disabled"
    assert mp.webhooks.enable(hook.id).status == "enabled"
    mp.webhooks.delete(hook.id)
    with pytest.raises(errors.NotFound):
        mp.webhooks.get(hook.id)


def test_event_log_pages_and_stream(mp: Mailplane, live: Live) -> None:
    head = max((e.sequence for e in mp.events.list(after=0)), default=0)
    for n in range(3):
        mp.departments.create(name=f"Events {n}")
    new = list(mp.events.list(after=head, types="directory.department.*", limit=1))
    assert [e.type for e in new] == ["directory.department.created"] * 3
    assert isinstance(new[0], PlatformEvent) and new[0]["type"] == new[0].type
    assert mp.events.get(new[0].id).sequence == new[0].sequence
    assert "directory.department.created" in [t.type_ for t in mp.events.types()]

    stream = mp.events.stream(types=["directory.department.*"], after=head, read_timeout=10)
    assert isinstance(stream, EventStream)
    seen = []
    for event in stream:
        seen.append(event.sequence)
        if len(seen) == 3:
            stream.close()
    assert seen == [e.sequence for e in new] and stream.last_sequence == seen[-1]


def test_directory_import_and_export(mp: Mailplane, live: Live) -> None:
    template = mp.imports.template(format="csv")
    assert b"address" in template.splitlines()[0]
    csv = (
        f"address,display_name\nimp1@{live.domain},导入一\nimp2@{live.domain},Import Two\n".encode()
    )
    job = mp.imports.create(csv, filename="people.csv")
    assert job.status.value == "queued"
    background(live)
    done = mp.imports.get(job.id)
    assert done.status.value == "completed" and done.counts.created == 2
    assert [r.status.value for r in mp.imports.rows(job.id)] == ["created", "created"]
    links = mp.imports.activation_links(job.id)  # rows imported without a password
    assert sorted(link.address for link in links.items) == [f"imp1@{live.domain}",
                                                           f"imp2@{live.domain}"]
    exported = mp.imports.export(format="csv")
    assert f"imp1@{live.domain}".encode() in exported


def test_migrations(mp: Mailplane, live: Live) -> None:
    target = mp.accounts.create(address=f"migrated@{live.domain}", display_name="Migrated").address
    source = {
        "host": "127.0.0.1",
        "port": free_port(),
        "security": "none",
        "username": "u",
        "password": "p",
    }
    migration = mp.migrations.create(accounts=[{"account": target, "source": source}])
    assert migration.id in [m.id for m in mp.migrations.list()]
    assert mp.migrations.get(migration.id).id == migration.id
    assert [a.account_id for a in mp.migrations.accounts(migration.id)] != []
    assert isinstance(list(mp.migrations.failures(migration.id)), list)
    cancelled = mp.migrations.cancel(migration.id)
    assert cancelled.status.value in {"cancelled", "cancelling"}


def test_graphql(mp: Mailplane, live: Live) -> None:
    data = mp.graphql(
        "query Q($n: Int!) { me { orgName scopes } apps(limit: $n) { data { id name } } }", {"n": 5}
    )
    assert data["me"]["orgName"] == "Acme" and data["apps"]["data"]
    with pytest.raises(errors.GraphQLError) as info:
        mp.graphql("{ noSuchField }")
    assert info.value.errors and "noSuchField" in info.value.errors[0]["message"]


def test_server_health_and_escape_hatch(mp: Mailplane) -> None:
    assert mp.server.health().to_dict()
    assert mp.server.readiness() is not None
    assert "mailplane" in mp.server.metrics() or "# TYPE" in mp.server.metrics()
    me = mp.request("GET", "/v1/me")
    assert me["org_name"] == "Acme"
    with pytest.raises(errors.NotFound) as info:
        mp.request("GET", "/v1/accounts/nobody@nowhere.test")
    assert info.value.request_id
