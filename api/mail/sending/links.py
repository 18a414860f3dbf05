"""Expiring, signed download links that stand in for huge attachments in mail to remote
recipients. The link row holds a reference to the file's blob until it expires."""

from __future__ import annotations

import html
from datetime import datetime, timedelta

from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy.ext.asyncio import AsyncSession

from api.errors import Gone, NotFound
from api.kit.clock import utcnow
from api.kit.ids import new_id
from api.mail.sending.compose import AttachmentSource
from api.runtime import Runtime
from api.storage.blobs import BlobRef
from api.storage.models import MailLink

SALT = "mailplane.mail.link"


def _signer(runtime: Runtime) -> URLSafeSerializer:
    return URLSafeSerializer(runtime.settings.signing_key(), salt=SALT)


def url_for(runtime: Runtime, link_id: str) -> str:
    return f"{runtime.settings.issuer}/v1/mail/links/{_signer(runtime).dumps(link_id)}"


async def create_link(
    session: AsyncSession,
    runtime: Runtime,
    *,
    org_id: str,
    account_id: str,
    source: AttachmentSource,
) -> tuple[MailLink, str]:
    assert source.blob_sha256 is not None
    link = MailLink(
        id=new_id("lnk"),
        org_id=org_id,
        account_id=account_id,
        blob_sha256=source.blob_sha256,
        filename=source.filename,
        content_type=source.content_type,
        size=source.size,
        downloads=0,
        expires_at=utcnow() + timedelta(seconds=runtime.settings.mail_link_ttl),
        created_at=utcnow(),
    )
    session.add(link)
    await runtime.blobs.incref(session, BlobRef(source.blob_sha256, source.size))
    return link, url_for(runtime, link.id)


async def resolve(session: AsyncSession, runtime: Runtime, token: str) -> MailLink:
    try:
        link_id = _signer(runtime).loads(token)
    except BadSignature:
        raise NotFound("No such link.") from None
    link = await session.get(MailLink, str(link_id))
    if link is None:
        raise NotFound("No such link.")
    if link.expires_at <= utcnow():
        raise Gone("This download link has expired.")
    return link


def human_size(n: int) -> str:
    size = float(n)
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} bytes"


def notice(links: list[tuple[AttachmentSource, str]], expires: datetime) -> tuple[str, str]:
    """The text and HTML appended to a message whose huge attachments became links."""
    until = expires.strftime("%Y-%m-%d %H:%M UTC")
    text = f"\n\n---\nLarge attachments (download until {until}):\n" + "".join(
        f"- {src.filename} ({human_size(src.size)}): {url}\n" for src, url in links
    )
    items = "".join(
        f'<li><a href="{html.escape(url)}">{html.escape(src.filename)}</a> '
        f"({human_size(src.size)})</li>"
        for src, url in links
    )
    markup = f"<hr><p>Large attachments (download until {html.escape(until)}):</p><ul>{items}</ul>"
    return text, markup
