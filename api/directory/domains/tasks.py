"""Background DNS re-checks: a periodic sweep enqueues one job per due domain."""

from __future__ import annotations

from typing import Any

from api.directory.domains.verification import CHECK_JOB, check_domain_job, schedule_due_checks
from api.runtime import Runtime
from api.worker.runner import PERIODIC, handler

SWEEP_EVERY = 300.0


@handler(CHECK_JOB)
async def check_domain(runtime: Runtime, payload: dict[str, Any]) -> None:
    await check_domain_job(runtime, payload)


if (SWEEP_EVERY, schedule_due_checks) not in PERIODIC:
    PERIODIC.append((SWEEP_EVERY, schedule_due_checks))
