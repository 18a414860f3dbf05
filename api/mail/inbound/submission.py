"""The submission handler: people and OA systems sending through Mailplane over SMTP.
AUTH PLAIN/LOGIN only over TLS (the account password, or an OAuth access token acting for
the account with `mail:send` as an app password); the sender must be the account, one of
its aliases or a group it may send as; the message then takes the API's raw send path
(Sent copy, local delivery, outbound queue)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from aiosmtpd.smtp import Envelope, Session
from sqlalchemy.ext.asyncio import AsyncSession

from api.directory.accounts.credentials import authenticate as password_sign_in
from api.directory.recipients import may_send_as
from api.errors import AppError, PayloadTooLarge
from api.kit.ids import new_id
from api.mail.errors import QuotaExceeded, SendAsDenied, UnknownRecipient
from api.mail.inbound import headers
from api.mail.inbound.content import envelope_address, line_endings
from api.mail.inbound.protocol import EdgeSMTP
from api.mail.sending.raw import send_raw
from api.platform.oauth.bearer import load_principal
from api.runtime import Runtime
from api.storage.models import Account
from schemas.mail import SendResult

if TYPE_CHECKING:
    from api.mail.inbound.server import SmtpEdge

log = logging.getLogger("mailplane.smtp")


class SubmissionHandler:
    def __init__(self, edge: SmtpEdge) -> None:
        self.edge = edge

    async def handle_EHLO(
        self, server: EdgeSMTP, session: Session, envelope: Envelope, hostname: str,
        responses: list[str],
    ) -> list[str]:
        session.host_name = hostname
        return self.edge.ehlo_lines(server, responses)

    async def authenticate(self, server: EdgeSMTP, login: str, password: str) -> str | None:
        """The account id these credentials open, or None."""
        if not login or not password or len(login) > 320 or len(password) > 4096:
            return None
        async with self.edge.runtime.db.session() as db:
            account = await password_sign_in(db, login, password, ip=server.client_ip or None)
            if account is not None:
                return account.id
        async with self.edge.runtime.db.session(write=False) as db:
            principal, _ = await load_principal(db, password)
        if (principal is not None and principal.account_id and "mail:send" in principal.scopes
                and (principal.address or "").lower() == login.strip().lower()):
            return principal.account_id
        return None

    async def _account(self, db: AsyncSession, session: Session) -> Account | None:
        account_id = session.auth_data if isinstance(session.auth_data, str) else None
        account = await db.get(Account, account_id) if account_id else None
        return account if account is not None and account.status == "active" else None

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
        account_id = session.auth_data
        recipients = list(envelope.rcpt_tos)
        mail_from = envelope_address(envelope.mail_from)

        async def work(db: AsyncSession, runtime: Runtime) -> SendResult | str:
            account = await db.get(Account, account_id)
            if account is None or account.status != "active":
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
