"""Authentication of inbound mail: SPF, DKIM and DMARC, summed up as one
`Authentication-Results` header (RFC 8601) and a DMARC disposition.

    verdict = await authenticate(lookup, hostname, ip=..., helo=..., mail_from=..., raw=...)
    verdict.header           # "Authentication-Results: mx.example; spf=pass ..."
    verdict.dmarc.disposition  # none | quarantine | reject
"""

from __future__ import annotations

import email.parser
import email.policy
from dataclasses import dataclass, field

from api.mail.auth_results.dkim import DkimOutcome, check_dkim
from api.mail.auth_results.dmarc import DmarcOutcome, check_dmarc
from api.mail.auth_results.dns_cache import CachedLookup
from api.mail.auth_results.spf import SpfOutcome, check_spf
from api.mail.mime import parse_addresses

__all__ = [
    "AuthVerdict", "CachedLookup", "DkimOutcome", "DmarcOutcome", "SpfOutcome", "authenticate",
    "from_domain",
]


@dataclass(frozen=True)
class AuthVerdict:
    spf: SpfOutcome
    dkim: list[DkimOutcome] = field(default_factory=list)
    dmarc: DmarcOutcome | None = None
    hostname: str = ""

    @property
    def header(self) -> str:
        """The folded `Authentication-Results:` header line, without the final CRLF."""
        parts = [f"spf={self.spf.result} smtp.{self.spf.identity}={_value(self.spf.domain)}"]
        if self.dkim:
            for d in self.dkim:
                reason = f' reason="{_reason(d.detail)}"' if d.detail else ""
                parts.append(f"dkim={d.result}{reason} header.d={_value(d.domain)} "
                             f"header.s={_value(d.selector)} header.a={_value(d.algorithm)}")
        else:
            parts.append("dkim=none")
        if self.dmarc is not None:
            parts.append(f"dmarc={self.dmarc.result} (p={self.dmarc.policy} "
                         f"dis={self.dmarc.disposition}) header.from={_value(self.dmarc.domain)}")
        return f"Authentication-Results: {self.hostname};\r\n\t" + ";\r\n\t".join(parts)


def _value(text: str) -> str:
    cleaned = "".join(c for c in text if c.isalnum() or c in ".-_@")
    return cleaned or "unknown"


def _reason(text: str) -> str:
    return "".join(c for c in text if c.isprintable() and c not in '"\\')[:120]


def from_domain(raw: bytes) -> str:
    """The RFC5322.From domain (the first address of the first From header)."""
    end = raw.find(b"\r\n\r\n")
    head = raw if end == -1 else raw[: end + 2]
    headers = email.parser.BytesHeaderParser(policy=email.policy.compat32).parsebytes(head)
    values = headers.get_all("From") or []
    addresses = parse_addresses([str(v) for v in values[:1]])
    address = addresses[0]["address"] if addresses else ""
    return address.rsplit("@", 1)[-1].lower() if "@" in address else ""


async def authenticate(
    lookup: CachedLookup, hostname: str, *, ip: str, helo: str, mail_from: str, raw: bytes,
) -> AuthVerdict:
    """SPF for the envelope, every DKIM signature, DMARC for the From domain."""
    spf = await check_spf(lookup, ip, mail_from, helo)
    dkims = await check_dkim(lookup, raw)
    dmarc = await check_dmarc(lookup, from_domain(raw), spf, dkims)
    return AuthVerdict(spf=spf, dkim=dkims, dmarc=dmarc, hostname=hostname)
