"""The error tree: each problem `code` has its class, unknown codes fall back by status, and
every error carries status, code, detail, param and request id."""

from __future__ import annotations

import httpx
import pytest
from mailplane_sdk import errors


def answer(status: int, body: object, **headers: str) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers)


@pytest.mark.parametrize(
    ("status", "code", "cls"),
    [
        (404, "not_found", errors.NotFound),
        (422, "validation_failed", errors.ValidationFailed),
        (409, "quota_exceeded", errors.QuotaExceeded),
        (429, "rate_limited", errors.RateLimited),
        (409, "conflict", errors.Conflict),
        (412, "precondition_failed", errors.PreconditionFailed),
        (403, "insufficient_scope", errors.InsufficientScope),
        (410, "resync_required", errors.ResyncRequired),
        (422, "idempotency_key_reused", errors.IdempotencyKeyReused),
        (409, "idempotency_in_progress", errors.IdempotencyInProgress),
        (422, "upload_incomplete", errors.UploadIncomplete),
        (403, "send_as_denied", errors.SendAsDenied),
        (416, "range_not_satisfiable", errors.RangeNotSatisfiable),
        (503, "service_unavailable", errors.ServiceUnavailable),
        # codes the SDK has no class for fall back to their status's class
        (409, "department_not_empty", errors.Conflict),
        (422, "range_overlap", errors.ValidationFailed),
        (410, "gone_for_a_new_reason", errors.Gone),
        (502, "bad_gateway", errors.ServerError),
        (418, "teapot", errors.MailplaneError),
    ],
)
def test_code_picks_the_class(status: int, code: str, cls: type[errors.MailplaneError]) -> None:
    body = {
        "status": status,
        "code": code,
        "detail": "why",
        "param": "field",
        "request_id": "req_1",
    }
    exc = errors.from_response(answer(status, body))
    assert type(exc) is cls and isinstance(exc, errors.MailplaneError)
    assert (exc.status, exc.code, exc.detail, exc.param, exc.request_id) == (
        status,
        code,
        "why",
        "field",
        "req_1",
    )


def test_subclasses_are_caught_by_their_family() -> None:
    quota = errors.from_response(answer(409, {"code": "quota_exceeded"}))
    assert isinstance(quota, errors.Conflict)
    assert isinstance(
        errors.from_response(answer(403, {"code": "insufficient_scope"})), errors.Forbidden
    )
    assert isinstance(errors.from_response(answer(503, {"code": "x"})), errors.ServerError)


def test_oauth_errors_and_headers() -> None:
    grant = errors.from_response(
        answer(400, {"error": "invalid_grant", "error_description": "used"})
    )
    assert type(grant) is errors.InvalidGrant and grant.detail == "used"
    client = errors.from_response(answer(401, {"error": "invalid_client"}))
    assert isinstance(client, errors.InvalidClient) and isinstance(client, errors.Unauthorized)
    scope = errors.from_response(
        answer(
            403,
            {"code": "insufficient_scope"},
            **{
                "WWW-Authenticate": 'Bearer error="x", scope="mail:read mail:send"',
                "x-request-id": "req_h",
            },
        )
    )
    assert isinstance(scope, errors.InsufficientScope)
    assert scope.required_scopes == ["mail:read", "mail:send"] and scope.request_id == "req_h"
    limited = errors.from_response(answer(429, {"code": "rate_limited"}, **{"Retry-After": "7"}))
    assert isinstance(limited, errors.RateLimited) and limited.retry_after == 7.0


def test_a_body_that_is_not_json_still_gives_a_typed_error() -> None:
    exc = errors.from_response(httpx.Response(502, text="<html>bad gateway</html>"))
    assert type(exc) is errors.ServerError and "bad gateway" in exc.detail
