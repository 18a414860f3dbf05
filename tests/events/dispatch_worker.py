"""A webhook dispatcher in a process of its own (settings from MAILPLANE_* variables), for
the tests that kill workers or run several at once."""

from __future__ import annotations

import asyncio
import signal

from api.config import Settings
from api.platform.webhooks.dispatcher import Dispatcher
from api.runtime import Runtime


async def main() -> None:
    runtime = Runtime.build(Settings())
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    print("ready", flush=True)
    await Dispatcher(runtime).run(stop)
    await runtime.db.dispose()


if __name__ == "__main__":
    asyncio.run(main())
