"""Events tests: webhooks may target loopback receivers; streams poll and beat fast."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from api.config import Settings
from tests.events.receiver import Receiver


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(
        update={
            "webhooks_allow_private": True,
            "event_stream_heartbeat": 0.3,
            "event_poll_interval": 0.05,
        }
    )


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    r = await Receiver().start()
    yield r
    await r.stop()
