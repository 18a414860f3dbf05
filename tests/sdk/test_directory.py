"""Directory namespaces against a live server: accounts (with aliases, passwords, delta
sync), departments, groups, domains, apps, the audit log, pagination across pages."""

from __future__ import annotations

import pytest
from mailplane_sdk import Mailplane, errors
from mailplane_sdk.generated.models import Account, AccountCreated, Department

from tests.sdk.conftest import Live


def test_accounts_lifecycle(mp: Mailplane, live: Live) -> None:
    dept = mp.departments.create(name="Sales")
    other = mp.departments.create(name="Support")
    made = mp.accounts.create(
        address=f"zhang.wei@{live.domain}",
        display_name="张伟",
        password="a-long-password-1",
        department_id=dept.id,
    )
    assert isinstance(made, AccountCreated)
    assert made.address == f"zhang.wei@{live.domain}"
    got = mp.accounts.get(made.address)
    assert isinstance(got, Account) and got.id == made.id
    assert got.display_name == "张伟"
    etag = mp.last_response.headers["etag"] if mp.last_response else ""
    assert mp.accounts.update(made.id, job_title="Engineer", if_match=etag).job_title == "Engineer"
    with pytest.raises(errors.PreconditionFailed) as stale:
        mp.accounts.update(made.id, job_title="Manager", if_match=etag)
    assert stale.value.status == 412 and stale.value.param == "If-Match"
    assert mp.accounts.freeze(made.id).status.value == "frozen"
    assert mp.accounts.unfreeze(made.id).status.value == "active"
    moved = mp.accounts.move(made.id, department_id=other.id)
    assert other.id in moved.department_ids and dept.id not in moved.department_ids
    assert [a.id for a in mp.departments.members(other.id)] == [made.id]

    alias = mp.accounts.aliases.add(made.id, address=f"wei@{live.domain}")
    assert alias.address == f"wei@{live.domain}"
    assert [a.address for a in mp.accounts.aliases.list(made.id)] == [alias.address]
    mp.accounts.aliases.remove(made.id, alias.address)
    assert mp.accounts.aliases.list(made.id) == []

    device = mp.accounts.app_passwords.create(made.id, name="Outlook on my laptop")
    assert len(device.password.replace(" ", "")) == 16
    assert [p.id for p in mp.accounts.app_passwords.list(made.id)] == [device.id]
    mp.accounts.app_passwords.revoke(made.id, device.id)
    assert list(mp.accounts.app_passwords.list(made.id)) == []

    checked = mp.accounts.check_addresses(addresses=[made.address, f"free@{live.domain}"])
    assert [r.status.value for r in checked.results] == ["account", "free"]
    reset = mp.accounts.reset_password(made.id)
    assert reset.password
    stats = mp.organizations.stats()
    assert stats.accounts.total >= 2 and stats.domains.total >= 1
    policy = mp.accounts.password_policy.get()
    updated = mp.accounts.password_policy.update(min_length=policy.min_length + 1)
    assert updated.min_length == policy.min_length + 1
    assert policy.mail_clients_allow_password is True
    app_only = mp.accounts.password_policy.update(mail_clients_allow_password=False)
    assert app_only.mail_clients_allow_password is False
    assert mp.accounts.password_policy.get().mail_clients_allow_password is False
    mp.accounts.password_policy.update(mail_clients_allow_password=True)

    first = mp.accounts.changes()
    mp.accounts.delete(made.id)
    assert mp.accounts.get(made.id).status.value == "deleted"
    later = mp.accounts.changes(since=first.new_state)
    assert made.id in later.updated + later.deleted
    assert mp.accounts.restore(made.id).status.value == "active"


def test_list_walks_every_page(mp: Mailplane, live: Live) -> None:
    for n in range(7):
        mp.accounts.create(address=f"page{n}@{live.domain}", display_name=f"Page {n}")
    seen = [a.address for a in mp.accounts.list(q="page", limit=2)]
    assert sorted(seen) == [f"page{n}@{live.domain}" for n in range(7)]
    assert len(set(seen)) == 7


def test_typed_errors_carry_code_and_request_id(mp: Mailplane, live: Live) -> None:
    with pytest.raises(errors.NotFound) as missing:
        mp.accounts.get(f"nobody@{live.domain}")
    assert missing.value.status == 404 and missing.value.code == "not_found"
    assert missing.value.request_id and missing.value.request_id.startswith("req_")
    with pytest.raises(errors.ValidationFailed) as invalid:
        mp.accounts.create(address=f"x@{live.domain}", display_name="X", role="admin")
    assert invalid.value.status == 422
    with pytest.raises(errors.Conflict) as taken:
        mp.accounts.create(address=live.admin, display_name="Again")
    assert taken.value.status == 409 and isinstance(taken.value, errors.MailplaneError)
    with pytest.raises(errors.MalformedRequest) as malformed:
        mp.accounts.changes(since="not-a-state")
    assert malformed.value.param == "since" or "since" in malformed.value.detail


def test_insufficient_scope_is_typed(live: Live) -> None:
    with Mailplane(live.url, live.client_id, live.client_secret, scopes=["mail:read"]) as narrow:
        with pytest.raises(errors.InsufficientScope) as info:
            narrow.accounts.create(address=f"n@{live.domain}", display_name="N")
    assert info.value.status == 403 and "directory:write" in info.value.required_scopes


def test_departments(mp: Mailplane) -> None:
    root = mp.departments.create(name="Engineering")
    a = mp.departments.create(name="Backend", parent_id=root.id)
    b = mp.departments.create(name="Frontend", parent_id=root.id)
    assert isinstance(mp.departments.get(a.id), Department)
    assert mp.departments.update(a.id, name="Platform").name == "Platform"
    order = mp.departments.reorder(root.id, child_ids=[b.id, a.id])
    assert [d.id for d in order][:2] == [b.id, a.id]
    assert {d.id for d in mp.departments.list(parent_id=root.id)} == {a.id, b.id}
    moved = mp.departments.move(b.id, parent_id=a.id)
    assert moved.parent_id == a.id
    state = mp.departments.changes().new_state
    mp.departments.delete(b.id)
    assert b.id in mp.departments.changes(since=state).deleted


def test_groups(mp: Mailplane, live: Live) -> None:
    person = mp.accounts.create(address=f"grp.member@{live.domain}", display_name="Member")
    group = mp.groups.create(address=f"team@{live.domain}", name="Team")
    assert mp.groups.get(group.address).id == group.id
    assert mp.groups.update(group.id, description="The team").description == "The team"
    member = mp.groups.members.add(group.id, kind="account", ref=person.address)
    assert [m.id for m in mp.groups.members.list(group.id)] == [member.id]
    assert person.id in [a.id for a in mp.groups.expand(group.id).accounts]
    mp.groups.members.remove(group.id, member.id)
    assert list(mp.groups.members.list(group.id)) == []
    assert group.id in [g.id for g in mp.groups.list()]
    state = mp.groups.changes().new_state
    mp.groups.delete(group.id)
    assert group.id in mp.groups.changes(since=state).deleted


def test_domains(mp: Mailplane, live: Live) -> None:
    domain = mp.domains.create(name="sub.example")
    assert mp.domains.get("sub.example").id == domain.id
    assert "sub.example" in [d.name for d in mp.domains.list()]
    assert {r.type_.value for r in mp.domains.dns_records("sub.example")} >= {"MX", "TXT"}
    keys = list(mp.domains.dkim_keys("sub.example"))
    rotated = mp.domains.rotate_dkim_key("sub.example")
    assert rotated.id not in [k.id for k in keys]
    verification = mp.domains.verify("sub.example")
    assert verification is not None
    mp.domains.delete("sub.example")
    with pytest.raises(errors.NotFound):
        mp.domains.get("sub.example")


def test_apps_and_audit(mp: Mailplane) -> None:
    made = mp.apps.create(name="OA portal", scopes=["directory:read"])
    assert made.client_secret
    assert mp.apps.get(made.id).name == "OA portal"
    assert mp.apps.update(made.id, name="OA").name == "OA"
    assert made.id in [a.id for a in mp.apps.list()]
    rotated = mp.apps.rotate_secret(made.id)
    assert rotated.client_secret != made.client_secret
    app_mp = Mailplane(mp.base_url, made.client_id, rotated.client_secret)
    assert app_mp.me().kind == "app"
    usage = mp.apps.usage(made.id)
    assert usage.active_tokens == 1 and usage.requests_last_hour >= 1
    tokens = list(mp.apps.tokens(made.id))
    assert [t.grant_type for t in tokens] == ["client_credentials"] and tokens[0].active
    mp.apps.delete(made.id)
    with pytest.raises(errors.NotFound):
        mp.apps.get(made.id)
    actions = [e.action for e in mp.audit.list(limit=5)]
    assert "app.deleted" in actions or any("app" in a for a in actions)
