"""The rule set: each rule has a stable name (shown in `X-Spam-Report`), a score and a test
over `MessageFacts`. Scores follow the conventions of SpamAssassin's defaults (a single
weak sign is well under one point; only near-certain signs approach the junk threshold).

`evaluate` runs the content rules; `auth_hits` turns the SMTP edge's authentication results
into hits plus the least action a DMARC policy demands.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from api.mail.mime import find_part, has_reply_prefix, part_payload
from api.mail.spam.facts import (
    MessageFacts,
    domain_of,
    hostlike,
    is_ip,
    org_domain,
    userinfo_of,
)
from api.mail.spam.verdict import Action, Hit

log = logging.getLogger("mailplane.spam")

GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X"

EXECUTABLE_EXTENSIONS = frozenset({
    "exe", "scr", "pif", "com", "bat", "cmd", "cpl", "msi", "msp", "msc", "jar", "js", "jse",
    "vbs", "vbe", "wsf", "wsh", "wsc", "hta", "ps1", "psm1", "lnk", "reg", "inf", "scf",
    "gadget", "application", "appx", "iso", "img", "vhd", "vhdx", "dll", "sys", "chm", "apk",
})
MACRO_EXTENSIONS = frozenset({
    "docm", "dotm", "xlsm", "xltm", "xlam", "xlsb", "pptm", "potm", "ppam", "ppsm", "sldm",
})
DOCUMENT_EXTENSIONS = frozenset({
    "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt", "rtf", "jpg", "jpeg", "png",
    "gif", "zip", "rar", "htm", "html", "csv", "odt",
})
OLE_DOCUMENT_EXTENSIONS = frozenset({"doc", "xls", "ppt", "dot", "xlt", "pps"})
FREEMAIL = frozenset({
    "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "yahoo.co.jp", "yahoo.com.cn",
    "ymail.com", "hotmail.com", "outlook.com", "live.com", "msn.com", "aol.com", "icloud.com",
    "me.com", "mail.com", "gmx.com", "gmx.de", "gmx.net", "web.de", "yandex.ru", "yandex.com",
    "mail.ru", "protonmail.com", "proton.me", "zoho.com", "qq.com", "foxmail.com", "163.com",
    "126.com", "yeah.net", "sina.com", "sina.cn", "sohu.com", "aliyun.com", "139.com",
    "naver.com", "daum.net", "hanmail.net",
})
CN_INVOICE_PHRASES = (
    "代开发票", "发票代开", "代开增值税", "代开各类发票",
    "代開發票", "开具发票联系", "正规发票", "代理发票",
)

_VBA_MARKERS = (b"_\x00V\x00B\x00A\x00_\x00P\x00R\x00O\x00J\x00E\x00C\x00T\x00", b"vbaProject.bin")
_ADDRESS_IN_NAME = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
_AD_TAG = re.compile(r"^\s*[(\[（【<]?\s*(adv?|广告|廣告)\s*[)\]）】>:：]|广告|廣告", re.IGNORECASE)
_VOWELS = frozenset("aeiouy")
_CONSONANT_RUN = re.compile(r"[b-df-hj-np-tv-xz]{5,}")
_MIXED_ID = re.compile(r"[A-Za-z0-9@-]{8,}")
# ASCII letters are counted with bytes.translate (C speed; the body can be 20,000 characters)
_NOT_LATIN = bytes(b for b in range(256) if not chr(b).isascii() or not chr(b).isalpha())
_NOT_UPPER = bytes(b for b in range(256) if not (65 <= b <= 90))
MANY_RECIPIENTS = 20
_MAX_ARCHIVE_BYTES = 10 * 1024 * 1024
_MAX_SNIFF_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Rule:
    name: str
    score: float
    description: str
    test: Callable[[MessageFacts], bool]

    def hit(self) -> Hit:
        return Hit(self.name, self.score, self.description)


def _ext(filename: str) -> str:
    name = filename.strip().strip(".").lower()
    return name.rsplit(".", 1)[-1] if "." in name else ""


def _filenames(f: MessageFacts) -> list[str]:
    return [str(a.get("filename") or "") for a in f.attachments]


# --- headers -----------------------------------------------------------------------------


def _gtube(f: MessageFacts) -> bool:
    return GTUBE.encode() in f.raw or GTUBE in f.body_text


def _missing_date(f: MessageFacts) -> bool:
    return f.header("date") is None


def _invalid_date(f: MessageFacts) -> bool:
    return f.header("date") is not None and f.parsed.sent_at is None


def _future_date(f: MessageFacts) -> bool:
    sent = f.parsed.sent_at
    return sent is not None and sent > f.now + timedelta(hours=12)


def _missing_mid(f: MessageFacts) -> bool:
    return f.header("message-id") is None


def _invalid_mid(f: MessageFacts) -> bool:
    return f.header("message-id") is not None and "@" not in f.parsed.message_id


def _missing_from(f: MessageFacts) -> bool:
    return not f.from_address or "@" not in f.from_address


def _missing_to(f: MessageFacts) -> bool:
    return f.header("to") is None and f.header("cc") is None


def _missing_subject(f: MessageFacts) -> bool:
    return f.header("subject") is None


def _display_name_mismatch(f: MessageFacts) -> bool:
    """`"service@paypal.com" <x@evil.example>`: the name shows an address of another domain."""
    found = _ADDRESS_IN_NAME.search(f.parsed.from_name or "")
    if not found or not f.from_domain:
        return False
    return org_domain(found.group(1)) != org_domain(f.from_domain)


def _envelope_mismatch(f: MessageFacts) -> bool:
    envelope = domain_of(f.envelope_from)
    return bool(envelope and f.from_domain) and org_domain(envelope) != org_domain(f.from_domain)


def _replyto_freemail(f: MessageFacts) -> bool:
    for entry in f.parsed.reply_to:
        domain = domain_of(entry.get("address", ""))
        if domain in FREEMAIL and entry.get("address", "").lower() != f.from_address:
            return org_domain(domain) != org_domain(f.from_domain)
    return False


def _many_recipients(f: MessageFacts) -> bool:
    """Addresses pasted by the dozen into To/Cc (bulk senders that skip Bcc); real group
    mail goes to a list or group address instead."""
    return len(f.parsed.to) + len(f.parsed.cc) >= MANY_RECIPIENTS


def _fake_reply(f: MessageFacts) -> bool:
    return (has_reply_prefix(f.parsed.subject) and not f.parsed.in_reply_to
            and not f.parsed.references)


# --- subject and body ----------------------------------------------------------------------


def _shouting(text: str, minimum: int, share: float) -> bool:
    ascii_text = text.encode("ascii", "ignore")
    letters = len(ascii_text.translate(None, _NOT_LATIN))
    if letters < minimum:
        return False
    return len(ascii_text.translate(None, _NOT_UPPER)) / letters >= share


def _subject_caps(f: MessageFacts) -> bool:
    subject = f.parsed.subject
    return len(subject.split()) >= 2 and _shouting(subject, 10, 0.9)


def _subject_punct(f: MessageFacts) -> bool:
    subject = f.parsed.subject
    return bool(re.search(r"[!$?]{3,}", subject)) or subject.count("!") >= 3 \
        or subject.count("$") >= 3


def _random_tag(word: str) -> bool:
    """A letters-only word nobody would write: no vowel at all, or five consonants in a row."""
    lower = word.lower()
    return not (set(lower) & _VOWELS) or _CONSONANT_RUN.search(lower) is not None


def _subject_tracking_id(f: MessageFacts) -> bool:
    """A random tag at the end of the subject ("… hsdpr", "… FGTPRIL", "… 7126kyiK0-697yFCQ4277",
    "… - 982244611"), added to make every copy of a bulk mailing look different to checksum
    filters."""
    words = f.parsed.subject.strip().split()
    if len(words) < 2:
        return False
    last = words[-1].strip("[](){}<>.,!?-_:;*#|")
    if len(last) < 5:
        return False
    if last.isascii() and last.isalpha() and last.islower():
        return _random_tag(last)
    if last.isascii() and last.isalpha() and last.isupper():
        # Upper case: only longer than acronyms ("HTTPS") and after a subject that is not
        # itself shouted.
        rest = " ".join(words[:-1])
        return len(last) >= 6 and not _shouting(rest, 1, 0.6) and _random_tag(last)
    if last.isdigit():
        # Nine digits or more, after at least two words: longer than order or ticket numbers
        # usually are, and without the "#" or "No." that introduces those.
        return len(last) >= 9 and len(words) >= 3 and not words[-1].startswith("#") \
            and words[-2].lower().rstrip(".:") not in {"no", "nr", "number", "order", "ticket",
                                                       "case", "invoice", "ref"}
    if _MIXED_ID.fullmatch(last):
        counts = [sum(1 for c in last if test(c)) for test in (str.islower, str.isupper,
                                                              str.isdigit)]
        return min(counts) >= 2
    return False


def _subject_ad(f: MessageFacts) -> bool:
    return bool(_AD_TAG.search(f.parsed.subject))


def _body_shouting(f: MessageFacts) -> bool:
    return _shouting(f.body_text[:20_000], 200, 0.6)


def _cn_invoice(f: MessageFacts) -> bool:
    haystack = f.parsed.subject + "\n" + f.body_text[:50_000]
    return any(p in haystack for p in CN_INVOICE_PHRASES)


def _empty(f: MessageFacts) -> bool:
    return not f.body_text.strip() and not f.attachments and f.parsed.parse_status != "failed"


def _unparseable(f: MessageFacts) -> bool:
    return f.parsed.parse_status == "failed"


# --- HTML and links ------------------------------------------------------------------------


def _html_only(f: MessageFacts) -> bool:
    return bool(f.html) and not f.text


def _html_no_charset(f: MessageFacts) -> bool:
    """A bare `text/html` body that never says its charset: mail programs always label it,
    hand-rolled bulk mailers often do not."""
    ctype = (f.header("content-type") or "").lower()
    return ctype.split(";", 1)[0].strip() == "text/html" and "charset" not in ctype


def _html_image_only(f: MessageFacts) -> bool:
    return bool(f.html) and f.image_count >= 1 and len(f.html_text.strip()) < 300 \
        and not f.text.strip()


def _html_form(f: MessageFacts) -> bool:
    return f.form_count > 0


def _link_mismatch(f: MessageFacts) -> bool:
    """The visible text of a link shows one host and the link goes to another."""
    for link in f.anchors:
        shown = hostlike(link.text)
        target = link.host
        if shown and target and org_domain(shown) != org_domain(target):
            return True
    return False


def _url_ip(f: MessageFacts) -> bool:
    return any(is_ip(h) for h in f.url_hosts)


def _url_userinfo(f: MessageFacts) -> bool:
    return any(userinfo_of(u) for u in f.urls if u.lower().startswith(("http://", "https://")))


# --- attachments ---------------------------------------------------------------------------


def _executable(f: MessageFacts) -> bool:
    return any(_ext(n) in EXECUTABLE_EXTENSIONS for n in _filenames(f))


def _double_extension(f: MessageFacts) -> bool:
    for name in _filenames(f):
        parts = name.strip().lower().split(".")
        if len(parts) >= 3 and parts[-1] in EXECUTABLE_EXTENSIONS \
                and parts[-2].strip() in DOCUMENT_EXTENSIONS:
            return True
        if parts[-1] in EXECUTABLE_EXTENSIONS and re.search(r"\s{5,}", name):
            return True  # "invoice.pdf          .exe" hides the real extension
    return False


def _attachment_bytes(f: MessageFacts, part_id: str, limit: int) -> bytes | None:
    try:
        part = find_part(f.raw, part_id)
    except Exception:  # noqa: BLE001 - a broken MIME tree is not a rule failure
        return None
    if part is None:
        return None
    data = part_payload(part)
    return data if len(data) <= limit else None


def _macro_document(f: MessageFacts) -> bool:
    for att in f.attachments:
        ext = _ext(str(att.get("filename") or ""))
        if ext in MACRO_EXTENSIONS:
            return True
        if ext in OLE_DOCUMENT_EXTENSIONS or ext in {"docx", "xlsx", "pptx"}:
            data = _attachment_bytes(f, str(att.get("id")), _MAX_SNIFF_BYTES)
            if data and _has_vba(data, ext):
                return True
    return False


def _has_vba(data: bytes, ext: str) -> bool:
    if ext in {"docx", "xlsx", "pptx"} and data[:2] == b"PK":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return any(n.lower().endswith("vbaproject.bin") for n in archive.namelist())
        except (zipfile.BadZipFile, ValueError, OSError):
            return False
    return any(marker in data for marker in _VBA_MARKERS)


def _archive_executable(f: MessageFacts) -> bool:
    for att in f.attachments:
        name = str(att.get("filename") or "")
        if _ext(name) != "zip" and "zip" not in str(att.get("content_type", "")):
            continue
        data = _attachment_bytes(f, str(att.get("id")), _MAX_ARCHIVE_BYTES)
        if not data or data[:2] != b"PK":
            continue
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = archive.namelist()[:1000]
        except (zipfile.BadZipFile, ValueError, OSError):
            continue
        if any(_ext(n) in EXECUTABLE_EXTENSIONS for n in names):
            return True
    return False


RULES: tuple[Rule, ...] = (
    Rule("GTUBE", 1000.0, "Generic Test for Unsolicited Bulk Email", _gtube),
    Rule("MISSING_DATE", 1.0, "Missing Date: header", _missing_date),
    Rule("INVALID_DATE", 1.0, "Date: header not in RFC 5322 format", _invalid_date),
    Rule("DATE_IN_FUTURE", 1.5, "Date: is more than 12 hours in the future", _future_date),
    Rule("MISSING_MID", 0.5, "Missing Message-ID: header", _missing_mid),
    Rule("INVALID_MSGID", 0.5, "Message-ID: is not a valid id", _invalid_mid),
    Rule("MISSING_FROM", 2.0, "Missing or empty From: address", _missing_from),
    Rule("MISSING_TO", 0.2, "No To: or Cc: header", _missing_to),
    Rule("MISSING_SUBJECT", 0.5, "Missing Subject: header", _missing_subject),
    Rule("FROM_DISPLAY_MISMATCH", 1.0,
         "From: display name shows an address of another domain", _display_name_mismatch),
    Rule("ENVELOPE_FROM_MISMATCH", 0.1,
         "Envelope sender (Return-Path) domain differs from From: domain", _envelope_mismatch),
    Rule("REPLYTO_FREEMAIL", 1.5, "Reply-To: is a freemail address unlike From:",
         _replyto_freemail),
    Rule("MANY_RECIPIENTS", 0.5, f"{MANY_RECIPIENTS} or more addresses in To: and Cc:",
         _many_recipients),
    Rule("FAKE_REPLY", 0.3, "Subject says reply but the message replies to nothing",
         _fake_reply),
    Rule("SUBJ_ALL_CAPS", 1.0, "Subject is all capitals", _subject_caps),
    Rule("SUBJ_EXCESS_PUNCT", 0.5, "Subject has runs of !, ? or $", _subject_punct),
    Rule("SUBJ_AD_TAG", 1.0, "Subject is marked as an advertisement (AD / ADV / 广告)",
         _subject_ad),
    Rule("SUBJ_TRACKING_ID", 1.0, "Subject ends in a random tracking tag", _subject_tracking_id),
    Rule("BODY_SHOUTING", 0.8, "Body text is mostly capitals", _body_shouting),
    Rule("CN_INVOICE_SPAM", 2.5, "Offers to issue invoices (代开发票)", _cn_invoice),
    Rule("EMPTY_MESSAGE", 1.0, "Message has no text and no attachment", _empty),
    Rule("UNPARSEABLE", 1.0, "Message has no valid header block", _unparseable),
    Rule("MIME_HTML_ONLY", 0.5, "Message has HTML and no plain-text part", _html_only),
    Rule("MIME_HTML_NO_CHARSET", 0.4, "HTML body without a declared charset", _html_no_charset),
    Rule("HTML_IMAGE_ONLY", 1.5, "HTML with images and almost no text", _html_image_only),
    Rule("HTML_FORM", 0.3, "HTML contains a form", _html_form),
    Rule("LINK_TEXT_MISMATCH", 1.0, "Link text shows one host, the link goes to another",
         _link_mismatch),
    Rule("URL_NUMERIC_IP", 1.5, "Link to a numeric IP address", _url_ip),
    Rule("URL_USERINFO", 2.0, "Link hides its host behind user@ (http://bank@evil)",
         _url_userinfo),
    Rule("ATTACH_EXECUTABLE", 3.5, "Executable or script attachment", _executable),
    Rule("ATTACH_DOUBLE_EXT", 2.0, "Attachment hides an executable behind a double extension",
         _double_extension),
    Rule("ATTACH_MACRO_DOC", 2.0, "Office document with macros", _macro_document),
    Rule("ATTACH_ARCHIVE_EXEC", 3.0, "Archive attachment holds an executable",
         _archive_executable),
)


def evaluate(facts: MessageFacts, rules: tuple[Rule, ...] = RULES) -> list[Hit]:
    """The content rules that fire. A rule that fails on hostile input is logged and skipped:
    filtering must never stop mail flow."""
    hits: list[Hit] = []
    for rule in rules:
        try:
            fired = rule.test(facts)
        except Exception:  # noqa: BLE001
            log.exception("spam rule failed", extra={"fields": {"rule": rule.name}})
            continue
        if fired:
            hits.append(rule.hit())
    return hits


# --- authentication ----------------------------------------------------------------------


def _aligned(domain: str, from_domain: str) -> bool:
    return bool(domain and from_domain) and org_domain(domain) == org_domain(from_domain)


def authenticated_sender(facts: MessageFacts) -> bool:
    """Is the From: domain vouched for: DMARC pass, or an SPF/DKIM pass aligned with it?"""
    auth = facts.auth
    if auth.dmarc == "pass":
        return True
    if auth.dkim == "pass" and any(_aligned(d, facts.from_domain) for d in auth.dkim_domains):
        return True
    return auth.spf == "pass" and _aligned(domain_of(facts.envelope_from), facts.from_domain)


def auth_hits(facts: MessageFacts, own_domains: set[str] | frozenset[str] = frozenset()
              ) -> tuple[list[Hit], Action]:
    """Hits from SPF, DKIM and DMARC results, and the least action DMARC policy demands:
    quarantine → junk, reject → reject. Unknown results score nothing."""
    auth = facts.auth
    hits: list[Hit] = []
    floor: Action = "inbox"
    if auth.spf == "fail":
        hits.append(Hit("SPF_FAIL", 1.5, "SPF: the sending host is not allowed for the sender"))
    elif auth.spf == "softfail":
        hits.append(Hit("SPF_SOFTFAIL", 0.7, "SPF: the sending host is probably not allowed"))
    if auth.dkim == "fail":
        hits.append(Hit("DKIM_INVALID", 1.0, "DKIM signature present but does not verify"))
    elif auth.dkim == "pass" and any(_aligned(d, facts.from_domain) for d in auth.dkim_domains):
        hits.append(Hit("DKIM_VALID_AU", -0.2, "Valid DKIM signature from the author's domain"))
    if auth.dmarc == "fail":
        policy = auth.dmarc_policy or "none"
        if policy == "reject":
            hits.append(Hit("DMARC_REJECT", 5.0, "DMARC fails; the domain asks to reject"))
            floor = "reject"
        elif policy == "quarantine":
            hits.append(Hit("DMARC_QUARANTINE", 3.0, "DMARC fails; the domain asks to quarantine"))
            floor = "junk"
        else:
            hits.append(Hit("DMARC_FAIL", 2.0, "DMARC fails (policy none)"))
    elif auth.dmarc == "pass":
        hits.append(Hit("DMARC_PASS", -0.2, "DMARC passes"))
    if own_domains and auth.present and org_domain(facts.from_domain) in {
        org_domain(d) for d in own_domains
    } and not authenticated_sender(facts):
        hits.append(Hit("FROM_OWN_DOMAIN_UNAUTH", 3.0,
                        "From: claims this organisation's domain but is not authenticated"))
    return hits, floor
