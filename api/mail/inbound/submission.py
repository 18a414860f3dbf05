"""The submission handler: people and OA systems sending through Mailplane over SMTP.
AUTH PLAIN/LOGIN only over TLS (the account password, one of its app passwords, or an OAuth
access token acting for the account with `mail:send`; checked off the event loop, see
`sasl`); the sender must be the account, one of its aliases or a group it may send as; the
message then takes the API's raw send path (Sent copy, local delivery, outbound queue)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from aiosmtpd.smtp import Envelope, Session
from sqlalchemy.ext.asyncio import AsyncSession

from api.directory import may_send_as
from api.errors import AppError, PayloadTooLarge
from api.kit.ids import new_id
from api.mail.errors import QuotaExceeded, SendAsDenied, UnknownRecipient
from api.mail.inbound import headers
from api.mail.inbound.content import envelope_address, line_endings
from api.mail.inbound.protocol import EdgeSMTP
from api.mail.inbound.sasl import Identity, SaslVerifier
from api.mail.sending.raw import send_raw
from api.runtime import Runtime
from api.storage.models import Account, AppPassword
from schemas.mail import SendResult

if TYPE_CHECKING:
    from api.mail.inbound.server import SmtpEdge

log = logging.getLogger("mailplane.smtp")


class SubmissionHandler:
    def __init__(self, edge: SmtpEdge) -> None:
        self.edge = edge
        self.sasl = SaslVerifier(edge.runtime, edge.settings.smtp_auth_concurrency)

    async def handle_EHLO(
        self, server: EdgeSMTP, session: Session, envelope: Envelope, hostname: str,
        responses: list[str],
    ) -> list[str]:
        session.host_name = hostname
        return self.edge.ehlo_lines(server, responses)

    async def authenticate(self, server: EdgeSMTP, login: str, password: str) -> Identity | None:
        """Who these credentials sign in as, or None."""
        return await self.sasl.authenticate(login, password, server.client_ip or None)

    async def _account(self, db: AsyncSession, session: Session) -> Account | None:
        """The signed-in account, while it is active and the app password it signed in
        with (if any) is not revoked."""
        identity = session.auth_data if isinstance(session.auth_data, Identity) else None
        account = await db.get(Account, identity.account_id) if identity else None
        if account is None or account.status != "active":
            return None
        if identity is not None and identity.app_password_id is not None:
            if await db.get(AppPassword, identity.app_password_id) is None:
                return None
        return account

    async def handle_MAIL(
        self, server: EdgeSMTP, session: Session, envelope: Envelope, address: str,
        options: list[str],
    ) -> str:
        sender = envelope_address(address)
        if not sender:
            return "553 5.7.1 Submission needs a sender address"
        async with self.edge.runtime.db.session(write=False) as db:
            account = await self._account(db, session)
            if account is None:
                return "530 5.7.0 Authentication required"
            allowed = sender.lower() == account.address.lower() or await may_send_as(
                db, account, sender)
        if not allowed:
            return f"553 5.7.1 <{headers.token(sender, 320)}>: Sender address rejected: " \
                   "not owned by the authenticated user"
        envelope.mail_from = sender
        envelope.mail_options.extend(options)
        return "250 2.1.0 OK"

    async def handle_RCPT(
        self, server: EdgeSMTP, session: Session, envelope: Envelope, address: str,
        options: list[str],
    ) -> str:
        if len(envelope.rcpt_tos) >= self.edge.settings.smtp_max_recipients:
            return "452 4.5.3 Too many recipients"
        refusal = await self.edge.recipients.check(address, envelope.mail_from or "",
                                                   allow_remote=True)
        if refusal is not None and not refusal.startswith(("452 4.2.2", "552 5.2.2")):
            return refusal
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(options)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server: EdgeSMTP, session: Session, envelope: Envelope) -> str:
        raw, refusal = line_endings(bytes(envelope.original_content or b""))
        if refusal is not None:
            return refusal
        edge = self.edge
        queue_id = new_id("q")[2:]
        received = headers.received(
            helo=session.host_name or "", ip=server.client_ip, hostname=edge.hostname,
            protocol="ESMTPSA", queue_id=queue_id,
            recipient=envelope.rcpt_tos[0] if len(envelope.rcpt_tos) == 1 else None,
        )
        recipients = list(envelope.rcpt_tos)
        mail_from = envelope_address(envelope.mail_from)

        async def work(db: AsyncSession, runtime: Runtime) -> SendResult | str:
            account = await self._account(db, session)
            if account is None:
                return "535 5.7.8 The account can no longer send"
            try:
                async with db.begin_nested():
                    return await send_raw(db, runtime, account, received + raw,
                                          envelope=recipients, envelope_from=mail_from,
                                          ip=server.client_ip or None)
            except SendAsDenied as error:
                return f"550 5.7.1 {error.detail}"
            except UnknownRecipient as error:
                return f"550 5.1.1 {error.detail}"
            except QuotaExceeded:
                return "552 5.2.2 Your mailbox is full: the Sent copy cannot be stored"
            except PayloadTooLarge:
                return "552 5.3.4 Message size exceeds fixed maximum message size"
            except AppError as error:
                return f"554 5.6.0 {error.detail}"

        try:
            outcome = await edge.committer.run(work)
        except Exception:
            log.exception("submission failed")
            return "451 4.3.0 Temporary failure sending the message, try again later"
        if isinstance(outcome, str):
            return outcome
        return f"250 2.0.0 OK: queued as {queue_id} {outcome.message_id}"
