"""The rule set fires on crafted messages, stays quiet on ordinary mail, and the verdict's
headers are safe to prepend whatever the message holds."""

from __future__ import annotations

import io
import zipfile

import pytest

from api.mail.spam import assess, facts_of
from api.mail.spam.rules import GTUBE
from tests.factories.spam import message

AUTHENTICATED = {"spf": "pass", "dkim": "pass", "dmarc": "pass",
                 "mail_from": "bounce@partner.example", "dkim_domains": ["partner.example"]}


def verdict(raw: bytes, auth: dict | None = None, **kw):  # type: ignore[no-untyped-def]
    return assess(facts_of(raw, None, auth), junk_threshold=5.0, reject_threshold=15.0, **kw)


def names(raw: bytes, auth: dict | None = None) -> set[str]:
    return {h.name for h in verdict(raw, auth).reasons}


def test_ordinary_business_mail_fires_no_content_rule() -> None:
    fired = names(message()) - {n for n in names(message()) if n.startswith("BAYES")}
    assert fired == set()
    assert verdict(message()).action == "inbox"


def test_gtube_is_refused_even_from_an_authenticated_sender() -> None:
    v = verdict(message(body=f"test\r\n{GTUBE}\r\n"), AUTHENTICATED)
    assert "GTUBE" in {h.name for h in v.reasons}
    assert v.action == "reject"
    assert v.score >= 15


@pytest.mark.parametrize(("kwargs", "rule"), [
    ({"date": ""}, "MISSING_DATE"),
    ({"date": "yesterday-ish"}, "INVALID_DATE"),
    ({"date": "Mon, 01 Apr 2199 10:00:00 +0000"}, "DATE_IN_FUTURE"),
    ({"message_id": None}, "MISSING_MID"),
    ({"message_id": "<no-at-sign>"}, "INVALID_MSGID"),
    ({"sender": ""}, "MISSING_FROM"),
    ({"to": ""}, "MISSING_TO"),
    ({"sender": '"service@paypal.com" <x@evil.example>'}, "FROM_DISPLAY_MISMATCH"),
    ({"headers": "Reply-To: winner@gmail.com\r\n"}, "REPLYTO_FREEMAIL"),
    ({"subject": "Re: your invoice"}, "FAKE_REPLY"),
    ({"subject": "MAKE MONEY FAST TODAY"}, "SUBJ_ALL_CAPS"),
    ({"subject": "You won!!! Claim now"}, "SUBJ_EXCESS_PUNCT"),
    ({"subject": "(AD) 新品上市"}, "SUBJ_AD_TAG"),
    ({"subject": "ADV: low mortgage rates"}, "SUBJ_AD_TAG"),
    ({"subject": "Lowest rates available hsdpr"}, "SUBJ_TRACKING_ID"),
    ({"subject": "Cheap meds 7126kyiK0-697yFCQ4277"}, "SUBJ_TRACKING_ID"),
    ({"subject": "you don't satisfy me FGTPRIL"}, "SUBJ_TRACKING_ID"),
    ({"subject": "WHAT HAPPENED TO YOU - 982244611"}, "SUBJ_TRACKING_ID"),
    ({"to": ", ".join(f"u{i}@list.example" for i in range(25))}, "MANY_RECIPIENTS"),
    ({"body": "BUY NOW AND SAVE BIG " * 20}, "BODY_SHOUTING"),
    ({"body": "本公司常年代开发票，增值税发票，联系王先生"}, "CN_INVOICE_SPAM"),
    ({"body": ""}, "EMPTY_MESSAGE"),
])
def test_header_and_text_rules_fire(kwargs: dict, rule: str) -> None:
    assert rule in names(message(**kwargs))


@pytest.mark.parametrize("subject", [
    "Re: PR #12345", "Order 1234567 shipped", "Working on rpm", "Invoice INV-2024-0001",
    "Meeting notes", "Lunch?", "项目进度", "Ad hoc meeting", "Advice needed",
    "Your order number 123456789", "Ticket #1234567890 updated", "Notes from the NYSE",
    "Move the site to HTTPS", "Budget review 2024",
])
def test_subject_rules_leave_ordinary_subjects_alone(subject: str) -> None:
    fired = names(message(subject=subject, headers="In-Reply-To: <x@y>\r\n"))
    assert not fired & {"SUBJ_ALL_CAPS", "SUBJ_EXCESS_PUNCT", "SUBJ_AD_TAG", "SUBJ_TRACKING_ID",
                        "FAKE_REPLY"}


@pytest.mark.parametrize(("subject", "fires"), [
    ("[ILUG] new kernel out", False),  # a list tag alone is a new post, not a reply
    ("[ILUG] Re: new kernel out", True),
    ("回复：会议纪要", True),
    ("Fwd: Re: budget", True),
])
def test_fake_reply_needs_a_reply_word_not_a_list_tag(subject: str, fires: bool) -> None:
    assert ("FAKE_REPLY" in names(message(subject=subject))) is fires


def test_html_body_without_a_charset_is_a_weak_sign() -> None:
    bare = (b"From: a@b.example\r\nTo: c@d.example\r\nSubject: hi\r\nDate: Mon, 01 Apr 2024 "
            b"10:00:00 +0000\r\nContent-Type: text/html\r\n\r\n<p>Great offer</p>\r\n")
    hit = next(h for h in verdict(bare).reasons if h.name == "MIME_HTML_NO_CHARSET")
    assert 0 < hit.score < 1
    labelled = bare.replace(b"text/html", b"text/html; charset=utf-8")
    assert "MIME_HTML_NO_CHARSET" not in names(labelled)


def test_a_team_of_a_dozen_in_to_and_cc_is_not_many_recipients() -> None:
    team = ", ".join(f"person{i}@acme.test" for i in range(12))
    assert "MANY_RECIPIENTS" not in names(message(to=team))


def test_envelope_sender_of_another_domain_is_a_weak_sign() -> None:
    v = verdict(message(), {"mail_from": "bounce@esp.example"})
    hit = next(h for h in v.reasons if h.name == "ENVELOPE_FROM_MISMATCH")
    assert 0 < hit.score < 1


def test_html_only_with_images_and_a_form() -> None:
    html = '<html><body><img src="http://x.example/a.gif"><form action="http://x.example">' \
           "<input name=pw></form></body></html>"
    fired = names(message(body="", html=html))
    assert {"MIME_HTML_ONLY", "HTML_IMAGE_ONLY", "HTML_FORM"} <= fired


def test_link_text_showing_another_host_fires_but_a_click_tracked_brand_does_not() -> None:
    phishing = '<a href="http://evil.example/login">https://www.paypal.com/signin</a>'
    tracked = '<a href="http://click.esp.example/q=1">Walmart.com</a>'
    same_site = '<a href="https://mail.paypal.com/x">https://www.paypal.com/</a>'
    assert "LINK_TEXT_MISMATCH" in names(message(html=phishing))
    assert "LINK_TEXT_MISMATCH" not in names(message(html=tracked))
    assert "LINK_TEXT_MISMATCH" not in names(message(html=same_site))


def test_links_to_numeric_ips_and_hidden_hosts() -> None:
    assert "URL_NUMERIC_IP" in names(message(body="Log in at http://192.0.2.7/bank now"))
    assert "URL_USERINFO" in names(message(body="Visit http://www.bank.example@evil.example/"))


def _zip(*names_: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        for name in names_:
            archive.writestr(name, b"MZ payload")
    return buf.getvalue()


@pytest.mark.parametrize(("attachment", "rules"), [
    (("setup.exe", b"MZ"), {"ATTACH_EXECUTABLE"}),
    (("invoice.js", b"var a"), {"ATTACH_EXECUTABLE"}),
    (("screensaver.scr", b"MZ"), {"ATTACH_EXECUTABLE"}),
    (("invoice.pdf.exe", b"MZ"), {"ATTACH_EXECUTABLE", "ATTACH_DOUBLE_EXT"}),
    (("report.docm", b"PK"), {"ATTACH_MACRO_DOC"}),
    (("legacy.doc", b"\xd0\xcf\x11\xe0" + "_VBA_PROJECT".encode("utf-16-le")),
     {"ATTACH_MACRO_DOC"}),
    (("photos.zip", _zip("holiday.jpg", "viewer.exe")), {"ATTACH_ARCHIVE_EXEC"}),
])
def test_suspicious_attachments(attachment: tuple[str, bytes], rules: set[str]) -> None:
    assert rules <= names(message(attachments=[attachment]))


@pytest.mark.parametrize("attachment", [
    ("minutes.pdf", b"%PDF-1.4"), ("plain.doc", b"\xd0\xcf\x11\xe0 no macros here"),
    ("photos.zip", _zip("a.jpg", "b.png")), ("broken.zip", b"PK\x03\x04 not really"),
])
def test_harmless_attachments_fire_no_attachment_rule(attachment: tuple[str, bytes]) -> None:
    assert not {n for n in names(message(attachments=[attachment])) if n.startswith("ATTACH")}


@pytest.mark.parametrize(("auth", "rule", "least"), [
    ({"spf": "fail"}, "SPF_FAIL", "inbox"),
    ({"spf": {"result": "softfail"}}, "SPF_SOFTFAIL", "inbox"),
    ({"dkim": "fail"}, "DKIM_INVALID", "inbox"),
    ({"dmarc": "fail", "dmarc_policy": "none"}, "DMARC_FAIL", "inbox"),
    ({"dmarc": "fail", "dmarc_policy": "quarantine"}, "DMARC_QUARANTINE", "junk"),
    ({"dmarc": "fail", "dmarc_policy": "reject"}, "DMARC_REJECT", "reject"),
])
def test_authentication_failures_score_and_dmarc_policy_sets_the_least_action(
    auth: dict, rule: str, least: str
) -> None:
    v = verdict(message(), auth)
    assert rule in {h.name for h in v.reasons}
    order = ["inbox", "junk", "reject"]
    assert order.index(v.action) >= order.index(least)


def test_passing_authentication_lowers_the_score() -> None:
    plain = verdict(message())
    signed = verdict(message(), AUTHENTICATED)
    assert signed.score < plain.score
    assert {"DKIM_VALID_AU", "DMARC_PASS"} <= {h.name for h in signed.reasons}


def test_unknown_authentication_results_never_count_as_failures() -> None:
    v = verdict(message(), {"spf": "none", "dkim": "none", "dmarc": "none"})
    assert not {h.name for h in v.reasons} & {"SPF_FAIL", "DKIM_INVALID", "DMARC_FAIL"}


def test_mail_claiming_the_organisations_own_domain_without_authentication() -> None:
    raw = message(sender="CEO <ceo@acme.test>")
    v = verdict(raw, {"spf": "fail", "mail_from": "x@elsewhere.example"},
                own_domains={"acme.test"})
    assert "FROM_OWN_DOMAIN_UNAUTH" in {h.name for h in v.reasons}
    ok = verdict(raw, {"spf": "pass", "dmarc": "pass", "mail_from": "ceo@acme.test"},
                 own_domains={"acme.test"})
    assert "FROM_OWN_DOMAIN_UNAUTH" not in {h.name for h in ok.reasons}


def test_headers_are_ascii_single_lines_even_for_hostile_messages() -> None:
    hostile = message(subject="x\r\nX-Spam-Status: No\r\nBcc: victim@example",
                      sender="\"\r\nInjected: yes\" <a@b.example>",
                      body=f"{GTUBE} \u202e\x00")
    v = verdict(hostile)
    assert [n for n, _ in v.headers] == ["X-Spam-Status", "X-Spam-Score", "X-Spam-Report"]
    for _, value in v.headers:
        assert value.isascii() and "\r" not in value and "\n" not in value
        assert len(value) < 998
    block = v.header_bytes()
    assert block.count(b"\r\n") == 3 and block.startswith(b"X-Spam-Status: Yes, score=")
    assert b"Injected" not in block and b"victim" not in block


def test_a_rule_that_crashes_is_skipped_not_fatal() -> None:
    from api.mail.spam import rules

    def boom(_facts):  # type: ignore[no-untyped-def]
        raise RuntimeError("bug")

    broken = (rules.Rule("BROKEN", 9.0, "always fails", boom), *rules.RULES[:3])
    hits = rules.evaluate(facts_of(message(), None, None), broken)
    assert "BROKEN" not in {h.name for h in hits}


@pytest.mark.parametrize("raw", [b"", b"\x00\xff" * 100, b"not a message at all",
                                 b"Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n"])
def test_garbage_input_gets_a_verdict_never_an_exception(raw: bytes) -> None:
    v = verdict(raw)
    assert v.action in ("inbox", "junk", "reject")
