"""Verify a domain's DNS against what Mailplane needs: per record `ok | missing | mismatch`
with the values found. A domain is verified when its MX and SPF records are ok.

SPF is judged by evaluating it (includes and redirects followed) for every address this
installation sends from, and by counting the lookups of its whole tree: more than 10 is a
permerror for some receiver, so it is a mismatch even when our branch passes early.
"""

from __future__ import annotations

import asyncio
from dataclasses import asdict, dataclass, field
from typing import Any

from api.directory.dns import dkim, spf
from api.directory.dns.records import RequiredRecord
from api.directory.dns.resolver import DnsUnavailable, Lookup, host_text
from api.i18n import Msg

OK, MISSING, MISMATCH = "ok", "missing", "mismatch"


@dataclass
class RecordCheck:
    key: str
    status: str  # ok | missing | mismatch
    found: list[str] = field(default_factory=list)
    detail: str | None = None

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Report:
    checks: dict[str, RecordCheck]

    @property
    def verified(self) -> bool:
        return all(self.checks[k].status == OK for k in ("mx", "spf") if k in self.checks)

    def as_json(self) -> list[dict[str, Any]]:
        return [c.as_json() for c in self.checks.values()]


async def check_records(
    lookup: Lookup, records: list[RequiredRecord], *, mail_host: str, outbound_ips: list[str]
) -> Report:
    """Check every record concurrently; DnsUnavailable propagates (nothing is concluded)."""
    ips = list(outbound_ips)
    if not ips and any(r.purpose == "spf" for r in records):
        ips = await lookup.addresses(mail_host)
    results = await asyncio.gather(
        *(_check(lookup, record, mail_host=mail_host, ips=ips) for record in records)
    )
    return Report({c.key: c for c in results})


async def _check(
    lookup: Lookup, record: RequiredRecord, *, mail_host: str, ips: list[str]
) -> RecordCheck:
    if record.purpose == "mx":
        return await _check_mx(lookup, record, mail_host)
    if record.purpose == "spf":
        return await _check_spf(lookup, record, ips)
    if record.purpose == "dkim":
        return await _check_dkim(lookup, record)
    if record.purpose == "dmarc":
        return await _check_dmarc(lookup, record)
    return await _check_cname(lookup, record)


async def _check_mx(lookup: Lookup, record: RequiredRecord, mail_host: str) -> RecordCheck:
    answers: list[Any] = await lookup.query(record.name, "MX")
    rows = [(int(r.preference), host_text(r.exchange)) for r in answers]
    if not rows:
        return RecordCheck(record.key, MISSING)
    rows.sort()
    found = [f"{pref} {host or '.'}" for pref, host in rows]
    best = [host for pref, host in rows if pref == rows[0][0]]
    if all(host == mail_host for host in best):
        others = sorted({h for _, h in rows if h != mail_host})
        detail = f"lower-priority mail servers also listed: {', '.join(others)}" if others else None
        return RecordCheck(record.key, OK, found, detail)
    return RecordCheck(
        record.key,
        MISMATCH,
        found,
        f"the most preferred mail server must be {mail_host}",
    )


async def _check_spf(lookup: Lookup, record: RequiredRecord, ips: list[str]) -> RecordCheck:
    texts = [t for t in await lookup.txt(record.name) if spf.is_spf(t)]
    if not texts:
        return RecordCheck(record.key, MISSING)
    if len(texts) > 1:
        return RecordCheck(record.key, MISMATCH, texts, "permerror: more than one SPF record")
    tree = await spf.analyse(lookup, record.name)
    if tree.result == "temperror":
        raise DnsUnavailable(Msg("SPF of {name}: {detail}", name=record.name, detail=tree.detail))
    if tree.result != "pass":
        return RecordCheck(record.key, MISMATCH, texts, f"{tree.result}: {tree.detail}")
    if not ips:
        same = " ".join(texts[0].lower().split()) == record.value.lower()
        return RecordCheck(
            record.key,
            OK if same else MISMATCH,
            texts,
            None
            if same
            else "this installation's sending addresses are unknown; publish the record exactly",
        )
    for ip in ips:
        result = await spf.evaluate(lookup, ip, record.name)
        if result.result == "temperror":
            raise DnsUnavailable(Msg(
                "SPF of {name}: {detail}", name=record.name, detail=result.detail
            ))
        if result.result != "pass":
            why = f": {result.detail}" if result.detail else ""
            return RecordCheck(record.key, MISMATCH, texts, f"{result.result} for {ip}{why}")
    return RecordCheck(record.key, OK, texts, f"pass ({tree.lookups} DNS lookups)")


async def _check_dkim(lookup: Lookup, record: RequiredRecord) -> RecordCheck:
    found = await lookup.txt(record.name)
    if not found:
        return RecordCheck(record.key, MISSING)
    public_key = dkim.parse_tags(record.value)["p"]
    if any(dkim.matches(value, public_key) for value in found):
        return RecordCheck(record.key, OK, found)
    return RecordCheck(record.key, MISMATCH, found, "the published key is not this key")


async def _check_dmarc(lookup: Lookup, record: RequiredRecord) -> RecordCheck:
    texts = await lookup.txt(record.name)
    policies = [t for t in texts if t.replace(" ", "").upper().startswith("V=DMARC1")]
    if not policies:
        return RecordCheck(record.key, MISMATCH if texts else MISSING, texts)
    if len(policies) > 1:
        return RecordCheck(record.key, MISMATCH, policies, "more than one DMARC record")
    tags = dkim.parse_tags(policies[0])
    policy = tags.get("p", "").lower()
    if policy not in ("none", "quarantine", "reject"):
        return RecordCheck(
            record.key, MISMATCH, policies, "the p= policy tag is missing or invalid"
        )
    return RecordCheck(
        record.key,
        OK,
        policies,
        "policy none: reports only, no protection" if policy == "none" else None,
    )


async def _check_cname(lookup: Lookup, record: RequiredRecord) -> RecordCheck:
    answers: list[Any] = await lookup.query(record.name, "CNAME")
    targets = [host_text(r.target) for r in answers]
    if targets:
        ok = targets == [record.value]
        return RecordCheck(
            record.key,
            OK if ok else MISMATCH,
            targets,
            None if ok else f"should point to {record.value}",
        )
    addresses = await lookup.addresses(record.name)
    if addresses:
        return RecordCheck(
            record.key,
            MISMATCH,
            addresses,
            f"an address record; a CNAME to {record.value} is needed",
        )
    return RecordCheck(record.key, MISSING)
