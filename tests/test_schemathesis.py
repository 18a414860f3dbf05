"""Property-based sweep of the whole OpenAPI document (schemathesis): whatever the input,
no 5xx, and every response matches its documented status, content type and schema."""

from __future__ import annotations

import asyncio
import os
import secrets

import pytest
import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api.bootstrap import create_organization
from api.runtime import Runtime
from tests.factories.platform import ADMIN_PASSWORD
from tests.live_server import live_server

# Behaviour checks; `positive_data_acceptance` is left out because business rules (a scope
# name must exist, a domain must be ours) reject schema-valid input by design.
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@schemathesis.serializer("message/rfc822")
def _rfc822(ctx, value):  # type: ignore[no-untyped-def]
    """Raw MIME bodies (`/mail/send/raw`) go on the wire as bytes."""
    if isinstance(value, bytes):
        return value
    return str(value).encode("utf-8", "surrogatepass")


MAX_EXAMPLES = int(os.environ.get("MAILPLANE_SCHEMATHESIS_EXAMPLES", "8"))


async def _seed(settings) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    rt = Runtime.build(settings)
    async with rt.db.session() as session:
        made = await create_organization(
            # unique per test: on PostgreSQL the tests of one worker share a schema
            session, name="Fuzz", domain=f"fuzz-{secrets.token_hex(4)}.test", admin="admin",
            password=ADMIN_PASSWORD,
        )
        made.admin.must_change_password = False
    await rt.db.dispose()
    return made.app.id, made.client_secret


@pytest.fixture
def api_schema(settings):  # type: ignore[no-untyped-def]
    client_id, secret = asyncio.run(_seed(settings))
    with live_server(settings) as url:
        import httpx

        token = httpx.post(
            f"{url}/oauth/token", data={"grant_type": "client_credentials"}, auth=(client_id, secret)
        ).json()["access_token"]
        schema = schemathesis.openapi.from_url(f"{url}/openapi.json")
        schema.config.headers = {"Authorization": f"Bearer {token}"}  # type: ignore[attr-defined]
        os.environ["MAILPLANE_FUZZ_TOKEN"] = token
        os.environ["MAILPLANE_FUZZ_URL"] = url
        yield schema


def test_api_conforms_to_its_openapi_document(api_schema):  # type: ignore[no-untyped-def]
    """Each operation gets MAX_EXAMPLES generated requests; all failures are reported together."""
    headers = {"Authorization": f"Bearer {os.environ['MAILPLANE_FUZZ_TOKEN']}"}
    failures: list[str] = []
    operations = 0
    for result in api_schema.get_all_operations():
        operation = result.ok()
        operations += 1

        @given(case=operation.as_strategy())
        @hsettings(max_examples=MAX_EXAMPLES, deadline=None, database=None, derandomize=True,
                   suppress_health_check=list(HealthCheck))
        def run(case):  # type: ignore[no-untyped-def]
            case.call_and_validate(headers=headers, checks=CHECKS)

        try:
            run()
        except (Exception, BaseExceptionGroup) as exc:  # collect every failure, then fail once
            failures.append(f"{operation.label}: {exc}"[:2000])
    assert operations > 10
    assert not failures, "\n\n".join(failures)


# --- edge classes the generator above does not reach ---------------------------------------
# Hypothesis draws integers near a parameter's bounds and well-formed JSON; an outside test
# found 500s one step further out. Every operation of the document gets these, deliberately:

HUGE_INTEGERS = ["9223372036854775808", "18446744073709551616", "-9223372036854775809",
                 "999999999999999999999", "1e400"]
BAD_UTF8_BODIES = [
    b'{"name": "\xff\xfe"}', b"\xc3\x28", b'{"query": "{ me { orgId } }\xed\xa0\x80"}',
]
ODD_URLS = [
    "https://0177.0.0.1/hook", "https://0x7f.0.0.1/hook", "https://2130706433/hook",
    "https://127.1/hook", "https://0/hook", "https://[::ffff:127.0.0.1]/hook",
    "https://[fe80::1%25eth0]/hook", "https://example.com:99999/hook", "https://exa mple.com/",
    "https:///hook", "https://user:pw@example.com/hook", "https://xn--/hook", "https://%00/hook",
    "https://example.com\r\nX: y/hook",
]
_FILLER = {"string": "x", "integer": 1, "number": 1, "boolean": False, "array": [], "object": {}}


def _schema_type(schema: dict) -> set[str]:  # type: ignore[type-arg]
    kinds = {schema.get("type")} if schema.get("type") else set()
    for alt in schema.get("anyOf", []) + schema.get("oneOf", []):
        kinds |= _schema_type(alt)
    return {k for k in kinds if k}


def _resolve(doc: dict, schema: dict) -> dict:  # type: ignore[type-arg]
    while "$ref" in schema:
        node: dict = doc  # type: ignore[type-arg]
        for part in schema["$ref"].lstrip("#/").split("/"):
            node = node[part]
        schema = node
    return schema


def _filler(doc: dict, prop: dict) -> object:  # type: ignore[type-arg]
    kinds = _schema_type(_resolve(doc, prop)) or {"string"}
    return _FILLER.get(sorted(kinds)[0], "x")


def _edge_requests(doc: dict) -> list[tuple[str, str, dict]]:  # type: ignore[type-arg]
    """(method, path, httpx kwargs) for each edge case of each operation."""
    out: list[tuple[str, str, dict]] = []  # type: ignore[type-arg]
    for path, ops in doc["paths"].items():
        for method, op in ops.items():
            if not isinstance(op, dict):
                continue
            url = "/".join("x" if part.startswith("{") else part for part in path.split("/"))
            for param in op.get("parameters", []):
                if "integer" in _schema_type(param.get("schema", {})) and param["in"] == "query":
                    for value in HUGE_INTEGERS:
                        out.append((method, url, {"params": {param["name"]: value}}))
            content = op.get("requestBody", {}).get("content", {})
            if "application/json" in content:
                for body in BAD_UTF8_BODIES:
                    out.append((method, url, {"content": body,
                                              "headers": {"Content-Type": "application/json"}}))
                schema = _resolve(doc, content["application/json"].get("schema", {}))
                props = schema.get("properties", {})
                if "url" in props:
                    base = {name: _filler(doc, props[name]) for name in schema.get("required", [])}
                    for odd in ODD_URLS:
                        out.append((method, url, {"json": {**base, "url": odd}}))
    for body in BAD_UTF8_BODIES:  # /graphql is outside the OpenAPI document
        out.append(("post", "/graphql",
                    {"content": body, "headers": {"Content-Type": "application/json"}}))
    return out


def test_edge_inputs_never_answer_5xx(api_schema):  # type: ignore[no-untyped-def]
    """Integers past 2^63 in every integer parameter, invalid UTF-8 in every JSON body
    (GraphQL's too) and odd URL literals in every `url` field: a 4xx, never a 5xx."""
    import httpx

    doc = api_schema.raw_schema
    base = os.environ["MAILPLANE_FUZZ_URL"]
    headers = {"Authorization": f"Bearer {os.environ['MAILPLANE_FUZZ_TOKEN']}"}
    failures: list[str] = []
    requests = _edge_requests(doc)
    assert len(requests) > 100
    with httpx.Client(base_url=base, headers=headers, timeout=30) as http:
        for method, url, kwargs in requests:
            extra = kwargs.pop("headers", {})
            if url.endswith("/stream"):  # a valid position would open an endless stream
                extra = {**extra, "Accept": "text/event-stream"}
            with http.stream(method.upper(), url, headers=extra, **kwargs) as resp:
                if resp.status_code >= 500:
                    resp.read()
                    failures.append(
                        f"{method.upper()} {url} {kwargs}: {resp.status_code} {resp.text[:200]}"
                    )
    assert not failures, "\n".join(failures)
