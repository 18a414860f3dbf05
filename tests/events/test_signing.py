"""Standard Webhooks signatures: the published test vector, rotation, and the SDK verifier
accepting exactly what the server signs."""

from __future__ import annotations

import time

import pytest
from cryptography.exceptions import InvalidTag
from mailplane_sdk import WebhookVerificationError, verify_webhook

from api.platform.webhooks import signing
from api.platform.webhooks.secrets import seal, unseal

VECTOR_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
VECTOR_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
VECTOR_TS = 1614265330
VECTOR_BODY = b'{"test": 2432232314}'
VECTOR_SIG = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="


def test_signature_matches_the_published_standard_webhooks_vector():
    key = signing.secret_key(VECTOR_SECRET)
    assert signing.signature(key, VECTOR_ID, VECTOR_TS, VECTOR_BODY) == VECTOR_SIG


def test_server_verifier_accepts_the_vector_and_rejects_stale_or_tampered():
    headers = {
        "webhook-id": VECTOR_ID,
        "webhook-timestamp": str(VECTOR_TS),
        "webhook-signature": "v1,bm9wZQ== " + VECTOR_SIG,
    }
    signing.verify(VECTOR_BODY, headers, VECTOR_SECRET, now=VECTOR_TS + 10)
    with pytest.raises(signing.SignatureError):
        signing.verify(VECTOR_BODY, headers, VECTOR_SECRET, now=VECTOR_TS + 301)
    with pytest.raises(signing.SignatureError):
        signing.verify(VECTOR_BODY + b"x", headers, VECTOR_SECRET, now=VECTOR_TS)
    with pytest.raises(signing.SignatureError):
        signing.verify(
            VECTOR_BODY, {**headers, "webhook-id": "msg_other"}, VECTOR_SECRET, now=VECTOR_TS
        )


def test_sdk_verify_webhook_accepts_the_vector_and_returns_the_event():
    headers = {
        "Webhook-Id": VECTOR_ID,
        "Webhook-Timestamp": str(VECTOR_TS),
        "Webhook-Signature": VECTOR_SIG,
    }
    assert verify_webhook(VECTOR_BODY, headers, VECTOR_SECRET, now=VECTOR_TS) == {
        "test": 2432232314
    }


def test_sdk_verify_webhook_rejects_forgeries_replays_and_missing_headers():
    headers = {
        "webhook-id": VECTOR_ID,
        "webhook-timestamp": str(VECTOR_TS),
        "webhook-signature": VECTOR_SIG,
    }
    with pytest.raises(WebhookVerificationError):
        verify_webhook(VECTOR_BODY, headers, signing.new_secret(), now=VECTOR_TS)
    with pytest.raises(WebhookVerificationError):
        verify_webhook(VECTOR_BODY, headers, VECTOR_SECRET)  # years old: a replay
    with pytest.raises(WebhookVerificationError):
        verify_webhook(b'{"test": 1}', headers, VECTOR_SECRET, now=VECTOR_TS)
    with pytest.raises(WebhookVerificationError):
        verify_webhook(VECTOR_BODY, {"webhook-id": VECTOR_ID}, VECTOR_SECRET, now=VECTOR_TS)
    with pytest.raises(WebhookVerificationError):
        verify_webhook(
            VECTOR_BODY,
            {**headers, "webhook-signature": "v2," + VECTOR_SIG[3:]},
            VECTOR_SECRET,
            now=VECTOR_TS,
        )


def test_during_rotation_both_secrets_sign_and_either_verifies():
    old, new = signing.new_secret(), signing.new_secret()
    now = int(time.time())
    headers = signing.headers(
        [signing.secret_key(new), signing.secret_key(old)], "dlv_1", now, b"{}"
    )
    assert len(headers["webhook-signature"].split()) == 2
    assert verify_webhook(b"{}", headers, old) == {}
    assert verify_webhook(b"{}", headers, new) == {}
    assert verify_webhook(b"{}", headers, [signing.new_secret(), new]) == {}


def test_new_secrets_are_whsec_with_32_random_bytes():
    a, b = signing.new_secret(), signing.new_secret()
    assert a.startswith("whsec_") and a != b
    assert len(signing.secret_key(a)) == 32


def test_secrets_are_sealed_at_rest_and_bound_to_their_endpoint():
    secret = signing.new_secret()
    sealed = seal("server-key", "whk_a", secret)
    assert secret not in sealed and secret[6:] not in sealed
    assert unseal("server-key", "whk_a", sealed) == secret
    with pytest.raises(InvalidTag):
        unseal("server-key", "whk_b", sealed)
    with pytest.raises(InvalidTag):
        unseal("other-key", "whk_a", sealed)
