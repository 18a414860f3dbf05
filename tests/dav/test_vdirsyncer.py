"""`vdirsyncer` (Debian's) two-way sync against a real Mailplane HTTP server: a calendar of
200 events (every tenth a series with a moved instance, Chinese titles, five time zones) and
an address book of 100 contacts. Edits on both sides converge, through DAV on one side and
the REST API on the other; an event changed on both sides is reported as a conflict and
neither version is lost."""

from __future__ import annotations

import subprocess
from pathlib import Path

import icalendar
import pytest
import vobject

from tests.factories.calendar import cal
from tests.factories.dav import basic, contact_vcf, dav, dav_person, event_ics
from tests.live_server import live_server

EVENTS, CONTACTS = 200, 100


@pytest.fixture
def server(settings):
    with live_server(settings) as url:
        yield url


def _config(tmp: Path, server: str, address: str, password: str, cal_id: str, book_id: str) -> Path:
    (tmp / "cal").mkdir()
    (tmp / "book").mkdir()
    path = tmp / "config"
    path.write_text(
        f"""[general]
status_path = "{tmp}/status/"

[pair cal]
a = "cal_local"
b = "cal_remote"
collections = null

[storage cal_local]
type = "filesystem"
path = "{tmp}/cal/"
fileext = ".ics"

[storage cal_remote]
type = "caldav"
url = "{server}/dav/calendars/{address}/{cal_id}/"
username = "{address}"
password = "{password}"

[pair book]
a = "book_local"
b = "book_remote"
collections = null

[storage book_local]
type = "filesystem"
path = "{tmp}/book/"
fileext = ".vcf"

[storage book_remote]
type = "carddav"
url = "{server}/dav/addressbooks/{address}/{book_id}/"
username = "{address}"
password = "{password}"
"""
    )
    return path


def _sync(config: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["vdirsyncer", "-c", str(config), "sync"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _khal(tmp: Path) -> list[str]:
    """January 2030 as `khal list` prints it (Shanghai time), one line per instance."""
    config = tmp / "khal.conf"
    config.write_text(
        f"[calendars]\n[[mailplane]]\npath = {tmp}/cal/\ntype = calendar\n"
        "[locale]\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
        "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
        "local_timezone = Asia/Shanghai\ndefault_timezone = Asia/Shanghai\n"
        f"[sqlite]\npath = {tmp}/khal.db\n"
    )
    out = subprocess.run(
        [
            "khal",
            "-c",
            str(config),
            "list",
            "--format",
            "{start-date} {start-time}-{end-time} {title}",
            "2030-01-01",
            "2030-01-31",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    return [line.strip() for line in out.splitlines() if "项目评审 #0" in line]


def _local(folder: Path, uid: str) -> Path:
    for path in folder.iterdir():
        if f"UID:{uid}" in path.read_text():
            return path
    raise AssertionError(f"{uid} not in {folder}")


async def _event_id(org, address: str, uid: str) -> str:
    resp = await org.client.get(
        cal(address, "/events"),
        params={"start": "2030-01-01T00:00:00Z", "end": "2031-01-01T00:00:00Z", "limit": 500},
        headers=await org.headers(),
    )
    for e in resp.json()["data"]:
        if e["uid"] == uid:
            return str(e.get("series_id") or e["id"])
    raise AssertionError(uid)


async def test_two_way_sync_converges_and_reports_conflicts(client, org, server, tmp_path):
    address, password = await dav_person(org, "alice")
    auth = basic(address, password)
    cals = await org.client.get(cal(address, "/calendars"), headers=await org.headers())
    cal_id = cals.json()["data"][0]["id"]
    books = await org.client.get(
        f"/v1/accounts/{address}/contacts/address_books", headers=await org.headers()
    )
    book_id = books.json()["data"][0]["id"]
    for i in range(EVENTS):
        uid, text = event_ics(i)
        resp = await dav(client, "PUT", f"/dav/calendars/{address}/{cal_id}/{uid}.ics", auth, text)
        assert resp.status_code == 201, resp.text
    for i in range(CONTACTS):
        uid, text = contact_vcf(i)
        resp = await dav(
            client, "PUT", f"/dav/addressbooks/{address}/{book_id}/{uid}.vcf", auth, text
        )
        assert resp.status_code == 201, resp.text
    config = _config(tmp_path, server, address, password, cal_id, book_id)

    discover = subprocess.run(
        ["vdirsyncer", "-c", str(config), "discover"],
        input="y\ny\n",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert discover.returncode == 0, discover.stderr
    first = _sync(config)
    assert first.returncode == 0, first.stderr
    assert len(list((tmp_path / "cal").iterdir())) == EVENTS
    assert len(list((tmp_path / "book").iterdir())) == CONTACTS
    series = icalendar.Calendar.from_ical(
        _local(tmp_path / "cal", "corpus-10@dav.test").read_text()
    )
    assert [str(v["SUMMARY"]) for v in series.walk("VEVENT")] == [
        "预算讨论 #10",
        "预算讨论 #10（改期）",
    ]

    # a third client (khal, installed by .ci/run) reads what vdirsyncer pulled from Mailplane
    assert _khal(tmp_path) == [
        "2030-01-01 08:00-08:45 项目评审 #0",
        "2030-01-08 08:00-08:45 项目评审 #0",
        "2030-01-15 09:00-09:45 项目评审 #0（改期）",
        "2030-01-22 08:00-08:45 项目评审 #0",
        "2030-01-29 08:00-08:45 项目评审 #0",
    ]

    # local side: edit one event, add one, edit one contact
    path5 = _local(tmp_path / "cal", "corpus-5@dav.test")
    path5.write_text(path5.read_text().replace("SUMMARY:", "SUMMARY:本地修改 "))
    _, new_text = event_ics(900, title="本地新建")
    (tmp_path / "cal" / "local-new.ics").write_text(new_text)
    card3 = _local(tmp_path / "book", "contact-3@dav.test")
    card3.write_text(card3.read_text().replace("ORG:合作伙伴", "ORG:新公司"))
    # server side, through the REST API: edit one event, cancel one, edit one contact
    headers = await org.headers()
    ev6 = await _event_id(org, address, "corpus-6@dav.test")
    resp = await org.client.patch(
        cal(address, f"/events/{ev6}"), json={"title": "服务器修改"}, headers=headers
    )
    assert resp.status_code == 200, resp.text
    ev7 = await _event_id(org, address, "corpus-7@dav.test")
    assert (
        await org.client.delete(cal(address, f"/events/{ev7}"), headers=headers)
    ).status_code == 204
    contacts = await org.client.get(
        f"/v1/accounts/{address}/contacts", params={"limit": 500}, headers=headers
    )
    c4 = next(c for c in contacts.json()["data"] if c["uid"] == "contact-4@dav.test")
    resp = await org.client.patch(
        f"/v1/accounts/{address}/contacts/{c4['id']}", json={"nickname": "小刘"}, headers=headers
    )
    assert resp.status_code == 200, resp.text

    second = _sync(config)
    assert second.returncode == 0, second.stderr
    # the server has the local edits …
    got = await dav(client, "GET", f"/dav/calendars/{address}/{cal_id}/corpus-5@dav.test.ics", auth)
    assert "SUMMARY:本地修改 " in got.text
    made = await _event_id(org, address, "corpus-900@dav.test")
    got = await org.client.get(cal(address, f"/events/{made}"), headers=headers)
    assert got.json()["title"] == "本地新建"
    contacts = await org.client.get(
        f"/v1/accounts/{address}/contacts", params={"limit": 500}, headers=headers
    )
    c3 = next(c for c in contacts.json()["data"] if c["uid"] == "contact-3@dav.test")
    assert c3["organization"] == "新公司"
    # … and the local side has the server's
    assert "SUMMARY:服务器修改" in _local(tmp_path / "cal", "corpus-6@dav.test").read_text()
    with pytest.raises(AssertionError):
        _local(tmp_path / "cal", "corpus-7@dav.test")
    card4 = vobject.readOne(_local(tmp_path / "book", "contact-4@dav.test").read_text())
    assert card4.nickname.value == "小刘"
    assert len(list((tmp_path / "cal").iterdir())) == EVENTS  # +1 new, -1 cancelled

    # both sides change event 8: reported as a conflict, neither version lost
    path8 = _local(tmp_path / "cal", "corpus-8@dav.test")
    path8.write_text(path8.read_text().replace("SUMMARY:", "SUMMARY:本地版本 "))
    ev8 = await _event_id(org, address, "corpus-8@dav.test")
    resp = await org.client.patch(
        cal(address, f"/events/{ev8}"), json={"title": "服务器版本"}, headers=headers
    )
    assert resp.status_code == 200
    third = _sync(config)
    assert third.returncode != 0
    assert "conflict" in (third.stderr + third.stdout).lower()
    assert "本地版本" in path8.read_text()
    got = await org.client.get(cal(address, f"/events/{ev8}"), headers=headers)
    assert got.json()["title"] == "服务器版本"
