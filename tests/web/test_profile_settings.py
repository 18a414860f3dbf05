"""A person edits their own profile in the web app's settings (display name, time zone,
language) in a real browser against a real `mailplane serve`: saved through PATCH /v1/me with
the web session's token, shown at once in the header, kept after a reload, in both languages."""

from __future__ import annotations

from playwright.sync_api import Browser, expect

from tests.examples.demo_server import DemoServer
from tests.web.browser import check_screen, open_context
from tests.web.test_compose import _login_link, _person
from tests.web.walk import admin_api, catalogue


def test_person_edits_name_zone_and_language(browser: Browser, console: DemoServer) -> None:
    en, zh = catalogue("en"), catalogue("zh-CN")
    address = _person(console, "ada")
    watched = open_context(browser, console.url, "en")
    page = watched.page()
    _login_link(page, console, address, "/settings")
    form = page.locator("form[aria-labelledby=profile-title]")  # its name follows the language
    expect(form).to_have_accessible_name(en["settings.profile"])
    name = form.get_by_label(en["settings.displayName"])
    expect(name).to_have_value("ada")
    check_screen(page, "en", "settings-profile")
    name.fill("Ada Lovelace 艾达")
    form.get_by_label(en["settings.timeZone"]).select_option("America/New_York")
    form.get_by_label(en["settings.language"]).select_option("zh-CN")
    form.get_by_role("button", name=en["settings.saveProfile"]).click()
    # saved in the language just chosen, and the whole app switched to it
    expect(form.get_by_role("status")).to_have_text(zh["settings.saved"])
    expect(page.get_by_role("heading", name=zh["settings.title"], exact=True)).to_be_visible()
    expect(page.locator("header .who")).to_have_text("Ada Lovelace 艾达")  # no reload
    account = admin_api(console).get(f"/v1/accounts/{address}").json()
    assert (account["display_name"], account["time_zone"], account["locale"]) == (
        "Ada Lovelace 艾达", "America/New_York", "zh-CN"
    )
    page.reload()
    zh_form = form
    expect(zh_form).to_have_accessible_name(zh["settings.profile"])
    expect(zh_form.get_by_label(zh["settings.displayName"])).to_have_value("Ada Lovelace 艾达")
    expect(zh_form.get_by_label(zh["settings.timeZone"])).to_have_value("America/New_York")
    expect(zh_form.get_by_label(zh["settings.language"])).to_have_value("zh-CN")
    check_screen(page, "zh-CN", "settings-profile")
    # and back to English from the Chinese page
    zh_form.get_by_label(zh["settings.displayName"]).fill("Ada")
    zh_form.get_by_label(zh["settings.language"]).select_option("en")
    zh_form.get_by_role("button", name=zh["settings.saveProfile"]).click()
    expect(zh_form.get_by_role("status")).to_have_text(en["settings.saved"])
    expect(page.locator("header .who")).to_have_text("Ada")
    assert admin_api(console).get(f"/v1/accounts/{address}").json()["locale"] == "en"
    watched.assert_clean()
    watched.context.close()
