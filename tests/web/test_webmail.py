"""The webmail in a real browser, against a real `mailplane serve`.

A person signs in and opens their inbox; a Chinese mail arrives over SMTP and appears without
a reload (the event stream), with the unread count in the tab title; they find it by a
two-character search, open it and reply (a colleague in cc has the reply, checked through
the API). Hostile mail, Junk, blocking and the keyboard: test_webmail_reading.py."""

from __future__ import annotations

import re
import smtplib
from email.message import EmailMessage
from email.utils import make_msgid

from playwright.sync_api import Browser, Page, expect

from tests.examples.demo_server import DemoServer, until
from tests.web.browser import check_screen, open_context
from tests.web.walk import admin_api, catalogue, sign_in

PASSWORD = "Webmail-pass-2026"


def _person(console: DemoServer, name: str) -> str:
    domain = console.admin["admin"].split("@")[1]  # type: ignore[attr-defined]
    made = admin_api(console).post(
        "/v1/accounts",
        json={
            "address": f"{name}@{domain}",
            "display_name": name,
            "password": PASSWORD,
            "must_change_password": False,
        },
    )
    assert made.status_code in (201, 409), made.text
    return f"{name}@{domain}"


def _smtp(
    console: DemoServer, to: str, subject: str, *, text: str, html: str | None = None
) -> None:
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = "王伟 <wang@partner.example>", to, subject
    mail["Message-ID"] = make_msgid(domain="partner.example")
    mail.set_content(text)
    if html is not None:
        mail.add_alternative(html, subtype="html")
    with smtplib.SMTP("127.0.0.1", console.mx_port, timeout=30) as smtp:
        smtp.send_message(mail)


def _open_mail(page: Page, address: str) -> None:
    sign_in(page, address, PASSWORD)
    page.goto("/mail")
    expect(page.locator(".mail-folders [data-role=inbox]")).to_be_visible()


def test_chinese_mail_arrives_live_is_found_read_and_answered(
    browser: Browser, console: DemoServer
) -> None:
    lang = "zh-CN"
    t = catalogue(lang)
    reader = _person(console, "lihua")
    colleague = _person(console, "zhangmin")
    watched = open_context(browser, console.url, lang)
    page = watched.page()
    _open_mail(page, reader)
    expect(page.locator(".mail-folders [data-role=inbox]")).to_contain_text(t["mail.folders.inbox"])

    _smtp(console, reader, "第三季度预算审批", text="请在周五前审批第三季度预算。\n谢谢")
    rows = page.locator("[data-testid=message-list] li")
    expect(rows.filter(has_text="第三季度预算审批")).to_have_count(1, timeout=20_000)  # no reload
    expect(page).to_have_title(re.compile(r"^\(1\) "))
    check_screen(page, lang, "mail-inbox")

    page.keyboard.press("/")
    page.keyboard.type("预算")
    page.keyboard.press("Enter")
    expect(rows).to_have_count(1)
    page.locator("main").click(position={"x": 5, "y": 5})
    page.keyboard.press("Enter")
    view = page.locator("[data-testid=message-view]")
    expect(view.locator("h2")).to_have_text("第三季度预算审批")
    body_frame = page.frame_locator("[data-testid=message-body]")
    expect(body_frame.locator("body")).to_contain_text("请在周五前审批")
    expect(page).to_have_title(t["mail.title"])  # read: no unread left in the inbox
    check_screen(page, lang, "mail-message")

    page.keyboard.press("r")
    form = page.get_by_role("form", name=t["mail.reply"])
    expect(form.locator(".chip")).to_have_text(re.compile("wang@partner.example"))
    expect(form.get_by_label(t["mail.subject"])).to_have_value("Re: 第三季度预算审批")
    body = form.get_by_label(t["mail.body"])
    expect(body).to_have_value(re.compile(r"> 请在周五前审批第三季度预算。"))
    form.get_by_role("button", name=t["compose.showCopies"]).click()
    form.get_by_label(t["mail.cc"]).fill(colleague)
    form.get_by_label(t["mail.cc"]).press("Enter")
    body.press("Control+Home")
    body.type("已批准。")
    form.get_by_role("button", name=t["mail.send"]).click()
    # sent after the undo window
    expect(page.locator("[data-testid=mail-notice]")).to_have_text(t["mail.sent"], timeout=30_000)

    api = admin_api(console)

    def replied() -> dict | None:
        got = api.get(f"/v1/accounts/{colleague}/mail/messages", params={"q": "预算"}).json()
        return next((m for m in got["data"] if m["subject"] == "Re: 第三季度预算审批"), None)

    reply = until(replied, "the reply in the colleague's inbox")
    full = api.get(f"/v1/accounts/{colleague}/mail/messages/{reply['id']}").json()
    assert full["text"].startswith("已批准。") and "> 请在周五前审批" in full["text"]
    assert full["in_reply_to"], "a reply carries In-Reply-To"
    watched.assert_clean()
    watched.context.close()
