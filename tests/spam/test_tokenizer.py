"""Tokenisation: CJK runs become character bigrams, Latin text words, URL hosts and sender
headers their own tokens; hashing is stable and bounded."""

from __future__ import annotations

from api.mail.spam import facts_of
from api.mail.spam.tokenizer import (
    BUCKETS,
    bucket,
    cjk_bigrams,
    has_cjk,
    text_tokens,
    token_buckets,
    token_strings,
)
from tests.factories.spam import message


def test_chinese_runs_become_overlapping_bigrams() -> None:
    assert cjk_bigrams("代开发票") == ["代开", "开发", "发票"]
    assert text_tokens("请联系代开发票") == ["请联", "联系", "系代", "代开", "开发", "发票"]


def test_a_lone_han_character_is_kept_and_punctuation_splits_runs() -> None:
    assert cjk_bigrams("好，谢谢") == ["好", "谢谢"]


def test_japanese_kana_and_korean_hangul_are_bigrammed_too() -> None:
    assert cjk_bigrams("カタカナ") == ["カタ", "タカ", "カナ"]
    assert cjk_bigrams("안녕하세요") == ["안녕", "녕하", "하세", "세요"]
    assert has_cjk("s:会议") and not has_cjk("s:meeting")


def test_mixed_chinese_and_latin_text_yields_words_and_bigrams() -> None:
    tokens = text_tokens("请查收Q3报告 budget.xlsx，谢谢 Alice")
    assert {"q3", "budget.xlsx", "alice"} <= set(tokens)
    assert {"请查", "查收", "报告", "谢谢"} <= set(tokens)
    assert not any(len(t) > 2 and has_cjk(t) for t in tokens)  # no CJK word soup


def test_full_width_latin_is_read_as_plain_latin() -> None:
    facts = facts_of(message(body="ＦＲＥＥ　ｍｏｎｅｙ"), None, None)
    assert {"free", "money"} <= set(token_strings(facts))


def test_long_words_and_numbers_are_bucketed_not_kept_verbatim() -> None:
    tokens = text_tokens("a" * 40 + " 1234567890 42")
    assert "skip:a40" in tokens and "num:10" in tokens and "42" in tokens


def test_sender_subject_and_url_hosts_are_their_own_tokens() -> None:
    raw = message(subject="Quarterly report", sender="Bob Smith <bob@mail.example.co.uk>",
                  body="Read it at https://files.example.net/q3 and www.other.example/x",
                  headers="Reply-To: sales@reply.example\r\n")
    tokens = set(token_strings(facts_of(raw, None, None)))
    assert {"s:quarterly", "s:report", "fn:bob", "fn:smith"} <= tokens
    assert {"fd:mail.example.co.uk", "fd:example.co.uk", "rd:reply.example"} <= tokens
    assert {"url:files.example.net", "url:example.net", "url:www.other.example"} <= tokens


def test_transport_and_mime_structure_headers_are_not_tokens() -> None:
    raw = message(headers="Received: from relay.corpus.example\r\nList-Id: <ilug.linux.ie>\r\n"
                          "X-Spam-Status: Yes, score=99\r\n")
    tokens = token_strings(facts_of(raw, None, None))
    assert not any("corpus" in t or "ilug" in t or "score=99" in t for t in tokens)
    assert not any(t.startswith(("ct:", "cs:", "cte:")) for t in tokens)


def test_chinese_spam_and_ham_share_no_telling_tokens() -> None:
    spam = set(token_strings(facts_of(message(
        subject="代开各类发票", body="本公司代开增值税发票，点数优惠，联系QQ 123456"), None, None)))
    ham = set(token_strings(facts_of(message(
        subject="下周项目会议",
        body="各位同事，下周一上午十点开项目进度会议，请准时参加。"), None, None)))
    assert {"发票", "代开", "s:发票"} <= spam
    assert {"会议", "项目", "s:会议"} <= ham
    assert not {"发票", "代开"} & ham


def test_hashes_are_stable_and_inside_the_bucket_range() -> None:
    assert bucket("发票") == bucket("发票")
    assert bucket("发票") != bucket("会议")
    buckets = token_buckets(facts_of(message(body="hello world 你好世界"), None, None))
    assert buckets == sorted(set(buckets))
    assert all(0 <= b < BUCKETS for b in buckets)


def test_token_count_is_bounded_on_huge_input() -> None:
    body = " ".join(f"w{i}x" for i in range(50_000))
    assert len(token_strings(facts_of(message(body=body), None, None))) <= 4000
