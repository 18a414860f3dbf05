"""DMARC (RFC 7489): find the From domain's policy (or its organisational domain's), check
SPF and DKIM alignment, and say what the policy asks for: none, quarantine or reject."""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache

from publicsuffixlist import PublicSuffixList

from api.directory import DnsUnavailable, Lookup
from api.mail.auth_results.dkim import DkimOutcome
from api.mail.auth_results.spf import SpfOutcome

POLICIES = ("none", "quarantine", "reject")


@lru_cache(maxsize=1)
def _psl() -> PublicSuffixList:
    return PublicSuffixList()


def organisational_domain(domain: str) -> str:
    """`mail.example.co.uk` -> `example.co.uk` (Public Suffix List)."""
    domain = domain.lower().rstrip(".")
    return _psl().privatesuffix(domain) or domain


@dataclass(frozen=True)
class DmarcRecord:
    policy: str
    subdomain_policy: str
    adkim: str  # r | s
    aspf: str
    pct: int


@dataclass(frozen=True)
class DmarcOutcome:
    result: str  # pass | fail | none | temperror | permerror
    domain: str  # the RFC5322.From domain
    policy: str  # the policy that applies: none | quarantine | reject
    disposition: str  # what to do with this message: none | quarantine | reject
    detail: str = ""


def parse_record(text: str) -> DmarcRecord | None:
    tags: dict[str, str] = {}
    for part in text.split(";"):
        name, sep, value = part.partition("=")
        if sep:
            tags[name.strip().lower()] = value.strip()
    if tags.get("v") != "DMARC1":
        return None
    policy = tags.get("p", "").lower()
    if policy not in POLICIES:
        return None
    sub = tags.get("sp", policy).lower()
    try:
        pct = max(0, min(100, int(tags.get("pct", "100"))))
    except ValueError:
        pct = 100
    return DmarcRecord(
        policy=policy, subdomain_policy=sub if sub in POLICIES else policy,
        adkim="s" if tags.get("adkim", "r").lower() == "s" else "r",
        aspf="s" if tags.get("aspf", "r").lower() == "s" else "r", pct=pct,
    )


async def _record_at(lookup: Lookup, domain: str) -> DmarcRecord | None | str:
    """The record at `_dmarc.domain`; None when absent; "permerror" for several records."""
    texts = [t for t in await lookup.txt(f"_dmarc.{domain}") if t.startswith("v=DMARC1")]
    if len(texts) > 1:
        return "permerror"
    return parse_record(texts[0]) if texts else None


def aligned(identifier: str, from_domain: str, mode: str) -> bool:
    identifier, from_domain = identifier.lower().rstrip("."), from_domain.lower().rstrip(".")
    if mode == "s":
        return identifier == from_domain
    return organisational_domain(identifier) == organisational_domain(from_domain)


async def check_dmarc(
    lookup: Lookup, from_domain: str, spf: SpfOutcome, dkims: list[DkimOutcome],
    *, sample: float | None = None,
) -> DmarcOutcome:
    from_domain = from_domain.lower().rstrip(".")
    if not from_domain or "." not in from_domain:
        return DmarcOutcome("none", from_domain, "none", "none", "no From domain")
    org = organisational_domain(from_domain)
    try:
        record = await _record_at(lookup, from_domain)
        if record is None and org != from_domain:
            record = await _record_at(lookup, org)
    except DnsUnavailable as exc:
        return DmarcOutcome("temperror", from_domain, "none", "none", exc.detail)
    if record == "permerror":
        return DmarcOutcome("permerror", from_domain, "none", "none", "several DMARC records")
    if record is None:
        return DmarcOutcome("none", from_domain, "none", "none")
    assert isinstance(record, DmarcRecord)
    policy = record.policy if org == from_domain else record.subdomain_policy
    spf_ok = spf.result == "pass" and spf.identity == "mailfrom" and aligned(
        spf.domain, from_domain, record.aspf)
    dkim_ok = any(d.result == "pass" and aligned(d.domain, from_domain, record.adkim)
                  for d in dkims)
    if spf_ok or dkim_ok:
        return DmarcOutcome("pass", from_domain, policy, "none")
    roll = random.random() * 100 if sample is None else sample
    disposition = policy if roll < record.pct else ("quarantine" if policy == "reject" else "none")
    return DmarcOutcome("fail", from_domain, policy, disposition,
                        "neither SPF nor DKIM is aligned with the From domain")
