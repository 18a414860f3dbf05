"""examples/graphql_dashboard.py: one GraphQL query renders the admin dashboard, and its
figures match what the REST API says."""

from __future__ import annotations

import json
import re

from tests.examples.demo_server import DOMAIN, DemoServer


def test_dashboard_shows_the_organisation_as_the_api_sees_it(demo: DemoServer) -> None:
    admin = f"admin@{DOMAIN}"
    with demo.admin_client() as api:
        dept = api.post("/v1/departments", json={"name": "Operations"}).json()
        team = api.post(
            "/v1/departments", json={"name": "Night shift", "parent_id": dept["id"]}
        ).json()
        for local, name, where in [
            ("ops.one", "Ops One", team["id"]),
            ("ops.two", "Ops Two", dept["id"]),
            ("gone.soon", "Gone Soon", dept["id"]),
        ]:
            made = api.post(
                "/v1/accounts",
                json={
                    "address": f"{local}@{DOMAIN}",
                    "display_name": name,
                    "department_ids": [where],
                },
            )
            assert made.status_code == 201, made.text
        assert api.post(f"/v1/accounts/gone.soon@{DOMAIN}/freeze").status_code == 200
        assert (
            api.post(
                "/v1/calendar/rooms",
                json={"name": "Room 101", "capacity": 6, "building": "HQ", "floor": "1"},
            ).status_code
            == 201
        )
        sent = api.post(
            f"/v1/accounts/ops.one@{DOMAIN}/mail/send",
            json={"to": [admin], "subject": "shift report", "text": "all quiet"},
        )
        assert sent.status_code == 202, sent.text
        active = api.get("/v1/accounts", params={"status": "active", "limit": 500}).json()["data"]
        frozen = api.get("/v1/accounts", params={"status": "frozen", "limit": 500}).json()["data"]
        unread = api.get(f"/v1/accounts/{admin}/mail/counts").json()["unread_count"]

    shown = demo.run("graphql_dashboard.py", "--mailbox", admin).stdout
    assert "== Demo Corp — mail platform dashboard (as Admin console) ==" in shown
    assert re.search(rf"^  {re.escape(DOMAIN)}\s+\w+$", shown, re.M), shown
    assert f"Accounts: {len(active)} active, {len(frozen)} frozen" in shown
    assert f"Administrators: {admin}" in shown
    assert re.search(r"^  Operations\s+1$", shown, re.M), shown  # ops.two; gone.soon is frozen
    assert re.search(r"^  Operations/Night shift\s+1$", shown, re.M), shown
    assert re.search(r"^  \(no department\)\s+1$", shown, re.M), shown  # the admin
    assert f"gone.soon@{DOMAIN}" in shown.split("Frozen accounts")[1]
    assert re.search(r"^  Room 101\s+6 seats  HQ 1$", shown, re.M), shown
    assert "Webhooks: 0 endpoints, 0 need attention" in shown
    assert f"Unread mail for {admin}: {unread} in the inbox" in shown and unread == 1

    raw = json.loads(demo.run("graphql_dashboard.py", "--json").stdout)
    assert {a["address"] for a in raw["active"]["data"]} == {a["address"] for a in active}
    assert [a["address"] for a in raw["frozen"]["data"]] == [f"gone.soon@{DOMAIN}"]
    assert "mailbox" not in raw  # @include(if: false): not asked for without --mailbox
