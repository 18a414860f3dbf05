"""The grant binding: one person, one app, one organisation.

An OAuth grant (consent, authorization code, access and refresh token) is valid only when
the app belongs to the grant's organisation and the person, if any, belongs to that same
organisation. Every place that makes or uses a grant asks `binds`: the authorize request
and consent page, code storage, the code exchange, refresh, introspection and the bearer
authentication that turns a token into a principal. Apps are not installable into other
organisations, so there is no second way to satisfy it.

Platform operators are no exception: an operator's powers across organisations (listing
and provisioning them) come from the operator role on a token of an app of the operator's
own organisation, which this rule allows; a grant to another organisation's app is refused
to operators as to everyone.
"""

from __future__ import annotations


def binds(
    *,
    grant_org_id: str | None,
    app_org_id: str | None,
    account_org_id: str | None,
    has_account: bool,
) -> bool:
    """True when the app and (for a delegated grant) the person are of the grant's organisation."""
    if not grant_org_id or app_org_id != grant_org_id:
        return False
    if has_account:
        return account_org_id == grant_org_id
    return True
