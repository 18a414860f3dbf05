"""The webmail's same-origin proxy for remote images (Gmail's googleusercontent proxy).

Once a person allows a message's remote images, the reading frame does not load them from
the sender's host (which would hand it the reader's IP address, browser and time of
reading): each remote `src` becomes `/web/mail/image-proxy?t=<token>`, a URL signed with the
installation's secret (HMAC-SHA256), bound to the account and the message and valid for an
hour, and the server fetches the image itself:

- through `api.kit.ssrf` (the webhooks' SSRF defence): every resolved address vetted, the
  socket opened to the vetted address, no proxy from the environment; private, loopback and
  link-local destinations refused unless `MAILPLANE_MAIL_IMAGE_PROXY_ALLOW_PRIVATE` (tests);
- redirects followed by hand, at most three, each hop checked again;
- no cookie, referrer, language or browser header leaves: the request carries only our
  User-Agent and `Accept: image/*`;
- only raster images (`image/png`, `jpeg`, `gif`, `webp`, `bmp`; never SVG, which can carry
  script) of at most `MAILPLANE_MAIL_IMAGE_PROXY_MAX_BYTES` (10 MB), within a timeout; the
  answer carries none of the remote host's headers.
"""

from __future__ import annotations

import hashlib
import ssl
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urljoin

import httpx
from itsdangerous import BadSignature, URLSafeTimedSerializer

from api.config import Settings
from api.kit.ssrf import BlockedAddress, check_url, guarded_client
from api.mail import display

TOKEN_LIFETIME = 3600
USER_AGENT = "Mailplane-ImageProxy/1"
MAX_REDIRECTS = 3
MAX_URL = 4096
#: One TLS context for every fetch (building one per request costs milliseconds of CPU).
_TLS: ssl.SSLContext = httpx.create_ssl_context()


class ImageRefused(Exception):
    """The image is not served; `status` is what the proxy answers."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass(frozen=True)
class ProxiedImage:
    content_type: str
    data: bytes


def _signer(settings: Settings) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(
        settings.signing_key(), salt="mailplane.web.mail-image",
        signer_kwargs={"digest_method": hashlib.sha256},
    )


def proxy_url(settings: Settings, account_id: str, message_id: str, url: str) -> str:
    """The same-origin URL the reading frame loads instead of `url` (protocol-relative
    `//host/…` read as https)."""
    target = f"https:{url.strip()}" if url.strip().startswith("//") else url.strip()
    token = _signer(settings).dumps([account_id, message_id, target])
    return f"/web/mail/image-proxy?t={quote(token)}"


def read_token(settings: Settings, token: str) -> tuple[str, str, str]:
    """(account id, message id, remote URL) of a valid, unexpired token; 403 otherwise."""
    try:
        account_id, message_id, url = _signer(settings).loads(token, max_age=TOKEN_LIFETIME)
    except (BadSignature, ValueError, TypeError) as exc:
        raise ImageRefused(403, "bad or expired signature") from exc
    return str(account_id), str(message_id), str(url)


def _checked(url: str, allow_private: bool) -> str:
    if len(url) > MAX_URL:
        raise ImageRefused(403, "URL too long")
    try:
        check_url(url, allow_private=allow_private, plain_http=True)
    except BlockedAddress as exc:
        raise ImageRefused(403, str(exc)) from exc
    return url


def _media_type(response: httpx.Response) -> str:
    return response.headers.get("content-type", "").split(";", 1)[0].strip().lower()


async def _read_capped(response: httpx.Response, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise ImageRefused(413, "image too large")
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise ImageRefused(413, "image too large")
        chunks.append(chunk)
    return b"".join(chunks)


async def fetch_image(settings: Settings, url: str, *, client: Any = None) -> ProxiedImage:
    """Fetch one remote image as the proxy does; ImageRefused says why not."""
    allow_private = settings.mail_image_proxy_allow_private
    headers = {"user-agent": USER_AGENT, "accept": "image/*"}
    own = client is None
    http = client or guarded_client(
        allow_private=allow_private, timeout=settings.mail_image_proxy_timeout,
        max_connections=4, verify=_TLS,
    )
    try:
        target = _checked(url, allow_private)
        for _hop in range(MAX_REDIRECTS + 1):
            request = http.build_request("GET", target, headers=headers)
            # a cookie the remote set on an earlier hop must not come back: no tracking id
            request.headers.pop("cookie", None)
            response = await http.send(request, stream=True)
            try:
                if response.is_redirect and "location" in response.headers:
                    target = _checked(urljoin(target, response.headers["location"]), allow_private)
                    continue
                if response.status_code != 200:
                    raise ImageRefused(502, f"remote answered {response.status_code}")
                media = _media_type(response)
                if media not in display.IMAGE_TYPES:
                    raise ImageRefused(415, f"not an image the frame shows: {media or 'none'}")
                data = await _read_capped(response, settings.mail_image_proxy_max_bytes)
                return ProxiedImage(media, data)
            finally:
                await response.aclose()
        raise ImageRefused(502, "too many redirects")
    except httpx.ConnectError as exc:
        # the guarded backend refuses non-public addresses as a connection error
        status = 403 if "blocked" in str(exc) else 502
        raise ImageRefused(status, str(exc)) from exc
    except httpx.HTTPError as exc:  # timeouts, protocol errors, bad TLS
        raise ImageRefused(502, type(exc).__name__) from exc
    finally:
        if own:
            await http.aclose()
