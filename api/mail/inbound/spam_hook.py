"""The seam to the spam filter (api.mail.spam): one verdict per receiving organisation, on
the message as the MX parsed it once. A filter that fails files nothing as spam."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from api.mail.auth_results import AuthVerdict
from api.mail.mime import ParsedMessage
from api.mail.spam import classify as spam_classify
from api.mail.spam import sender_authenticated

log = logging.getLogger("mailplane.smtp")


@dataclass(frozen=True)
class SpamDecision:
    action: str = "inbox"  # inbox | junk | reject
    headers: bytes = b""
    score: float | None = None
    details: dict[str, Any] = field(default_factory=dict)


def auth_facts(verdict: AuthVerdict, mail_from: str) -> dict[str, Any]:
    """What the edge verified, in the shape the spam filter takes."""
    passing = [d for d in verdict.dkim if d.result == "pass"]
    dkim = "pass" if passing else (verdict.dkim[0].result if verdict.dkim else "none")
    dmarc = verdict.dmarc
    return {
        "spf": verdict.spf.result, "dkim": dkim,
        "dmarc": dmarc.result if dmarc else "none",
        "dmarc_policy": dmarc.disposition if dmarc and dmarc.result == "fail" else "none",
        "mail_from": mail_from, "dkim_domains": [d.domain for d in passing],
    }


async def classify(
    session: AsyncSession, org_id: str, raw: bytes, verdict: AuthVerdict, mail_from: str,
    parsed: ParsedMessage | None = None,
) -> SpamDecision | None:
    try:
        found = await spam_classify(session, org_id, raw, parsed, auth_facts(verdict, mail_from))
    except Exception:  # a broken filter must not stop mail; it files nothing as spam
        log.exception("spam filter failed")
        return None
    return SpamDecision(action=found.action, headers=found.header_bytes(), score=found.score,
                        details=found.as_dict())


def authenticated(raw: bytes, parsed: ParsedMessage, verdict: AuthVerdict, mail_from: str
                  ) -> bool:
    """Whether the From domain is vouched for: a person's allow list needs it."""
    try:
        return sender_authenticated(raw, parsed, auth_facts(verdict, mail_from))
    except Exception:  # noqa: BLE001  (a broken check vouches for nobody)
        log.exception("sender authentication check failed")
        return False
