"""Learning from moves: a message a person moves into junk is learned as spam, one moved out
of junk (anywhere but trash) as ham, whichever path moved it (REST, GraphQL, IMAP, bulk).

The mail store changes `MailMessage.folder_id` through the ORM; a `before_flush` hook
notes each such change and queues ONE job per flush (in the same transaction, so a rolled-
back move learns nothing). The job (`tasks.py`) looks up the folder roles and learns.
Moves made by the spam service itself are marked in `session.info` and skipped, since it
learns synchronously.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.storage.models import Job, MailMessage

LEARN_MOVES_JOB = "mail.spam.learn_moves"
SKIP_KEY = "spam_learned_here"


def skip_learning(session: Session, message_ids: list[str]) -> None:
    """Moves of these messages in this session are already learned by the caller."""
    session.info.setdefault(SKIP_KEY, set()).update(message_ids)


@event.listens_for(Session, "before_flush")
def _queue_learning(session: Session, _context: Any, _instances: Any) -> None:
    skipped: set[str] = session.info.get(SKIP_KEY, set())
    moves: dict[str, list[dict[str, str]]] = defaultdict(list)
    for obj in session.dirty:
        if not isinstance(obj, MailMessage) or obj.id in skipped:
            continue
        history = inspect(obj).attrs.folder_id.history
        if not history.added or not history.deleted:
            continue
        old, new = history.deleted[0], history.added[0]
        if old == new:
            continue
        moves[obj.org_id].append({"message_id": obj.id, "from": old, "to": new})
    for org_id, items in moves.items():
        session.add(Job(id=new_id("job"), kind=LEARN_MOVES_JOB, org_id=org_id,
                        payload={"org_id": org_id, "moves": items}, run_at=utcnow()))
