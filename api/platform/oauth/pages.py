"""Server-rendered sign-in, password-change and consent pages: plain HTML forms, no JavaScript."""

from __future__ import annotations

from html import escape

from api.identity.scopes import SCOPES

_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem;color:#222}"
    "input{display:block;width:100%;padding:.5rem;margin:.25rem 0 1rem;box-sizing:border-box}"
    "button{padding:.5rem 1rem;margin-right:.5rem}.err{color:#b00020}li{margin:.25rem 0}"
)


def _page(title: str, body: str) -> str:
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        f"<meta name=viewport content='width=device-width'><title>{escape(title)} · Mailplane</title>"
        f"<style>{_STYLE}</style></head><body><h1>{escape(title)}</h1>{body}</body></html>"
    )


def _error(message: str | None) -> str:
    return f"<p class=err role=alert>{escape(message)}</p>" if message else ""


def login_page(next_url: str, csrf: str, error: str | None = None, address: str = "") -> str:
    return _page(
        "Sign in",
        _error(error)
        + "<form method=post action='/oauth/login'>"
        f"<input type=hidden name=csrf_token value='{escape(csrf)}'>"
        f"<input type=hidden name=next value='{escape(next_url)}'>"
        f"<label>Email address<input name=address type=email required value='{escape(address)}'"
        " autocomplete=username></label>"
        "<label>Password<input name=password type=password required autocomplete=current-password>"
        "</label><button type=submit>Sign in</button></form>",
    )


def password_page(next_url: str, csrf: str, error: str | None = None) -> str:
    return _page(
        "Choose a new password",
        "<p>Your administrator asks you to choose a new password before continuing.</p>"
        + _error(error)
        + "<form method=post action='/oauth/password'>"
        f"<input type=hidden name=csrf_token value='{escape(csrf)}'>"
        f"<input type=hidden name=next value='{escape(next_url)}'>"
        "<label>Current password<input name=current_password type=password required></label>"
        "<label>New password<input name=new_password type=password required minlength=10"
        " autocomplete=new-password></label>"
        "<label>Repeat new password<input name=confirm_password type=password required></label>"
        "<button type=submit>Change password</button></form>",
    )


def consent_page(
    app_name: str, account_address: str, scopes: list[str], params: list[tuple[str, str]], csrf: str
) -> str:
    hidden = "".join(
        f"<input type=hidden name='{escape(k)}' value='{escape(v)}'>" for k, v in params
    )
    items = "".join(
        f"<li><code>{escape(s)}</code> — {escape(SCOPES.get(s, s))}</li>" for s in scopes
    ) or "<li>No data access</li>"
    return _page(
        "Allow access?",
        f"<p><strong>{escape(app_name)}</strong> wants to act as <strong>{escape(account_address)}"
        f"</strong> with these permissions:</p><ul>{items}</ul>"
        "<form method=post action='/oauth/authorize'>"
        f"<input type=hidden name=csrf_token value='{escape(csrf)}'>{hidden}"
        "<button type=submit name=decision value=allow>Allow</button>"
        "<button type=submit name=decision value=deny>Deny</button></form>"
        "<form method=post action='/oauth/logout'>"
        f"<input type=hidden name=csrf_token value='{escape(csrf)}'>"
        "<button type=submit>Not you? Sign out</button></form>",
    )


def error_page(title: str, message: str) -> str:
    return _page(title, f"<p>{escape(message)}</p>")


def other_org_page() -> str:
    return _page(
        "Not your organisation",
        "<p>This app belongs to another organisation; it can act only for people of its own."
        " Ask your administrator for your organisation's app.</p>"
        "<p lang=zh-CN>此应用属于另一个组织，只能代表其本组织的成员。请向您的管理员索取本组织的应用。</p>",
    )
