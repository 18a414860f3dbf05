"""A uvicorn server in a thread on a chosen loopback port, restartable on the same port (to
cut streams and see clients resume)."""

from __future__ import annotations

import threading
import time

import uvicorn

from api.app import create_app
from api.config import Settings
from tests.live_server import free_port


class LiveServer:
    def __init__(self, settings: Settings, port: int | None = None) -> None:
        self.port = port or free_port()
        self.settings = settings.model_copy(update={"port": self.port, "host": "127.0.0.1"})
        self.server: uvicorn.Server | None = None
        self.thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> LiveServer:
        app = create_app(self.settings, migrate=False)
        config = uvicorn.Config(
            app,
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            lifespan="on",
            timeout_graceful_shutdown=1,
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("live server did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        if self.server is not None and self.thread is not None:
            self.server.should_exit = True
            self.thread.join(timeout=10)
        self.server = self.thread = None
