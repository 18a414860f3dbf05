"""GraphQL parity: the directory over /graphql gives the same results and errors as REST."""

from __future__ import annotations

from tests.factories.directory import STRONG_PASSWORD, create_account, event_types
from tests.factories.platform import user_tokens


async def gql(client, headers, query: str, **variables):
    resp = await client.post(
        "/graphql", json={"query": query, "variables": variables}, headers=headers
    )
    assert resp.status_code == 200, resp.text
    return resp.json()


async def test_accounts_lifecycle_over_graphql(client, org):
    h = await org.headers()
    made = await gql(
        client,
        h,
        """mutation($pw: String!) { createAccount(input: {address: "g@acme.test",
        displayName: "Gee", password: $pw, employeeNumber: "G1", quotaBytes: 10737418240}) {
        password account { id address employeeNumber quotaBytes status } } }""",
        pw=STRONG_PASSWORD,
    )
    account = made["data"]["createAccount"]["account"]
    assert account["address"] == "g@acme.test" and account["quotaBytes"] == 10737418240
    got = await gql(client, h, 'query { account(id: "employee_number:G1") { id jobTitle } }')
    assert got["data"]["account"]["id"] == account["id"]
    upd = await gql(
        client,
        h,
        'mutation($id: ID!) { updateAccount(id: $id, input: {jobTitle: "Boss"}) { jobTitle } }',
        id=account["id"],
    )
    assert upd["data"]["updateAccount"]["jobTitle"] == "Boss"
    frozen = await gql(
        client, h, "mutation($id: ID!) { freezeAccount(id: $id) { status } }", id=account["id"]
    )
    assert frozen["data"]["freezeAccount"]["status"] == "frozen"
    listed = await gql(client, h, 'query { accounts(status: "frozen") { data { id } } }')
    assert [a["id"] for a in listed["data"]["accounts"]["data"]] == [account["id"]]
    dup = await gql(
        client,
        h,
        """mutation { createAccount(input: {address: "g@acme.test", displayName: "X"})
        { password } }""",
    )
    assert dup["errors"][0]["extensions"]["code"] == "already_exists"
    bad = await gql(
        client,
        h,
        'mutation { createAccount(input: {address: "nope", displayName: "X"}) { password } }',
    )
    assert bad["errors"][0]["extensions"]["code"] == "validation_failed"
    checked = await gql(
        client,
        h,
        'query { checkAddresses(addresses: ["g@acme.test", "free@acme.test"]) { status } }',
    )
    assert [r["status"] for r in checked["data"]["checkAddresses"]] == ["account", "free"]
    assert "directory.account.frozen" in await event_types(org)


async def test_departments_and_groups_over_graphql(client, org):
    h = await org.headers()
    alice = await create_account(org, "alice")
    sales = await gql(
        client, h, 'mutation { createDepartment(input: {name: "Sales"}) { id path } }'
    )
    sales_id = sales["data"]["createDepartment"]["id"]
    east = await gql(
        client,
        h,
        'mutation($p: String!) { createDepartment(input: {name: "East", parentId: $p})'
        " { id path } }",
        p=sales_id,
    )
    assert east["data"]["createDepartment"]["path"] == "Sales/East"
    cycle = await gql(
        client,
        h,
        "mutation($id: ID!, $p: String!) { moveDepartment(id: $id, parentId: $p) { id } }",
        id=sales_id,
        p=east["data"]["createDepartment"]["id"],
    )
    assert cycle["errors"][0]["extensions"]["code"] == "department_cycle"
    group = await gql(
        client,
        h,
        """mutation($a: String!) { createGroup(input: {address: "team@acme.test",
        name: "Team", members: [{kind: "account", ref: $a}]}) { id sendPolicy } }""",
        a=alice["id"],
    )
    gid = group["data"]["createGroup"]["id"]
    expansion = await gql(
        client, h, "query($id: ID!) { groupExpansion(id: $id) { accounts { address } } }", id=gid
    )
    assert expansion["data"]["groupExpansion"]["accounts"] == [{"address": "alice@acme.test"}]
    loop = await gql(
        client,
        h,
        "mutation($id: ID!) { addGroupMember(id: $id, "
        'input: {kind: "group", ref: "team@acme.test"}) '
        "{ id } }",
        id=gid,
    )
    assert loop["errors"][0]["extensions"]["code"] == "group_cycle"


async def test_graphql_scopes_and_self_password_change(client, org):
    read = await org.headers("directory:read")
    denied = await gql(client, read, 'mutation { createDepartment(input: {name: "X"}) { id } }')
    assert denied["errors"][0]["extensions"]["code"] == "insufficient_scope"
    await create_account(org, "alice")
    tokens = await user_tokens(org, "alice@acme.test", "mail:read")
    me = {"Authorization": f"Bearer {tokens['access_token']}"}
    wrong = await gql(
        client,
        me,
        'mutation { changeOwnPassword(currentPassword: "nope", newPassword: "new-secret-123") }',
    )
    assert wrong["errors"][0]["extensions"]["param"] == "current_password"
    ok = await gql(
        client,
        me,
        "mutation($c: String!) { changeOwnPassword(currentPassword: $c, "
        'newPassword: "new-secret-123") }',
        c=STRONG_PASSWORD,
    )
    assert ok["data"]["changeOwnPassword"] is True
