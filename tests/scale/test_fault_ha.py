"""The whole installation under faults: two processes of every role (api behind HAProxy,
smtp, imap, worker), each with a data directory of its own, on one PostgreSQL primary with
a synchronous streaming replica (started by the test on other ports) and blobs in the
database (`postgresql:`, replicated with it). SMTP intake, API sends (with Idempotency-Key,
retried as clients do), webhook deliveries to a loopback receiver and two event-stream
readers run while the test SIGKILLs one process of each role, then crashes the primary and
promotes the replica.

Asserted: every acknowledged message is stored exactly once and readable through every
process (the REST API of both api processes, IMAP on both imap processes, once the killed
ones are restarted); every committed event reaches the webhook receiver at least once, every
arrival of one event carrying the same webhook-id, and reaches both stream readers; no 5xx
outside the failover window (primary crash → 10 s after promotion); service (API and SMTP)
back within 10 s of the promotion. Bounded: the load runs about 25 s, the waits are capped.
"""

from __future__ import annotations

import asyncio
import imaplib
import json
import os
import re
import smtplib
import ssl
import subprocess
import threading
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from api.app import create_app
from api.config import Settings
from api.runtime import Runtime
from api.storage.migrate import upgrade_async
from api.storage.models import Account, Event, MailMessage
from tests.factories.platform import ADMIN_PASSWORD, make_org
from tests.factories.webhooks import make_endpoint
from tests.live_server import free_port
from tests.scale.pg_cluster import Cluster, primary_with_sync_replica, promote, requires_clusters
from tests.scale.processes import RoleProcess, role_env
from tests.scale.test_failover import _wait_smtp as wait_port

# Two processes of every role plus two PostgreSQL clusters: minutes of a 2-core machine, so
# opt-in; test_replica_failover keeps the failover promise in every PostgreSQL CI run.
pytestmark = [
    requires_clusters,
    pytest.mark.scale,
    pytest.mark.skipif(
        os.environ.get("MAILPLANE_SCALE_TESTS") != "1",
        reason="issue-sized: set MAILPLANE_SCALE_TESTS=1",
    ),
]

CONFIG = Path(__file__).parents[2] / "deploy" / "haproxy" / "haproxy.cfg"
BACK_WITHIN = 10.0
ALICE, BOB = "alice@acme.test", "bob@acme.test"


# -- the loopback webhook receiver ------------------------------------------------------

class Receiver(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        self.arrivals: list[tuple[str, str]] = []  # (event id, webhook-id)
        self.lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), _Hook)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/hook"


class _Hook(BaseHTTPRequestHandler):
    server: Receiver

    def do_POST(self) -> None:  # noqa: N802
        body = self.rfile.read(int(self.headers.get("content-length") or 0))
        event = json.loads(body)
        with self.server.lock:
            self.server.arrivals.append((str(event.get("id")), self.headers["webhook-id"]))
        self.send_response(200)
        self.send_header("content-length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        return None


def _what(kind: str, resp: httpx.Response) -> str:
    """What a request was, and for a 5xx who answered it (the api's problem code, or the
    balancer's own page), for the failure report."""
    if resp.status_code < 500:
        return kind
    return f"{kind} {resp.headers.get('content-type', '')} {resp.text[:120]!r}"


# -- load generators (threads; blocking clients as real ones are) -------------------------

class Load:
    def __init__(self, lb: str, smtp_ports: list[int], auth: dict[str, str]) -> None:
        self.lb, self.smtp_ports, self.auth = lb, smtp_ports, auth
        self.halt = threading.Event()
        self.statuses: list[tuple[float, int, str]] = []  # (monotonic time, status, what)
        self.smtp_acked: list[str] = []
        self.smtp_acked_at: list[float] = []  # monotonic time of each 250
        self.smtp_refused = 0
        self.api_acked: list[str] = []
        self.api_unknown: list[str] = []
        self.seen: list[set[int]] = [set(), set()]  # event sequences per stream reader
        self.threads = [threading.Thread(target=self.smtp, daemon=True),
                        threading.Thread(target=self.sends, daemon=True),
                        threading.Thread(target=self.reads, daemon=True),
                        *(threading.Thread(target=self.stream, args=(n,), daemon=True)
                          for n in (0, 1))]
        self.after = 0

    def start(self, after: int) -> None:
        self.after = after
        for thread in self.threads:
            thread.start()

    def stop(self) -> None:
        self.halt.set()
        for thread in self.threads[:3]:
            thread.join(60)

    def note(self, status: int, what: str) -> None:
        self.statuses.append((time.monotonic(), status, what))

    def smtp(self) -> None:
        n = 0
        while not self.halt.is_set():
            n += 1
            subject = f"smtp-{n}"
            port = self.smtp_ports[n % 2]  # two MX hosts; a refused one is tried next turn
            try:
                with smtplib.SMTP("127.0.0.1", port, timeout=20) as smtp:
                    smtp.sendmail("s@example.net", [ALICE],
                                  f"From: s@example.net\r\nTo: {ALICE}\r\nSubject: {subject}\r\n"
                                  f"Message-ID: <{subject}.{uuid.uuid4().hex}@example.net>"
                                  f"\r\n\r\nbody of {subject}\r\n")
                self.smtp_acked.append(subject)
                self.smtp_acked_at.append(time.monotonic())
            except (OSError, smtplib.SMTPException):
                self.smtp_refused += 1
                time.sleep(0.05)

    def sends(self) -> None:
        n = 0
        with httpx.Client(base_url=self.lb, timeout=30) as http:
            while not self.halt.is_set():
                n += 1
                subject = f"api-{n}"
                key = uuid.uuid4().hex
                for _attempt in range(100):  # the same Idempotency-Key until an answer
                    try:
                        resp = http.post(f"/v1/accounts/{BOB}/mail/send",
                                         headers={**self.auth, "Idempotency-Key": key},
                                         json={"to": [{"address": ALICE}], "subject": subject,
                                               "text": f"body of {subject}"})
                    except httpx.TransportError as exc:
                        self.note(599, f"send {type(exc).__name__}")
                        time.sleep(0.2)
                        continue
                    self.note(resp.status_code, _what("send", resp))
                    if resp.status_code in (200, 201, 202):
                        self.api_acked.append(subject)
                        break
                    if resp.status_code == 409 and resp.json().get("code") == (
                            "idempotency_response_lost"):
                        self.api_unknown.append(subject)  # committed, answer lost
                        break
                    time.sleep(float(resp.headers.get("retry-after", "0.2") or 0.2))
                time.sleep(0.05)

    def reads(self) -> None:
        with httpx.Client(base_url=self.lb, timeout=30) as http:
            while not self.halt.is_set():
                try:
                    resp = http.get(f"/v1/accounts/{ALICE}/mail/messages",
                                    params={"limit": 5}, headers=self.auth)
                    self.note(resp.status_code, _what("read", resp))
                except httpx.TransportError as exc:
                    self.note(599, f"read {type(exc).__name__}")
                time.sleep(0.1)

    def stream(self, n: int) -> None:
        last = self.after
        with httpx.Client(base_url=self.lb, timeout=httpx.Timeout(30, read=60)) as http:
            while True:
                try:
                    with http.stream("GET", "/v1/events/stream", params={"after": last},
                                     headers=self.auth) as resp:
                        self.note(resp.status_code, "stream")
                        if resp.status_code != 200:
                            time.sleep(0.5)
                            continue
                        for line in resp.iter_lines():
                            if line.startswith("id:"):
                                last = int(line[3:].strip())
                                self.seen[n].add(last)
                except (httpx.TransportError, httpx.StreamError):
                    time.sleep(0.2)
                if self.halt.is_set() and self.done_streaming.is_set():
                    return

    done_streaming = threading.Event()


# -- the installation ---------------------------------------------------------------------

class Installation:
    def __init__(self, settings: Settings, root: Path, hook_lease: float) -> None:
        self.root = root
        self.smtp_ports = [free_port(), free_port()]
        self.imap_ports = [free_port(), free_port()]
        self.procs: dict[str, list[RoleProcess]] = {}
        for role in ("api", "smtp", "imap", "worker"):
            self.procs[role] = []
            for n in (0, 1):
                env = role_env(
                    settings, smtp_port=self.smtp_ports[n], submission_port=-1,
                    submissions_port=-1, imap_port=self.imap_ports[n], imaps_port=-1,
                    pop3_port=-1, pop3s_port=-1, mail_host="mx.acme.test",
                    webhooks_allow_private="true", webhooks_lease_seconds=hook_lease,
                    token_cache_seconds=5)
                env["MAILPLANE_DATA_DIR"] = str(root / f"{role}{n + 1}")  # no shared disk
                self.procs[role].append(RoleProcess(role, env, root / f"{role}{n + 1}.log"))
        self.lb_port = free_port()
        self.proxy: subprocess.Popen[bytes] | None = None

    @property
    def lb(self) -> str:
        return f"http://127.0.0.1:{self.lb_port}"

    def start(self) -> None:
        for group in self.procs.values():
            for proc in group:
                proc.start(wait=False)
        apis = self.procs["api"]
        self.proxy = subprocess.Popen(
            ["haproxy", "-db", "-f", str(CONFIG)],
            env={**os.environ, "MAILPLANE_LB_BIND": f"127.0.0.1:{self.lb_port}",
                 "MAILPLANE_API_1": f"127.0.0.1:{apis[0].port}",
                 "MAILPLANE_API_2": f"127.0.0.1:{apis[1].port}"},
            stdout=(self.root / "haproxy.log").open("wb"), stderr=subprocess.STDOUT)
        for api in apis:
            api.wait_ready()
        for port in (*self.smtp_ports, *self.imap_ports):
            asyncio.run(wait_port(port, 900))

    def stop(self) -> None:
        if self.proxy is not None:
            self.proxy.terminate()
            self.proxy.wait(10)
        for group in self.procs.values():
            for proc in group:
                proc.stop()


def _first_ok(check, timeout: float) -> float:  # type: ignore[no-untyped-def]
    """Seconds until `check()` first returns True (AssertionError past `timeout`)."""
    began = time.monotonic()
    last: object = None
    while True:
        try:
            last = check()
            if last is True:
                return time.monotonic() - began
        except Exception as exc:
            last = exc
        assert time.monotonic() - began < timeout, f"not back in time: {last!r}"
        time.sleep(0.05)


def _ok(response: httpx.Response) -> bool | str:
    return True if response.status_code == 200 else f"{response.status_code} {response.text}"


def _imap_subjects(port: int) -> list[str]:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    client = imaplib.IMAP4("127.0.0.1", port, timeout=60)
    client.starttls(context)
    client.login(ALICE, ADMIN_PASSWORD)
    subjects: list[str] = []
    _, folders = client.list()
    for line in folders:  # every folder: intake may file some as junk
        name = re.match(rb'^\(.*?\) (?:"."|NIL) (.+)$', line).group(1)  # type: ignore[union-attr]
        typ, count = client.select(name.decode(), readonly=True)
        if typ != "OK" or count[0] in (b"0", None):
            continue
        typ, data = client.uid("FETCH", "1:*", "(BODY.PEEK[HEADER.FIELDS (SUBJECT)])")
        assert typ == "OK"
        subjects += [part[1].decode().split(":", 1)[1].strip()
                     for part in data if isinstance(part, tuple)]
    client.logout()
    return subjects


def _api_subjects(url: str, auth: dict[str, str]) -> list[str]:
    subjects: list[str] = []
    with httpx.Client(base_url=url, timeout=60) as http:
        cursor = None
        while True:
            params: dict[str, str | int] = {"limit": 100}
            if cursor:
                params["cursor"] = cursor
            page = http.get(f"/v1/accounts/{ALICE}/mail/messages", params=params, headers=auth)
            assert page.status_code == 200, page.text
            body = page.json()
            subjects += [m["subject"] for m in body["data"]]
            cursor = body.get("next_cursor")
            if not cursor:
                return subjects


@pytest.fixture
def clusters() -> Iterator[tuple[Cluster, Cluster]]:
    primary, replica = primary_with_sync_replica()
    try:
        yield primary, replica
    finally:
        replica.destroy()
        primary.destroy()


async def test_every_role_loses_a_process_then_the_primary_fails_over(clusters, tmp_path):
    primary, replica = clusters
    url = (f"postgresql+psycopg://postgres@/postgres?host=127.0.0.1:{primary.port}"
           f"&host=127.0.0.1:{replica.port}&target_session_attrs=read-write")
    settings = Settings(database_url=url, data_dir=tmp_path / "setup", blob_url="postgresql:",
                        secret_key="test-secret-key-not-for-production", mail_host="mx.acme.test")
    await upgrade_async(settings.effective_database_url)
    runtime = Runtime.build(settings)
    receiver = Receiver()
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    app = create_app(settings, runtime=runtime, migrate=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://testserver") as local:
        org = await make_org(runtime, local, name="Acme", domain="acme.test")
        await org.add_account("alice")
        await org.add_account("bob")
        auth = await org.headers()
        await make_endpoint(org, receiver.url)
    async with runtime.db.session(write=False) as session:
        head = int(await session.scalar(
            select(func.coalesce(func.max(Event.sequence), 0)).where(Event.org_id == org.id)))
    await runtime.db.dispose()

    site = Installation(settings, tmp_path, hook_lease=5)
    load = Load(site.lb, site.smtp_ports, auth)
    try:
        await asyncio.to_thread(site.start)
        await asyncio.to_thread(_first_ok, lambda: httpx.get(
            site.lb + "/readyz", timeout=5).status_code == 200, 60)
        load.start(head)
        # until every kind of traffic has had answers (bounded; a loaded machine is slow)
        await asyncio.to_thread(_first_ok, lambda: len(load.smtp_acked) >= 5 and len(
            load.api_acked) >= 3 and all(load.seen), 180)

        for role in ("api", "smtp", "imap", "worker"):  # one process of each role
            site.procs[role][0].kill()
        killed = time.monotonic()
        # the survivors carry the traffic: new SMTP and API acknowledgements, a webhook
        # delivered by the surviving worker, and at least 6 s of it (HAProxy's checks have
        # marked the dead api down by then, so the primary crash meets the settled shape)
        smtp_at, api_at = len(load.smtp_acked), len(load.api_acked)
        with receiver.lock:
            hooks_at = len(receiver.arrivals)
        await asyncio.to_thread(_first_ok, lambda: time.monotonic() - killed >= 6 and len(
            load.smtp_acked) >= smtp_at + 2 and len(load.api_acked) >= api_at + 2 and len(
            receiver.arrivals) > hooks_at, 120)

        crashed = time.monotonic()
        await asyncio.to_thread(primary.stop, "immediate")
        await asyncio.sleep(2)
        await asyncio.to_thread(promote, replica)
        promoted = time.monotonic()
        api_back = await asyncio.to_thread(_first_ok, lambda: _ok(httpx.get(
            f"{site.lb}/v1/accounts/{ALICE}/mail/messages", headers=auth, timeout=5)), 30)
        # SMTP: from the promotion to the first 250 after it (the intake thread's own clock)
        await asyncio.to_thread(_first_ok, lambda: any(
            t > promoted for t in load.smtp_acked_at), 30)
        smtp_back = min(t for t in load.smtp_acked_at if t > promoted) - promoted
        window_end = promoted + BACK_WITHIN
        await asyncio.sleep(max(0.0, window_end - time.monotonic()) + 4)
        load.stop()

        # the killed api and imap processes come back (against the promoted server)
        for role in ("api", "imap"):
            site.procs[role][0].start(wait=False)
        site.procs["api"][0].wait_ready()
        await wait_port(site.imap_ports[0], 900)

        after = Runtime.build(settings)
        try:
            async with after.db.session(write=False) as session:
                alice_id = await session.scalar(select(Account.id).where(
                    Account.address == ALICE))
                stored = Counter((await session.execute(select(MailMessage.subject).where(
                    MailMessage.account_id == alice_id))).scalars())
                events = dict((await session.execute(select(Event.id, Event.sequence).where(
                    Event.org_id == org.id, Event.sequence > head))).all())
        finally:
            await after.db.dispose()

        # webhooks: every committed event at least once, one webhook-id per event
        def delivered() -> bool:
            with receiver.lock:
                return set(events) <= {e for e, _ in receiver.arrivals}
        await asyncio.to_thread(_first_ok, delivered, 120)
        # stream readers: every committed event (they resume with the last id they saw)
        await asyncio.to_thread(_first_ok, lambda: all(
            set(events.values()) <= seen for seen in load.seen), 60)
        load.done_streaming.set()

        # readable through every process: both api processes and both imap processes
        through = {f"api{n + 1}": await asyncio.to_thread(_api_subjects, api.url, auth)
                   for n, api in enumerate(site.procs["api"])}
        through |= {f"imap{n + 1}": await asyncio.to_thread(_imap_subjects, port)
                    for n, port in enumerate(site.imap_ports)}
    except BaseException:
        for log in sorted(tmp_path.glob("*.log")):  # what each process said, for the report
            print(f"--- {log.name}\n{log.read_text(errors='replace')[-3000:]}")
        raise
    finally:
        load.halt.set()
        load.done_streaming.set()
        await asyncio.to_thread(site.stop)
        receiver.shutdown()

    # every acknowledged message stored exactly once
    acked = [*load.smtp_acked, *load.api_acked]
    assert not [s for s in acked if stored[s] != 1], {s: stored[s] for s in acked
                                                      if stored[s] != 1}
    assert all(n == 1 for n in stored.values())  # nothing, acknowledged or not, twice
    for name, subjects in through.items():
        assert Counter(subjects) == stored, name
    hook_ids: dict[str, set[str]] = defaultdict(set)
    for event_id, hook_id in receiver.arrivals:
        hook_ids[event_id].add(hook_id)
    assert all(len(ids) == 1 for ids in hook_ids.values())
    # no 5xx outside the failover window; back within 10 s of the promotion
    outside = [(round(t - crashed, 2), s, w) for t, s, w in load.statuses
               if s >= 500 and not crashed <= t <= window_end]
    assert not outside, (outside, f"killed at {round(killed - crashed, 2)}",
                         (tmp_path / "haproxy.log").read_text(errors="replace")[-3000:])
    assert api_back < BACK_WITHIN and smtp_back < BACK_WITHIN, (api_back, smtp_back)
    assert len(load.smtp_acked) >= 5 and len(load.api_acked) >= 3, (
        len(load.smtp_acked), len(load.api_acked))  # the faults met real traffic
    print(json.dumps({"smtp_acked": len(load.smtp_acked), "api_acked": len(load.api_acked),
                      "events": len(events), "webhook_arrivals": len(receiver.arrivals),
                      "api_back_s": round(api_back, 2), "smtp_back_s": round(smtp_back, 2)}))
