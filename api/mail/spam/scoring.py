"""Score one inbound message: rules, authentication results, the per-organisation allow
and block lists, the statistical classifier (shipped model plus the organisation's
feedback) and, when configured, a virus scan. `assess` is the pure part; `classify` gathers
what it needs from the database and the scanner."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from api.config import Settings, get_settings
from api.kit.clock import utcnow
from api.mail.mime import ParsedMessage, parse_message
from api.mail.spam import repository, rules
from api.mail.spam.classifier import Model, OrgCounts, bayes_hit, spam_probability
from api.mail.spam.facts import AuthFacts, MessageFacts
from api.mail.spam.lists import ListMatch, lookup_keys, ranked_matches
from api.mail.spam.snapshot import snapshot
from api.mail.spam.tokenizer import token_buckets
from api.mail.spam.verdict import Action, Hit, Verdict, decide
from api.mail.spam.virus import ScanResult, VirusScanner, scanner_from_settings

log = logging.getLogger("mailplane.spam")

ALLOW_POINTS = -100.0
BLOCK_POINTS = 100.0
VIRUS_POINTS = 1000.0


def facts_of(raw: bytes, parsed: ParsedMessage | None, auth_results: dict[str, Any] | None,
             now: datetime | None = None) -> MessageFacts:
    return MessageFacts(raw=raw, parsed=parsed if parsed is not None else parse_message(raw),
                        auth=AuthFacts.of(auth_results), now=now or utcnow())


def sender_authenticated(raw: bytes, parsed: ParsedMessage | None,
                         auth_results: dict[str, Any] | None) -> bool:
    """Is the From domain vouched for (DMARC, or SPF/DKIM aligned with it)?"""
    return rules.authenticated_sender(facts_of(raw, parsed, auth_results))


def list_hits(facts: MessageFacts, matches: list[ListMatch]) -> list[Hit]:
    """The most specific matching entry decides; an allow entry counts only for an
    authenticated sender (else the next entry decides), so a forged From rides on nothing."""
    unverified = False
    for match in matches:
        if match.kind == "block":
            return [Hit("USER_IN_BLOCKLIST", BLOCK_POINTS,
                        f"Sender is on the organisation's block list ({match.scope})")]
        if rules.authenticated_sender(facts):
            return [Hit("USER_IN_ALLOWLIST", ALLOW_POINTS,
                        f"Authenticated sender is on the organisation's allow list "
                        f"({match.scope})")]
        unverified = True
    if unverified:
        return [Hit("ALLOWLIST_UNVERIFIED", 0.0,
                    "Sender is on the allow list but not authenticated; not trusted")]
    return []


def assess(
    facts: MessageFacts, *, junk_threshold: float, reject_threshold: float,
    model: Model | None = None, org: OrgCounts | None = None,
    own_domains: set[str] | frozenset[str] = frozenset(), matches: list[ListMatch] | None = None,
    scan: ScanResult | None = None, tokens: list[int] | None = None,
) -> Verdict:
    """Everything but I/O: the verdict for `facts` given the organisation's data."""
    hits = rules.evaluate(facts)
    auth, floor = rules.auth_hits(facts, own_domains)
    hits += auth
    hits += list_hits(facts, matches or [])
    probability, clues = spam_probability(
        tokens if tokens is not None else token_buckets(facts), org, model
    )
    bayes = bayes_hit(probability, clues)
    if bayes is not None:
        hits.append(bayes)
    virus = None
    if scan is not None:
        if scan.infected:
            virus = scan.signature
            hits.append(Hit("VIRUS_FOUND", VIRUS_POINTS, "Virus scanner found malware"))
            floor = "reject"
        elif scan.error:
            hits.append(Hit("VIRUS_SCAN_FAILED", 0.0, "Virus scanner unavailable; not scanned"))
    return decide(hits, junk_threshold=junk_threshold, reject_threshold=reject_threshold,
                  floor=floor, bayes_probability=probability if clues else None, virus=virus)


def _candidates(facts: MessageFacts) -> list[str]:
    """Addresses the allow and block lists are matched against: From and envelope sender."""
    return [a for a in dict.fromkeys([facts.from_address, facts.envelope_from]) if "@" in a]


async def classify(
    session: AsyncSession, org_id: str, raw: bytes, parsed: ParsedMessage | None,
    auth_results: dict[str, Any] | None, *, settings: Settings | None = None,
    scanner: VirusScanner | None = None, now: datetime | None = None,
) -> Verdict:
    """The verdict on one inbound message for organisation `org_id` (see the package doc).
    An organisation without feedback costs no query (its lists and domains come from a
    snapshot refreshed every few seconds); with feedback, one."""
    settings = settings or get_settings()
    facts = facts_of(raw, parsed, auth_results, now)
    tokens = token_buckets(facts)
    org_state = await snapshot(session, org_id)
    org = OrgCounts()
    if org_state.learned:
        org = OrgCounts(org_state.spam_messages, org_state.ham_messages,
                        await repository.token_counts(session, org_id, tokens))
    keys = {k for address in _candidates(facts) for k in lookup_keys(address)}
    matches = ranked_matches(org_state.entries, keys) if keys and org_state.entries else []
    scanner = scanner if scanner is not None else scanner_from_settings(settings)
    scan = None
    if scanner is not None:
        scan = await scanner.scan(raw)
        if scan.error:
            log.warning("virus scan failed", extra={"fields": {"error": scan.error}})
    return assess(
        facts, junk_threshold=settings.spam_junk_threshold,
        reject_threshold=settings.spam_reject_threshold, org=org,
        own_domains=org_state.domains, matches=matches, scan=scan, tokens=tokens,
    )


__all__ = ["Action", "assess", "classify", "facts_of", "sender_authenticated"]
