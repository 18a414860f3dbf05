"""Calendar and contacts in a real browser, against a real `mailplane serve`.

Browser test 4: an organiser books a meeting with two colleagues and a room through the
scheduling assistant (one colleague is busy at the first hour, so the suggestion moves the
meeting); the invitation mail reaches both, each accepts from the bar above the mail in their
webmail, and the organiser's calendar shows both answers. A reminder appears when its alarm
time comes (the page's clock is driven by Playwright). Every date is pinned: the calendar is
navigated to the week of Monday 14 June 2027, never to "today".
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from tests.examples.demo_server import DemoServer, until
from tests.web.browser import check_screen, open_context
from tests.web.walk import admin_api, catalogue, sign_in

PASSWORD = "Calendar-pass-2027"
WEEK = "2027-06-14"  # a Monday
TITLE = "第三季度评审 Q3 review"


def _domain(console: DemoServer) -> str:
    return console.admin["admin"].split("@")[1]  # type: ignore[attr-defined,no-any-return]


def _person(console: DemoServer, name: str, display: str, **extra: object) -> str:
    address = f"{name}@{_domain(console)}"
    made = admin_api(console).post(
        "/v1/accounts",
        json={
            "address": address, "display_name": display, "password": PASSWORD,
            "must_change_password": False, "time_zone": "Asia/Shanghai", **extra,
        },
    )
    assert made.status_code in (201, 409), made.text
    return address


def _room(console: DemoServer, name: str) -> str:
    api = admin_api(console)
    rooms = api.get("/v1/calendar/rooms").json()["data"]
    found = next((r for r in rooms if r["name"] == name), None)
    if found:
        return str(found["id"])
    made = api.post(
        "/v1/calendar/rooms", json={"name": name, "capacity": 8, "booking_window_days": 1095}
    )
    assert made.status_code == 201, made.text
    return str(made.json()["id"])


def _open_calendar(page: Page, address: str, view: str = "week", day: str = WEEK) -> None:
    sign_in(page, address, PASSWORD)
    page.goto(f"/calendar?view={view}&date={day}")
    expect(page.locator("[data-testid=cal-heading]")).to_be_visible()


def test_meeting_booked_through_the_assistant_is_accepted_from_the_mail(
    browser: Browser, console: DemoServer
) -> None:
    lang = "zh-CN"
    t = catalogue(lang)
    organiser = _person(console, "zhouyu", "周瑜")
    first = _person(console, "xiaoqiao", "小乔")
    second = _person(console, "sunquan", "孙权")
    room = "莲花厅 Lotus"
    _room(console, room)
    busy = admin_api(console).post(  # 孙权 is busy 09:00-10:00 on the Monday
        f"/v1/accounts/{second}/calendar/events",
        json={"title": "早会", "start": f"{WEEK}T09:00:00", "end": f"{WEEK}T10:00:00",
              "time_zone": "Asia/Shanghai"},
    )
    assert busy.status_code == 201, busy.text

    watched = open_context(browser, console.url, lang)
    page = watched.page()
    _open_calendar(page, organiser)
    zone_note = t["calendar.zone"].replace("{{zone}}", "Asia/Shanghai")
    expect(page.get_by_text(zone_note)).to_be_visible()
    page.get_by_role("button", name=t["calendar.new"]).click()
    form = page.locator("[data-testid=event-editor]")
    form.get_by_label(t["calendar.eventTitle"]).fill(TITLE)
    form.get_by_label(t["calendar.date"], exact=True).fill(WEEK)
    form.get_by_label(t["calendar.start"], exact=True).fill("09:00")
    form.get_by_label(t["calendar.end"], exact=True).fill("10:00")
    who = form.get_by_label(t["calendar.addAttendee"])
    for address in (first, second):
        who.fill(address)
        who.press("Enter")
    form.get_by_label(re.compile(re.escape(room))).check()
    form.get_by_role("button", name=t["calendar.assistant.open"]).click()

    assistant = page.locator("[data-testid=assistant]")
    rows = assistant.locator("tbody tr")
    expect(rows).to_have_count(4)  # the organiser, two colleagues, the room: side by side
    busy_block = rows.filter(has_text=second).locator(".fb-busy")
    expect(busy_block).to_have_count(1)
    expect(busy_block).to_have_attribute("aria-label", re.compile(r"09:00.*10:00"))
    expect(rows.filter(has_text=first).locator(".fb-busy")).to_have_count(0)
    check_screen(page, lang, "calendar-assistant")

    assistant.get_by_role("button", name=t["calendar.assistant.suggest"]).click()
    suggestions = assistant.locator("[data-testid=suggestions] button")
    expect(suggestions.first).to_contain_text("10:00")
    expect(suggestions.first).to_contain_text(room)
    suggestions.first.click()
    expect(form.get_by_label(t["calendar.start"], exact=True)).to_have_value("10:00")
    expect(form.get_by_label(t["calendar.end"], exact=True)).to_have_value("11:00")
    form.get_by_role("button", name=t["calendar.saveAndSend"]).click()
    expect(form).to_have_count(0)
    chip = page.locator("[data-testid=cal-event]").filter(has_text=TITLE)
    expect(chip).to_have_count(1)
    expect(chip).to_contain_text("10:00")

    for invitee in (first, second):
        guest = open_context(browser, console.url, lang)
        mail = guest.page()
        sign_in(mail, invitee, PASSWORD)
        mail.goto("/mail")
        row = mail.locator("[data-testid=message-list] li").filter(has_text=TITLE)
        expect(row).to_have_count(1, timeout=30_000)
        row.get_by_role("button").first.click()
        bar = mail.locator("[data-testid=invitation-bar]")
        expect(bar).to_contain_text(TITLE, timeout=15_000)
        expect(bar.locator("[data-answer]")).to_have_attribute("data-answer", "needs_action")
        if invitee == first:
            check_screen(mail, lang, "mail-invitation")
        bar.get_by_role("button", name=t["calendar.respond.accepted"]).click()
        expect(bar.locator("[data-answer]")).to_have_attribute("data-answer", "accepted")
        guest.assert_clean()
        guest.context.close()

    api = admin_api(console)

    def answered() -> dict | None:
        got = api.get(
            f"/v1/accounts/{organiser}/calendar/events",
            params={"start": f"{WEEK}T00:00:00+08:00", "end": f"{WEEK}T23:59:00+08:00"},
        ).json()["data"]
        event = next((e for e in got if e["title"] == TITLE), None)
        people = [a for a in (event or {}).get("attendees", []) if a["type"] == "person"]
        return event if people and all(a["response"] == "accepted" for a in people) else None

    until(answered, "both answers at the organiser")
    page.reload()
    chip.click()
    panel = page.locator("[data-testid=event-panel]")
    answers = panel.locator("[data-testid=attendee-answers] li")
    expect(answers).to_have_count(2)
    for address in (first, second):
        answer = panel.locator(f"[data-testid=attendee-answers] li[data-address='{address}']")
        expect(answer.locator("[data-answer]")).to_have_attribute("data-answer", "accepted")
    expect(panel.locator(".cal-person [data-answer]")).to_have_attribute("data-answer", "accepted")
    check_screen(page, lang, "calendar-answers")
    watched.assert_clean()
    watched.context.close()


def test_a_repeating_event_changed_once_and_a_reminder_when_its_time_comes(
    browser: Browser, console: DemoServer
) -> None:
    lang = "en"
    t = catalogue(lang)
    person = _person(console, "daily", "Daily Person")
    watched = open_context(browser, console.url, lang)
    page = watched.page()
    _open_calendar(page, person, "week", WEEK)
    page.get_by_role("button", name=t["calendar.new"]).click()
    form = page.locator("[data-testid=event-editor]")
    form.get_by_label(t["calendar.eventTitle"]).fill("Stand-up")
    form.get_by_label(t["calendar.date"], exact=True).fill(WEEK)
    form.get_by_label(t["calendar.start"], exact=True).fill("08:30")
    form.get_by_label(t["calendar.end"], exact=True).fill("08:45")
    form.get_by_label(t["calendar.repeat"]).select_option("DAILY")
    form.get_by_role("button", name=t["common.save"]).click()
    chips = page.locator("[data-testid=cal-event]").filter(has_text="Stand-up")
    expect(chips).to_have_count(7)  # every day of the pinned week

    chips.nth(2).click()  # Wednesday's instance only
    page.locator("[data-testid=event-panel]").get_by_role("button", name=t["calendar.edit"]).click()
    form.get_by_label(t["calendar.eventTitle"]).fill("Stand-up (moved)")
    form.get_by_label(t["calendar.start"], exact=True).fill("11:00")
    form.get_by_label(t["calendar.end"], exact=True).fill("11:15")
    form.get_by_label(t["calendar.scope.this"]).check()
    form.get_by_role("button", name=t["common.save"]).click()
    expect(chips.filter(has_text="Stand-up (moved)")).to_have_count(1)
    expect(chips.filter(has_not_text="moved")).to_have_count(6)
    moved = page.locator("[data-day='2027-06-16'] [data-testid=cal-event]")
    expect(moved).to_contain_text("11:00")

    page.get_by_role("button", name=t["calendar.view.month"], exact=True).click()
    expect(page.locator("[data-testid=cal-month]")).to_be_visible()
    page.get_by_role("button", name=t["calendar.view.day"], exact=True).click()
    expect(page.locator("[data-testid=cal-timegrid] .cal-dayname")).to_have_count(1)
    watched.assert_clean()
    watched.context.close()

    # A reminder: an event 20 minutes from the page's own clock, alarm 15 minutes before.
    api = admin_api(console)
    clocked = open_context(browser, console.url, lang)
    page = clocked.page()
    page.clock.install()
    sign_in(page, person, PASSWORD)
    now = page.evaluate("Date.now()")
    start = now + 20 * 60_000
    made = api.post(
        f"/v1/accounts/{person}/calendar/events",
        json={"title": "Call with 王伟", "start": _iso(start), "end": _iso(start + 30 * 60_000),
              "reminders": [{"method": "display", "minutes_before": 15}]},
    )
    assert made.status_code == 201, made.text
    page.goto("/calendar")
    expect(page.locator("[data-testid=cal-heading]")).to_be_visible()
    page.wait_for_timeout(500)
    expect(page.locator("[data-testid=reminders]")).to_have_count(0)
    page.clock.run_for("06:00")  # past the alarm time (20 - 15 = 5 minutes from now)
    notice = page.locator("[data-testid=reminders] li")
    expect(notice).to_contain_text("Call with 王伟")
    notice.get_by_role("button", name=t["calendar.dismiss"]).click()
    expect(page.locator("[data-testid=reminders]")).to_have_count(0)
    clocked.assert_clean()
    clocked.context.close()


def _iso(ms: float) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).isoformat()


VCARDS = """BEGIN:VCARD\r
VERSION:3.0\r
UID:import-zhaoyun\r
FN:赵云\r
N:赵;云;;;\r
EMAIL;TYPE=WORK:zhaoyun@partner.example\r
TEL;TYPE=CELL:+8613800000001\r
END:VCARD\r
BEGIN:VCARD\r
VERSION:4.0\r
UID:import-carol\r
FN:Carol Smith\r
EMAIL:carol@partner.example\r
END:VCARD\r
"""


def _directory(console: DemoServer) -> str:
    """A department tree (技术中心 > 研发部) with 张三丰 in it; returns his address."""
    api = admin_api(console)
    listed = api.get("/v1/departments", params={"limit": 500}).json()["data"]
    existing = {d["name"]: d["id"] for d in listed}
    top = existing.get("技术中心") or api.post(
        "/v1/departments", json={"name": "技术中心"}
    ).json()["id"]
    dev = existing.get("研发部") or api.post(
        "/v1/departments", json={"name": "研发部", "parent_id": top}
    ).json()["id"]
    return _person(console, "sanfeng.zhang", "张三丰", department_ids=[dev], job_title="架构师")


def test_contacts_groups_vcards_and_the_directory_in_chinese_and_pinyin(
    browser: Browser, console: DemoServer, tmp_path: Path
) -> None:
    lang = "en"
    t = catalogue(lang)
    person = _person(console, "keeper", "Keeper")
    colleague = _directory(console)
    watched = open_context(browser, console.url, lang)
    page = watched.page()
    sign_in(page, person, PASSWORD)
    page.goto("/contacts")
    expect(page.locator("main h1")).to_have_text(t["contacts.title"])

    form = page.get_by_role("form", name=t["contacts.newContact"])
    form.get_by_label(t["contacts.name"]).fill("Alice Wang")
    form.get_by_label(t["contacts.email"]).fill("alice@partner.example")
    form.get_by_label(t["contacts.phone"]).fill("+86 138 0000 0002")
    form.get_by_role("button", name=t["common.add"]).click()
    rows = page.locator("[data-testid=contact-list] tbody tr")
    expect(rows.filter(has_text="Alice Wang")).to_have_count(1)

    groups = page.get_by_role("navigation", name=t["contacts.groups"])
    groups.get_by_label(t["contacts.newGroup"]).fill("Partners 伙伴")
    groups.get_by_role("button", name=t["common.create"]).click()
    expect(groups.get_by_role("button", name=re.compile(r"Partners 伙伴 \(0\)"))).to_be_visible()
    page.get_by_label(t["contacts.selectOne"].replace("{{name}}", "Alice Wang")).check()
    page.get_by_label(t["contacts.addToGroup"]).select_option(label="Partners 伙伴")
    expect(rows.filter(has_text="Alice Wang")).to_contain_text("Partners 伙伴")
    groups.get_by_role("button", name=re.compile(r"Partners 伙伴 \(1\)")).click()
    expect(rows).to_have_count(1)
    groups.get_by_role("button", name=t["contacts.allContacts"]).click()

    card = tmp_path / "partners.vcf"
    card.write_text(VCARDS, encoding="utf-8")
    page.get_by_label(t["contacts.importFile"]).set_input_files(str(card))
    expect(page.locator("[data-testid=import-result]")).to_contain_text("2")
    expect(rows.filter(has_text="赵云")).to_have_count(1)
    expect(rows.filter(has_text="Carol Smith")).to_have_count(1)
    page.get_by_label(t["contacts.search"]).fill("赵")
    expect(rows).to_have_count(1)
    page.get_by_label(t["contacts.search"]).fill("")
    check_screen(page, lang, "contacts")

    with page.expect_download() as download:
        page.get_by_role("button", name=t["contacts.export"]).click()
    exported = Path(download.value.path()).read_text("utf-8")
    assert "Alice Wang" in exported and "赵云" in exported and "Carol Smith" in exported
    assert "Partners 伙伴" in exported  # the group travels as a group card

    page.get_by_role("button", name=t["contacts.tab.directory"]).click()
    found = page.locator("[data-testid=directory-list] tbody tr")
    search = page.get_by_label(t["contacts.directorySearch"])
    # Chinese, pinyin initials, full pinyin, the address
    for query in ("张三", "zsf", "zhangsanfeng", "sanfeng.zhang"):
        search.fill(query)
        expect(found.filter(has_text=colleague)).to_have_count(1)
        expect(found.filter(has_text="Alice Wang")).to_have_count(0)
    search.fill("")
    tree = page.locator("[data-testid=department-tree]")
    expect(tree).to_contain_text("技术中心")
    tree.get_by_role("button", name="研发部").click()
    expect(found).to_have_count(1)
    expect(found).to_contain_text("张三丰")
    expect(found).to_contain_text("研发部")
    check_screen(page, lang, "contacts-directory")
    found.get_by_role("button", name=t["contacts.keepShort"]).click()
    expect(found.locator(".badge")).to_have_text(t["contacts.kept"])
    page.get_by_role("button", name=t["contacts.tab.mine"]).click()
    expect(rows.filter(has_text="张三丰")).to_have_count(1)
    watched.assert_clean()
    watched.context.close()


def test_every_view_in_both_languages_and_on_a_390px_phone(
    browser: Browser, console: DemoServer
) -> None:
    person = _person(console, "viewer", "Viewer 观看者")
    api = admin_api(console)
    made = api.post(
        f"/v1/accounts/{person}/calendar/events",
        json={"title": "评审 Review", "start": f"{WEEK}T14:00:00", "end": f"{WEEK}T15:00:00",
              "time_zone": "Asia/Shanghai", "recurrence": {"rrule": "FREQ=WEEKLY;COUNT=3"}},
    )
    assert made.status_code == 201, made.text
    for lang in ("zh-CN", "en"):
        t = catalogue(lang)
        for width, suffix in ((1280, ""), (390, "-390")):
            watched = open_context(browser, console.url, lang, width=width, height=844)
            page = watched.page()
            sign_in(page, person, PASSWORD)
            for view in ("day", "week", "month"):
                page.goto(f"/calendar?view={view}&date={WEEK}")
                expect(page.locator("[data-testid=cal-event]").filter(has_text="评审").first).to_be_visible()
                check_screen(page, lang, f"calendar-{view}{suffix}")
                _fits(page, width)
            page.get_by_role("button", name=t["calendar.new"]).click()
            page.get_by_role("button", name=t["calendar.assistant.open"]).click()
            expect(page.locator("[data-testid=assistant] tbody tr")).to_have_count(1)
            check_screen(page, lang, f"calendar-editor{suffix}")
            _fits(page, width)
            page.goto("/contacts")
            check_screen(page, lang, f"contacts{suffix}")
            _fits(page, width)
            page.goto("/contacts?tab=directory")
            expect(page.locator("[data-testid=directory-list] tbody tr").first).to_be_visible()
            check_screen(page, lang, f"contacts-directory{suffix}")
            _fits(page, width)
            watched.assert_clean()
            watched.context.close()


def _fits(page: Page, width: int) -> None:
    """Usable at this width: the page itself never scrolls sideways (wide grids scroll inside)."""
    wide = page.evaluate("document.documentElement.scrollWidth")
    assert wide <= width, f"the page scrolls sideways ({wide} px)"
