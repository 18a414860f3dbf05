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


def _tokens(raw: bytes) -> set[str]:
    return set(token_strings(facts_of(raw, None, None)))


def test_links_yield_host_path_words_and_their_shape() -> None:
    tokens = _tokens(message(
        body="Claim at http://198.51.100.7:8080/claim/prize.php?id=991 or "
             "https://shop.example.net/Special-Offers/2024/index.html"))
    assert {"url:ip", "url:port", "up:claim", "up:prize", "up:php", "url:query"} <= tokens
    assert {"url:shop.example.net", "url:example.net", "up:special", "up:offers",
            "up:2024", "up:index", "up:html"} <= tokens
    assert not any(t.startswith("url:198.") for t in tokens)


def test_a_broken_link_is_skipped_not_fatal() -> None:
    tokens = _tokens(message(body="see http://bad.example:notaport/x and http://[::1"))
    assert "url:badport" in tokens


def test_html_habits_of_bulk_mail_are_tokens_but_ordinary_html_is_not() -> None:
    bulk = _tokens(message(body="", html='<img src="http://x.example/a.gif"><img src="b.gif">'
                                         '<div style="display:none">hash buster words</div>'))
    assert {"html:only", "html:images-no-text:2", "html:hidden-text"} <= bulk
    ordinary = _tokens(message(body="Hello team", html="<p>Hello <b>team</b></p>"))
    assert not any(t.startswith("html:") for t in ordinary)


def test_attachments_give_their_type_and_extension() -> None:
    tokens = _tokens(message(attachments=[("Invoice.PDF.exe", b"MZ")]))
    assert {"att:application/octet-stream", "att:.exe"} <= tokens


def test_header_shapes_not_values_become_tokens() -> None:
    many = ", ".join(f"user{i}@example.org" for i in range(15))
    tokens = _tokens(message(sender="Deals <deals4812@bulk.example>", to=many,
                             headers="X-Priority: 1 (Highest)\r\n", message_id=None))
    assert {"hdr:recipients:many", "hdr:from-digits", "hdr:priority:high",
            "hdr:no-message-id"} <= tokens
    reply = _tokens(message(headers="In-Reply-To: <a@partner.example>\r\n"))
    assert {"hdr:reply", "hdr:recipients:1"} <= reply


def test_alignment_says_whether_links_and_ids_belong_to_the_sender() -> None:
    own = _tokens(message(sender="News <news@shop.example>", message_id="<1@mta.shop.example>",
                          body="Order at https://www.shop.example/new",
                          headers="Return-Path: <bounce@shop.example>\r\n"))
    assert {"align:links-own", "align:mid-own", "align:envelope-own"} <= own
    other = _tokens(message(sender="PayPal <service@paypal.example>",
                            message_id="<x@bulk.example>", body="Log in http://evil.example/",
                            headers="Reply-To: claims@free.example\r\n"))
    assert {"align:links-other", "align:mid-other", "align:reply-to-other"} <= other


def test_bodies_in_chinese_legacy_charsets_are_decoded_before_bigramming() -> None:
    import base64

    for charset, text in (("gb2312", "代开增值税发票"), ("GBK", "代开增值税发票"),
                          ("big5", "代開發票優惠")):
        payload = base64.b64encode(text.encode(charset)).decode()
        raw = ("From: a@b.example\r\nTo: c@d.example\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
               f"Content-Type: text/plain; charset={charset}\r\n"
               f"Content-Transfer-Encoding: base64\r\n\r\n{payload}\r\n").encode()
        tokens = _tokens(raw)
        assert set(cjk_bigrams(text)) <= tokens, charset
