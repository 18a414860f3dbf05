"""The reference pages (Swagger UI, the ReDoc reference, GraphiQL) are served entirely by
Mailplane: every asset a page names is on this server and answers, and nothing a page or
Mailplane's own scripts reference is on another host, so they work on an intranet."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import httpx
import pytest

PAGES = ["/docs", "/reference", "/graphql", "/docs/oauth2-redirect"]
URL = re.compile(r"""(?:https?:)?//[A-Za-z0-9.-]+(?::\d+)?""")
# Hosts that serve front-end assets: a vendor bundle naming one would load from the internet.
CDNS = re.compile(
    r"//[a-z0-9.-]*(unpkg\.com|jsdelivr\.net|cdnjs\.cloudflare\.com|googleapis\.com"
    r"|gstatic\.com|bootstrapcdn\.com|esm\.sh|skypack\.dev)"
)


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []
        self.inline: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("src", "href", "action", "data") and value:
                self.refs.append(value)
            elif value and name == "style":
                self.inline.append(value)
        self._in_script = tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.inline.append(data)


async def _page(client: httpx.AsyncClient, path: str) -> str:
    resp = await client.get(path, headers={"Accept": "text/html"})
    assert resp.status_code == 200, (path, resp.status_code)
    assert resp.headers["content-type"].startswith("text/html")
    return resp.text


@pytest.mark.parametrize("path", PAGES)
async def test_a_page_names_no_other_host_and_every_asset_is_served(
    client: httpx.AsyncClient, path: str
) -> None:
    html = await _page(client, path)
    parser = _Refs()
    parser.feed(html)
    assert not URL.findall(html), f"{path} names another host: {URL.findall(html)}"
    assert not parser.inline or all(not URL.search(chunk) for chunk in parser.inline)
    for ref in parser.refs:
        parts = urlsplit(urljoin("http://testserver" + path, ref))
        assert parts.netloc == "testserver", (path, ref)
        asset = await client.get(parts.path)
        assert asset.status_code == 200, (path, ref, asset.status_code)
        if parts.path.startswith("/static/reference/"):
            # Mailplane's own scripts and styles: no URL to any host at all.
            assert not URL.findall(asset.text), (ref, URL.findall(asset.text))
        else:
            assert not CDNS.search(asset.text), (ref, CDNS.search(asset.text))


async def test_swagger_ui_turns_off_the_external_validator_badge(client: httpx.AsyncClient):
    init = (await client.get("/static/reference/swagger-init.js")).text
    assert "validatorUrl: null" in init


async def test_the_pages_load_their_real_bundles(client: httpx.AsyncClient) -> None:
    """Not placeholders: the Swagger UI, Redoc, React and GraphiQL builds are served."""
    for path, marker in [
        ("/static/swagger-ui/swagger-ui-bundle.js", "SwaggerUIBundle"),
        ("/static/redoc/redoc.standalone.js", "Redoc"),
        ("/static/graphiql/graphiql.min.js", "GraphiQL"),
        ("/static/graphiql/react.production.min.js", "React"),
    ]:
        resp = await client.get(path)
        assert resp.status_code == 200 and marker in resp.text and len(resp.content) > 10_000


async def test_graphiql_is_the_answer_to_a_browser_and_json_to_a_client(client, org):
    page = await client.get("/graphql", headers={"Accept": "text/html"})
    assert "/static/graphiql/graphiql.min.js" in page.text
    answer = await client.post(
        "/graphql", json={"query": "{ __typename }"}, headers=await org.headers()
    )
    assert answer.json() == {"data": {"__typename": "Query"}}
