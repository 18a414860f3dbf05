"""The one error tree, rendered as RFC 9457 problem+json for REST and typed errors for GraphQL.

    AppError
    ├── MalformedRequest        400 malformed_request
    ├── Unauthorized            401 unauthorized
    ├── InsufficientScope       403 insufficient_scope
    ├── Forbidden               403 forbidden
    ├── NotFound                404 not_found
    ├── Conflict                409 conflict (and subclasses with their own codes)
    ├── Gone                    410 gone
    │   └── ResyncRequired      410 resync_required
    ├── PreconditionFailed      412 precondition_failed
    ├── PayloadTooLarge         413 payload_too_large
    ├── ValidationFailed        422 validation_failed
    ├── RateLimited             429 rate_limited
    └── ServiceUnavailable      503 service_unavailable
"""

from __future__ import annotations

import json
from typing import Any, ClassVar

from api.i18n import DEFAULT_LOCALE, Msg, from_accept_language, localise, pick_locale

ERROR_TYPE_BASE = "https://mailplane.dev/errors/"


class AppError(Exception):
    status: ClassVar[int] = 500
    code: ClassVar[str] = "internal_error"
    title: ClassVar[str] = "Internal error"

    def __init__(
        self,
        detail: str | Msg | None = None,
        *,
        param: str | None = None,
        code: str | None = None,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(str(detail or self.title))
        # `message` keeps a `Msg` until the reader's language is known; `detail` is English.
        self.message: str | Msg = detail or self.title
        self.detail = str(self.message)
        self.param = param
        self.headers = headers or {}
        self.extra = extra or {}
        if code:
            self.code = code  # type: ignore[misc]

    def to_problem(
        self, request_id: str | None = None, locale: str = DEFAULT_LOCALE
    ) -> dict[str, Any]:
        """The problem document; `title` and `detail` in `locale`, `code` never translated."""
        body: dict[str, Any] = {
            "type": ERROR_TYPE_BASE + self.code,
            "title": localise(self.title, locale),
            "status": self.status,
            "detail": localise(self.message, locale),
            "code": self.code,
        }
        if self.param is not None:
            body["param"] = self.param
        if request_id:
            body["request_id"] = request_id
        body.update(self.extra)
        return body


class MalformedRequest(AppError):
    status, code, title = 400, "malformed_request", "Malformed request"


class Unauthorized(AppError):
    status, code, title = 401, "unauthorized", "Authentication required"

    def __init__(self, detail: str | None = None, *, error: str = "invalid_token", **kw: Any):
        super().__init__(detail, **kw)
        self.headers.setdefault(
            "WWW-Authenticate", f'Bearer realm="mailplane", error="{error}"'
        )


class InsufficientScope(AppError):
    status, code, title = 403, "insufficient_scope", "Insufficient scope"

    def __init__(self, required: list[str]) -> None:
        super().__init__(
            Msg("This call needs the scope(s): {scopes}", scopes=" ".join(required)),
            headers={
                "WWW-Authenticate": 'Bearer realm="mailplane", error="insufficient_scope", '
                f'scope="{" ".join(required)}"'
            },
        )


class Forbidden(AppError):
    status, code, title = 403, "forbidden", "Forbidden"


class NotFound(AppError):
    status, code, title = 404, "not_found", "Not found"


class Conflict(AppError):
    status, code, title = 409, "conflict", "Conflict"


class AlreadyExists(Conflict):
    code, title = "already_exists", "Already exists"


class IdempotencyInProgress(Conflict):
    code, title = "idempotency_in_progress", "A request with this Idempotency-Key is running"


class IdempotencyResponseLost(Conflict):
    code, title = "idempotency_response_lost", "The request took effect; its response was lost"


class Gone(AppError):
    status, code, title = 410, "gone", "Gone"


class ResyncRequired(Gone):
    code, title = "resync_required", "State too old; resynchronise"


class PreconditionFailed(AppError):
    status, code, title = 412, "precondition_failed", "Precondition failed"


class PayloadTooLarge(AppError):
    status, code, title = 413, "payload_too_large", "Payload too large"


class ValidationFailed(AppError):
    status, code, title = 422, "validation_failed", "Validation failed"


class IdempotencyKeyReused(ValidationFailed):
    code, title = "idempotency_key_reused", "Idempotency-Key reused with a different request"


class RateLimited(AppError):
    status, code, title = 429, "rate_limited", "Rate limit exceeded"


class ServiceUnavailable(AppError):
    status, code, title = 503, "service_unavailable", "Service unavailable"


def problem_body(error: AppError, request_id: str | None, locale: str = DEFAULT_LOCALE) -> bytes:
    return json.dumps(error.to_problem(request_id, locale), separators=(",", ":")).encode()


PROBLEM_CONTENT_TYPE = "application/problem+json"


def request_locale(headers: Any, principal: Any = None) -> str:
    """The reader's language: `Accept-Language`, else the principal's person or organisation."""
    header = headers.get("accept-language") if headers is not None else None
    return from_accept_language(header) or pick_locale(getattr(principal, "locale", None))


async def send_problem(send, error: AppError, request_id: str | None, scope: Any = None) -> None:  # type: ignore[no-untyped-def]
    """Render an error straight onto an ASGI connection (used by middleware)."""
    locale = DEFAULT_LOCALE
    if scope is not None:
        headers = {
            k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])
        }
        locale = request_locale(headers, (scope.get("state") or {}).get("principal"))
    body = problem_body(error, request_id, locale)
    headers = [
        (b"content-type", PROBLEM_CONTENT_TYPE.encode()),
        (b"content-length", str(len(body)).encode()),
    ]
    headers += [(k.lower().encode(), v.encode()) for k, v in error.headers.items()]
    await send({"type": "http.response.start", "status": error.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
