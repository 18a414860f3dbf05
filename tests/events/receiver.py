"""A small real HTTP/1.1 server on loopback for webhook tests: records every request and
answers from a script (status codes, headers, delays), echoing verification challenges."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Received:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    at: float

    def json(self) -> dict:
        return json.loads(self.body)


@dataclass
class Reply:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b"ok"
    delay: float = 0.0


class Receiver:
    def __init__(self, *, status: int = 200) -> None:
        self.default = Reply(status)
        self.script: list[Reply] = []
        self.requests: list[Received] = []
        self.on_request: Callable[[Received], None] | None = None
        self.arrived = asyncio.Event()
        self.port = 0
        self._server: asyncio.AbstractServer | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    @property
    def deliveries(self) -> list[Received]:
        return [
            r for r in self.requests if not r.body.startswith(b'{"type": "endpoint.verification"')
        ]

    async def start(self, port: int = 0) -> Receiver:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", port or self.port)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            for w in list(self._writers):
                w.close()
            await self._server.wait_closed()
            self._server = None

    async def wait_for(self, n: int, timeout: float = 10.0) -> list[Received]:
        deadline = time.monotonic() + timeout
        while len(self.deliveries) < n:
            if time.monotonic() > deadline:
                raise AssertionError(f"got {len(self.deliveries)} deliveries, wanted {n}")
            self.arrived.clear()
            try:
                await asyncio.wait_for(self.arrived.wait(), 0.05)
            except TimeoutError:
                pass
        return self.deliveries

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                method, path, _ = lines[0].split(" ", 2)
                headers = {}
                for line in lines[1:]:
                    if ":" in line:
                        k, v = line.split(":", 1)
                        headers[k.strip().lower()] = v.strip()
                body = await reader.readexactly(int(headers.get("content-length", "0")))
                req = Received(method, path, headers, body, time.monotonic())
                self.requests.append(req)
                if self.on_request:
                    self.on_request(req)
                reply = self._reply(req)
                if reply.delay:
                    await asyncio.sleep(reply.delay)
                extra = "".join(f"{k}: {v}\r\n" for k, v in reply.headers.items())
                head = f"HTTP/1.1 {reply.status} X\r\nContent-Length: {len(reply.body)}\r\n"
                writer.write(f"{head}{extra}\r\n".encode() + reply.body)
                await writer.drain()
                self.arrived.set()
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
            pass
        finally:
            self._writers.discard(writer)
            writer.close()

    def _reply(self, req: Received) -> Reply:
        try:
            payload = json.loads(req.body)
        except ValueError:
            payload = None
        if isinstance(payload, dict) and payload.get("type") == "endpoint.verification":
            return Reply(200, body=json.dumps({"challenge": payload["challenge"]}).encode())
        if self.script:
            return self.script.pop(0)
        return self.default
