"""A large inbox in a real browser: 3,000 messages, scrolled far down. The message list is
windowed (only the rows in view and a few either side are in the DOM), so the page holds a
bounded number of rows wherever it is scrolled; j/k move through the rows there, the next
pages load as the end comes near, and a message far down opens with the list still scrolled
where it was."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from playwright.sync_api import Browser, expect
from sqlalchemy import select

from api.config import Settings
from api.mail import append_many
from api.runtime import Runtime
from api.storage.models import Account
from benchmarks.webmail import raw_message
from tests.examples.demo_server import DemoServer
from tests.web.browser import open_context
from tests.web.test_webmail import PASSWORD, _person
from tests.web.walk import sign_in

COUNT = 3000
ROWS = "[data-testid=message-list] li"


async def _seed(console: DemoServer, address: str) -> None:
    """COUNT messages into the inbox through the delivery core's batch store, beside the
    running server (as an import would)."""
    settings = Settings(
        data_dir=console.base / "data",
        database_url=console.database_url,  # type: ignore[attr-defined]
    )
    runtime = Runtime.build(settings)
    try:
        for start in range(0, COUNT, 1000):
            async with runtime.db.session() as session:
                account = (await session.execute(
                    select(Account).where(Account.address == address))).scalar_one()
                await append_many(session, runtime, account, [
                    raw_message(i, address) for i in range(start, start + 1000)
                ], seen=True)
    finally:
        await runtime.db.dispose()


def test_a_large_inbox_scrolls_with_a_bounded_dom(browser: Browser, console: DemoServer) -> None:
    reader = _person(console, "dawei")
    with ThreadPoolExecutor(1) as pool:  # Playwright's loop runs in this thread
        pool.submit(asyncio.run, _seed(console, reader)).result()
    watched = open_context(browser, console.url, "en")
    page = watched.page()
    sign_in(page, reader, PASSWORD)
    page.goto("/mail")
    rows = page.locator(ROWS)
    expect(rows.first).to_be_visible()
    scroller = page.locator("[data-testid=message-scroller]")

    # scroll down page after page until 1,000 rows are loaded and the list is deep in them
    for _ in range(200):
        scroller.evaluate("el => { el.scrollTop = el.scrollHeight; }")
        page.wait_for_timeout(50)
        last = int(rows.last.get_attribute("aria-posinset") or 0)
        if last >= 1000:
            break
    assert last >= 1000, last
    drawn = rows.count()
    assert 0 < drawn <= 60, drawn  # a window, not every row loaded
    assert int(rows.first.get_attribute("aria-posinset") or 0) > 900

    # j/k among the far rows: click one to make it current, then move with the keyboard
    target = rows.nth(drawn // 2)
    target.locator("button").click()
    expect(page.locator("#mail-subject")).to_have_text(target.locator(".subject").inner_text())
    position = int(target.get_attribute("aria-posinset") or 0)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    for _ in range(3):
        page.keyboard.press("j")
    page.keyboard.press("k")
    current = page.locator(f"{ROWS}.current")
    expect(current).to_have_attribute("aria-posinset", str(position + 2))
    subject = current.locator(".subject").inner_text()
    page.keyboard.press("o")
    expect(page.locator("#mail-subject")).to_have_text(subject)
    # the list stayed where it was, still windowed
    page.wait_for_function(
        "() => +document.querySelector('[data-testid=message-list] li').ariaPosInSet > 900",
        timeout=5000,
    )
    assert rows.count() <= 60
    # newest first: the row at position p is the seed's message COUNT - p
    assert subject.endswith(f"第{COUNT - position - 2}号"), (subject, position)
