"""Background learning: the moves into and out of junk that `moves.py` queued."""

from __future__ import annotations

from typing import Any

from api.mail.spam import service
from api.mail.spam.moves import LEARN_MOVES_JOB
from api.runtime import Runtime
from api.worker.runner import handler


@handler(LEARN_MOVES_JOB)
async def learn_from_moves(runtime: Runtime, payload: dict[str, Any]) -> None:
    """Idempotent: a message already learned the same way is left as it is."""
    async with runtime.db.session() as session:
        await service.learn_moves(session, runtime.blobs, str(payload["org_id"]),
                                  list(payload.get("moves") or []))
