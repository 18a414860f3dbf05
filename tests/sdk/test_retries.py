"""Retries: 429/503 with Retry-After (capped), dropped connections, and one Idempotency-Key
per mutation kept across every attempt, so the live server runs it once."""

from __future__ import annotations

import json

import httpx
import pytest
from mailplane_sdk import AsyncMailplane, Mailplane, RetryPolicy, errors

from tests.sdk.conftest import Live, recording

TOKEN = {"access_token": "t", "token_type": "Bearer", "expires_in": 3600, "scope": ""}
ACCOUNT = {
    "id": "acc_1",
    "address": "a@acme.test",
    "display_name": "A",
    "status": "active",
    "type": "employee",
    "role": "member",
    "employee_number": None,
    "mobile": None,
    "job_title": "",
    "department_ids": [],
    "manager_id": None,
    "quota_bytes": None,
    "hidden_from_address_book": False,
    "must_change_password": False,
    "aliases": [],
    "created_at": "2026-01-01T00:00:00Z",
    "updated_at": "2026-01-01T00:00:00Z",
}


class Script:
    """A fake server: answers /oauth/token, then the scripted answers in order."""

    def __init__(self, *answers: httpx.Response | Exception) -> None:
        self.answers = list(answers)
        self.seen: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/oauth/token":
            return httpx.Response(200, json=TOKEN)
        self.seen.append(request)
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    def keys(self) -> list[str | None]:
        return [r.headers.get("idempotency-key") for r in self.seen]


def problem(status: int, code: str, **headers: str) -> httpx.Response:
    body = {
        "type": f"https://mailplane.dev/errors/{code}",
        "title": code,
        "status": status,
        "detail": code,
        "code": code,
        "request_id": f"req_{status}",
    }
    return httpx.Response(
        status, json=body, headers={"content-type": "application/problem+json", **headers}
    )


def client(script: Script, **options: object) -> tuple[Mailplane, list[float]]:
    mp = Mailplane(
        "http://mp.test", "app", "secret", transport=httpx.MockTransport(script), **options
    )  # type: ignore[arg-type]
    slept: list[float] = []
    mp.retry_transport.sleep = slept.append
    return mp, slept


def test_503_and_429_are_retried_with_one_idempotency_key() -> None:
    script = Script(
        problem(503, "service_unavailable", **{"Retry-After": "1"}),
        problem(429, "rate_limited", **{"Retry-After": "2"}),
        httpx.Response(201, json={**ACCOUNT, "password": None}),
    )
    mp, slept = client(script)
    made = mp.accounts.create(address="a@acme.test", display_name="A")
    assert made.id == "acc_1"
    keys = script.keys()
    assert len(keys) == 3 and keys[0] and len(set(keys)) == 1
    assert slept == [1.0, 2.0]
    assert [json.loads(r.content) for r in script.seen] == [
        {"address": "a@acme.test", "display_name": "A"}
    ] * 3


def test_each_mutation_gets_its_own_key_and_reads_get_none() -> None:
    script = Script(
        httpx.Response(200, json=ACCOUNT),
        httpx.Response(200, json=ACCOUNT),
        httpx.Response(200, json=ACCOUNT),
    )
    mp, _ = client(script)
    mp.accounts.freeze("acc_1")
    mp.accounts.freeze("acc_1")
    mp.accounts.get("acc_1")
    first, second, read = script.keys()
    assert first and second and first != second
    assert read is None


def test_callers_own_key_is_kept() -> None:
    script = Script(problem(503, "service_unavailable"), httpx.Response(200, json={"ok": True}))
    mp, _ = client(script)
    mp.request("POST", "/v1/accounts/acc_1/freeze", headers={"Idempotency-Key": "hire-zhang-wei"})
    assert script.keys() == ["hire-zhang-wei", "hire-zhang-wei"]


def test_retry_after_is_capped_and_backoff_used_without_it() -> None:
    script = Script(
        problem(429, "rate_limited", **{"Retry-After": "3600"}),
        problem(503, "service_unavailable"),
        httpx.Response(200, json=ACCOUNT),
    )
    mp, slept = client(script, retry=RetryPolicy(max_retries=3, backoff=0.5, max_retry_after=5.0))
    mp.accounts.get("acc_1")
    assert slept[0] == 5.0
    assert 0.5 <= slept[1] <= 1.0  # second attempt: half to all of 0.5 * 2


def test_gives_up_after_max_retries_with_the_typed_error() -> None:
    script = Script(
        *[problem(503, "service_unavailable", **{"Retry-After": "0"}) for _ in range(3)]
    )
    mp, slept = client(script, max_retries=2)
    with pytest.raises(errors.ServiceUnavailable) as info:
        mp.accounts.get("acc_1")
    assert len(script.seen) == 3 and len(slept) == 2
    assert info.value.request_id == "req_503"


def test_dropped_connections_are_retried() -> None:
    script = Script(
        httpx.ConnectError("refused"),
        httpx.RemoteProtocolError("closed"),
        httpx.Response(200, json=ACCOUNT),
    )
    mp, slept = client(script)
    assert mp.accounts.unfreeze("acc_1").id == "acc_1"
    assert len(set(script.keys())) == 1 and len(slept) == 2


def test_other_errors_are_not_retried() -> None:
    script = Script(problem(422, "validation_failed"))
    mp, slept = client(script)
    with pytest.raises(errors.ValidationFailed):
        mp.accounts.create(address="bad")
    assert len(script.seen) == 1 and slept == []


def test_idempotency_in_progress_is_waited_for() -> None:
    script = Script(problem(409, "idempotency_in_progress"), httpx.Response(200, json=ACCOUNT))
    mp, slept = client(script)
    mp.accounts.freeze("acc_1")
    assert len(script.seen) == 2 and len(slept) == 1


async def test_async_client_retries_the_same_way() -> None:
    script = Script(
        problem(503, "service_unavailable", **{"Retry-After": "1"}),
        httpx.Response(201, json={**ACCOUNT, "password": None}),
    )
    mp = AsyncMailplane("http://mp.test", "app", "secret", transport=httpx.MockTransport(script))
    slept: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        slept.append(seconds)

    mp.retry_transport.sleep = fake_sleep
    made = await mp.accounts.create(address="a@acme.test", display_name="A")
    await mp.aclose()
    assert made.id == "acc_1" and slept == [1.0]
    assert len(set(script.keys())) == 1


class LoseFirstAnswer(httpx.BaseTransport):
    """The request reaches the live server, but its answer is lost on the way back once."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner
        self.keys: list[str] = []
        self.replayed: list[str | None] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if request.url.path == "/v1/accounts" and request.method == "POST":
            self.keys.append(request.headers["idempotency-key"])
            response.read()
            self.replayed.append(response.headers.get("idempotent-replayed"))
            if len(self.keys) == 1:
                raise httpx.ReadError("connection reset")
        return response


def test_lost_answer_is_retried_and_the_server_creates_once(live: Live) -> None:
    lossy = LoseFirstAnswer(recording())
    with Mailplane(live.url, live.client_id, live.client_secret, transport=lossy) as mp:
        mp.retry_transport.sleep = lambda _s: None
        made = mp.accounts.create(address=f"once@{live.domain}", display_name="Once")
        assert len(lossy.keys) == 2 and lossy.keys[0] == lossy.keys[1]
        assert lossy.replayed == [None, "true"]
        assert [a.id for a in mp.accounts.list(q="once")] == [made.id]
