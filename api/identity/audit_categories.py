"""Audit categories: every action falls in one, so the default view can show the
administrative changes an admin looks for instead of a flood of token issuance.

    admin        changes to the organisation's configuration and directory (the default view)
    security     credentials and keys: passwords, app passwords, secrets, DKIM keys, purges
    data_access  an administrator or app acting on a person's own data (mail sent or deleted
                 for an account)
    auth         people signing in and consenting to apps
    token        OAuth tokens issued and revoked
"""

from __future__ import annotations

from typing import Literal, get_args

AuditCategory = Literal["admin", "security", "data_access", "auth", "token"]
CATEGORIES: tuple[str, ...] = get_args(AuditCategory)
# What `GET /v1/audit/entries` shows without `?category=`.
DEFAULT_VIEW: tuple[str, ...] = ("admin", "security", "data_access")

_EXACT = {
    "account.signed_in": "auth",
    "account.password_changed": "security",
    "account.password_reset": "security",
    "account.purged": "security",
    "app.secret_rotated": "security",
    "webhook.secret_rotated": "security",
    "domain.dkim_rotated": "security",
    "sign_in_lock.cleared": "security",
}
_PREFIXES = (
    ("oauth.token", "token"),
    ("oauth.consent.", "auth"),
    ("app_password.", "security"),
)


def category_of(action: str) -> str:
    """The category of an audit action (`admin` unless it is one of the named kinds)."""
    if action in _EXACT:
        return _EXACT[action]
    for prefix, category in _PREFIXES:
        if action.startswith(prefix):
            return category
    if action.endswith("_for_account"):
        return "data_access"
    return "admin"
