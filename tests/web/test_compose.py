"""Compose and settings in a real browser, against a real `mailplane serve`.

Issue test 1: a person signs in through a login link; a Chinese mail with an attachment
arrives over SMTP and shows in the open inbox without a reload; they reply with a 50 MB
attachment through an upload session (progress bar; the connection drops once mid-upload and
the upload resumes), and the recipient has it (as a download link: it is over the size
limit). Then: a draft saved automatically survives a reload; undo-send stops the send; a
scheduled send is listed and cancelled; settings persist, and the auto-reply answers an
external sender who writes over SMTP."""

from __future__ import annotations

import email
import email.policy
import hashlib
import os
import re
import smtplib
import time
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

import httpx
from playwright.sync_api import Browser, Page, Route, expect

from tests.examples.demo_server import DemoServer, until
from tests.web.browser import check_screen, open_context
from tests.web.walk import admin_api, catalogue

PASSWORD = "Compose-pass-2026"
SIZE = 50 * 1024 * 1024


def _person(console: DemoServer, name: str) -> str:
    domain = console.admin["admin"].split("@")[1]  # type: ignore[attr-defined]
    made = admin_api(console).post("/v1/accounts", json={
        "address": f"{name}@{domain}", "display_name": name, "password": PASSWORD,
        "must_change_password": False,
    })
    assert made.status_code in (201, 409), made.text
    return f"{name}@{domain}"


def _login_link(page: Page, console: DemoServer, address: str, next_path: str = "/mail") -> None:
    link = admin_api(console).post(f"/v1/accounts/{address}/login-links", json={"next": next_path})
    assert link.status_code == 201, link.text
    page.goto(link.json()["url"])
    # opening the link uses nothing up (mail scanners fetch links): "Continue" does
    page.locator("form[action^='/oauth/sso/'] button[type=submit]").click()
    # the link signed in the sign-in pages' session; the app's own session starts from the
    # address alone (no password asked), then lands where the link said
    page.wait_for_url(re.compile(r"/signin"))
    page.locator("#address").fill(address)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(next_path) + "$"))
    assert "/oauth/login" not in page.url


def _smtp(console: DemoServer, to: str, subject: str, text: str, *,
          sender: str = "王伟 <wang@partner.example>", attachment: bytes | None = None) -> None:
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = sender, to, subject
    mail["Message-ID"] = make_msgid(domain="partner.example")
    mail.set_content(text)
    if attachment is not None:
        mail.add_attachment(attachment, maintype="application", subtype="pdf",
                            filename="合同草案.pdf")
    with smtplib.SMTP("127.0.0.1", console.mx_port, timeout=30) as smtp:
        smtp.send_message(mail)


def _relayed(console: DemoServer, to: str, subject_part: str) -> email.message.EmailMessage | None:
    for got in console.relay.messages:
        if to in got.recipients:
            parsed = email.message_from_bytes(got.data, policy=email.policy.default)
            if subject_part in str(parsed["Subject"]):
                return parsed  # type: ignore[return-value]
    return None


def test_reply_with_a_50_mb_attachment_resumed_after_a_dropped_connection(
    browser: Browser, console: DemoServer, tmp_path: Path
) -> None:
    lang = "zh-CN"
    t = catalogue(lang)
    reader = _person(console, "chenjing")
    watched = open_context(browser, console.url, lang)
    page = watched.page()
    _login_link(page, console, reader)
    expect(page.locator(".mail-folders [data-role=inbox]")).to_be_visible()

    _smtp(console, reader, "合同草案请审阅", "附件是合同草案，请审阅。",
          attachment=b"%PDF-1.4 test")
    row = page.locator("[data-testid=message-list] li").filter(has_text="合同草案请审阅")
    expect(row).to_have_count(1, timeout=20_000)  # without a reload
    row.get_by_role("button").first.click()
    expect(page.locator("[data-testid=message-view] h2")).to_have_text("合同草案请审阅")

    big = tmp_path / "设计图.bin"
    with big.open("wb") as out:
        for _ in range(SIZE // (1 << 20)):
            out.write(os.urandom(1 << 20))
    digest = hashlib.sha256(big.read_bytes()).hexdigest()
    dropped: list[str] = []

    def drop_once(route: Route) -> None:
        if route.request.method == "PUT" and not dropped and "bytes 4194304-" in (
            route.request.headers.get("content-range") or ""
        ):
            dropped.append(route.request.url)
            route.abort("connectionreset")
        else:
            route.continue_()

    page.route(re.compile(r"/v1/uploads/upl_[^/]+$"), drop_once)
    page.keyboard.press("r")
    form = page.get_by_role("form", name=t["mail.reply"])
    expect(form.locator(".chip")).to_have_text(re.compile("wang@partner.example"))
    body = form.get_by_label(t["mail.body"])
    body.press("Control+Home")
    body.type("已审阅，修改稿见附件。")
    form.locator("input[type=file]").set_input_files(str(big))
    progress = form.locator(".uploads progress")
    expect(progress).to_be_visible()
    expect(form.locator(".uploads li")).to_contain_text(t["compose.resumed"], timeout=60_000)
    expect(form.locator(".uploads li")).to_contain_text(t["compose.uploaded"], timeout=240_000)
    assert dropped, "the connection was dropped once mid-upload"
    assert progress.get_attribute("value") == str(SIZE)
    check_screen(page, lang, "mail-compose-upload")
    form.get_by_role("button", name=t["mail.send"]).click()
    # checking and scheduling a 50 MB message takes a while on a loaded machine
    expect(page.locator("[data-testid=mail-notice]")).to_contain_text(
        t["compose.sending"], timeout=90_000)
    expect(page.locator("[data-testid=mail-notice]")).to_have_text(t["mail.sent"], timeout=30_000)

    reply = until(lambda: _relayed(console, "wang@partner.example", "合同草案请审阅"),
                  "the reply at the remote recipient", timeout=90)
    text = reply.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert text.startswith("已审阅，修改稿见附件。")
    url = re.search(r"https?://\S+/v1/mail/links/\S+", text)
    assert url, text
    link = url.group(0).replace(url.group(0).split("/v1/")[0], console.url)
    with httpx.stream("GET", link, timeout=120) as got:
        assert got.status_code == 200
        h = hashlib.sha256()
        for chunk in got.iter_bytes():
            h.update(chunk)
    assert h.hexdigest() == digest  # the recipient has the 50 MB file, byte for byte
    # the one connection this test reset on purpose is the only error the console may show
    expected = [e for e in watched.errors
                if "ERR_CONNECTION_RESET" in e and any(url in e for url in dropped)]
    assert len(expected) <= len(dropped)
    watched.errors = [e for e in watched.errors if e not in expected]
    watched.assert_clean()
    watched.context.close()


def test_drafts_undo_scheduled_and_settings(browser: Browser, console: DemoServer) -> None:
    lang = "en"
    t = catalogue(lang)
    me = _person(console, "ada")
    friend = _person(console, "grace")
    api = admin_api(console)
    watched = open_context(browser, console.url, lang)
    page = watched.page()
    _login_link(page, console, me)

    # a draft saved automatically survives a reload
    page.get_by_role("button", name=t["mail.compose"]).click()
    form = page.get_by_role("form", name=t["mail.compose"])
    form.get_by_role("combobox").first.fill(friend)
    form.get_by_role("combobox").first.press("Enter")
    form.get_by_label(t["mail.subject"]).fill("Quarterly plan 季度计划")
    form.get_by_label(t["mail.body"]).fill("Draft body survives")
    expect(form.locator(".saved")).to_contain_text("Draft saved", timeout=15_000)
    page.reload()
    page.locator(".mail-folders [data-role=drafts]").click()
    page.locator("[data-testid=message-list] li").filter(has_text="Quarterly plan").get_by_role(
        "button").first.click()
    form = page.get_by_role("form", name=t["mail.compose"])
    expect(form.get_by_label(t["mail.subject"])).to_have_value("Quarterly plan 季度计划")
    expect(form.get_by_label(t["mail.body"])).to_have_value(re.compile("Draft body survives"))

    # undo-send: the message comes back and is never delivered
    form.get_by_role("button", name=t["mail.send"]).click()
    notice = page.locator("[data-testid=mail-notice]")
    notice.get_by_role("button", name=t["compose.undo"]).click()
    expect(notice).to_contain_text(t["compose.undone"])
    form = page.get_by_role("form", name=t["mail.compose"])
    expect(form.get_by_label(t["mail.subject"])).to_have_value("Quarterly plan 季度计划")
    time.sleep(12)  # past the undo window
    inbox = api.get(f"/v1/accounts/{friend}/mail/messages", params={"q": "Quarterly"}).json()
    assert inbox["data"] == []

    # scheduled send: listed, then cancelled
    later = (datetime.now() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    form.get_by_label(t["compose.sendLater"]).fill(later)
    form.get_by_role("button", name=t["compose.schedule"]).click()
    expect(page.locator("[data-testid=mail-notice]")).to_contain_text("Scheduled for")
    page.get_by_role("button", name=t["compose.scheduledTitle"]).click()
    item = page.locator("[data-testid=scheduled-item]")
    expect(item).to_have_count(1)
    expect(item).to_contain_text("Quarterly plan")
    check_screen(page, lang, "mail-scheduled")
    item.get_by_role("button", name=t["compose.cancelSend"]).click()
    expect(item).to_have_count(0)
    assert api.get(f"/v1/accounts/{me}/mail/scheduled").json()["data"] == []

    # settings persist; the auto-reply answers an external sender over SMTP
    page.goto("/settings")
    page.get_by_label(t["settings.signature"]).fill("Ada L.\nEngineering")
    page.get_by_label(t["settings.autoReplyOn"]).check()
    away = page.get_by_label(t["settings.autoReplyText"], exact=True)
    away.fill("I am away until Monday. 周一回来。")
    page.get_by_role("button", name=t["settings.save"], exact=True).click()
    expect(page.get_by_role("status").filter(has_text=t["settings.saved"])).to_be_visible()
    page.get_by_label(t["settings.appPasswordName"]).fill("Thunderbird")
    page.get_by_role("button", name=t["settings.create"], exact=True).click()
    secret = page.locator("[data-testid=app-password]").inner_text()
    assert re.fullmatch(r"[a-z]{4}( [a-z]{4}){3}", secret)
    check_screen(page, lang, "settings")
    page.reload()
    expect(page.get_by_label(t["settings.signature"])).to_have_value("Ada L.\nEngineering")
    expect(page.get_by_label(t["settings.autoReplyOn"])).to_be_checked()
    expect(page.locator("[data-testid=app-password]")).to_have_count(0)  # shown once
    expect(page.locator("[data-testid=app-password-item]")).to_have_count(1)
    page.get_by_role("button", name=t["settings.revoke"].replace("{{name}}", "Thunderbird")).click()
    expect(page.locator("[data-testid=app-password-item]")).to_have_count(0)

    _smtp(console, me, "Are you there?", "Ping", sender="Pat <pat@outside.example>")
    answer = until(lambda: _relayed(console, "pat@outside.example", "Auto"),
                   "the auto-reply at the external sender", timeout=60)
    assert answer["Auto-Submitted"] == "auto-replied"
    assert "I am away until Monday" in answer.get_body(("plain",)).get_content()  # type: ignore[union-attr]

    # the signature is in the next new message
    page.goto("/mail")
    page.get_by_role("button", name=t["mail.compose"]).click()
    form = page.get_by_role("form", name=t["mail.compose"])
    expect(form.get_by_label(t["mail.body"])).to_have_value(re.compile("-- \nAda L.\nEngineering"))
    watched.assert_clean()
    watched.context.close()
