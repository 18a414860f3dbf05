"""Steps a person takes in the web app, written once for both languages (labels come from
the app's own message catalogues)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import httpx
from playwright.sync_api import Page, expect

from tests.examples.demo_server import DemoServer

REPO = Path(__file__).resolve().parents[2]
NEW_ADMIN_PASSWORD = "Walk-the-console-2026!"
_changed: set[str] = set()


@cache
def catalogue(lang: str) -> dict[str, str]:
    tree = json.loads((REPO / "web" / "src" / "i18n" / f"{lang}.json").read_text("utf-8"))
    flat: dict[str, str] = {}

    def walk(node: dict[str, object], prefix: str) -> None:
        for key, value in node.items():
            path = f"{prefix}.{key}" if prefix else key
            if isinstance(value, dict):
                walk(value, path)
            else:
                flat[path] = str(value)

    walk(tree, "")
    return flat


def sign_in(page: Page, address: str, password: str, *, new_password: str | None = None) -> None:
    """With the keyboard only: address, Enter, password, Enter (and the first-login change)."""
    page.goto("/")
    page.wait_for_url(re.compile(r"/signin"))
    page.locator("#address").fill(address)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/oauth/login"))
    page.locator("input[name=password]").fill(password)
    page.keyboard.press("Enter")
    if new_password is not None:
        page.wait_for_url(re.compile(r"/oauth/password"))
        page.locator("input[name=current_password]").fill(password)
        page.locator("input[name=new_password]").fill(new_password)
        page.locator("input[name=confirm_password]").fill(new_password)
        page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/(console|home)$"))


def sign_in_admin(page: Page, console: DemoServer) -> None:
    admin = console.admin  # type: ignore[attr-defined]
    if console.url in _changed:
        sign_in(page, admin["admin"], NEW_ADMIN_PASSWORD)
    else:
        sign_in(page, admin["admin"], admin["admin_password"], new_password=NEW_ADMIN_PASSWORD)
        _changed.add(console.url)


def admin_api(console: DemoServer) -> httpx.Client:
    """The demo's admin app (client credentials), for setting up what a test needs."""
    admin = console.admin  # type: ignore[attr-defined]
    token = httpx.post(
        f"{console.url}/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=(admin["client_id"], admin["client_secret"]),
    ).json()["access_token"]
    return httpx.Client(base_url=console.url, headers={"Authorization": f"Bearer {token}"})


def fail_sign_in(console: DemoServer, address: str) -> None:
    """One wrong password on the sign-in page, as a browser would send it."""
    with httpx.Client(base_url=console.url) as client:
        form = client.get("/oauth/login")
        match = re.search(r"name=csrf_token value='([^']+)'", form.text)
        assert match, form.text
        resp = client.post("/oauth/login", data={
            "address": address, "password": "not-the-password", "csrf_token": match.group(1),
            "next": "/oauth/authorize"})
        assert resp.status_code == 401, resp.text


def other_organisation(console: DemoServer, domain: str) -> tuple[str, str]:
    """`mailplane init` a second organisation in the same installation: (admin, password)."""
    env = {"MAILPLANE_DATA_DIR": str(console.base / "data2"), "PATH": "/usr/bin:/bin"}
    if console.database_url:  # type: ignore[attr-defined]
        env["MAILPLANE_DATABASE_URL"] = console.database_url  # type: ignore[attr-defined]
    else:
        env["MAILPLANE_DATABASE_URL"] = f"sqlite:///{console.base / 'data' / 'mailplane.db'}"
    env["MAILPLANE_SECRET_KEY"] = (console.base / "data" / "secret.key").read_text().strip()
    env["MAILPLANE_PORT"] = console.url.rsplit(":", 1)[1]
    done = subprocess.run(
        [
            str(Path(sys.executable).parent / "mailplane"),
            "init",
            "--org",
            "Other Co",
            "--domain",
            domain,
            "--admin",
            "boss",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    match = re.search(r"one-time password: (\S+)", done.stdout)
    assert match, done.stdout
    return f"boss@{domain}", match.group(1)


def expect_heading(page: Page, text: str) -> None:
    expect(page.locator("main h1")).to_have_text(text)
