"""Property-based sweep of the whole OpenAPI document (schemathesis): whatever the input,
no 5xx, and every response matches its documented status, content type and schema."""

from __future__ import annotations

import asyncio
import os

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
            session, name="Fuzz", domain="fuzz.test", admin="admin", password=ADMIN_PASSWORD
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
