"""The developer portal in a real browser, and who sees what.

Portal: register an app and see its secret once; add a webhook endpoint pointing at a local
receiver; send a test event and see the delivery in the log; stop the receiver and see the
failed attempt; start it again and redeliver. Access: a member sees no admin screen and the
API refuses the calls anyway; an administrator of another organisation sees nothing of this
one."""

from __future__ import annotations

import re

import httpx
from playwright.sync_api import Browser, expect

from tests.examples.demo_server import DemoServer, until
from tests.web.browser import check_screen, open_context
from tests.web.receiver import WebhookReceiver
from tests.web.walk import (
    admin_api,
    catalogue,
    expect_heading,
    other_organisation,
    sign_in,
    sign_in_admin,
)


def test_developer_portal_walk(browser: Browser, console: DemoServer) -> None:
    lang = "zh-CN"
    t = catalogue(lang)
    watched = open_context(browser, console.url, lang)
    page = watched.page()
    sign_in_admin(page, console)

    page.goto("/portal/apps")
    form = page.get_by_role("form", name=t["apps.register"])
    form.get_by_label(t["apps.name"]).fill("OA 审批")
    form.get_by_role("button", name=t["apps.register"]).click()
    secret = page.locator("[data-testid=client-secret]")
    expect(secret).to_have_text(re.compile(r"^mpcs_"))
    shown = secret.inner_text()
    check_screen(page, lang, "portal-app-secret")
    page.get_by_role("button", name=t["apps.dismiss"]).click()
    page.reload()
    expect(page.locator("main")).to_contain_text("OA 审批")
    assert shown not in page.content(), "the secret must be shown once only"

    # The app's tokens and request counts: one token, three requests made with it.
    client_id = page.locator("tr", has_text="OA 审批").locator("code").first.inner_text()
    token = httpx.post(f"{console.url}/oauth/token", data={"grant_type": "client_credentials"},
                       auth=(client_id, shown)).json()["access_token"]
    for _ in range(3):
        me = httpx.get(f"{console.url}/v1/me", headers={"Authorization": f"Bearer {token}"})
        assert me.status_code == 200
    page.reload()
    row = page.locator("tr", has_text="OA 审批")
    expect(row.locator("[data-testid=app-active-tokens]")).to_have_text("1")
    expect(row.locator("[data-testid=app-requests-day]")).to_have_text("3")
    row.get_by_role("button", name=t["apps.usage"]).click()
    usage = page.locator("[data-testid=app-usage]")
    expect(usage.locator("[data-testid=app-tokens] tbody tr")).to_have_count(1)
    expect(usage.locator("[data-testid=app-tokens] tbody tr")).to_contain_text("client_credentials")
    expect(usage.locator("[data-testid=app-requests]")).to_contain_text("3")
    check_screen(page, lang, "portal-app-usage")

    receiver = WebhookReceiver().start()
    try:
        page.goto("/portal/webhooks")
        page.get_by_label(t["webhooks.url"]).fill(receiver.url)
        page.get_by_role("button", name=t["webhooks.add"]).last.click()
        expect(page.locator("[data-testid=webhook-secret]")).to_contain_text("whsec_")
        page.get_by_role("button", name=t["apps.dismiss"]).click()
        page.get_by_role("link", name=receiver.url).click()
        page.wait_for_url(re.compile(r"/portal/webhooks/whk_"))

        page.get_by_role("button", name=t["webhooks.sendTest"]).click()
        until(
            lambda: any(b.get("type") == "webhook.endpoint.test" for b in receiver.received),
            "the test event at the receiver",
        )
        log = page.locator("[data-testid=deliveries]")
        refresh = page.get_by_role("button", name=t["common.refresh"])
        refresh.click()
        expect(log.locator("tr[data-status='succeeded']")).to_have_count(1)
        check_screen(page, lang, "portal-webhook")

        receiver.stop()
        page.get_by_role("button", name=t["webhooks.sendTest"]).click()

        def failed_once() -> bool:
            refresh.click()
            page.wait_for_timeout(300)
            rows = log.locator("tbody tr")
            return rows.count() == 2 and rows.first.locator("td").nth(2).inner_text().strip() != "0"

        until(failed_once, "a failed attempt in the log")
        failed = log.locator("tbody tr").first
        failed.get_by_role("button", name=t["webhooks.showAttempts"]).click()
        expect(page.locator("main")).to_contain_text(t["status.failed"])
        check_screen(page, lang, "portal-webhook-failed")

        receiver.start()
        before = len(receiver.received)
        failed.get_by_role("button", name=t["webhooks.redeliver"]).click()
        until(lambda: len(receiver.received) > before, "the redelivery at the receiver")
        until(
            lambda: (
                refresh.click(),
                page.wait_for_timeout(300),
                log.locator("tr[data-status='succeeded']").count() == 2,
            )[-1],
            "both deliveries succeeded",
        )
    finally:
        receiver.stop()
    page.goto("/portal/events")
    expect_heading(page, t["events.title"])
    expect(page.locator("main")).to_contain_text("webhook.endpoint.test")
    watched.assert_clean()
    watched.context.close()


def test_a_member_sees_no_admin_screen_and_the_api_refuses(
    browser: Browser, console: DemoServer
) -> None:
    api = admin_api(console)
    domain = console.admin["admin"].split("@")[1]  # type: ignore[attr-defined]
    made = api.post(
        "/v1/accounts",
        json={
            "address": f"member@{domain}",
            "display_name": "Member",
            "password": "Staff-pass-2026",
            "must_change_password": False,
        },
    )
    assert made.status_code in (201, 409), made.text
    for lang in ("zh-CN", "en"):
        t = catalogue(lang)
        watched = open_context(browser, console.url, lang)
        page = watched.page()
        sign_in(page, f"member@{domain}", "Staff-pass-2026")
        page.wait_for_url(re.compile(r"/home$"))
        expect(page.locator("#nav")).not_to_contain_text(t["nav.console"])
        check_screen(page, lang, "member-home")
        page.goto("/console/accounts")
        expect_heading(page, t["denied.title"])
        check_screen(page, lang, "member-denied")
        statuses = page.evaluate("""async () => {
            const csrf = (await (await fetch('/web/session')).json()).csrf_token;
            const list = await fetch('/v1/audit/entries');
            const make = await fetch('/v1/accounts', {method: 'POST', headers: {
                'content-type': 'application/json', 'x-csrf-token': csrf},
                body: JSON.stringify({address: 'x@' + location.hostname, display_name: 'x'})});
            return [list.status, make.status];
        }""")
        assert statuses == [403, 403]
        watched.context.close()


def test_another_organisation_sees_nothing_of_this_one(
    browser: Browser, console: DemoServer
) -> None:
    address, password = other_organisation(console, "other-org.test")
    lang = "en"
    t = catalogue(lang)
    watched = open_context(browser, console.url, lang)
    page = watched.page()
    sign_in(page, address, password, new_password="Other-org-pass-2026")
    demo_domain = console.admin["admin"].split("@")[1]  # type: ignore[attr-defined]
    page.goto("/console/domains")
    expect_heading(page, t["domains.title"])
    expect(page.locator("main")).to_contain_text("other-org.test")
    expect(page.locator("main")).not_to_contain_text(demo_domain)
    page.goto("/console/accounts")
    expect(page.locator("[data-testid=accounts] tbody tr")).to_have_count(1)
    expect(page.locator("main")).not_to_contain_text(demo_domain)
    page.goto(f"/console/domains/{demo_domain}")
    expect(page.get_by_role("alert")).to_contain_text("not_found")
    watched.context.close()
