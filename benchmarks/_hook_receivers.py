"""Webhook receivers for benchmarks/webhooks.py: N loopback HTTP/1.1 servers in one process
(uvloop when present) answering 200 at once and noting when each event id arrived.

    python benchmarks/_hook_receivers.py PORT [PORT ...]

`GET /count` returns how many arrived, `GET /stats` returns
{"arrivals": [[event_id, unix_time], ...]} for that port; `POST /reset` clears it.
Prints "ready" when listening.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time

OK = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"


class Hook(asyncio.Protocol):
    def __init__(self, arrivals: list[tuple[str, float]]) -> None:
        self.arrivals = arrivals
        self.buf = b""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        self.buf += data
        while True:
            end = self.buf.find(b"\r\n\r\n")
            if end < 0:
                return
            head = self.buf[:end].decode("latin-1")
            length = 0
            for line in head.split("\r\n")[1:]:
                if line[:15].lower() == "content-length:":
                    length = int(line[15:])
            if len(self.buf) < end + 4 + length:
                return
            body = self.buf[end + 4 : end + 4 + length]
            self.buf = self.buf[end + 4 + length :]
            self.handle(head.split(" ", 2), body)

    def handle(self, line: list[str], body: bytes) -> None:
        method, path = line[0], line[1]
        if method == "GET" and path == "/count":
            payload = str(len(self.arrivals)).encode()
            self.transport.write(  # type: ignore[attr-defined]
                b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(payload) + payload
            )
            return
        if method == "GET" and path == "/stats":
            payload = json.dumps({"arrivals": self.arrivals}).encode()
            self.transport.write(  # type: ignore[attr-defined]
                b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(payload) + payload
            )
            return
        if path == "/reset":
            self.arrivals.clear()
        elif body.startswith(b'{"id":"'):
            self.arrivals.append((body[7 : body.index(b'"', 7)].decode(), time.time()))
        self.transport.write(OK)  # type: ignore[attr-defined]


async def main(ports: list[int]) -> None:
    loop = asyncio.get_running_loop()
    for port in ports:
        arrivals: list[tuple[str, float]] = []
        await loop.create_server(lambda a=arrivals: Hook(a), "127.0.0.1", port, backlog=1024)
    print("ready", flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    asyncio.run(main([int(p) for p in sys.argv[1:]]))
