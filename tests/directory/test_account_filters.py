"""The filters an OA system lists accounts by: employee number, mobile, department with or
without sub-departments, state, and a prefix search over names, addresses and pinyin."""

from __future__ import annotations

import httpx

from tests.factories.directory import create_account, create_department
from tests.factories.platform import OrgHandle


async def _ids(client: httpx.AsyncClient, org: OrgHandle, **params: str) -> set[str]:
    resp = await client.get("/v1/accounts", params=params, headers=await org.headers())
    assert resp.status_code == 200, resp.text
    return {a["id"] for a in resp.json()["data"]}


async def test_employee_number_and_mobile_filter_to_the_one_account(client, org):
    a = await create_account(org, "ann", employee_number="E1002", mobile="+8613800000001")
    await create_account(org, "bob", employee_number="E1003", mobile="+8613800000002")
    assert await _ids(client, org, employee_number="E1002") == {a["id"]}
    assert await _ids(client, org, mobile="+8613800000001") == {a["id"]}
    assert await _ids(client, org, employee_number="E1002", mobile="+8613800000002") == set()
    assert await _ids(client, org, employee_number="E9") == set()


async def test_q_is_a_prefix_of_name_words_address_and_pinyin(client, org):
    zhang = await create_account(org, "zhang.san", display_name="张三")
    li = await create_account(org, "lsi", display_name="李四 Li Si")
    wang = await create_account(org, "wang", display_name="Wang Wu", employee_number="A77")
    assert await _ids(client, org, q="zs") == {zhang["id"]}  # pinyin initials
    assert await _ids(client, org, q="zhangs") == {zhang["id"]}  # full pinyin
    assert await _ids(client, org, q="张") == {zhang["id"]}
    assert await _ids(client, org, q="ZHANG.S") == {zhang["id"]}  # address, any case
    assert await _ids(client, org, q="si") == {li["id"]}  # a word of the name
    assert await _ids(client, org, q="ls") == {li["id"]}  # initials and local part
    assert await _ids(client, org, q="a7") == {wang["id"]}
    assert await _ids(client, org, q="an") == set()  # prefixes, not substrings


async def test_q_follows_renames(client, org):
    made = await create_account(org, "tom", display_name="Tom")
    resp = await client.patch(
        f"/v1/accounts/{made['id']}", json={"display_name": "王五"}, headers=await org.headers()
    )
    assert resp.status_code == 200, resp.text
    assert await _ids(client, org, q="tom") == {made["id"]}  # still the address
    assert await _ids(client, org, q="Tom ") == {made["id"]}
    assert await _ids(client, org, q="ww") == {made["id"]}
    resp = await client.get(
        "/v1/accounts", params={"q": "wangw"}, headers=await org.headers()
    )
    assert [a["display_name"] for a in resp.json()["data"]] == ["王五"]


async def test_q_is_scoped_to_the_organisation(client, org, other_org):
    await create_account(other_org, "zhangsan", display_name="张三")
    assert await _ids(client, org, q="zs") == set()


async def test_department_with_and_without_subdepartments(client, org):
    sales = await create_department(org, "Sales")
    east = await create_department(org, "East", parent_id=sales["id"])
    a = await create_account(org, "a1", department_ids=[sales["id"]])
    b = await create_account(org, "b1", department_ids=[east["id"]])
    assert await _ids(client, org, department_id=sales["id"]) == {a["id"]}
    assert await _ids(
        client, org, department_id=sales["id"], include_subdepartments="true"
    ) == {a["id"], b["id"]}
    assert await _ids(client, org, department_id=sales["id"], include_subdepartments="true",
                      q="b1") == {b["id"]}


async def test_graphql_lists_with_the_same_filters(client, org):
    a = await create_account(org, "zhao", display_name="赵六", employee_number="E5")
    await create_account(org, "qian", display_name="钱七")
    query = """query($q: String, $e: String) { accounts(q: $q, employeeNumber: $e) {
        data { id } nextCursor } }"""
    for variables in ({"q": "zl"}, {"e": "E5"}):
        resp = await client.post(
            "/graphql", json={"query": query, "variables": variables},
            headers=await org.headers(),
        )
        body = resp.json()
        assert "errors" not in body, body
        assert [x["id"] for x in body["data"]["accounts"]["data"]] == [a["id"]]
