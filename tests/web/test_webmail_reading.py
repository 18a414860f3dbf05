"""Reading mail safely, and acting on it, in a real browser against a real `mailplane serve`.

- A hostile-mail corpus (script in HTML and SVG, event attributes, CSS exfiltration, forms,
  `javascript:` links, meta refresh, frames, objects, remote images) arrives over SMTP; every
  vector points at a loopback HTTP receiver that counts requests. Nothing executes and the
  receiver sees nothing; after "Show images" exactly the remote image is fetched, by the
  server's same-origin image proxy and never by the browser. An inline
  `cid:` image shows from the first moment. A look-alike sender gets a warning, and so does an
  outside address wearing a colleague's name (looked up in the directory), in both languages.
- Junk / Not junk move the message, and the person's next similar message is filed in Junk
  for them; a blocked sender's next message is filed where the person chose (Trash).
- Keyboard-only reading, replying and moving at 390 px width, axe-core clean, with
  screenshots in zh-CN and English.
"""

from __future__ import annotations

import base64
import re
import smtplib
import threading
from email.message import EmailMessage
from email.utils import make_msgid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from playwright.sync_api import Browser, Page, expect

from tests.examples.demo_server import DemoServer, until
from tests.live_server import free_port
from tests.web.browser import check_screen, open_context
from tests.web.walk import admin_api, catalogue, sign_in

PASSWORD = "Webmail-pass-2026"
# a 1×1 PNG
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


class Tracker:
    """A loopback HTTP server that counts every request by path (any method)."""

    def __init__(self) -> None:
        self.port = free_port()
        self.hits: list[str] = []
        self.agents: list[str] = []
        hits, agents = self.hits, self.agents

        class Handler(BaseHTTPRequestHandler):
            def _any(self) -> None:
                hits.append(self.path)
                agents.append(self.headers.get("user-agent", ""))
                self.send_response(200)
                self.send_header("content-type", "image/png")
                self.send_header("content-length", str(len(PNG)))
                self.end_headers()
                self.wfile.write(PNG)

            do_GET = do_POST = do_HEAD = _any  # noqa: N815 (http.server's names)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def hostile_html(t: str) -> str:
    return f"""<html><head>
<meta http-equiv="refresh" content="0;url={t}/refresh">
<link rel="stylesheet" href="{t}/link-css"><link rel="prefetch" href="{t}/prefetch">
<style>@import url({t}/css-import); body {{ background: url({t}/css-bg) }}
@font-face {{ font-family: x; src: url({t}/font) }}
input[value^="a"] {{ background: url({t}/css-attr) }}</style>
<base href="{t}/base/">
</head><body>
<script>parent.document.title='pwned-script'; fetch('{t}/script')</script>
<svg xmlns="http://www.w3.org/2000/svg" onload="fetch('{t}/svg-onload')">
  <script>fetch('{t}/svg-script')</script><image href="{t}/svg-image"/></svg>
<img src="x" onerror="parent.document.title='pwned-onerror'; fetch('{t}/onerror')">
<p onmouseover="fetch('{t}/mouseover')"
   style="background-image:url({t}/style-attr)">预算 hostile body</p>
<a id="jslink" href="javascript:fetch('{t}/javascript-link')">click me</a>
<form action="{t}/form" method="post"><input name="a" value="abc"><button id="go">go</button></form>
<iframe src="{t}/iframe"></iframe><object data="{t}/object"></object>
<embed src="{t}/embed"><video poster="{t}/poster" src="{t}/video"></video>
<img src="{t}/img" alt="remote pixel">
<img src="cid:logo@corpus" alt="inline logo" id="logo">
</body></html>"""


def _person(console: DemoServer, name: str) -> str:
    domain = console.admin["admin"].split("@")[1]  # type: ignore[attr-defined]
    made = admin_api(console).post("/v1/accounts", json={
        "address": f"{name}@{domain}", "display_name": name, "password": PASSWORD,
        "must_change_password": False,
    })
    assert made.status_code in (201, 409), made.text
    return f"{name}@{domain}"


def _send(console: DemoServer, mail: EmailMessage) -> None:
    mail["Message-ID"] = make_msgid(domain="corpus.example")
    with smtplib.SMTP("127.0.0.1", console.mx_port, timeout=30) as smtp:
        smtp.send_message(mail)


def _mail(to: str, subject: str, text: str, sender: str = "王伟 <wang@partner.example>"
          ) -> EmailMessage:
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = sender, to, subject
    mail.set_content(text)
    return mail


def _open_mail(page: Page, address: str) -> None:
    sign_in(page, address, PASSWORD)
    page.goto("/mail")
    expect(page.locator(".mail-folders [data-role=inbox]")).to_be_visible()


def _open_row(page: Page, subject: str) -> None:
    row = page.locator("[data-testid=message-list] li").filter(has_text=subject)
    expect(row).to_have_count(1, timeout=20_000)
    row.locator("button").click()
    expect(page.locator("#mail-subject")).to_have_text(subject)


def test_hostile_corpus_runs_nothing_and_fetches_nothing_until_images_are_allowed(
    browser: Browser, console: DemoServer
) -> None:
    t = catalogue("en")
    reader = _person(console, "corpus")
    domain = reader.split("@")[1]
    tracker = Tracker()
    try:
        watched = open_context(browser, console.url, "en")
        page = watched.page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        _open_mail(page, reader)
        mail = _mail(reader, "hostile corpus", "plain part")
        mail.add_alternative(hostile_html(tracker.base), subtype="html")
        html_part = mail.get_payload()[1]  # type: ignore[index]
        html_part.add_related(PNG, maintype="image", subtype="png", cid="<logo@corpus>")
        _send(console, mail)
        _open_row(page, "hostile corpus")
        frame = page.frame_locator("[data-testid=message-body]")
        expect(frame.locator("body")).to_contain_text("hostile body")
        iframe = page.locator("iframe[data-testid=message-body]")
        sandbox = iframe.get_attribute("sandbox") or ""
        assert "allow-scripts" not in sandbox and "allow-same-origin" not in sandbox
        # the inline cid: image shows at once, through the frame's own signed part URL
        logo = frame.locator("img[alt='inline logo']")
        expect(logo).to_have_attribute("src", re.compile(r"^/web/mail/parts/"))
        until(lambda: logo.evaluate("i => i.complete && i.naturalWidth") == 1, "cid image loaded")
        # poke at it: hover the handler, click the javascript: link and the form button
        frame.locator("p").hover()
        frame.get_by_text("click me").click()
        if frame.get_by_text("go", exact=True).count():
            frame.get_by_text("go", exact=True).click()
        page.wait_for_timeout(1500)
        assert tracker.hits == [], f"fetched before consent: {tracker.hits}"
        assert dialogs == [] and "pwned" not in page.title()
        body = frame.locator("body").inner_html()
        for banned in ("<script", "onerror", "onmouseover", "javascript:", "<form", "<iframe",
                       "<object", "<embed", "http-equiv", "<style", "<base"):
            assert banned not in body.lower(), banned
        check_screen(page, "en", "mail-hostile")

        page.get_by_role("button", name=t["mail.showImages"], exact=True).click()
        until(lambda: "/img" in tracker.hits, "the remote image fetched after consent")
        page.wait_for_timeout(1000)
        assert set(tracker.hits) == {"/img"}, tracker.hits  # nothing else, even now
        # fetched by the server's image proxy, not by the browser: the sender never sees the
        # reader's address or browser, and the frame shows it from its own origin
        assert set(tracker.agents) == {"Mailplane-ImageProxy/1"}, tracker.agents
        pixel = frame.locator("img[alt='remote pixel']")
        expect(pixel).to_have_attribute("src", re.compile(r"^/web/mail/image-proxy\?t="))
        until(lambda: pixel.evaluate("i => i.complete && i.naturalWidth") == 1, "proxied image")
        assert dialogs == [] and "pwned" not in page.title()
        assert watched.external == [], watched.external  # nothing from the browser elsewhere
        # the only console errors are the frame's policy refusing what the mail asked for
        others = [e for e in watched.errors
                  if "Content Security Policy" not in e and "sandbox" not in e]
        assert others == [], others

        # a look-alike sender: a colleague's address as the name, a punycode domain
        _send(console, _mail(reader, "urgent transfer", "please pay",
                             sender=f'"ceo@{domain}" <ceo@xn--pple-43d.com>'))
        _open_row(page, "urgent transfer")
        warning = page.locator("[data-testid=sender-warning]")
        expect(warning).to_be_visible()
        expect(warning).to_contain_text(f"ceo@{domain}")
        expect(warning).to_contain_text("аpple.com")
        expect(page.locator("[data-testid=auth-results]")).to_contain_text("SPF")
        # show original: the raw source, headers and all
        page.get_by_role("button", name=t["reading.showOriginal"]).click()
        expect(page.locator("[data-testid=raw-source]")).to_contain_text("Subject: urgent transfer")
        watched.context.close()
    finally:
        tracker.stop()


def test_a_colleagues_name_from_outside_is_flagged_in_both_languages(
    browser: Browser, console: DemoServer
) -> None:
    en, zh = catalogue("en"), catalogue("zh-CN")
    reader = _person(console, "gal.reader")
    colleague = _person(console, "liu.yang")
    made = admin_api(console).patch(f"/v1/accounts/{colleague}", json={"display_name": "刘洋"})
    assert made.status_code == 200, made.text
    watched = open_context(browser, console.url, "en")
    page = watched.page()
    _open_mail(page, reader)
    # an outside address wearing a colleague's name
    _send(console, _mail(reader, "付款审批", "请今天付款",
                         sender="刘洋 <liu.yang@free-mail.example>"))
    _send(console, _mail(reader, "合作邀约", "你好", sender="赵敏 <zhao@partner.example>"))
    _open_row(page, "付款审批")
    warning = page.locator("[data-testid=sender-warning]")
    expect(warning).to_contain_text(en["reading.warn.colleagueName"].replace("{{name}}", "刘洋"))
    check_screen(page, "en", "mail-colleague-name")
    page.locator("header label.lang select").select_option("zh-CN")
    expect(warning).to_contain_text(zh["reading.warn.colleagueName"].replace("{{name}}", "刘洋"))
    check_screen(page, "zh-CN", "mail-colleague-name")
    # an outside sender with a name no colleague has: no such warning
    _open_row(page, "合作邀约")
    page.wait_for_timeout(1000)  # the directory's answer
    colleague_warning = zh["reading.warn.colleagueName"].split("”")[1]
    expect(page.locator("[data-testid=sender-warning] li", has_text=colleague_warning)
           ).to_have_count(0)
    watched.assert_clean()
    watched.context.close()


SPAM_1 = ("代开各地增值税发票 特价", "本公司长期代开各地增值税发票，点数优惠，欢迎来电洽谈合作。")
SPAM_2 = ("优惠代开增值税发票 特价", "长期代开增值税发票，点数优惠，欢迎来电。")


def test_junk_not_junk_and_blocking_file_the_next_message_for_this_person(
    browser: Browser, console: DemoServer
) -> None:
    lang = "zh-CN"
    t = catalogue(lang)
    reader = _person(console, "junky")
    api = admin_api(console)
    watched = open_context(browser, console.url, lang)
    page = watched.page()
    _open_mail(page, reader)
    _send(console, _mail(reader, SPAM_1[0], SPAM_1[1], "王经理 <wang@ad-sender.example>"))
    _open_row(page, SPAM_1[0])
    page.get_by_role("button", name=t["reading.junk"], exact=True).first.click()
    rows = page.locator("[data-testid=message-list] li")
    expect(rows.filter(has_text=SPAM_1[0])).to_have_count(0)

    def folder_of(subject: str) -> str | None:
        got = api.get(f"/v1/accounts/{reader}/mail/messages", params={"q": subject[:4]}).json()
        hit = next((m for m in got["data"] if m["subject"] == subject), None)
        if hit is None:
            return None
        folders = api.get(f"/v1/accounts/{reader}/mail/folders").json()["data"]
        return next(f["role"] for f in folders if f["id"] == hit["folder_id"])

    assert until(lambda: folder_of(SPAM_1[0]), "reported message found") == "junk"
    # the next similar message is junk for this person
    _send(console, _mail(reader, SPAM_2[0], SPAM_2[1], "李先生 <li@another.example>"))
    assert until(lambda: folder_of(SPAM_2[0]), "second message delivered") == "junk"
    page.locator(".mail-folders [data-role=junk]").click()
    _open_row(page, SPAM_2[0])
    check_screen(page, lang, "mail-junk")
    page.get_by_role("button", name=t["reading.notJunk"], exact=True).first.click()
    expect(rows.filter(has_text=SPAM_2[0])).to_have_count(0)
    assert until(lambda: folder_of(SPAM_2[0]) == "inbox" or None, "not junk: back in the inbox")

    # block a sender, filed in Trash as chosen
    page.locator(".mail-folders [data-role=inbox]").click()
    _send(console, _mail(reader, "每周通讯 第一期", "你好", "通讯 <news@letters.example>"))
    _open_row(page, "每周通讯 第一期")
    page.get_by_label(t["reading.blockInto"]).select_option("trash")
    block = t["reading.block"].replace("{{sender}}", "news@letters.example")
    page.get_by_role("button", name=block).click()
    expect(page.locator("[data-testid=mail-notice]")).to_contain_text("news@letters.example")
    _send(console, _mail(reader, "每周通讯 第二期", "你好", "通讯 <news@letters.example>"))
    assert until(lambda: folder_of("每周通讯 第二期"), "blocked sender's next message") == "trash"
    watched.assert_clean()
    watched.context.close()


def test_keyboard_only_reading_replying_and_moving_at_390px(
    browser: Browser, console: DemoServer
) -> None:
    for lang in ("en", "zh-CN"):
        t = catalogue(lang)
        reader = _person(console, f"keys{lang.replace('-', '').lower()}")
        watched = open_context(browser, console.url, lang, width=390, height=844)
        page = watched.page()
        _open_mail(page, reader)
        for n in (1, 2):
            _send(console, _mail(reader, f"季度计划 {n}", f"第 {n} 封：请查看季度计划。"))
        rows = page.locator("[data-testid=message-list] li")
        expect(rows).to_have_count(2, timeout=20_000)
        check_screen(page, lang, "mail-inbox-390")
        page.locator("main").click(position={"x": 2, "y": 2})
        page.keyboard.press("j")
        page.keyboard.press("k")
        page.keyboard.press("Enter")
        expect(page.locator("#mail-subject")).to_have_text("季度计划 2")
        frame = page.frame_locator("[data-testid=message-body]")
        expect(frame.locator("body")).to_contain_text("第 2 封")
        check_screen(page, lang, "mail-message-390")
        # reply with the keyboard only
        page.keyboard.press("r")
        form = page.get_by_role("form", name=t["mail.reply"])
        expect(form.get_by_label(t["mail.subject"])).to_have_value("Re: 季度计划 2")
        page.keyboard.type("收到。")  # a reply starts in the body, above the quote
        page.keyboard.press("Control+Enter")
        # sent once the undo window has passed
        notice = page.locator("[data-testid=mail-notice]")
        expect(notice).to_have_text(t["mail.sent"], timeout=30_000)
        # move it to Archive: v focuses "Move to…", the arrow keys choose
        page.locator("main").click(position={"x": 2, "y": 2})
        page.keyboard.press("v")
        mover = page.get_by_label(t["reading.moveTo"])
        expect(mover).to_be_focused()
        archive = t["mail.folders.archive"]
        options = mover.locator("option").all_inner_texts()
        for _ in range(options.index(archive)):
            page.keyboard.press("ArrowDown")
        if mover.evaluate("s => s.value") == "":  # platforms that need Enter to commit
            page.keyboard.press("Enter")
        expect(rows.filter(has_text="季度计划 2")).to_have_count(0)
        # e archives, # deletes the current message
        page.locator("main").click(position={"x": 2, "y": 2})
        page.keyboard.press("Enter")
        page.keyboard.press("#")
        expect(rows).to_have_count(0)
        watched.assert_clean()
        watched.context.close()


def test_a_second_tab_stays_in_step(browser: Browser, console: DemoServer) -> None:
    reader = _person(console, "twotabs")
    watched = open_context(browser, console.url, "en")
    first, second = watched.page(), watched.page()
    _open_mail(first, reader)
    second.goto("/mail")
    expect(second.locator(".mail-folders [data-role=inbox]")).to_be_visible()
    _send(console, _mail(reader, "two tabs", "hello"))
    for page in (first, second):
        expect(page.locator("[data-testid=message-list] li").filter(has_text="two tabs")
               ).to_have_count(1, timeout=20_000)
        expect(page).to_have_title("(1) Mail")
    _open_row(first, "two tabs")  # read in the first tab
    expect(second).to_have_title("Mail", timeout=20_000)
    expect(second.locator("[data-testid=message-list] li").filter(has_text="two tabs")
           ).to_have_attribute("data-unread", "false")
    watched.assert_clean()
    watched.context.close()
