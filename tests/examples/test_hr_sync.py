"""examples/hr_sync.py: the first HR export creates departments and accounts; the next one
adds joiners, moves movers, freezes the leaver; each run twice changes nothing the second
time; a dry run changes nothing at all. Joiners get one-time activation links (no password
is generated or thrown away), and a link lets the person choose their password."""

from __future__ import annotations

import csv
import re
import stat
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from tests.examples.demo_server import DOMAIN, REPO, DemoServer

WEEK1 = str(REPO / "examples" / "data" / "hr_export_2026-03-02.csv")
WEEK2 = str(REPO / "examples" / "data" / "hr_export_2026-03-09.csv")


def _state(api: httpx.Client) -> dict[str, tuple[str, str, tuple[str, ...], str, str | None]]:
    paths = {
        d["id"]: d["path"] for d in api.get("/v1/departments", params={"limit": 500}).json()["data"]
    }
    accounts = api.get("/v1/accounts", params={"limit": 500}).json()["data"]
    return {
        a["address"].split("@")[0]: (
            a["status"],
            a["display_name"],
            tuple(sorted(paths[d] for d in a["department_ids"])),
            a["job_title"],
            a["employee_number"],
        )
        for a in accounts
    }


def _audit_count(api: httpx.Client) -> int:
    """Directory changes in the audit log (each run's own token issuance aside)."""
    entries = api.get("/v1/audit/entries", params={"limit": 500}).json()["data"]
    return sum(1 for e in entries if not e["action"].startswith("oauth."))


def test_joiners_movers_leavers_and_idempotence(demo: DemoServer) -> None:
    with demo.admin_client() as api:
        dry = demo.run("hr_sync.py", "--dry-run", WEEK1).stdout
        assert f"[dry run] joiner: create zhang.wei@{DOMAIN} (张伟) in Engineering/Platform" in dry
        assert dry.rstrip().endswith("12 change(s) to make")  # 6 departments, 6 joiners
        assert set(_state(api)) == {"admin"}  # a dry run writes nothing

        first = demo.run("hr_sync.py", WEEK1).stdout
        for path in (
            "Engineering",
            "Engineering/Platform",
            "Sales",
            "Sales/East",
            "Finance",
            "Sales/Europe",
        ):
            assert f"create department {path}\n" in first
        assert first.count("joiner: create") == 6
        after_first = _state(api)
        assert after_first["li.na"] == (
            "active",
            "李娜",
            ("Engineering/Platform",),
            "Site Reliability Engineer",
            "E1002",
        )
        assert after_first["maria.schmidt"][2] == ("Sales/Europe",)
        _check_activation_links(demo, 6)

        audit_before = _audit_count(api)
        again = demo.run("hr_sync.py", WEEK1).stdout
        assert again.rstrip().endswith("already in step: nothing to do")
        assert _state(api) == after_first and _audit_count(api) == audit_before

        second = demo.run("hr_sync.py", WEEK2).stdout
        assert second.count("joiner: create") == 2
        assert f"mover: li.na@{DOMAIN} Engineering/Platform -> Engineering/Data" in second
        assert f"mover: chen.jing@{DOMAIN} Finance -> Finance/Payroll" in second
        assert f"leaver: freeze liu.yang@{DOMAIN}" in second
        state = _state(api)
        assert state["li.na"] == ("active", "李娜", ("Engineering/Data",), "Data Engineer", "E1002")
        assert state["chen.jing"][2:4] == (("Finance/Payroll",), "Payroll Specialist")
        assert state["liu.yang"][0] == "frozen"
        assert state["zhao.lei"] == (
            "active",
            "赵磊",
            ("Engineering/Data",),
            "Data Analyst",
            "E1007",
        )
        assert state["ana.souza"][2] == ("Customer Success",)
        assert state["zhang.wei"] == after_first["zhang.wei"]  # untouched

        audit_before = _audit_count(api)
        third = demo.run("hr_sync.py", WEEK2).stdout
        assert third.rstrip().endswith("already in step: nothing to do")
        assert _state(api) == state and _audit_count(api) == audit_before

        # Going back to the first export: the leaver returns (unfrozen), the movers move back.
        back = demo.run("hr_sync.py", WEEK1).stdout
        assert f"returner: unfreeze liu.yang@{DOMAIN}" in back
        assert _state(api)["liu.yang"][0] == "active"
        assert _state(api)["li.na"][2] == ("Engineering/Platform",)


def test_a_bad_export_is_refused_before_any_change(demo: DemoServer, tmp_path: Path) -> None:
    broken = tmp_path / "broken.csv"
    broken.write_text("employee_id,name,email\nE9,No Dept,no.dept@demo.mailplane.test\n")
    with demo.admin_client() as api:
        before = _state(api)
        done = demo.run("hr_sync.py", str(broken), check=False)
        assert done.returncode != 0
        assert "missing column" in done.stderr
        assert _state(api) == before


def _check_activation_links(demo: DemoServer, expected: int) -> None:
    """The link file holds one link per joiner, only its owner can read it, and a link
    sets the person's password once."""
    path = demo.base / "activation_links.csv"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == expected
    li_na = next(r for r in rows if r["email"] == f"li.na@{DOMAIN}")
    assert li_na["name"] == "李娜" and "/oauth/activate/" in li_na["activation_url"]
    target = urlsplit(li_na["activation_url"]).path
    with httpx.Client(base_url=demo.url) as browser:
        page = browser.get(target)
        assert page.status_code == 200 and f"li.na@{DOMAIN}" in page.text
        match = re.search(r"name=csrf_token value='([^']+)'", page.text)
        assert match
        new = "li-na-chose-Th1s!"
        done = browser.post(target, data={
            "csrf_token": match.group(1), "new_password": new, "confirm_password": new,
        })
        assert done.status_code == 200, done.text
        assert browser.get(target).status_code == 410  # once only
        login = browser.get("/oauth/login")
        token = re.search(r"name=csrf_token value='([^']+)'", login.text)
        assert token
        signed = browser.post("/oauth/login", data={
            "address": f"li.na@{DOMAIN}", "password": new, "csrf_token": token.group(1),
            "next": "/oauth/authorize",
        })
        assert signed.status_code == 303
