"""Signed-cookie sign-in sessions for the login and consent pages, and their CSRF tokens."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from itsdangerous import BadSignature, URLSafeTimedSerializer

SESSION_COOKIE = "mp_session"
LOGIN_CSRF_COOKIE = "mp_login_csrf"
SESSION_MAX_AGE = 12 * 3600
#: The whole site: the web app at `/` shares the session the sign-in pages and login links
#: start (the API itself never reads this cookie; it takes bearer tokens only).
SESSION_PATH = "/"


@dataclass(frozen=True)
class WebSession:
    account_id: str
    nonce: str


class SessionCodec:
    def __init__(self, secret: str) -> None:
        self._secret = secret.encode()
        self._serializer = URLSafeTimedSerializer(secret, salt="mailplane.session")

    def dump(self, account_id: str) -> str:
        return self._serializer.dumps({"a": account_id, "n": secrets.token_urlsafe(16)})

    def load(self, cookie: str | None) -> WebSession | None:
        if not cookie:
            return None
        try:
            data = self._serializer.loads(cookie, max_age=SESSION_MAX_AGE)
        except BadSignature:
            return None
        if not isinstance(data, dict) or "a" not in data or "n" not in data:
            return None
        return WebSession(str(data["a"]), str(data["n"]))

    def csrf_for(self, nonce: str) -> str:
        return hmac.new(self._secret, b"csrf:" + nonce.encode(), hashlib.sha256).hexdigest()

    def check_csrf(self, nonce: str, token: str | None) -> bool:
        return bool(token) and hmac.compare_digest(self.csrf_for(nonce), token or "")
