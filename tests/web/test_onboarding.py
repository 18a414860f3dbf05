"""The onboarding walk of the guide in a real browser, in zh-CN and once in English: the
admin signs in with the one-time password and sets a new one, adds a domain, sees its
records missing, the test publishes them in the local Knot DNS server, "refresh status"
turns them green, creates an account (change at first login, security phone), imports a
GB18030 file with one bad row and sees its reason, sets the security policy (migration
networks, password rules, a blocked sender, an unlocked address, a revoked app password),
starts a migration from the local Dovecot peer and watches it finish live, reads the audit
log of all of it. Every
screen is screenshotted and checked with axe-core; no page may request another host or
log a console error."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, expect

from tests.directory.domains.conftest import installation_zone
from tests.directory.domains.dns_server import AuthoritativeDns
from tests.examples.demo_server import DemoServer
from tests.migration.conftest import message
from tests.migration.dovecot import Dovecot
from tests.web.browser import check_screen, open_context
from tests.web.walk import admin_api, catalogue, expect_heading, fail_sign_in, sign_in_admin

SCREENS = [
    ("/console", "overview.title"),
    ("/console/domains", "domains.title"),
    ("/console/accounts", "accounts.title"),
    ("/console/import", "import.title"),
    ("/console/departments", "departments.title"),
    ("/console/groups", "groups.title"),
    ("/console/migrations", "migrations.title"),
    ("/console/audit", "audit.title"),
    ("/console/security", "security.title"),
    ("/portal/apps", "apps.title"),
    ("/portal/webhooks", "webhooks.title"),
    ("/portal/events", "events.title"),
    ("/portal/reference", "reference.title"),
]


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_onboarding_walk(
    browser: Browser, console: DemoServer, knot: AuthoritativeDns, dovecot: Dovecot, lang: str,
    tmp_path,
) -> None:
    t = catalogue(lang)
    short = "zh" if lang == "zh-CN" else "en"
    domain = f"walk-{short}.test"
    digit = "1" if short == "zh" else "2"  # phones are unique in an organisation
    watched = open_context(browser, console.url, lang)
    page = watched.page()

    page.goto("/")
    page.wait_for_url(re.compile(r"/signin"))
    expect(page.locator("h1")).to_have_text(t["signin.title"])
    check_screen_signin(page, lang)
    sign_in_admin(page, console)
    expect_heading(page, t["overview.title"])
    check_screen(page, lang, "overview")

    # A domain: records missing until published, then green after "refresh status".
    page.goto("/console/domains")
    page.get_by_label(t["domains.add"]).fill(domain)
    page.get_by_role("button", name=t["domains.addButton"]).click()
    page.wait_for_url(re.compile(rf"/console/domains/{re.escape(domain)}$"))
    publish(knot, domain, [])  # the zone exists, the records do not (yet)
    check = page.get_by_role("button", name=t["domains.check"])
    check.click()
    rows = page.locator("table.records tbody tr")
    expect(rows.first).to_be_visible()
    expect(page.locator("tr[data-record][data-status='missing']").first).to_be_visible()
    expect(page.locator("tr[data-record][data-status='ok']")).to_have_count(0)
    assert t["status.missing"] in page.locator("table.records").inner_text()
    check_screen(page, lang, "domain-missing")
    zone = page.locator("pre.zone").inner_text().splitlines()
    publish(knot, domain, [line for line in zone if line.strip()])
    check.click()
    required = page.locator("tr[data-record]")
    expect(page.locator("tr[data-record][data-status='missing']")).to_have_count(0)
    expect(page.locator("tr[data-record][data-status='mismatch']")).to_have_count(0)
    assert required.count() >= 4
    assert page.locator("tr[data-record][data-status='ok']").count() >= 4
    check_screen(page, lang, "domain-ok")

    # An account with "change at first login" and a security phone.
    page.goto("/console/accounts")
    page.get_by_role("button", name=t["accounts.create"]).click()
    form = page.get_by_role("form", name=t["accounts.create"])
    form.get_by_label(t["accounts.name"]).fill("王芳" if short == "zh" else "Fang Wang")
    form.get_by_label(t["accounts.address"]).fill(f"wang.fang@{domain}")
    form.get_by_label(t["accounts.password"], exact=True).fill("Temporary-pass-123")
    expect(form.get_by_label(t["accounts.mustChange"])).to_be_checked()
    form.get_by_label(t["accounts.mobile"]).fill(f"1391234567{digit}")
    form.get_by_label(t["accounts.employeeNumber"]).fill(f"E-{short}-1")
    form.get_by_role("button", name=t["common.create"]).click()
    expect(page.get_by_role("status").filter(has_text=f"wang.fang@{domain}")).to_be_visible()
    page.get_by_role("searchbox").fill(f"wang.fang@{domain}")
    expect(page.locator("[data-testid=accounts] tbody tr")).to_have_count(1)
    check_screen(page, lang, "accounts")
    page.locator("[data-testid=accounts] tbody a").first.click()
    expect(page.locator("main")).to_contain_text(f"1391234567{digit}")
    check_screen(page, lang, "account")

    # A GB18030 file with one bad row: the preview names the row and its reason.
    csv = (
        "邮箱,姓名,工号,手机,部门\n"
        f"li.lei@{domain},李雷,G-{short}-2,138000{digit}0001,销售部/华东\n"
        f"not-an-address,坏行,G-bad,138000{digit}0002,销售部\n"
        f"han.mei@{domain},韩梅,G-{short}-3,138000{digit}0003,销售部/华南\n"
    )
    upload = tmp_path / "accounts-gb18030.csv"
    upload.write_bytes(csv.encode("gb18030"))
    page.goto("/console/import")
    page.locator("input[type=file]").set_input_files(str(upload))
    page.get_by_role("button", name=t["import.preview"]).click()
    bad = page.locator("[data-testid=import-rows] tr[data-status='error']")
    expect(bad).to_have_count(1, timeout=30_000)  # the dry run is a job; slow on a loaded host
    assert bad.locator("td").nth(3).inner_text().strip(), "the bad row has no reason"
    expect(page.locator("[data-testid=import-rows] tr[data-status='created']")).to_have_count(2)
    check_screen(page, lang, "import-preview")
    page.get_by_role("button", name=t["import.run"]).click()
    expect(page.locator("[data-testid=import-counts]")).to_be_visible()
    expect(page.locator("[data-testid=import-rows] tr[data-status='created']")).to_have_count(
        2, timeout=30_000
    )
    expect(page.locator("main")).to_contain_text(t["status.completed"], timeout=30_000)
    check_screen(page, lang, "import-done")

    security_screen(page, console, t, lang, f"wang.fang@{domain}")
    migration_walk(page, console, dovecot, t, lang, f"wang.fang@{domain}")

    # The overview's totals count what the walk made (the admin, wang.fang, two imported).
    page.goto("/console")
    total = page.locator("[data-testid=total-accounts]")
    expect(total).to_have_text(re.compile(r"^\d[\d,]*$"))
    assert int(total.inner_text().replace(",", "")) >= 4
    expect(page.locator("[data-testid=overview-totals]")).not_to_contain_text("…")
    check_screen(page, lang, "overview-totals")

    # The audit log has all of it.
    page.goto("/console/audit")
    audit = page.locator("[data-testid=audit]")
    for action in ("domain.created", "account_import.completed", "web.session.started",
                   "organization.updated", "password_policy.updated", "sign_in_lock.cleared",
                   "migration.created"):
        expect(audit).to_contain_text(action)
    page.get_by_role("textbox", name=t["audit.action"], exact=True).fill("domain.created")
    page.get_by_role("button", name=t["audit.apply"]).click()
    expect(audit.locator("tbody tr").filter(has_not_text="domain.created")).to_have_count(0)
    expect(audit.locator("tbody tr").first).to_contain_text("domain.created")
    check_screen(page, lang, "audit")

    # Every other screen, in this language.
    for path, title in SCREENS:
        page.goto(path)
        expect_heading(page, t[title])
        check_screen(page, lang, path.strip("/").replace("/", "-"))
    watched.assert_clean()
    watched.context.close()

    # The phone width: navigation behind the menu button, still usable by keyboard.
    narrow = open_context(browser, console.url, lang, width=390, height=844)
    page = narrow.page()
    sign_in_admin(page, console)
    menu = page.get_by_role("button", name=t["nav.menu"])
    expect(
        page.locator("#nav").get_by_role("link", name=t["nav.accounts"], exact=True)
    ).to_be_hidden()
    menu.focus()
    page.keyboard.press("Enter")
    page.locator("#nav").get_by_role("link", name=t["nav.accounts"], exact=True).click()
    expect_heading(page, t["accounts.title"])
    check_screen(page, lang, "accounts-390")
    narrow.assert_clean()
    narrow.context.close()


def security_screen(  # type: ignore[no-untyped-def]
    page, console: DemoServer, t: dict[str, str], lang: str, person: str
) -> None:
    """Security and policy: the organisation's migration networks (for the Dovecot peer on
    loopback), password rules, a blocked sender, an unlocked address, a revoked app password."""
    with admin_api(console) as api:
        made = api.post(f"/v1/accounts/{person}/app-passwords", json={"name": "Foxmail"})
        assert made.status_code == 201, made.text
    for _ in range(5):
        fail_sign_in(console, person)
    page.goto("/console/security")
    expect_heading(page, t["security.title"])
    org = page.locator("[data-testid=organization-settings]")
    org.get_by_label(t["security.networks"]).fill("127.0.0.0/8")
    org.get_by_role("button", name=t["common.save"]).click()
    expect(org.get_by_role("status")).to_have_text(t["security.saved"])

    policy = page.locator("[data-testid=password-policy]")
    policy.get_by_label(t["security.minLength"]).fill("12")
    policy.get_by_label(t["security.require_digit"]).check()
    policy.get_by_role("button", name=t["common.save"]).click()
    expect(policy.get_by_role("status")).to_have_text(t["security.saved"])

    locks = page.locator("[data-testid=sign-in-locks]")
    row = locks.locator("tbody tr").filter(has_text=person)
    expect(row).to_contain_text(t["status.locked"])
    check_screen(page, lang, "security")
    row.get_by_role("button", name=t["security.unlockWho"].replace("{{who}}", person)).click()
    expect(page.get_by_role("status").filter(
        has_text=t["security.unlocked"].replace("{{who}}", person))).to_be_visible()
    expect(locks.locator("tbody tr").filter(has_text=person)).to_have_count(0)

    blocked = page.locator("[data-testid=blocklist]")
    sender = f"spam-{lang.lower()}.example"  # one per language: the organisation is shared
    blocked.get_by_label(t["security.sender"]).fill(sender)
    blocked.get_by_role("button", name=t["common.add"]).click()
    expect(blocked.locator("tbody tr").filter(has_text=sender)).to_have_count(1)

    page.get_by_label(t["security.accountAddress"]).fill(person)
    page.get_by_role("button", name=t["security.show"]).click()
    devices = page.locator("[data-testid=app-passwords] tbody tr")
    expect(devices).to_have_count(1)
    expect(devices.first).to_contain_text("Foxmail")
    page.once("dialog", lambda dialog: dialog.accept())
    devices.first.get_by_role("button", name=t["security.revoke"]).click()
    expect(devices).to_have_count(0)
    check_screen(page, lang, "security-done")


def migration_walk(  # type: ignore[no-untyped-def]
    page, console: DemoServer, dovecot: Dovecot, t: dict[str, str], lang: str, person: str
) -> None:
    """邮箱搬家 from the local Dovecot peer over IMAP: start it, watch it finish live."""
    user = dovecot.new_user("walk")
    subjects = ["旧邮件：季度报告", "Old mail: the contract", "旧邮件：会议纪要"]
    for n, subject in enumerate(subjects):
        dovecot.add(user, message(subject, msgid=f"walk-{lang}-{n}@old"), flags="S" if n else "")
    dovecot.own(user)
    page.goto("/console/migrations")
    expect_heading(page, t["migrations.title"])
    page.wait_for_load_state("networkidle")
    before = set(page.locator("tr[data-migration]").evaluate_all(
        "rows => rows.map(r => r.dataset.migration)"))
    form = page.get_by_role("form", name=t["migrations.start"])
    form.get_by_label(t["migrations.host"]).fill("127.0.0.1")
    form.get_by_label(t["migrations.port"]).fill(str(dovecot.imap_port))
    form.get_by_label(t["migrations.security"]).select_option("none")
    form.get_by_label(t["migrations.username"]).fill(user)
    form.get_by_label(t["migrations.password"], exact=True).fill("secret")
    form.get_by_label(t["migrations.account"]).fill(person)
    form.get_by_role("button", name=t["migrations.start"]).click()
    rows = page.locator("tr[data-migration]")
    expect(rows).to_have_count(len(before) + 1)
    new = [m for m in rows.evaluate_all("rows => rows.map(r => r.dataset.migration)")
           if m not in before]
    row = page.locator(f"tr[data-migration='{new[0]}']")
    # The row changes state and fills its progress bar from the event stream: no reload.
    expect(row).to_have_attribute("data-status", "completed", timeout=90_000)
    bar = row.locator("progress")
    expect(bar).to_have_attribute("value", "3")
    expect(bar).to_have_attribute("max", "3")
    assert t["status.completed"] in row.inner_text()
    row.get_by_role("button").first.click()
    expect(page.locator("main")).to_contain_text(t["migrations.noFailures"])
    check_screen(page, lang, "migration-done")
    with admin_api(console) as api:
        got = api.get(f"/v1/accounts/{person}/mail/messages", params={"limit": 10})
        assert got.status_code == 200, got.text
        assert sorted(m["subject"] for m in got.json()["data"]) == sorted(subjects)


def publish(knot: AuthoritativeDns, domain: str, lines: list[str]) -> None:
    """Serve `domain` with `lines`, keeping the zones published before."""
    zones = knot.__dict__.setdefault("walk_zones", installation_zone())
    zones[domain] = lines
    knot.publish(dict(zones))


def check_screen_signin(page, lang: str) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_selector("h1")
    from tests.web.browser import axe_serious, shot

    shot(page, lang, "signin")
    assert axe_serious(page) == []
