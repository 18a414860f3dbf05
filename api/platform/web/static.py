"""The built single-page application (`web/dist`, made by `npm run build`), served by the
api role with a strict Content-Security-Policy: every script, style, image and connection
comes from this origin, nothing inline, nothing from a CDN, no framing of the app. It frames
only its own `/web/mail/*` reading frame, which answers with a stricter policy of its own
(`mail_frame.py`).

Client-side routes (`/console/accounts`, …) answer index.html through `spa_fallback`, which
the 404 handler calls, so no catch-all route can shadow an API path.
"""

from __future__ import annotations

import gzip
from collections.abc import AsyncIterator
from functools import lru_cache
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, Response, StreamingResponse

import api
from api.platform.web.boot import boot_element, bootstrap
from api.platform.web.service import SESSION_COOKIE

router = APIRouter(include_in_schema=False)

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; manifest-src 'self'; frame-src 'self'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'; object-src 'none'"
)
_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
_NOT_SPA = (
    "/v1/",
    "/v1",
    "/oauth",
    "/graphql",
    "/web/session",
    "/web/mail/",
    "/.well-known",
    "/docs",
    "/openapi.json",
    "/healthz",
    "/readyz",
    "/metrics",
    "/assets/",
)
_NOT_BUILT = (
    "<!doctype html><html lang=en><meta charset=utf-8><title>Mailplane</title>"
    "<p>The web app is not built. Run <code>make run</code> (or <code>cd web &amp;&amp; npm ci"
    " &amp;&amp; npm run build</code>).</p><p lang=zh-CN>网页应用尚未构建，请运行 "
    "<code>make run</code>。</p></html>"
)


def dist_dir() -> Path:
    return Path(api.__file__).resolve().parent.parent / "web" / "dist"


_ROOT = "<div id=\"root\"></div>"


@lru_cache(maxsize=4)
def _page(path: str, mtime_ns: int) -> tuple[bytes, bytes]:
    """index.html cut after the app's root element: the part the bootstrap follows."""
    text = Path(path).read_text(encoding="utf-8")
    cut = text.index(_ROOT) + len(_ROOT) if _ROOT in text else text.rindex("</body>")
    return text[:cut].encode(), text[cut:].encode()


async def _index(request: Request) -> Response:
    index = dist_dir() / "index.html"
    if not index.is_file():
        return HTMLResponse(
            _NOT_BUILT, status_code=503, headers={**_HEADERS, "Cache-Control": "no-store"}
        )
    if not request.cookies.get(SESSION_COOKIE) or request.method != "GET":
        # index.html names the hashed bundles: always revalidate it, cache the bundles forever.
        return FileResponse(
            index,
            media_type="text/html",
            headers={**_HEADERS, "Cache-Control": "no-cache", "Vary": "Cookie"},
        )
    head, tail = _page(str(index), index.stat().st_mtime_ns)

    async def body() -> AsyncIterator[bytes]:
        # the head (bundle, styles) goes first: the browser fetches and compiles the bundle
        # while the bootstrap is asked; the module runs once the document is complete
        yield head
        boot = await bootstrap(request)
        yield (boot_element(boot).encode() if boot else b"") + tail

    # personal (the session, the person's mail): never stored by the browser or a proxy
    return StreamingResponse(
        body(),
        media_type="text/html; charset=utf-8",
        headers={**_HEADERS, "Cache-Control": "no-store", "Vary": "Cookie"},
    )


@router.get("/")
async def web_app_index(request: Request) -> Response:
    return await _index(request)


@router.get("/assets/{name:path}")
async def web_app_asset(name: str, request: Request) -> Response:
    root = (dist_dir() / "assets").resolve()
    path = (root / name).resolve()
    if not path.is_relative_to(root) or not path.is_file():
        return Response(status_code=404, headers=_HEADERS)
    headers = {
        **_HEADERS,
        "Cache-Control": "public, max-age=31536000, immutable",
        "Vary": "Accept-Encoding",
    }
    if "gzip" in request.headers.get("accept-encoding", "") and path.suffix in _COMPRESSIBLE:
        body = _gzipped(str(path), path.stat().st_mtime_ns)
        media = _COMPRESSIBLE[path.suffix]
        return Response(body, media_type=media, headers={**headers, "Content-Encoding": "gzip"})
    return FileResponse(path, headers=headers)


_COMPRESSIBLE = {".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml"}


@lru_cache(maxsize=64)
def _gzipped(path: str, mtime_ns: int) -> bytes:
    """The bundle compressed once per build (hashed names never change content)."""
    return gzip.compress(Path(path).read_bytes(), compresslevel=9, mtime=0)


@router.get("/favicon.svg")
async def web_app_icon() -> Response:
    path = dist_dir() / "favicon.svg"
    if not path.is_file():
        return Response(status_code=404)
    return FileResponse(
        path, media_type="image/svg+xml", headers={"Cache-Control": "public, max-age=86400"}
    )


async def spa_fallback(request: Request) -> Response | None:
    """index.html for a client-side route of the app; None for everything else."""
    if request.method not in ("GET", "HEAD") or request.url.path.startswith(_NOT_SPA):
        return None
    return await _index(request)
