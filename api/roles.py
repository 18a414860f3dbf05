"""`mailplane serve --role smtp|imap|worker|all`: the SMTP edge (MX and submission), the
mail-client listeners (IMAP and POP3), the outbound delivery loop and, for `all`, the HTTP
API, in one event loop until SIGINT/SIGTERM.

With MAILPLANE_SMTP_PROCESSES > 1 the SMTP listeners also run in that many forked
processes sharing the ports (SO_REUSEPORT), each with its own group committer: Python runs
one core per process. Children die with their parent.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import multiprocessing
import signal
import sys
from collections.abc import Coroutine
from typing import Any

import uvicorn

from api.app import create_app
from api.config import Settings
from api.imap import run_imap
from api.mail.inbound.server import run_edge
from api.mail.inbound.tls import certificate_paths
from api.mail.outbound.worker import run_outbound
from api.pop3 import run_pop3
from api.runtime import Runtime
from api.wiring import wire
from api.worker.runner import run_forever

PR_SET_PDEATHSIG = 1


def run(settings: Settings, role: str, *, host: str | None = None, port: int | None = None) -> None:
    """Fork the extra SMTP processes, then serve `role` in this one."""
    children: list[multiprocessing.process.BaseProcess] = []
    if role == "imap" and settings.imap_processes > 1:
        certificate_paths(settings, settings.smtp_hostname or settings.mail_host)
        context = multiprocessing.get_context("fork")
        for _ in range(settings.imap_processes - 1):
            child = context.Process(target=_imap_child, args=(settings,), daemon=True)
            child.start()
            children.append(child)
    if role in ("smtp", "all") and settings.smtp_processes > 1:
        certificate_paths(settings, settings.smtp_hostname or settings.mail_host)
        context = multiprocessing.get_context("fork")
        for _ in range(settings.smtp_processes - 1):
            child = context.Process(target=_smtp_child, args=(settings,), daemon=True)
            child.start()
            children.append(child)
    try:
        asyncio.run(serve(settings, role, host=host, port=port))
    finally:
        for child in children:
            child.terminate()
        for child in children:
            child.join(10)


def _smtp_child(settings: Settings) -> None:
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    asyncio.run(serve(settings, "smtp"))


def _imap_child(settings: Settings) -> None:
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    asyncio.run(serve(settings, "imap"))


async def serve(settings: Settings, role: str, *, host: str | None = None,
                port: int | None = None) -> None:
    runtime = Runtime.build(settings)
    wire()
    await runtime.notifier.start()  # other processes' commits wake this one's listeners
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    jobs: list[Coroutine[Any, Any, None]] = []
    if role in ("smtp", "all"):
        jobs.append(run_edge(runtime, stop))
    if role in ("imap", "all"):
        jobs.append(run_imap(runtime, stop))
        jobs.append(run_pop3(runtime, stop))
    if role in ("worker", "all"):
        jobs.append(run_outbound(runtime, stop))
    if role == "worker":

        jobs.append(run_forever(runtime, stop))
    tasks = [asyncio.create_task(job) for job in jobs]
    try:
        if role == "all":
            app = create_app(settings, runtime=runtime, migrate=False)
            app.state.background_worker = True
            server = uvicorn.Server(uvicorn.Config(
                app, host=host or settings.host, port=port or settings.port,
                log_level="warning", access_log=False,
            ))
            await server.serve()
        else:
            for sig in (signal.SIGINT, signal.SIGTERM):
                with contextlib.suppress(NotImplementedError):
                    loop.add_signal_handler(sig, stop.set)
            if tasks:
                await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
            for task in tasks:
                if task.done() and task.exception() is not None:
                    raise task.exception()  # type: ignore[misc]
    finally:
        stop.set()
        await asyncio.gather(*tasks, return_exceptions=True)
        await runtime.notifier.stop()
        await runtime.db.dispose()
