"""The SDK against a live server: client-credentials token, then `/v1/me` (the rest of the SDK's
tests are in tests/sdk/)."""

from __future__ import annotations

import pytest
from mailplane_sdk import Mailplane, MailplaneError, errors
from mailplane_sdk.generated.api.me import get_me
from mailplane_sdk.generated.models import Me

from tests.live_server import live_server


async def test_sdk_gets_token_and_calls_me(settings, org):
    with live_server(settings) as url:
        with Mailplane(url, org.client_id, org.client_secret, scopes=["directory:read"]) as mp:
            me = mp.me()
            assert isinstance(me, Me)
            assert me.org_id == org.id
            assert me.scopes == ["directory:read"]
            # the generated layer shares the authenticated client
            typed = get_me.sync(client=mp.generated)
            assert typed is not None and typed.org_id == org.id


async def test_sdk_raises_typed_error_with_request_id(settings, org):
    with live_server(settings) as url:
        with Mailplane(url, org.client_id, "wrong-secret") as mp:
            with pytest.raises(MailplaneError) as info:
                mp.me()
            assert isinstance(info.value, errors.InvalidClient)
            assert isinstance(info.value, errors.Unauthorized)
            assert info.value.status == 401
            assert info.value.code == "invalid_client"
