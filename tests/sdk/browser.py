"""A scripted browser for the sign-in and consent pages (what a person does by hand)."""

from __future__ import annotations

import html
import re

import httpx


def _hidden_fields(page: str) -> dict[str, str]:
    fields = re.findall(r"<input type=hidden name='?([^' >]+)'? value='([^']*)'>", page)
    return {html.unescape(k): html.unescape(v) for k, v in fields}


def consent(authorize_url: str, address: str, password: str, *, decision: str = "allow") -> str:
    """Sign in, answer the consent page; return the redirect (callback) URL."""
    with httpx.Client(follow_redirects=False) as browser:
        first = browser.get(authorize_url)
        assert first.status_code == 303, first.text
        login = browser.get(httpx.URL(authorize_url).join(first.headers["location"]))
        form = _hidden_fields(login.text)
        signed = browser.post(login.url, data={**form, "address": address, "password": password})
        assert signed.status_code == 303, signed.text
        page = browser.get(httpx.URL(authorize_url).join(signed.headers["location"]))
        assert page.status_code == 200, page.text
        answer = browser.post(
            page.url.copy_with(query=None), data={**_hidden_fields(page.text), "decision": decision}
        )
        assert answer.status_code == 302, answer.text
        return answer.headers["location"]
