"""Spam and abuse filtering for inbound mail.

The SMTP edge calls, once per message and receiving organisation::

    verdict = await classify(session, org_id, raw, parsed, auth_results)
    # verdict.action: "inbox" | "junk" | "reject" (refuse with 550 5.7.1)
    # verdict.headers: [("X-Spam-Status", ...), ("X-Spam-Score", ...), ("X-Spam-Report", ...)]
    #   (verdict.header_bytes() renders them as CRLF lines to prepend to `raw`)
    # verdict.score, verdict.reasons (Hit(name, score, description)), verdict.as_dict()

`parsed` is `api.mail.mime.parse_message(raw)` (None parses here). `auth_results` holds
what the edge verified, each value a result string or a dict with "result":
`{"spf": "pass", "dkim": "fail", "dmarc": "fail", "dmarc_policy": "quarantine",
"mail_from": "bounce@example.net", "dkim_domains": ["example.net"]}`; missing keys are
unknown, never failures. A DMARC failure under policy quarantine makes the action at least
junk, under policy reject makes it reject.

The score adds the rules (`rules.py`), the authentication results, the organisation's
allow/block lists (an allow entry counts only for an authenticated sender), the
statistical classifier (`classifier.py`: the shipped model plus the organisation's
feedback) and, if MAILPLANE_CLAMD is set, a virus scan (`virus.py`). Thresholds are
MAILPLANE_SPAM_JUNK_THRESHOLD (5.0) and MAILPLANE_SPAM_REJECT_THRESHOLD (15.0).
"""

from __future__ import annotations

import api.mail.spam.moves  # noqa: F401  (learns from moves into and out of junk)
from api.mail.delivery.hooks import on_filing
from api.mail.spam.personal import personal_role, shows_images
from api.mail.spam.scoring import assess, classify, facts_of, sender_authenticated
from api.mail.spam.verdict import Action, Hit, Verdict
from api.mail.spam.virus import ClamdScanner, ScanResult, VirusScanner


def file_personally() -> None:
    """Wiring: every delivery applies each person's own sender lists and learned verdicts."""
    on_filing(personal_role)


__all__ = [
    "file_personally",
    "shows_images",
    "Action",
    "ClamdScanner",
    "Hit",
    "ScanResult",
    "Verdict",
    "VirusScanner",
    "assess",
    "classify",
    "facts_of",
    "sender_authenticated",
]
