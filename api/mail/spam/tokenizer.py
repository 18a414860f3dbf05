"""Turn a message into the hashed tokens the statistical classifier counts.

- Latin-script text: lower-cased words of 2–20 characters; longer ones become a
  `skip:<first letter><length bucket>` token, long digit runs a `num:<length>` token.
- Han, Kana and Hangul runs: overlapping character bigrams (a lone character is kept as
  itself), the usual answer for languages written without spaces. Text is NFKC-normalised
  first, so full-width Latin and half-width Katakana read like their plain forms.
- Headers that describe the sender: Subject words (prefixed `s:`), the From display
  name (`fn:`), From and Reply-To domains, the mailer's name.
- URL hosts and their registrable domains (`url:`), e-mail domains in the body (`email:`).

Transport headers (Received, Return-Path, Delivered-To, list headers, dates, ids) and the
MIME structure (content types, charsets, transfer encodings) are left out on purpose: in a
training corpus they describe how the corpus was collected (mailing-list ham is plain
text, so "multipart/mixed" or "base64" would read as spam), not what spam is. The rules
look at structure instead.

Tokens are hashed (BLAKE2b, 64 bits) into `BUCKETS` buckets; the model and the per-
organisation tables store bucket numbers, never words.
"""

from __future__ import annotations

import re
from hashlib import blake2b

from api.mail.spam.facts import MessageFacts, domain_of, org_domain

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
    for host in facts.url_hosts[:100]:
        tokens += _domain_tokens("url:", host)
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
