"""Server-rendered sign-in, password-change, activation and consent pages: plain HTML forms,
no JavaScript, every string from the message catalogue in the reader's language."""

from __future__ import annotations

from html import escape
from typing import Any

from api.i18n import translate
from api.identity.scopes import SCOPES

_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem;color:#222}"
    "input{display:block;width:100%;padding:.5rem;margin:.25rem 0 1rem;box-sizing:border-box}"
    "button{padding:.5rem 1rem;margin-right:.5rem}.err{color:#b00020}li{margin:.25rem 0}"
)


_ASK_CHANGE = "Your administrator asks you to choose a new password before continuing."


def _t(locale: str, msgid: str, **params: Any) -> str:
    return escape(translate(locale, msgid, **params))


def _page(locale: str, title: str, body: str) -> str:
    lang = "zh-CN" if locale == "zh-CN" else "en"
    return (
        f"<!doctype html><html lang={lang}><head><meta charset=utf-8>"
        f"<meta name=viewport content='width=device-width'><title>{escape(title)} · Mailplane</title>"
        f"<style>{_STYLE}</style></head><body><h1>{escape(title)}</h1>{body}</body></html>"
    )


def _error(message: str | None) -> str:
    return f"<p class=err role=alert>{escape(message)}</p>" if message else ""


def login_page(
    next_url: str, csrf: str, error: str | None = None, address: str = "", locale: str = "en"
) -> str:
    return _page(
        locale,
        translate(locale, "Sign in"),
        _error(error)
        + "<form method=post action='/oauth/login'>"
        f"<input type=hidden name=csrf_token value='{escape(csrf)}'>"
        f"<input type=hidden name=next value='{escape(next_url)}'>"
        f"<label>{_t(locale, 'Email address')}<input name=address type=email required"
        f" value='{escape(address)}' autocomplete=username></label>"
        f"<label>{_t(locale, 'Password')}<input name=password type=password required"
        " autocomplete=current-password>"
        f"</label><button type=submit>{_t(locale, 'Sign in')}</button></form>",
    )


def password_page(next_url: str, csrf: str, error: str | None = None, locale: str = "en") -> str:
    return _page(
        locale,
        translate(locale, "Choose a new password"),
        f"<p>{_t(locale, _ASK_CHANGE)}</p>"
        + _error(error)
        + "<form method=post action='/oauth/password'>"
        f"<input type=hidden name=csrf_token value='{escape(csrf)}'>"
        f"<input type=hidden name=next value='{escape(next_url)}'>"
        f"<label>{_t(locale, 'Current password')}<input name=current_password type=password"
        " required></label>"
        f"<label>{_t(locale, 'New password')}<input name=new_password type=password required"
        " minlength=10 autocomplete=new-password></label>"
        f"<label>{_t(locale, 'Repeat new password')}<input name=confirm_password type=password"
        " required></label>"
        f"<button type=submit>{_t(locale, 'Change password')}</button></form>",
    )


def activation_page(
    token: str, address: str, csrf: str, error: str | None = None, locale: str = "en"
) -> str:
    return _page(
        locale,
        translate(locale, "Set your password"),
        f"<p>{_t(locale, 'Choose the password for {address}.', address=address)}</p>"
        + _error(error)
        + f"<form method=post action='/oauth/activate/{escape(token)}'>"
        f"<input type=hidden name=csrf_token value='{escape(csrf)}'>"
        f"<label>{_t(locale, 'New password')}<input name=new_password type=password required"
        " minlength=10 autocomplete=new-password></label>"
        f"<label>{_t(locale, 'Repeat new password')}<input name=confirm_password type=password"
        " required></label>"
        f"<button type=submit>{_t(locale, 'Set password')}</button></form>",
    )


def login_link_page(token: str, address: str, csrf: str, next_path: str, locale: str) -> str:
    """What a login link opens: one button that signs in. Link-preview bots and mail
    scanners fetch the link but do not submit the form, so they cannot use it up."""
    return _page(
        locale,
        translate(locale, "Sign in"),
        f"<p>{_t(locale, 'Continue to Mailplane as {address}.', address=address)}</p>"
        f"<form method=post action='/oauth/sso/{escape(token)}'>"
        f"<input type=hidden name=csrf_token value='{escape(csrf)}'>"
        f"<input type=hidden name=next value='{escape(next_path)}'>"
        f"<button type=submit autofocus>{_t(locale, 'Continue')}</button></form>",
    )


def activated_page(address: str, locale: str = "en") -> str:
    return _page(
        locale,
        translate(locale, "Password set"),
        f"<p>{_t(locale, 'Your password is set. Sign in as {address}.', address=address)}</p>"
        f"<p><a href='/oauth/login'>{_t(locale, 'Sign in')}</a></p>",
    )


def consent_page(
    app_name: str,
    account_address: str,
    scopes: list[str],
    params: list[tuple[str, str]],
    csrf: str,
    locale: str = "en",
) -> str:
    hidden = "".join(
        f"<input type=hidden name='{escape(k)}' value='{escape(v)}'>" for k, v in params
    )
    items = "".join(
        f"<li><code>{escape(s)}</code> — {_t(locale, SCOPES.get(s, s))}</li>" for s in scopes
    ) or f"<li>{_t(locale, 'No data access')}</li>"
    intro = translate(
        locale, "{app} wants to act as {address} with these permissions:",
        app="\0app\0", address="\0acc\0",
    )
    intro = escape(intro).replace("\0app\0", f"<strong>{escape(app_name)}</strong>").replace(
        "\0acc\0", f"<strong>{escape(account_address)}</strong>"
    )
    return _page(
        locale,
        translate(locale, "Allow access?"),
        f"<p>{intro}</p><ul>{items}</ul>"
        "<form method=post action='/oauth/authorize'>"
        f"<input type=hidden name=csrf_token value='{escape(csrf)}'>{hidden}"
        f"<button type=submit name=decision value=allow>{_t(locale, 'Allow')}</button>"
        f"<button type=submit name=decision value=deny>{_t(locale, 'Deny')}</button></form>"
        "<form method=post action='/oauth/logout'>"
        f"<input type=hidden name=csrf_token value='{escape(csrf)}'>"
        f"<button type=submit>{_t(locale, 'Not you? Sign out')}</button></form>",
    )


def error_page(title: str, message: str, locale: str = "en") -> str:
    """`title` and `message` are catalogue msgids (or already-translated text)."""
    return _page(locale, translate(locale, title), f"<p>{_t(locale, message)}</p>")


def other_org_page(locale: str = "en") -> str:
    return _page(
        locale,
        translate(locale, "Not your organisation"),
        "<p>" + _t(locale, "This app belongs to another organisation; it can act only for people"
                   " of its own. Ask your administrator for your organisation's app.") + "</p>",
    )
