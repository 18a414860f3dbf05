"""The SDK over a new account's first password (activation and login links) and the
organisation's settings, against a live server."""

from __future__ import annotations

from mailplane_sdk import Mailplane

from tests.sdk.conftest import Live


def test_activation_and_login_links_and_organization_settings(mp: Mailplane, live: Live) -> None:
    made = mp.accounts.create(
        address=f"new.hire@{live.domain}", display_name="新员工", activation_link=True
    )
    link = mp.accounts.activation_link(made.address, expires_in=3600)
    assert "/oauth/activate/" in link.url
    sso = mp.accounts.login_link(made.address, next="/mail")
    assert "/oauth/sso/" in sso.url
    before = mp.organizations.settings()
    updated = mp.organizations.update_settings(time_zone="Asia/Shanghai")
    assert updated.time_zone == "Asia/Shanghai"
    assert mp.organizations.settings().time_zone == "Asia/Shanghai"
    mp.organizations.update_settings(time_zone=before.time_zone)
