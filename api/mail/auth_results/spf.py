"""SPF for inbound mail (RFC 7208): the envelope sender's domain, or the HELO name when the
sender is null, checked against the client IP with the directory's SPF evaluator."""

from __future__ import annotations

from dataclasses import dataclass

from api.directory import Lookup, evaluate


@dataclass(frozen=True)
class SpfOutcome:
    result: str  # pass | fail | softfail | neutral | none | permerror | temperror
    domain: str  # the domain whose record was evaluated
    identity: str  # mailfrom | helo
    detail: str = ""


def _domain_of(address: str) -> str:
    return address.rsplit("@", 1)[-1].strip().lower().rstrip(".")


async def check_spf(lookup: Lookup, ip: str, mail_from: str, helo: str) -> SpfOutcome:
    """check_host() for MAIL FROM (or HELO for the null sender)."""
    if mail_from and "@" in mail_from:
        domain, identity, sender = _domain_of(mail_from), "mailfrom", mail_from
    else:
        domain, identity = helo.strip().lower().rstrip("."), "helo"
        sender = f"postmaster@{domain}"
    if not domain or "." not in domain or domain.startswith("["):
        return SpfOutcome("none", domain, identity, "no domain to check")
    try:
        found = await evaluate(lookup, ip, domain, sender=sender, helo=helo)
    except ValueError:  # a client address that is not an IP (unix socket, tests)
        return SpfOutcome("none", domain, identity, "no client IP")
    return SpfOutcome(found.result, domain, identity, found.detail)
