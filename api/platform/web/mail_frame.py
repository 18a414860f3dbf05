"""`/web/mail/*`: the webmail's reading frame, served by the backend-for-frontend.

A message's HTML is never put into the app's own document. The app shows it in
`<iframe sandbox="allow-popups allow-popups-to-escape-sandbox" src="/web/mail/messages/{id}/body">`
(no scripts, an opaque origin), and this route answers the sanitised HTML with a policy
of its own, per response: nothing may load but inline `cid:` images (turned into signed,
short-lived `/web/mail/parts/{token}` URLs: the opaque-origin frame sends no cookie) and,
only once the person allowed them for this message (`?images=1`) or for this sender (their
"images" sender list), remote images through the same-origin image proxy
(`/web/mail/image-proxy?t=…`, `image_proxy.py`): the sender's host never sees the reader.
No script, font, form, frame or connection, ever.

Attachment previews (`…/attachments/{id}/preview`) are answered inline for images and PDF
only, under `sandbox`, for the app's own page (which sends the session cookie).

Only the signed-in person's own mailbox is served here; everything else is the public API.
"""

from __future__ import annotations

from html import escape
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response, StreamingResponse
from itsdangerous import BadSignature, URLSafeTimedSerializer

from api.config import Settings
from api.deps import DbSession, RuntimeDep
from api.mail import display, shows_images
from api.platform.web import image_proxy, service
from api.platform.web.service import SESSION_COOKIE

router = APIRouter(include_in_schema=False)

PART_LIFETIME = 3600
_FRAME_STYLE = (
    "body{font:15px/1.5 system-ui,-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;"
    "margin:12px;color:#1f2328;overflow-wrap:anywhere}img{max-width:100%;height:auto}"
    "pre{white-space:pre-wrap}table{max-width:100%}"
)
_COMMON = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "private, no-store",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def _parts(settings: Settings) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(settings.signing_key(), salt="mailplane.web.mail-part")


def _origin(request: Request) -> str:
    return f"{request.url.scheme}://{request.url.netloc}"


def frame_policy(origin: str, remote_images: bool) -> str:
    """The frame's Content-Security-Policy: only its own parts and, on consent, remote images
    through the same-origin image proxy: never another host."""
    images = f"{origin}/web/mail/parts/ data:" + (
        f" {origin}/web/mail/image-proxy" if remote_images else ""
    )
    return (
        f"default-src 'none'; img-src {images}; style-src 'unsafe-inline'; font-src 'none'; "
        "connect-src 'none'; media-src 'none'; object-src 'none'; frame-src 'none'; "
        "form-action 'none'; base-uri 'none'; frame-ancestors 'self'; "
        "sandbox allow-popups allow-popups-to-escape-sandbox"
    )


def _not_found() -> Response:
    return Response(status_code=404, headers={**_COMMON, "Content-Security-Policy": "sandbox"})


async def _own_message(request: Request, session: Any, message_id: str) -> Any:
    row = await service.find(session, request.cookies.get(SESSION_COOKIE))
    if row is None:
        return None
    return await display.message_of(session, row.account_id, message_id)


@router.get("/web/mail/messages/{message_id}/body")
async def mail_frame_body(
    message_id: str, request: Request, session: DbSession, runtime: RuntimeDep
) -> Response:
    message = await _own_message(request, session, message_id)
    if message is None:
        return _not_found()
    settings = runtime.settings
    signer = _parts(settings)

    def part_url(attachment_id: str) -> str:
        token = signer.dumps([message.account_id, message.id, attachment_id])
        return f"/web/mail/parts/{token}"

    allowed = request.query_params.get("images") == "1" or await shows_images(
        session, message.account_id, message.from_address or ""
    )
    def remote_url(url: str) -> str:
        return image_proxy.proxy_url(settings, message.account_id, message.id, url)

    body = await display.display_body(runtime.blobs, message, part_url, allowed, remote_url)
    if body.html is not None:
        content = body.html
    else:
        content = f"<pre>{escape(body.text or '')}</pre>"
    document = (
        '<!doctype html><html><head><meta charset="utf-8">'
        '<meta name="referrer" content="no-referrer"><base target="_blank">'
        f"<style>{_FRAME_STYLE}</style></head><body>{content}</body></html>"
    )
    headers = {
        **_COMMON,
        "Content-Security-Policy": frame_policy(_origin(request), allowed),
        "X-Frame-Options": "SAMEORIGIN",
        "X-Remote-Images": str(body.remote_images),
    }
    return Response(document, media_type="text/html; charset=utf-8", headers=headers)


@router.get("/web/mail/parts/{token}")
async def mail_frame_part(
    token: str, session: DbSession, runtime: RuntimeDep
) -> Response:
    try:
        account_id, message_id, attachment_id = _parts(runtime.settings).loads(
            token, max_age=PART_LIFETIME
        )
    except (BadSignature, ValueError, TypeError):
        return _not_found()
    message = await display.message_of(session, str(account_id), str(message_id))
    found = None if message is None else await display.inline_image(
        runtime.blobs, message, str(attachment_id)
    )
    if found is None:
        return _not_found()
    content_type, data = found
    # loaded by the opaque-origin frame: no Cross-Origin-Resource-Policy same-origin here (the
    # signed, short-lived URL is the capability)
    return Response(data, media_type=content_type, headers={
        **_COMMON, "Content-Security-Policy": "sandbox", "Cache-Control": "private, max-age=3600",
        "Cross-Origin-Resource-Policy": "cross-origin",
    })


@router.get("/web/mail/messages/{message_id}/attachments/{attachment_id}/preview")
async def mail_attachment_preview(
    message_id: str, attachment_id: str, request: Request, session: DbSession,
    runtime: RuntimeDep,
) -> Response:
    message = await _own_message(request, session, message_id)
    body = None if message is None else await display.preview(
        runtime.blobs, message, attachment_id
    )
    if body is None:
        return _not_found()
    return StreamingResponse(body.chunks, media_type=body.entry["content_type"], headers={
        **_COMMON,
        "Content-Security-Policy": "sandbox; default-src 'none'; img-src 'self'; "
                                   "style-src 'unsafe-inline'; frame-ancestors 'self'",
        "X-Frame-Options": "SAMEORIGIN",
        "Content-Disposition": "inline",
        "Content-Length": str(body.size),
    })


@router.get("/web/mail/image-proxy")
async def mail_image_proxy(t: str, runtime: RuntimeDep) -> Response:
    """One remote image of a message whose images the person allowed, fetched by the server."""
    settings = runtime.settings
    try:
        account_id, message_id, url = image_proxy.read_token(settings, t)
        # a short read of its own: no database connection is held while the remote host answers
        async with runtime.db.session(write=False) as session:
            message = await display.message_of(session, account_id, message_id)
        if message is None:
            return _not_found()  # the message is gone: so is the right to its images
        image = await image_proxy.fetch_image(settings, url)
    except image_proxy.ImageRefused as refused:
        # the status only: the reason (what a host resolved to) is no one's business outside
        return Response(
            status_code=refused.status, headers={**_COMMON, "Content-Security-Policy": "sandbox"}
        )
    # loaded by the opaque-origin frame: the signed, expiring URL is the capability
    return Response(image.data, media_type=image.content_type, headers={
        **_COMMON, "Content-Security-Policy": "sandbox; default-src 'none'",
        "Cache-Control": "private, max-age=3600", "Cross-Origin-Resource-Policy": "cross-origin",
    })
