"""The committed contract never drifts: openapi.json, the GraphQL SDL and the generated SDK."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from api.cli import openapi_document
from api.config import Settings
from api.graphql import export_sdl
from tests import sdk_generation

ROOT = Path(__file__).resolve().parent.parent


def test_openapi_json_is_current():
    committed = (ROOT / "openapi" / "openapi.json").read_text()
    assert committed == openapi_document(), "openapi/openapi.json is stale: run `make openapi`"


def test_graphql_sdl_is_current():
    committed = (ROOT / "openapi" / "schema.graphql").read_text()
    assert committed == export_sdl(Settings()), "openapi/schema.graphql is stale: run `make openapi`"


def test_generated_sdk_is_current():
    with tempfile.TemporaryDirectory() as tmp:
        fresh = sdk_generation.generate(Path(tmp))
        assert sdk_generation.differences(fresh, sdk_generation.TARGET) == [], (
            "sdk/mailplane_sdk/generated is stale: run `make sdk`"
        )


def test_operation_ids_are_unique_handler_names():
    spec = json.loads(openapi_document())
    ids = [op["operationId"] for path in spec["paths"].values() for op in path.values()]
    assert len(ids) == len(set(ids))
    assert all(i.replace("_", "").isalnum() and i.islower() for i in ids)


def test_every_emitted_event_type_is_in_the_catalogue():
    """A consumer can only subscribe to what the catalogue lists: grep every literal
    `emit(..., "type", ...)` in the server and check it is catalogued."""
    import re

    from api.app import create_app
    from schemas.events import CATALOGUE

    create_app()  # domains register their own types on import
    pattern = re.compile(r'emit\(\s*[\w.]+,\s*[\w.]+,\s*"([a-z_]+\.[a-z_.]+)"')
    emitted = {
        m for path in (ROOT / "api").rglob("*.py") for m in pattern.findall(path.read_text())
    }
    assert emitted, "the pattern found no emit() calls"
    assert sorted(emitted - set(CATALOGUE)) == []
