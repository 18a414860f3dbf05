"""Receive Mailplane webhooks in an OA system: verify every signature, process each event
once.

OA scenario: the OA server wants to hear at once when HR's accounts change or mail arrives,
without polling. Mailplane POSTs each event, signed the Standard Webhooks way
(`webhook-id`, `webhook-timestamp`, `webhook-signature`). This small FastAPI app

- answers the endpoint-verification challenge Mailplane sends when the endpoint is saved,
- refuses anything whose signature does not match the endpoint's `whsec_` secret, or whose
  timestamp is more than five minutes off (so an old capture cannot be replayed later),
- acknowledges a `webhook-id` it has already processed without processing it again
  (Mailplane retries until it gets a 2xx, so the same delivery may arrive twice).

Run it against `make run` (which serves on 127.0.0.1 and, being a demo, sets
MAILPLANE_WEBHOOKS_ALLOW_PRIVATE=true: a production server's SSRF defence refuses webhooks
to loopback and private addresses). In a second terminal, let the receiver register itself
and listen:

    .venv/bin/python examples/webhook_receiver.py --register --types 'directory.account.*'

and create an account (README tour step 3): the receiver prints the event. Ctrl-C stops it
and deletes the endpoint it registered. With an endpoint registered some other way, pass
its secret instead: `--secret whsec_…` (or MAILPLANE_WEBHOOK_SECRET).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from mailplane_sdk import Mailplane, WebhookVerificationError, errors, verify_webhook

# Mailplane signs with a timestamp and verify_webhook refuses one more than 5 minutes off,
# so an id only has to be remembered a little longer than that to catch every replay.
REMEMBER_SECONDS = 10 * 60


class SeenIds:
    """The webhook-ids processed in the last REMEMBER_SECONDS (one process; use a shared
    store such as Redis or a database table when you run several receivers)."""

    def __init__(self) -> None:
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def __contains__(self, webhook_id: str) -> bool:
        with self._lock:
            horizon = time.monotonic() - REMEMBER_SECONDS
            while self._seen and next(iter(self._seen.values())) < horizon:
                self._seen.popitem(last=False)
            return webhook_id in self._seen

    def add(self, webhook_id: str) -> None:
        with self._lock:
            self._seen[webhook_id] = time.monotonic()


def create_receiver(secrets: list[str], on_shutdown: Callable[[], None] = lambda: None) -> FastAPI:
    """The FastAPI app. `secrets` may be filled in later (by --register) and may hold two
    secrets while one is being rotated; `on_shutdown` runs when the server stops."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        on_shutdown()

    app = FastAPI(title="OA webhook receiver", lifespan=lifespan)
    seen = SeenIds()

    @app.post("/webhooks")
    async def receive(request: Request) -> JSONResponse:
        body = await request.body()  # the raw bytes: the signature covers them exactly
        challenge = verification_challenge(body)
        if challenge is not None:
            # Sent while the endpoint is being saved, before we can know its secret: echoing
            # the challenge proves only that this URL is ours to receive at.
            print("answered Mailplane's verification challenge", flush=True)
            return JSONResponse({"challenge": challenge})
        if not secrets:
            return JSONResponse({"error": "no secret configured yet"}, status_code=503)
        try:
            event = verify_webhook(body, request.headers, secrets)
        except WebhookVerificationError as exc:
            print(
                f"refused a request from {request.client.host if request.client else '?'}: {exc}",
                flush=True,
            )
            return JSONResponse({"error": str(exc)}, status_code=401)
        webhook_id = request.headers["webhook-id"]
        if webhook_id in seen:
            print(
                f"duplicate webhook-id {webhook_id}: already processed, acknowledged again",
                flush=True,
            )
            return JSONResponse({"status": "duplicate"})
        handle(event, webhook_id)
        # Remembered only once handled: if handling fails, the 500 makes Mailplane retry.
        seen.add(webhook_id)
        return JSONResponse({"status": "processed"})

    return app


def verification_challenge(body: bytes) -> str | None:
    """The challenge of an `endpoint.verification` request, None for anything else."""
    try:
        payload = json.loads(body)
    except ValueError:
        return None
    if isinstance(payload, dict) and payload.get("type") == "endpoint.verification":
        challenge = payload.get("challenge")
        return challenge if isinstance(challenge, str) else None
    return None


def handle(event: dict, webhook_id: str) -> None:  # type: ignore[type-arg]
    """Your OA logic goes here; this one prints what happened."""
    data = event.get("data") or {}
    about = data.get("address") or data.get("subject") or data.get("id") or ""
    print(
        f"event #{event.get('sequence')} {event.get('type')} {about} (webhook-id {webhook_id})",
        flush=True,
    )


def register(mp: Mailplane, url: str, types: list[str]) -> tuple[str, str]:
    """Create the endpoint (Mailplane challenges `url` first) and return (id, secret)."""
    endpoint = mp.webhooks.create(
        url=url, event_types=types, description="examples/webhook_receiver.py"
    )
    return endpoint.id, endpoint.secret


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8090)
    parser.add_argument(
        "--register",
        action="store_true",
        help="register http://HOST:PORT/webhooks with Mailplane, delete it on exit",
    )
    parser.add_argument(
        "--types",
        nargs="+",
        default=["directory.account.*", "mail.message.*"],
        help="event types (patterns) to subscribe to with --register",
    )
    parser.add_argument(
        "--secret",
        default=os.environ.get("MAILPLANE_WEBHOOK_SECRET"),
        help="the whsec_ secret of an endpoint registered some other way",
    )
    args = parser.parse_args()
    if not args.register and not args.secret:
        parser.error("give --register, or --secret for an endpoint that already exists")

    secrets: list[str] = [args.secret] if args.secret else []
    mp = Mailplane.from_env() if args.register else None
    registered: list[str] = []

    def unregister() -> None:
        """Delete the endpoint we registered: nothing will listen at its URL any more."""
        if mp is not None:
            for endpoint_id in registered:
                mp.webhooks.delete(endpoint_id)
                print(f"deleted webhook {endpoint_id}", flush=True)
            mp.close()

    server = uvicorn.Server(
        uvicorn.Config(
            create_receiver(secrets, unregister),
            host=args.host,
            port=args.port,
            log_level="warning",
        )
    )

    def register_when_listening() -> None:
        assert mp is not None
        while not server.started:
            if server.should_exit:
                return
            time.sleep(0.05)
        url = f"http://{args.host}:{args.port}/webhooks"
        try:
            endpoint_id, secret = register(mp, url, args.types)
        except Exception as exc:  # shown, then the receiver stops: nothing would arrive
            print(f"could not register {url}: {exc}", file=sys.stderr, flush=True)
            if isinstance(exc, errors.ValidationFailed) and exc.param == "url":
                print(
                    "(Mailplane only calls plain-http or private addresses when started with "
                    "MAILPLANE_WEBHOOKS_ALLOW_PRIVATE=true, e.g. "
                    "`MAILPLANE_WEBHOOKS_ALLOW_PRIVATE=true make run`)",
                    file=sys.stderr,
                )
            server.should_exit = True
            return
        secrets.append(secret)
        registered.append(endpoint_id)
        print(
            f"registered webhook {endpoint_id} for {url} ({', '.join(args.types)}); "
            f"secret {secret[:10]}… kept in memory",
            flush=True,
        )

    if mp is not None:
        threading.Thread(target=register_when_listening, daemon=True).start()
    print(f"listening on http://{args.host}:{args.port}/webhooks", flush=True)
    server.run()  # until Ctrl-C
    return 0 if registered or not args.register else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:  # uvicorn re-raises Ctrl-C once it has shut down cleanly
        sys.exit(0)
