"""The API the admin console's security, overview and developer-portal screens are made of:
sign-in locks (list, clear), organisation totals, an app's usage and tokens."""

from __future__ import annotations

import httpx

from tests.factories.directory import audit_actions, event_types
from tests.factories.mail import deliver_to, simple_message
from tests.factories.platform import ADMIN_PASSWORD, sign_in, user_tokens

LOCKS = "/v1/directory/sign-in-locks"


async def _fail(client: httpx.AsyncClient, address: str, times: int) -> None:
    for _ in range(times):
        resp = await sign_in(client, address, "not-the-password")
        assert resp.status_code == 401


async def test_failed_sign_ins_lock_an_address_until_the_admin_clears_it(client, org):
    await org.add_account("zhao")
    address = f"zhao@{org.domain}"
    await _fail(client, address, 5)
    await _fail(client, f"ghost@{org.domain}", 1)
    assert (await sign_in(client, address)).status_code == 401  # locked: right password refused
    headers = await org.headers()

    listed = await client.get(LOCKS, headers=headers)
    assert listed.status_code == 200, listed.text
    by_address = {r["address"]: r for r in listed.json()["data"] if r["kind"] == "address"}
    assert set(by_address) == {address, f"ghost@{org.domain}"}
    zhao = by_address[address]
    assert zhao["locked"] is True and zhao["failures"] == 5 and zhao["locked_until"]
    assert zhao["id"].startswith("lck_")
    assert by_address[f"ghost@{org.domain}"]["locked"] is False
    only = await client.get(LOCKS, headers=headers, params={"locked_only": "true"})
    assert [r["address"] for r in only.json()["data"]] == [address]

    cleared = await client.delete(f"{LOCKS}/{zhao['id']}", headers=headers)
    assert cleared.status_code == 204, cleared.text
    assert (await sign_in(client, address)).status_code == 303
    again = await client.delete(f"{LOCKS}/{zhao['id']}", headers=headers)
    assert again.status_code == 404 and again.json()["param"] == "lock_id"
    by_addr = await client.delete(f"{LOCKS}/ghost@{org.domain}", headers=headers)
    assert by_addr.status_code == 204
    left = await client.get(LOCKS, headers=headers)
    assert [r for r in left.json()["data"] if r["kind"] == "address"] == []
    assert "sign_in_lock.cleared" in await audit_actions(org)
    assert "directory.sign_in_lock.cleared" in await event_types(org)


async def test_sign_in_locks_over_graphql(client, org):
    await _fail(client, f"qian@{org.domain}", 2)
    headers = await org.headers()
    got = await client.post("/graphql", headers=headers, json={"query": """
        { signInLocks(lockedOnly: false) {
            data { id kind address failures locked } nextCursor } }"""})
    rows = [r for r in got.json()["data"]["signInLocks"]["data"] if r["kind"] == "address"]
    assert [(r["address"], r["failures"], r["locked"]) for r in rows] == [
        (f"qian@{org.domain}", 2, False)
    ]
    done = await client.post("/graphql", headers=headers, json={
        "query": "mutation($id: String!) { clearSignInLock(id: $id) }",
        "variables": {"id": rows[0]["id"]}})
    assert done.json()["data"]["clearSignInLock"] is True
    missing = await client.post("/graphql", headers=headers, json={
        "query": "mutation($id: String!) { clearSignInLock(id: $id) }",
        "variables": {"id": rows[0]["id"]}})
    assert missing.json()["errors"][0]["extensions"]["code"] == "not_found"


async def test_another_organisation_neither_sees_nor_clears_the_locks(client, org, other_org):
    await _fail(client, f"sun@{org.domain}", 5)
    mine = (await client.get(LOCKS, headers=await org.headers())).json()["data"]
    lock = next(r for r in mine if r["kind"] == "address")
    theirs = await client.get(LOCKS, headers=await other_org.headers())
    assert theirs.status_code == 200 and theirs.json()["data"] == []
    refused = await client.delete(f"{LOCKS}/{lock['id']}", headers=await other_org.headers())
    assert refused.status_code == 404
    by_address = await client.delete(f"{LOCKS}/sun@{org.domain}", headers=await other_org.headers())
    assert by_address.status_code == 404
    still = (await client.get(LOCKS, headers=await org.headers(), params={"locked_only": True}))
    assert [r["id"] for r in still.json()["data"]] == [lock["id"]]


async def test_members_get_no_locks_and_no_totals(client, org):
    await org.add_account("li")
    tokens = await user_tokens(org, f"li@{org.domain}", "directory:read directory:write")
    member = {"Authorization": f"Bearer {tokens['access_token']}"}
    assert (await client.get(LOCKS, headers=member)).status_code == 403
    assert (await client.delete(f"{LOCKS}/li@{org.domain}", headers=member)).status_code == 403
    assert (await client.get("/v1/organization/stats", headers=member)).status_code == 403
    gql = await client.post("/graphql", headers=member, json={
        "query": "{ organizationStats { accounts } }"})
    assert gql.json()["errors"][0]["extensions"]["code"] == "forbidden"
    scoped = await org.headers("mail:read")
    assert (await client.get(LOCKS, headers=scoped)).status_code == 403


async def test_bad_lock_queries_are_422(client, org):
    headers = await org.headers()
    for params in ({"locked_only": "maybe"}, {"limit": 0}, {"lockedonly": "true"},
                   {"cursor": "not-a-cursor"}):
        resp = await client.get(LOCKS, headers=headers, params=params)
        assert resp.status_code in (400, 422), (params, resp.text)
        assert resp.json()["code"] in ("validation_failed", "malformed_request"), resp.text


async def test_organization_stats_count_accounts_storage_domains_and_mail(client, org, other_org):
    headers = await org.headers()
    for local in ("wu", "zheng"):
        body = {"address": f"{local}@{org.domain}", "display_name": local,
                "password": ADMIN_PASSWORD, "must_change_password": local == "wu"}
        assert (await client.post("/v1/accounts", headers=headers, json=body)).status_code == 201
    frozen = await client.post(f"/v1/accounts/zheng@{org.domain}/freeze", headers=headers)
    assert frozen.status_code == 200
    raw = simple_message("Stats", "x" * 2000, to=f"wu@{org.domain}")
    await deliver_to(org.runtime, raw, f"wu@{org.domain}")
    quota = await client.patch(f"/v1/accounts/wu@{org.domain}", headers=headers,
                               json={"quota_bytes": 2000})  # below what wu already stores
    assert quota.status_code == 200, quota.text

    resp = await client.get("/v1/organization/stats", headers=headers)
    assert resp.status_code == 200, resp.text
    stats = resp.json()
    assert stats["accounts"] == {"total": 3, "active": 2, "frozen": 1, "deleted": 0, "admins": 1,
                                 "must_change_password": 1}
    assert stats["storage"]["message_count"] == 1 and stats["storage"]["used_bytes"] >= len(raw)
    assert stats["storage"]["quota_bytes"] == 2000 and stats["storage"]["accounts_near_quota"] == 1
    assert stats["storage"]["unlimited_accounts"] == 2
    assert stats["domains"]["total"] == 1 and stats["domains"]["pending"] == 1
    assert stats["mail"]["received"] == 1 and stats["mail"]["sent"] == 0

    theirs = (await client.get("/v1/organization/stats", headers=await other_org.headers())).json()
    assert theirs["accounts"]["total"] == 1 and theirs["storage"]["message_count"] == 0
    assert theirs["mail"]["received"] == 0
    gql = await client.post("/graphql", headers=headers, json={
        "query": "{ organizationStats { accounts storage mail generatedAt } }"})
    data = gql.json()["data"]["organizationStats"]
    assert data["accounts"]["frozen"] == 1 and data["mail"]["received"] == 1


async def test_app_usage_counts_tokens_and_requests(client, org, other_org):
    app = await org.add_app(scopes=["directory:read"])
    tokens = []
    for _ in range(2):
        resp = await client.post("/oauth/token", data={"grant_type": "client_credentials"},
                                 auth=(app["client_id"], app["client_secret"]))
        tokens.append(resp.json()["access_token"])
    for _ in range(3):
        me = await client.get("/v1/me", headers={"Authorization": f"Bearer {tokens[0]}"})
        assert me.status_code == 200
    revoked = await client.post("/oauth/revoke", data={"token": tokens[1]},
                                auth=(app["client_id"], app["client_secret"]))
    assert revoked.status_code == 200
    headers = await org.headers()

    usage = await client.get(f"/v1/apps/{app['id']}/usage", headers=headers)
    assert usage.status_code == 200, usage.text
    used = usage.json()
    assert used["active_tokens"] == 1 and used["tokens_issued_24h"] == 2
    assert used["requests_last_hour"] >= 3
    assert used["requests_last_day"] >= used["requests_last_hour"]
    assert used["rate_limit"] == org.runtime.settings.rate_limit_app_per_minute
    assert used["rate_limit_remaining"] == used["rate_limit"] - used["requests_this_minute"]

    listed = await client.get(f"/v1/apps/{app['id']}/tokens", headers=headers, params={"limit": 1})
    page = listed.json()
    assert len(page["data"]) == 1 and page["next_cursor"]
    newest = page["data"][0]
    assert newest["revoked"] is True and newest["active"] is False
    assert newest["grant_type"] == "client_credentials" and newest["account_id"] is None
    rest = await client.get(f"/v1/apps/{app['id']}/tokens", headers=headers,
                            params={"cursor": page["next_cursor"]})
    assert [t["active"] for t in rest.json()["data"]] == [True]
    assert "access_token" not in str(rest.json())

    gql = await client.post("/graphql", headers=headers, json={
        "query": "query($id: ID!) { appUsage(id: $id) { activeTokens rateLimit } "
                 "appTokens(id: $id) { data { id active } } }", "variables": {"id": app["id"]}})
    data = gql.json()["data"]
    assert data["appUsage"]["activeTokens"] == 1 and len(data["appTokens"]["data"]) == 2
    other = await client.get(f"/v1/apps/{app['id']}/usage", headers=await other_org.headers())
    assert other.status_code == 404
    missing = await client.get("/v1/apps/app_nope/tokens", headers=headers)
    assert missing.status_code == 404


async def test_accounts_filter_by_role(client, org, other_org):
    await org.add_account("boss", role="admin")
    await org.add_account("staff")
    await other_org.add_account("theirboss", role="admin")
    headers = await org.headers()
    admins = await client.get("/v1/accounts", headers=headers, params={"role": "admin"})
    assert sorted(a["address"] for a in admins.json()["data"]) == [
        f"admin@{org.domain}", f"boss@{org.domain}"
    ]
    members = await client.get(
        "/v1/accounts", headers=headers, params={"role": "member", "q": "st"}
    )
    assert [a["address"] for a in members.json()["data"]] == [f"staff@{org.domain}"]
    bad = await client.get("/v1/accounts", headers=headers, params={"role": "king"})
    assert bad.status_code == 422 and bad.json()["param"] == "role"
    gql = await client.post("/graphql", headers=headers, json={
        "query": '{ accounts(role: "admin") { data { address } } }'})
    assert len(gql.json()["data"]["accounts"]["data"]) == 2
    wrong = await client.post("/graphql", headers=headers, json={
        "query": '{ accounts(role: "king") { data { address } } }'})
    assert wrong.json()["errors"][0]["extensions"]["code"] == "validation_failed"
