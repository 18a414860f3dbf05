"""Turn a message into the hashed tokens the statistical classifier counts.

- Latin-script text: lower-cased words of 2–20 characters; longer ones become a
  `skip:<first letter><length bucket>` token, long digit runs a `num:<length>` token.
- Han, Kana and Hangul runs: overlapping character bigrams (a lone character is kept as
  itself), the usual answer for languages written without spaces. Text is NFKC-normalised
  first, so full-width Latin and half-width Katakana read like their plain forms.
- Headers that describe the sender: Subject words (prefixed `s:`), the From display
  name (`fn:`), From and Reply-To domains, the mailer's name.
- Links: hosts and their registrable domains (`url:`), path words (`up:`), and whether a
  link goes to a numeric IP, names a port or carries a query; e-mail domains in the body
  (`email:`).
- Signs of how the message is put together, each a fixed word rather than message content:
  HTML without a text alternative, pictures instead of text, hidden text (`html:`);
  attachments' types and extensions (`att:`); the recipient count, priority, a digit-laden
  sender name and whether it is a reply (`hdr:`); whether links, the Message-ID, the
  envelope sender and Reply-To belong to the From domain (`align:`).

Transport headers (Received hosts, Delivered-To, list headers, dates) and the top-level MIME
structure (content types, charsets, transfer encodings) are left out on purpose: in a
training corpus they describe how the corpus was collected (mailing-list ham is plain
text, so "multipart/mixed" or "base64" would read as spam; its Chinese mail is all spam,
so "charset=gb2312" would too), not what spam is. The rules look at structure instead.

Tokens are hashed (BLAKE2b, 64 bits) into `BUCKETS` buckets; the model and the per-
organisation tables store bucket numbers, never words.
"""

from __future__ import annotations

import re
from hashlib import blake2b
from urllib.parse import unquote, urlsplit

from api.mail.spam.facts import MessageFacts, domain_of, is_ip, org_domain

BUCKET_BITS = 22
BUCKETS = 1 << BUCKET_BITS
MAX_TOKENS = 4000
MAX_TEXT_CHARS = 100_000

# Han (incl. extension A and compatibility), Hiragana, Katakana, Hangul syllables and Jamo.
_CJK = (
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff"
    "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"
)
_CJK_RUN = re.compile(f"[{_CJK}]+")
_WORD = re.compile(r"[$€£¥]?[^\W_][\w'$%€£¥.,!-]*")
_TRIM = ".,!'-"
_PATH_SPLIT = re.compile(r"[/._=&?+;:~%-]+")
#: Markup that hides text from the reader while filters still read it.
_HIDDEN = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden"
    r"|font-size\s*:\s*(?:0|1px)\b|<font[^>]*\bsize\s*=\s*[\"']?0\b",
    re.IGNORECASE,
)
MAX_URLS = 100
MAX_PATH_WORDS = 8


def _words(text: str, prefix: str = "") -> list[str]:
    out: list[str] = []
    for match in _WORD.finditer(text):
        word = match.group(0).strip(_TRIM).lower()
        if not word:
            continue
        if word.isdigit():
            out.append(f"{prefix}num:{len(word)}" if len(word) > 4 else prefix + word)
        elif len(word) > 20:
            out.append(f"{prefix}skip:{word[0]}{len(word) // 10 * 10}")
        elif len(word) >= 2:
            out.append(prefix + word)
    return out


def cjk_bigrams(text: str, prefix: str = "") -> list[str]:
    out: list[str] = []
    for run in _CJK_RUN.findall(text):
        if len(run) == 1:
            out.append(prefix + run)
            continue
        out.extend(prefix + run[i : i + 2] for i in range(len(run) - 1))
    return out


def text_tokens(text: str, prefix: str = "") -> list[str]:
    """Words for alphabetic scripts, bigrams for CJK runs (both from the same text)."""
    text = text[:MAX_TEXT_CHARS]
    latin = _CJK_RUN.sub(" ", text)
    return _words(latin, prefix) + cjk_bigrams(text, prefix)


def _domain_tokens(prefix: str, host: str) -> list[str]:
    if not host:
        return []
    base = org_domain(host)
    return [f"{prefix}{host}"] + ([f"{prefix}{base}"] if base != host else [])


def url_tokens(url: str) -> list[str]:
    """Host, registrable domain, path words and shape of one http(s) link."""
    text = url.strip()
    if text.lower().startswith("www."):
        text = "http://" + text
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").lower().rstrip(".")
    except ValueError:
        return []
    if parts.scheme.lower() not in ("http", "https") or not host:
        return []
    out = ["url:ip"] if is_ip(host) else _domain_tokens("url:", host)
    try:
        if parts.port is not None:
            out.append("url:port")
    except ValueError:
        out.append("url:badport")
    if "@" in parts.netloc:
        out.append("url:userinfo")
    words = [w for w in _PATH_SPLIT.split(unquote(parts.path).lower()) if w]
    for word in words[:MAX_PATH_WORDS]:
        if word.isdigit():
            out.append(f"up:num:{len(word)}" if len(word) > 4 else "up:" + word)
        elif len(word) > 20:
            out.append(f"up:skip:{len(word) // 10 * 10}")
        else:
            out.append("up:" + word)
    if parts.query:
        out.append("url:query")
    return out


def html_tokens(facts: MessageFacts) -> list[str]:
    """HTML habits of bulk senders: no text alternative, pictures instead of words, text
    hidden from the reader. HTML as such is no clue (most mail is HTML today; a corpus of
    plain-text mailing lists would teach otherwise), so nothing is said of ordinary HTML."""
    if not facts.html:
        return []
    out: list[str] = []
    if not facts.text.strip():
        out.append("html:only")
        if facts.image_count and len(facts.html_text.strip()) < 400:
            out.append(f"html:images-no-text:{min(facts.image_count, 3)}")
    if _HIDDEN.search(facts.html):
        out.append("html:hidden-text")
    return out


def attachment_tokens(facts: MessageFacts) -> list[str]:
    out: list[str] = []
    for att in facts.attachments[:10]:
        out.append("att:" + str(att.get("content_type") or "")[:60].lower())
        name = str(att.get("filename") or "").strip().lower()
        if "." in name:
            out.append("att:." + name.rsplit(".", 1)[-1][:10])
    return out


def header_tokens(facts: MessageFacts) -> list[str]:
    """Shapes of the header block (never its values): recipients, priority, reply or not."""
    parsed = facts.parsed
    out = [f"hdr:priority:{parsed.priority}"]
    recipients = len(parsed.to) + len(parsed.cc)
    out.append("hdr:recipients:" + ("0" if recipients == 0 else "1" if recipients == 1
                                    else "few" if recipients < 10 else "many"))
    if parsed.in_reply_to or parsed.references:
        out.append("hdr:reply")
    if facts.header("message-id") is None:
        out.append("hdr:no-message-id")
    if re.search(r"\d{3,}", facts.from_address.partition("@")[0]):
        out.append("hdr:from-digits")
    return out


def alignment_tokens(facts: MessageFacts) -> list[str]:
    """Whether the links, the Message-ID and the envelope sender belong to the From domain."""
    own = org_domain(facts.from_domain) if facts.from_domain else ""
    if not own:
        return ["align:no-from"]
    out: list[str] = []
    hosts = {org_domain(h) for h in facts.url_hosts[:MAX_URLS] if not is_ip(h)}
    if hosts:
        out.append("align:links-own" if own in hosts else "align:links-other")
    mid = facts.parsed.message_id.rpartition("@")[2].strip("<>").lower()
    if mid:
        out.append("align:mid-own" if org_domain(mid) == own else "align:mid-other")
    envelope = domain_of(facts.envelope_from)
    if envelope:
        out.append("align:envelope-own" if org_domain(envelope) == own
                   else "align:envelope-other")
    for entry in facts.parsed.reply_to[:1]:
        reply = domain_of(entry.get("address", ""))
        if reply and org_domain(reply) != own:
            out.append("align:reply-to-other")
    return out


def token_strings(facts: MessageFacts) -> list[str]:
    """The distinct token strings of a message, in first-seen order, at most MAX_TOKENS."""
    parsed = facts.parsed
    tokens: list[str] = []
    tokens += text_tokens(parsed.subject, "s:")
    tokens += text_tokens(parsed.from_name, "fn:")
    tokens += _domain_tokens("fd:", facts.from_domain)
    for entry in parsed.reply_to[:3]:
        tokens += _domain_tokens("rd:", domain_of(entry.get("address", "")))
    mailer = facts.header("x-mailer") or facts.header("user-agent")
    if mailer:
        tokens += _words(mailer, "xm:")[:10]
    tokens += header_tokens(facts)
    tokens += alignment_tokens(facts)
    tokens += html_tokens(facts)
    tokens += attachment_tokens(facts)
    for url in facts.urls[:MAX_URLS]:
        tokens += url_tokens(url)
    body = facts.body_text
    if facts.text and facts.html_text:
        body = body + "\n" + facts.html_text[:MAX_TEXT_CHARS // 4]
    for domain in re.findall(r"@([\w-]+(?:\.[\w-]+)+)", body[:MAX_TEXT_CHARS])[:50]:
        tokens.append("email:" + org_domain(domain.lower()))
    tokens += text_tokens(body)
    return list(dict.fromkeys(tokens))[:MAX_TOKENS]


def bucket(token: str) -> int:
    digest = blake2b(token.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little") & (BUCKETS - 1)


def has_cjk(token: str) -> bool:
    return _CJK_RUN.search(token) is not None


def token_buckets(facts: MessageFacts) -> list[int]:
    """The distinct hashed tokens of a message (sorted)."""
    return sorted({bucket(t) for t in token_strings(facts)})
