"""A migration worker in its own process, for tests that SIGKILL it mid-batch.

    python -m tests.migration.worker_process SETTINGS.json MARKER STOP_AT_BATCH

It runs the job queue like `mailplane serve --role worker` does (`run_once` in a loop),
with one change: when batch number STOP_AT_BATCH has been stored into the open
transaction, it writes MARKER and hangs there, before the commit, until it is killed.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Any

from api.config import Settings
from api.migration import importer
from api.runtime import Runtime
from api.wiring import wire
from api.worker.runner import run_once


def hang_in_batch(marker: Path, stop_at: int) -> None:
    real = importer.store_batch
    seen = {"n": 0}

    async def store_batch(*args: Any, **kwargs: Any) -> importer.Outcome:
        outcome = await real(*args, **kwargs)
        seen["n"] += 1
        if seen["n"] == stop_at:
            marker.write_text(json.dumps({"imported": outcome.imported}))
            while True:  # rows flushed, nothing committed: the kill lands here
                time.sleep(3600)
        return outcome

    importer.store_batch = store_batch  # type: ignore[assignment]


async def work(settings: Settings) -> None:
    runtime = Runtime.build(settings)
    wire()
    while True:
        if not await run_once(runtime, "doomed-worker"):
            await asyncio.sleep(0.05)


def main() -> None:
    config, marker, stop_at = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    settings = Settings.model_validate_json(config.read_text())
    hang_in_batch(marker, stop_at)
    asyncio.run(work(settings))


if __name__ == "__main__":
    main()
