"""SSRF defence: private and special addresses refused (IPv4-mapped and NAT64 unwrapped),
the connection pinned to the address that was checked, nothing sent to internal hosts."""

from __future__ import annotations

import ipaddress

import httpcore
import httpx
import pytest

from api.kit import ssrf
from tests.events.helpers import deliveries, dispatcher
from tests.factories.webhooks import emit_events, make_endpoint


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "198.18.0.1",
        "::1",
        "fe80::1",
        "fc00::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "64:ff9b::a9fe:a9fe",
        "2002:7f00:0001::1",
        "::127.0.0.1",
        "::",
    ],
)
def test_private_and_special_addresses_are_not_public(address):
    assert not ssrf.is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"])
def test_global_addresses_are_public(address):
    assert ssrf.is_public(ipaddress.ip_address(address))


def test_ipv4_mapped_addresses_are_unwrapped():
    assert ssrf.unwrap(ipaddress.ip_address("::ffff:169.254.169.254")) == ipaddress.ip_address(
        "169.254.169.254"
    )
    assert ssrf.unwrap(ipaddress.ip_address("64:ff9b::7f00:1")) == ipaddress.ip_address("127.0.0.1")


@pytest.mark.parametrize(
    "url",
    [
        "http://hooks.example/in",
        "https://127.0.0.1/x",
        "https://[::ffff:127.0.0.1]/x",
        "https://localhost/x",
        "https://metadata.internal/x",
        "https://user:pw@hooks.example/x",
        "ftp://hooks.example/x",
        "https:///nohost",
    ],
)
def test_urls_refused_at_creation_without_allow_private(url):
    with pytest.raises(ssrf.BlockedAddress):
        ssrf.check_url(url, allow_private=False)


def test_https_public_url_accepted_and_http_allowed_only_in_development():
    ssrf.check_url("https://hooks.example/in", allow_private=False)
    ssrf.check_url("http://127.0.0.1:8080/in", allow_private=True)


async def test_a_name_resolving_to_a_private_address_is_refused_before_connecting():
    async def resolver(host, port):
        return ["93.184.216.34", "10.0.0.7"]  # one bad answer spoils the lot

    with pytest.raises(ssrf.BlockedAddress):
        await ssrf.vetted_addresses("evil.example", 443, allow_private=False, resolver=resolver)


class RecordingBackend(httpcore.AsyncNetworkBackend):
    def __init__(self) -> None:
        self.connected: list[str] = []

    async def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        self.connected.append(host)
        raise httpcore.ConnectError("test backend does not connect")

    async def sleep(self, seconds):  # pragma: no cover
        pass


async def test_dns_rebinding_cannot_redirect_the_pinned_connection(receiver):
    answers = iter([["93.184.216.34"], ["127.0.0.1"], ["127.0.0.1"]])
    lookups = []

    async def rebinding(host, port):
        lookups.append(host)
        return next(answers)

    inner = RecordingBackend()
    client = ssrf.guarded_client(allow_private=False, timeout=2, resolver=rebinding, inner=inner)
    url = f"http://rebind.example:{receiver.port}/hook"
    async with client:
        with pytest.raises(httpx.ConnectError):
            await client.post(url, content=b"{}")
    # one lookup, checked, and the socket went to exactly the checked address
    assert lookups == ["rebind.example"]
    assert inner.connected == ["93.184.216.34"]
    assert receiver.requests == []


async def test_delivery_to_loopback_is_blocked_without_allow_private(org, receiver, runtime):
    runtime.settings.webhooks_allow_private = False
    ep, _ = await make_endpoint(org, receiver.url)
    ep6, _ = await make_endpoint(org, f"http://[::ffff:127.0.0.1]:{receiver.port}/hook")
    await emit_events(org, "directory.account.created", 1)
    d = dispatcher(runtime)
    await d.step()
    await d.aclose()
    assert receiver.requests == []
    for endpoint_id in (ep, ep6):
        [dl] = await deliveries(runtime, endpoint_id)
        assert dl.status == "pending" and "blocked" in (dl.last_error or "")


async def test_creating_an_endpoint_on_a_private_address_is_422(client, org, receiver, runtime):
    runtime.settings.webhooks_allow_private = False
    for url in (
        receiver.url,
        "https://127.0.0.1/x",
        "https://169.254.169.254/latest",
        "http://hooks.example/in",
    ):
        resp = await client.post("/v1/webhooks", json={"url": url}, headers=await org.headers())
        assert resp.status_code == 422, resp.text
        assert resp.json()["param"] == "url"
    assert receiver.requests == []
    listed = await client.get("/v1/webhooks", headers=await org.headers())
    assert listed.json()["data"] == []
