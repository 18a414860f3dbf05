"""RFC 3834 (recommendations for automatic responses): which messages may be answered
automatically, and the shape of the answer (`Auto-Submitted: auto-replied`, sent with a
null reverse path, threaded to the original)."""

from __future__ import annotations

from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, formataddr, make_msgid

from api.kit.clock import utcnow
from api.mail.mime import ParsedMessage
from schemas.text import strip_controls

LIST_HEADERS = ("list-id", "list-post", "list-unsubscribe", "list-help", "list-owner")
BULK_PRECEDENCE = ("bulk", "list", "junk")
# reverse paths of robots and lists (RFC 3834 §2, and what mail systems use in practice)
ROBOT_LOCALS = ("mailer-daemon", "postmaster", "listserv", "majordomo", "noreply",
                "no-reply", "do-not-reply", "donotreply")


def _header(parsed: ParsedMessage, name: str) -> list[str]:
    return [v for k, v in parsed.headers if k.lower() == name]


def may_answer(parsed: ParsedMessage, envelope_from: str | None, own_address: str) -> bool:
    """False for a null or robot sender, our own mail, mailing lists, bulk mail and any
    message that is itself automatic (RFC 3834 §2)."""
    sender = (envelope_from or "").strip().strip("<>").lower()
    if not sender or "@" not in sender or sender == own_address.lower():
        return False
    local = sender.rpartition("@")[0]
    if local in ROBOT_LOCALS or local.startswith("owner-") or local.endswith("-request"):
        return False
    if any(v.strip().lower() != "no" for v in _header(parsed, "auto-submitted")):
        return False
    if any(v.strip().lower() in BULK_PRECEDENCE for v in _header(parsed, "precedence")):
        return False
    if any(_header(parsed, name) for name in LIST_HEADERS):
        return False
    suppress = ",".join(_header(parsed, "x-auto-response-suppress")).lower()
    return not ("all" in suppress or "oof" in suppress)


def reply_bytes(
    parsed: ParsedMessage,
    *,
    to: str,
    from_address: str,
    from_name: str,
    subject: str,
    text: str,
) -> bytes:
    msg = EmailMessage(policy=SMTP)
    msg["From"] = formataddr((strip_controls(from_name), from_address))
    msg["To"] = Address(addr_spec=to)
    original = strip_controls(parsed.subject or "")
    msg["Subject"] = strip_controls(subject) or (f"Auto: {original}" if original else "Auto")
    msg["Date"] = format_datetime(utcnow())
    msg["Message-ID"] = make_msgid(domain=from_address.rpartition("@")[2])
    if parsed.message_id:
        mid = f"<{parsed.message_id.strip('<>')}>"
        msg["In-Reply-To"] = mid
        msg["References"] = " ".join(
            [f"<{r.strip('<>')}>" for r in parsed.references[-10:]] + [mid]
        )
    msg["Auto-Submitted"] = "auto-replied"
    msg["X-Auto-Response-Suppress"] = "All"
    msg.set_content(text)
    return msg.as_bytes()
