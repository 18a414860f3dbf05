"""The webmail's same-origin image proxy (`/web/mail/image-proxy`) against a real loopback
HTTP server: remote `src` rewritten to signed proxy URLs once images are allowed, the image
fetched by the server with none of the reader's headers, and every refusal: a bad or foreign
signature, a message that is gone, a page or an SVG instead of a raster image, an image over
the size cap, a private address when the installation does not allow them."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote

import pytest

from api.config import Settings
from api.kit.ssrf import guarded_client
from api.mail import display
from api.mail.messages.views import sanitise_html
from api.platform.web import image_proxy
from tests.factories.mail import deliver_to, simple_message
from tests.live_server import free_port

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63fccf50000000050001a5f645400000000049454e44ae426082"
)
CAP = 4096


class Remote:
    """A sender's image host on loopback that records what each request carried."""

    def __init__(self) -> None:
        self.port = free_port()
        self.requests: list[dict[str, str]] = []
        seen = self.requests

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                seen.append({"path": self.path, **{k.lower(): v for k, v in self.headers.items()}})
                routes = {
                    "/pixel.png": ("image/png", PNG),
                    "/page": ("text/html", b"<script>alert(1)</script>"),
                    "/vector.svg": ("image/svg+xml", b"<svg onload='alert(1)'/>"),
                    "/huge.png": ("image/png", b"\x89PNG" + b"0" * (CAP * 2)),
                }
                if self.path == "/hop":
                    self.send_response(302)
                    self.send_header("location", "/pixel.png")
                    self.send_header("set-cookie", "track=1")
                    self.end_headers()
                    return
                if self.path == "/stream.png":  # no content-length: the cap bites while reading
                    self.send_response(200)
                    self.send_header("content-type", "image/png")
                    self.send_header("connection", "close")
                    self.end_headers()
                    for _ in range(8):
                        self.wfile.write(b"0" * 1024)
                    return
                kind, body = routes.get(self.path, ("text/plain", b"missing"))
                self.send_response(200 if self.path in routes else 404)
                self.send_header("content-type", kind)
                self.send_header("content-length", str(len(body)))
                self.send_header("set-cookie", "track=1")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return Settings(
        data_dir=tmp_path / "data", database_url=database_url,
        secret_key="test-secret-key-not-for-production", log_json=True,
        rate_limit_app_per_minute=100_000, rate_limit_org_per_minute=100_000,
        mail_image_proxy_allow_private=True, mail_image_proxy_max_bytes=CAP,
    )


@pytest.fixture
def remote() -> Iterator[Remote]:
    server = Remote()
    yield server
    server.server.shutdown()
    server.server.server_close()


async def _message(org) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    person = await org.add_account("reader")
    report = await deliver_to(
        org.runtime, simple_message("pics", "see", to=person.address), person.address
    )
    return person.id, report.delivered[0].message_id


def test_allowed_remote_images_become_signed_same_origin_urls() -> None:
    settings = Settings(secret_key="k" * 32)
    html = sanitise_html(
        '<p><img src="http://t.example/a.png?x=1&amp;y=2" srcset="http://t.example/b.png 2x">'
        '<img src="//cdn.example/c.gif"><img src="cid:logo"></p>'
    )
    assert "srcset" not in html  # the sanitiser keeps only src on img
    out, remote = display.rewrite_images(
        html, {}, lambda a: f"/part/{a}", True,
        lambda url: image_proxy.proxy_url(settings, "acc_1", "msg_1", url),
    )
    assert remote == 2 and "t.example" not in out and "cdn.example" not in out
    tokens = [part.split('"')[0] for part in out.split("/web/mail/image-proxy?t=")[1:]]
    urls = [image_proxy.read_token(settings, unquote(t))[2] for t in tokens]
    assert urls == ["http://t.example/a.png?x=1&y=2", "https://cdn.example/c.gif"]
    blocked, _ = display.rewrite_images(html, {}, lambda a: a, False, lambda u: "/proxy")
    assert "/proxy" not in blocked and 'data-blocked-src="http://t.example' in blocked


async def test_proxy_fetches_the_image_without_the_readers_headers(client, org, settings, remote):
    account_id, message_id = await _message(org)
    path = image_proxy.proxy_url(settings, account_id, message_id, remote.url("/hop"))
    resp = await client.get(path, headers={
        "cookie": "mp_session=secret", "referer": "https://mail.acme.test/mail",
        "user-agent": "Mozilla/5.0 reader", "accept-language": "zh-CN",
    })
    assert resp.status_code == 200 and resp.content == PNG
    assert resp.headers["content-type"] == "image/png"
    assert "set-cookie" not in resp.headers and resp.headers["x-content-type-options"] == "nosniff"
    assert [r["path"] for r in remote.requests] == ["/hop", "/pixel.png"]  # a redirect followed
    for got in remote.requests:
        assert got["user-agent"] == image_proxy.USER_AGENT
        assert not {"cookie", "referer", "accept-language"} & set(got)


@pytest.mark.parametrize(
    ("path", "status"),
    [("/page", 415), ("/vector.svg", 415), ("/huge.png", 413), ("/stream.png", 413),
     ("/missing", 502)],
)
async def test_proxy_refuses_what_is_not_a_small_raster_image(
    client, org, settings, remote, path, status
):
    account_id, message_id = await _message(org)
    resp = await client.get(
        image_proxy.proxy_url(settings, account_id, message_id, remote.url(path))
    )
    assert resp.status_code == status
    assert resp.content == b"" and resp.headers["content-security-policy"] == "sandbox"


async def test_proxy_refuses_bad_signatures_and_gone_messages(client, org, settings, remote):
    account_id, message_id = await _message(org)
    good = image_proxy.proxy_url(settings, account_id, message_id, remote.url("/pixel.png"))
    assert (await client.get(good[:-3] + "AAA")).status_code == 403
    assert (await client.get("/web/mail/image-proxy?t=nonsense")).status_code == 403
    other = Settings(secret_key="another-installation-secret")
    forged = image_proxy.proxy_url(other, account_id, message_id, remote.url("/pixel.png"))
    assert (await client.get(forged)).status_code == 403
    gone = image_proxy.proxy_url(settings, account_id, "msg_not_there", remote.url("/pixel.png"))
    assert (await client.get(gone)).status_code == 404
    assert remote.requests == []  # nothing reached the remote host for any of them


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:{port}/pixel.png", "http://localhost:{port}/pixel.png",
     "http://[::ffff:127.0.0.1]:{port}/pixel.png", "http://0177.0.0.1:{port}/pixel.png",
     "http://10.1.2.3/x.png", "file:///etc/passwd", "http://user:pw@example.com/x.png"],
)
async def test_private_addresses_are_refused_unless_allowed(settings, remote, url):
    strict = settings.model_copy(update={"mail_image_proxy_allow_private": False})
    with pytest.raises(image_proxy.ImageRefused) as refused:
        await image_proxy.fetch_image(strict, url.format(port=remote.port))
    assert refused.value.status == 403
    assert remote.requests == []


async def test_a_public_name_that_resolves_to_loopback_is_refused_at_connect(settings, remote):
    strict = settings.model_copy(update={"mail_image_proxy_allow_private": False})

    async def rebinding(host: str, port: int) -> list[str]:
        return ["127.0.0.1"]

    client = guarded_client(allow_private=False, timeout=5, resolver=rebinding)
    async with client:
        with pytest.raises(image_proxy.ImageRefused) as refused:
            await image_proxy.fetch_image(
                strict, f"http://images.example.com:{remote.port}/pixel.png", client=client
            )
    assert refused.value.status == 403 and remote.requests == []
