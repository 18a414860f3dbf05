"""Exceptions raised by the SDK: one class per problem `code`, each carrying the request id.

    MailplaneError                      any error answer (status, code, detail, param, request_id)
    ├── MalformedRequest        400     malformed_request
    ├── Unauthorized            401     unauthorized
    ├── Forbidden               403     forbidden
    │   ├── InsufficientScope   403     insufficient_scope
    │   └── SendAsDenied        403     send_as_denied
    ├── NotFound                404     not_found
    ├── Conflict                409     conflict
    │   ├── AlreadyExists               already_exists
    │   ├── QuotaExceeded               quota_exceeded
    │   ├── IdempotencyInProgress       idempotency_in_progress
    │   └── …                           account_deleted, last_admin, domain_in_use, …
    ├── Gone                    410     gone
    │   └── ResyncRequired              resync_required
    ├── PreconditionFailed      412     precondition_failed
    ├── PayloadTooLarge         413     payload_too_large
    ├── RangeNotSatisfiable     416     range_not_satisfiable
    ├── ValidationFailed        422     validation_failed
    │   ├── IdempotencyKeyReused        idempotency_key_reused
    │   ├── UploadIncomplete            upload_incomplete
    │   ├── PasswordPolicy              password_policy
    │   └── …                           unknown_recipient, header_injection, range_overlap, …
    ├── RateLimited             429     rate_limited
    ├── ServerError             5xx
    │   └── ServiceUnavailable  503     service_unavailable
    ├── OAuthError              400/401 an OAuth endpoint's `error` (invalid_grant, …)
    │   ├── InvalidGrant                invalid_grant
    │   └── InvalidClient               invalid_client (also an Unauthorized)
    └── GraphQLError                    the `errors` of a GraphQL answer

A code the SDK does not know yet falls back to the class of its status.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, ClassVar

import httpx


class MailplaneError(Exception):
    """An error answer from Mailplane (RFC 9457 problem+json)."""

    status_default: ClassVar[int] = 0

    def __init__(
        self,
        status: int,
        body: Mapping[str, Any] | None = None,
        *,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        body = dict(body or {})
        self.status = status
        self.code = str(body.get("code") or body.get("error") or "unknown")
        self.detail = str(
            body.get("detail") or body.get("error_description") or body.get("title") or ""
        )
        self.param: str | None = body.get("param")
        self.request_id: str | None = body.get("request_id") or (headers or {}).get("x-request-id")
        self.body = body
        self.headers = dict(headers or {})
        super().__init__(f"{status} {self.code}: {self.detail} (request {self.request_id})")


class MalformedRequest(MailplaneError):
    status_default = 400


class Unauthorized(MailplaneError):
    status_default = 401


class Forbidden(MailplaneError):
    status_default = 403


class InsufficientScope(Forbidden):
    """The token lacks a scope; `required_scopes` says which (from `WWW-Authenticate`)."""

    @property
    def required_scopes(self) -> list[str]:
        header = self.headers.get("www-authenticate", "")
        _, _, rest = header.partition('scope="')
        return rest.split('"', 1)[0].split() if rest else []


class SendAsDenied(Forbidden):
    pass


class NotFound(MailplaneError):
    status_default = 404


class Conflict(MailplaneError):
    status_default = 409


class AlreadyExists(Conflict):
    pass


class QuotaExceeded(Conflict):
    pass


class IdempotencyInProgress(Conflict):
    pass


class Gone(MailplaneError):
    status_default = 410


class ResyncRequired(Gone):
    """A `since` state or event position is past retention: resynchronise from scratch."""


class PreconditionFailed(MailplaneError):
    status_default = 412


class PayloadTooLarge(MailplaneError):
    status_default = 413


class RangeNotSatisfiable(MailplaneError):
    status_default = 416


class ValidationFailed(MailplaneError):
    status_default = 422

    @property
    def errors(self) -> list[Any]:
        """Field errors, when the server listed them."""
        found = self.body.get("errors")
        return list(found) if isinstance(found, list) else []


class IdempotencyKeyReused(ValidationFailed):
    pass


class UploadIncomplete(ValidationFailed):
    pass


class PasswordPolicy(ValidationFailed):
    pass


class RateLimited(MailplaneError):
    status_default = 429

    @property
    def retry_after(self) -> float | None:
        value = self.headers.get("retry-after")
        try:
            return float(value) if value is not None else None
        except ValueError:
            return None


class ServerError(MailplaneError):
    status_default = 500


class ServiceUnavailable(ServerError):
    status_default = 503


class OAuthError(MailplaneError):
    """An OAuth endpoint's RFC 6749 error (`error`, `error_description`)."""


class InvalidGrant(OAuthError):
    """The code, refresh token or verifier is wrong, used, expired or revoked."""


class InvalidClient(OAuthError, Unauthorized):
    """The client id or secret is wrong."""


class GraphQLError(MailplaneError):
    """A GraphQL answer with `errors`; `errors` is that list, `data` whatever came back."""

    def __init__(
        self, errors: list[dict[str, Any]], data: Any = None, request_id: str | None = None
    ) -> None:
        first = errors[0] if errors else {}
        extensions = first.get("extensions") or {}
        super().__init__(
            200,
            {
                "code": extensions.get("code", "graphql_error"),
                "detail": first.get("message", ""),
                "request_id": request_id,
            },
        )
        self.errors = errors
        self.data = data


# Codes whose class is not the status fallback: the server's specific codes.
BY_CODE: dict[str, type[MailplaneError]] = {
    "malformed_request": MalformedRequest,
    "unauthorized": Unauthorized,
    "insufficient_scope": InsufficientScope,
    "forbidden": Forbidden,
    "send_as_denied": SendAsDenied,
    "not_found": NotFound,
    "conflict": Conflict,
    "already_exists": AlreadyExists,
    "quota_exceeded": QuotaExceeded,
    "idempotency_in_progress": IdempotencyInProgress,
    "gone": Gone,
    "resync_required": ResyncRequired,
    "precondition_failed": PreconditionFailed,
    "payload_too_large": PayloadTooLarge,
    "range_not_satisfiable": RangeNotSatisfiable,
    "validation_failed": ValidationFailed,
    "idempotency_key_reused": IdempotencyKeyReused,
    "upload_incomplete": UploadIncomplete,
    "password_policy": PasswordPolicy,
    "rate_limited": RateLimited,
    "service_unavailable": ServiceUnavailable,
}

BY_STATUS: dict[int, type[MailplaneError]] = {
    400: MalformedRequest,
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    410: Gone,
    412: PreconditionFailed,
    413: PayloadTooLarge,
    416: RangeNotSatisfiable,
    422: ValidationFailed,
    429: RateLimited,
    503: ServiceUnavailable,
}

OAUTH_ERRORS = {
    "invalid_request",
    "invalid_client",
    "invalid_grant",
    "unauthorized_client",
    "unsupported_grant_type",
    "invalid_scope",
    "unsupported_token_type",
}


def error_class(status: int, code: str | None, oauth: bool = False) -> type[MailplaneError]:
    """The exception class for a status and problem code."""
    if oauth:
        return {"invalid_grant": InvalidGrant, "invalid_client": InvalidClient}.get(
            code or "", OAuthError
        )
    if code in BY_CODE:
        return BY_CODE[code]
    if status in BY_STATUS:
        return BY_STATUS[status]
    if status >= 500:
        return ServerError
    return MailplaneError


def from_response(response: httpx.Response) -> MailplaneError:
    """The typed exception for an error response (its body must have been read)."""
    try:
        body = response.json()
    except (ValueError, json.JSONDecodeError, UnicodeDecodeError):
        body = None
    if not isinstance(body, dict):
        body = {"detail": response.text[:500]}
    oauth = "error" in body and "code" not in body and body.get("error") in OAUTH_ERRORS
    code = body.get("code") or body.get("error")
    cls = error_class(response.status_code, code, oauth)
    return cls(
        response.status_code, body, headers={k.lower(): v for k, v in response.headers.items()}
    )
