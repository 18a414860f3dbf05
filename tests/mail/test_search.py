"""Full-text search `q=`: operators, phrases, negation, Chinese by any two characters,
scoped to one mailbox, the same on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from api.mail.search.index import ALL_TEXT, MAX_POSITIONS, WEIGHTS, SearchDoc, tsvector_literal
from api.mail.search.query import parse_query
from api.mail.search.tokens import token_text, tokens
from tests.factories.mail import deliver_to, fixture, simple_message


def url(account: str, path: str = "") -> str:
    return f"/v1/accounts/{account}/mail{path}"


@pytest.fixture
async def mailbox(org, alice):
    messages = [
        simple_message(
            "Quarterly invoice",
            "Please pay the invoice by Friday.",
            sender="billing@vendor.example",
        ),
        simple_message(
            "Team lunch", "Pizza on Thursday, the invoice is on me.", sender="bob@acme.test"
        ),
        simple_message(
            "项目进度更新", "我们的邮件系统已经上线，客户反馈很好。", sender="zhang@example.cn"
        ),
        simple_message("Café résumé", "Naïve coöperation notes", sender="eu@example.eu"),
    ]
    for raw in messages:
        await deliver_to(org.runtime, raw, alice.address)
    await deliver_to(org.runtime, fixture("nested-multipart.eml"), alice.address)
    await deliver_to(org.runtime, fixture("gb2312-split-encoded-words.eml"), alice.address)
    return alice


async def _search(client, headers, account, q, **params) -> list[str]:
    resp = await client.get(
        url(account.address, "/messages"), headers=headers, params={"q": q, **params}
    )
    assert resp.status_code == 200, resp.text
    return [m["subject"] for m in resp.json()["data"]]


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("invoice", ["Team lunch", "Quarterly invoice"]),
        ("INVOICE friday", ["Quarterly invoice"]),
        ("invoice -pizza", ["Quarterly invoice"]),
        ('"pay the invoice"', ["Quarterly invoice"]),
        ('"invoice pay"', []),
        ("subject:invoice", ["Quarterly invoice"]),
        ("from:billing@vendor.example", ["Quarterly invoice"]),
        ("from:bob", ["Team lunch"]),
        ("to:carol@example.com", ["Nested structure with inline image"]),
        ("has:attachment", ["Nested structure with inline image"]),
        ("invo*", ["Team lunch", "Quarterly invoice"]),
        ("cafe resume", ["Café résumé"]),
        ("naive", ["Café résumé"]),
        ("报告 pdf", ["Nested structure with inline image"]),
        (
            "after:2000-01-01 before:2999-01-01 quarterly numbers",
            ["Nested structure with inline image"],
        ),
        ("before:2000-01-01 invoice", []),
    ],
)
async def test_operators(client, headers, mailbox, q, expected):
    assert await _search(client, headers, mailbox, q) == expected


@pytest.mark.parametrize("term", ["邮件", "件系", "系统", "邮件系统", "客户反馈", "上线", "进度"])
async def test_chinese_found_by_any_two_character_substring(client, headers, mailbox, term):
    assert await _search(client, headers, mailbox, term) == ["项目进度更新"]


async def test_chinese_in_encoded_subjects_and_gb2312_bodies(client, headers, mailbox):
    assert await _search(client, headers, mailbox, "华东") == ["季度销售报告：华东区"]
    assert await _search(client, headers, mailbox, "百分之二十") == ["季度销售报告：华东区"]
    assert await _search(client, headers, mailbox, "subject:销售") == ["季度销售报告：华东区"]
    assert await _search(client, headers, mailbox, "系邮") == []


async def test_flag_operators_combine_with_text(client, headers, mailbox):
    listed = (
        await client.get(
            url(mailbox.address, "/messages"), headers=headers, params={"q": "invoice"}
        )
    ).json()["data"]
    lunch = next(m for m in listed if m["subject"] == "Team lunch")
    await client.patch(
        url(mailbox.address, f"/messages/{lunch['id']}"),
        headers=headers,
        json={"seen": True, "flagged": True},
    )
    assert await _search(client, headers, mailbox, "invoice is:unread") == ["Quarterly invoice"]
    assert await _search(client, headers, mailbox, "invoice is:flagged") == ["Team lunch"]
    assert await _search(client, headers, mailbox, "is:flagged") == ["Team lunch"]
    assert await _search(client, headers, mailbox, "invoice in:trash") == []


async def test_search_pages_with_a_cursor(client, headers, mailbox):
    first = (
        await client.get(
            url(mailbox.address, "/messages"), headers=headers, params={"q": "invoice", "limit": 1}
        )
    ).json()
    assert [m["subject"] for m in first["data"]] == ["Team lunch"]
    second = (
        await client.get(
            url(mailbox.address, "/messages"),
            headers=headers,
            params={"q": "invoice", "limit": 1, "cursor": first["next_cursor"]},
        )
    ).json()
    assert [m["subject"] for m in second["data"]] == ["Quarterly invoice"]
    assert second["next_cursor"] is None


async def test_search_never_crosses_mailboxes(client, org, other_org, headers, mailbox, bob):
    await deliver_to(org.runtime, simple_message("Bob's invoice", "invoice for bob"), bob.address)
    assert "Bob's invoice" not in await _search(client, headers, mailbox, "invoice")
    assert await _search(client, headers, bob, "invoice") == ["Bob's invoice"]


async def test_hostile_queries_are_harmless(client, headers, mailbox):
    for q in [
        '"',
        "***",
        "NEAR(a b)",
        "subject:",
        "') OR 1=1 --",
        "a" * 400,
        "{subject}:x",
        "owner:anything",
        "-",
        "is:",
        'from:""',
    ]:
        resp = await client.get(url(mailbox.address, "/messages"), headers=headers, params={"q": q})
        assert resp.status_code == 200, (q, resp.text)
    bad_date = await client.get(
        url(mailbox.address, "/messages"), headers=headers, params={"q": "before:yesterday"}
    )
    assert bad_date.status_code == 422
    too_long = await client.get(
        url(mailbox.address, "/messages"), headers=headers, params={"q": "x" * 501}
    )
    assert too_long.status_code == 422


def test_tokens_are_words_and_cjk_bigrams():
    assert token_text("Hello, Wörld! 邮件系统 ok") == "hello world 邮件 件系 系统 ok"
    assert token_text("单") == "单"
    q = parse_query('from:a@b.c "x y" -z is:unread has:attachment')
    assert [t.column for t in q.terms] == ["sender", None, None]
    assert q.terms[2].negate and q.seen is False and q.has_attachment is True


@settings(max_examples=400, deadline=None)
@given(
    text=st.text(
        alphabet=st.sampled_from(list("aZ9 _-.é\u0301ÅßﬁⅨ邮件系统한국語かなＡ１\u00a0\t")) | st.characters(),
        max_size=80,
    ),
    limit=st.none() | st.integers(min_value=0, max_value=12),
)
def test_fast_token_text_equals_the_token_stream(text: str, limit: int | None) -> None:
    # token_text is the indexer's hot path, written for speed; tokens() is the definition.
    assert token_text(text, limit) == " ".join(tokens(text, limit))


def _tsvector_of_tokens(doc: SearchDoc) -> str:
    """The definition: one token at a time from tokens(), each with its position and weight."""
    positions: dict[str, list[str]] = {}
    pos = 1
    for name in ALL_TEXT:
        for token in tokens(getattr(doc, name)):
            if pos >= MAX_POSITIONS:
                break
            positions.setdefault(token, []).append(f"{pos}{WEIGHTS[name]}")
            pos += 1
        pos = min(pos + 100, MAX_POSITIONS)
    return " ".join(f"'{tok}':{','.join(p)}" for tok, p in positions.items())


_TEXT = st.text(
    alphabet=st.sampled_from(list("aZ9 _-.é\u0301ÅßﬁⅨ邮件系统한국語かなＡ１\u00a0\t")) | st.characters(),
    max_size=60,
)


@settings(max_examples=200, deadline=None)
@given(subject=_TEXT, sender=_TEXT, recipients=_TEXT, body=_TEXT)
def test_tsvector_literal_equals_the_token_stream(
    subject: str, sender: str, recipients: str, body: str
) -> None:
    doc = SearchDoc(subject, sender, recipients, body)
    assert tsvector_literal(doc) == _tsvector_of_tokens(doc)


def test_tsvector_literal_stops_at_the_last_position() -> None:
    doc = SearchDoc("subject words", "a b", "", "word " * (MAX_POSITIONS + 50))
    assert tsvector_literal(doc) == _tsvector_of_tokens(doc)
    assert f"{MAX_POSITIONS - 1}D" in tsvector_literal(doc)
    assert f"{MAX_POSITIONS}D" not in tsvector_literal(doc)
