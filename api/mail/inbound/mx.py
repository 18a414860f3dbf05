"""The MX handler: mail from other servers to hosted recipients only (no relay), with SPF,
DKIM and DMARC results, the spam verdict, and a `250` only once the message is durable."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiosmtpd.smtp import Envelope, Session
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.directory import Resolution, resolve_recipients
from api.kit.ids import new_id
from api.mail.auth_results import authenticate
from api.mail.delivery import DeliveryReport, deliver, pending
from api.mail.inbound import headers, spam_hook
from api.mail.inbound.content import envelope_address, line_endings
from api.mail.inbound.protocol import EdgeSMTP
from api.mail.mime import ParsedMessage, parse_message
from api.runtime import Runtime
from api.storage.models import Account

if TYPE_CHECKING:
    from api.mail.inbound.server import SmtpEdge

log = logging.getLogger("mailplane.smtp")


def size_option(options: list[str]) -> int:
    for option in options:
        name, _, value = option.partition("=")
        if name.upper() == "SIZE" and value.isdigit():
            return int(value)
    return 0


@dataclass
class _Group:
    """The recipients of one organisation and what its spam verdict says."""

    addresses: list[str] = field(default_factory=list)
    folder: str = "inbox"
    spam_headers: bytes = b""
    # plain accounts RCPT just looked up: delivery need not resolve them again
    resolution: Resolution | None = None


class MxHandler:
    def __init__(self, edge: SmtpEdge) -> None:
        self.edge = edge

    async def handle_EHLO(
        self, server: EdgeSMTP, session: Session, envelope: Envelope, hostname: str,
        responses: list[str],
    ) -> list[str]:
        session.host_name = hostname
        return self.edge.ehlo_lines(server, responses)

    async def handle_MAIL(
        self, server: EdgeSMTP, session: Session, envelope: Envelope, address: str,
        options: list[str],
    ) -> str:
        # aiosmtpd takes an empty mail_from for "no MAIL yet": the null reverse path of
        # bounces and auto-replies stays `<>` here and becomes "" where it is read
        envelope.mail_from = envelope_address(address) or "<>"
        envelope.mail_options.extend(options)
        return "250 2.1.0 OK"

    async def handle_RCPT(
        self, server: EdgeSMTP, session: Session, envelope: Envelope, address: str,
        options: list[str],
    ) -> str:
        if len(envelope.rcpt_tos) >= self.edge.settings.smtp_max_recipients:
            return "452 4.5.3 Too many recipients"
        refusal = await self.edge.recipients.check(
            address, envelope_address(envelope.mail_from), size=size_option(envelope.mail_options),
            allow_remote=False,
        )
        if refusal is not None:
            return refusal
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(options)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server: EdgeSMTP, session: Session, envelope: Envelope) -> str:
        raw, refusal = line_endings(bytes(envelope.original_content or b""))
        if refusal is not None:
            return refusal
        edge = self.edge
        mail_from = envelope_address(envelope.mail_from)
        recipients = list(envelope.rcpt_tos)
        helo = session.host_name or ""
        verdict = await authenticate(edge.lookup, edge.hostname, ip=server.client_ip,
                                     helo=helo, mail_from=mail_from, raw=raw)
        dmarc = verdict.dmarc
        if dmarc is not None and dmarc.disposition == "reject":
            return f"550 5.7.1 Rejected by the DMARC policy of {headers.token(dmarc.domain)}"
        raw = headers.strip_fields(raw, headers.forged_results(edge.hostname))
        parsed = parse_message(raw)  # once: the spam filter, the store, the index, subscribers
        groups = await self._classify(raw, parsed, verdict, mail_from, recipients)
        if groups is None:
            return "550 5.7.1 Message refused as spam"
        quarantine = dmarc is not None and dmarc.disposition == "quarantine"
        vouched = spam_hook.authenticated(raw, parsed, verdict, mail_from)
        queue_id = new_id("q")[2:]
        protocol = "ESMTPS" if server.encrypted else ("ESMTP" if session.extended_smtp else "SMTP")
        trace = (
            headers.return_path(mail_from)
            + headers.received(helo=helo, ip=server.client_ip, hostname=edge.hostname,
                               protocol=protocol, queue_id=queue_id,
                               recipient=recipients[0] if len(recipients) == 1 else None)
            + verdict.header.encode("ascii", "replace") + b"\r\n"
        )

        async def work(db: AsyncSession, runtime: Runtime) -> list[DeliveryReport]:
            # stored with the rest of the batch when the committer flushes
            return [
                await deliver(
                    db, runtime, trace + group.spam_headers + raw, mail_from, group.addresses,
                    folder_role="junk" if quarantine else group.folder, later=pending(db),
                    resolution=group.resolution, parsed=parsed, sender_authenticated=vouched,
                )
                for group in groups
            ]

        try:
            reports = await edge.committer.run(work)
        except Exception:
            log.exception("inbound delivery failed")
            return "451 4.3.0 Temporary failure storing the message, try again later"
        report = DeliveryReport()
        for one in reports:
            report.merge(one)
        if report.delivered:
            return f"250 2.0.0 OK: queued as {queue_id}"
        if report.over_quota:
            return "552 5.2.2 Mailbox full"
        return "550 5.1.1 Recipient address rejected: User unknown"

    async def _classify(
        self, raw: bytes, parsed: ParsedMessage, verdict: Any, mail_from: str,
        recipients: list[str],
    ) -> list[_Group] | None:
        """Recipients grouped by organisation with each one's spam verdict; None when every
        organisation refuses the message."""
        edge = self.edge
        known = [edge.recipients.cached(a) for a in recipients]
        if all(k is not None and k.kind == "local" and k.org_id for k in known):
            # every recipient is a plain account RCPT just looked up: no second resolution
            grouped: dict[str, _Group] = {}
            for address, k in zip(recipients, known, strict=True):
                assert k is not None and k.org_id is not None and k.account_id is not None
                group = grouped.setdefault(k.org_id, _Group(resolution=Resolution()))
                group.addresses.append(address)
                assert group.resolution is not None
                group.resolution.local.setdefault(k.account_id, address)
            return await self._spam(raw, parsed, verdict, mail_from, grouped)
        async with edge.runtime.db.session(write=False) as session:
            resolution = await resolve_recipients(session, recipients, sender=mail_from or None)
            orgs: dict[str, str] = {}
            if resolution.local:
                rows = await session.execute(
                    select(Account.id, Account.org_id).where(Account.id.in_(list(resolution.local)))
                )
                orgs = dict(rows.tuples().all())
            by_org: dict[str, _Group] = {}
            for account_id, address in resolution.local.items():
                group = by_org.setdefault(orgs.get(account_id, ""), _Group())
                if not any(address in g.addresses for g in by_org.values()):
                    group.addresses.append(address)
        leftover = [a for a in recipients if not any(a in g.addresses for g in by_org.values())]
        if leftover:  # gone since RCPT: deliver() reports them unknown
            by_org.setdefault("", _Group()).addresses.extend(leftover)
        return await self._spam(raw, parsed, verdict, mail_from, by_org)

    async def _spam(
        self, raw: bytes, parsed: ParsedMessage, verdict: Any, mail_from: str,
        by_org: dict[str, _Group],
    ) -> list[_Group] | None:
        """Each organisation's spam verdict on its group; None when all refuse."""
        refused = 0
        async with self.edge.runtime.db.session(write=False) as session:
            for org_id, group in by_org.items():
                if not org_id:
                    continue
                decision = await spam_hook.classify(session, org_id, raw, verdict, mail_from,
                                                    parsed)
                if decision is None:
                    continue
                group.spam_headers = decision.headers
                if decision.action == "reject":
                    refused += 1
                    group.folder = "junk"
                elif decision.action == "junk":
                    group.folder = "junk"
        if refused and refused == len([o for o in by_org if o]):
            return None
        return [g for g in by_org.values() if g.addresses]
