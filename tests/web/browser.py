"""Headless Chromium (Debian's `chromium`, driven by Playwright for Python) against a real
`mailplane serve`: every page is watched for requests to another host and console errors,
can be checked with axe-core (from web/node_modules, injected outside the page's CSP), and
screenshots go to `test-artifacts/web/` (gitignored)."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Request

REPO = Path(__file__).resolve().parents[2]
AXE = REPO / "web" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = REPO / "test-artifacts" / "web"
DIST = REPO / "web" / "dist" / "index.html"


def chromium_path() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    assert found, "needs Debian's `chromium` (installed by .ci/run)"
    return found


def require_built_app() -> None:
    assert DIST.is_file(), "web/dist is not built: run `make web` (make test does it)"
    assert AXE.is_file(), "axe-core is missing: run `cd web && npm ci`"


@dataclass
class Watched:
    """A browser context whose pages may talk to the server's origin only, log no error."""

    context: BrowserContext
    origin: str
    lang: str
    external: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def page(self) -> Page:
        page = self.context.new_page()
        page.on("request", self._request)
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))
        return page

    def _request(self, request: Request) -> None:
        url = request.url
        if url.startswith(("data:", "blob:", "about:")):
            return
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            self.external.append(url)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"{message.text} @ {message.location.get('url', '')}")

    def assert_clean(self) -> None:
        assert self.external == [], f"requests to other hosts: {self.external}"
        assert self.errors == [], f"console errors: {self.errors}"


def open_context(
    browser: Browser, origin: str, lang: str, *, width: int = 1280, height: int = 900
) -> Watched:
    context = browser.new_context(
        locale=lang,
        timezone_id="Asia/Shanghai",
        viewport={"width": width, "height": height},
        base_url=origin,
        accept_downloads=True,
    )
    context.add_init_script(path=str(AXE))  # via DevTools: the page's CSP stays strict
    return Watched(context, origin, lang)


def shot(page: Page, lang: str, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{lang}-{name}.png"), full_page=True)


def axe_serious(page: Page) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the page as it is now."""
    result = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
        ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target)}))"
    )
    return list(result)


def check_screen(page: Page, lang: str, name: str) -> None:
    """Screenshot, then no serious accessibility violation."""
    page.wait_for_selector("main h1")
    page.wait_for_timeout(400)  # the screen's first API answers (an SSE stream never idles)
    shot(page, lang, name)
    violations = axe_serious(page)
    assert violations == [], f"{name} ({lang}): {violations}"


def text_re(*options: str) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(o) for o in options))
