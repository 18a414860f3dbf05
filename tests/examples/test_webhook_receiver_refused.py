"""On a server that keeps its SSRF defence (the default), examples/webhook_receiver.py
cannot register a plain-http loopback URL: it says why and how to start the demo, exits 1,
and leaves no endpoint behind."""

from __future__ import annotations

from tests.examples.demo_server import DemoServer
from tests.live_server import free_port

SERVER_ENV = {"MAILPLANE_WEBHOOKS_ALLOW_PRIVATE": "false"}


def test_loopback_registration_is_refused_with_a_hint(demo: DemoServer) -> None:
    receiver = demo.start("webhook_receiver.py", "--register", "--port", str(free_port()))
    assert receiver.wait(timeout=60) == 1, receiver.output
    assert "could not register" in receiver.output and "validation_failed" in receiver.output
    assert "MAILPLANE_WEBHOOKS_ALLOW_PRIVATE=true make run" in receiver.output
    with demo.admin_client() as api:
        assert api.get("/v1/webhooks").json()["data"] == []
