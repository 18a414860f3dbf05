"""What the rules and the tokenizer read from one message, worked out once: addresses and
domains, links (with their visible text), images, attachments and authentication results."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

from api.mail.mime import ParsedMessage, html_to_text

#: Bound the work on hostile input: only this much of each body is looked at.
MAX_BODY_CHARS = 200_000
MAX_LINKS = 500

_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"'()\[\]{}]+", re.IGNORECASE)
_ADDRESS = re.compile(r"[\w.+'-]+@([\w-]+(?:\.[\w-]+)+)", re.UNICODE)
_HOSTLIKE = re.compile(r"^(?:https?://|www\.)(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?:[/:?#]|$)",
                       re.IGNORECASE)
_SECOND_LEVEL = {"co", "com", "net", "org", "gov", "edu", "ac", "or", "ne", "go", "gob", "mil"}


def org_domain(host: str) -> str:
    """The registrable part of a host name (`mail.example.co.uk` → `example.co.uk`), by a
    small heuristic instead of the public suffix list: good enough to compare senders."""
    labels = [x for x in host.lower().strip(".").split(".") if x]
    if len(labels) <= 2:
        return ".".join(labels)
    if len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def domain_of(address: str) -> str:
    return address.rpartition("@")[2].strip().strip(">").lower().rstrip(".") if "@" in address \
        else ""


def is_ip(host: str) -> bool:
    if re.fullmatch(r"\d{1,3}(?:\.\d{1,3}){3}", host):
        return True
    return host.startswith("[") or (":" in host and re.fullmatch(r"[0-9a-f:]+", host) is not None)


@dataclass
class Link:
    href: str
    text: str = ""

    @cached_property
    def host(self) -> str:
        return host_of(self.href)


def host_of(url: str) -> str:
    url = url.strip()
    if url.lower().startswith("www."):
        url = "http://" + url
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https"):
        return ""
    return host.lower().rstrip(".")


def userinfo_of(url: str) -> str:
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    return parts.username or ""


class _HtmlScan(HTMLParser):
    """Anchors with their visible text, image count, and whether there is a form."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[Link] = []
        self.images = 0
        self.forms = 0
        self._open: list[Link] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = next((v for k, v in attrs if k == "href" and v), None)
            if href is not None and len(self.links) < MAX_LINKS:
                link = Link(href.strip())
                self.links.append(link)
                self._open.append(link)
        elif tag == "img":
            self.images += 1
        elif tag == "form":
            self.forms += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._open:
            link = self._open[-1]
            if len(link.text) < 300:
                link.text += data


@dataclass
class AuthFacts:
    """Authentication results as the SMTP edge reports them, normalised to lower case.

    Accepted shapes: `{"spf": "pass"}` or `{"spf": {"result": "pass", "domain": ...}}`;
    keys spf, dkim, dmarc, dmarc_policy, mail_from, dkim_domains (passing d= domains),
    client_ip, helo. Anything missing is unknown, never a failure."""

    spf: str | None = None
    dkim: str | None = None
    dmarc: str | None = None
    dmarc_policy: str | None = None
    mail_from: str = ""
    dkim_domains: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, results: dict[str, Any] | None) -> AuthFacts:
        data = {str(k).lower(): v for k, v in (results or {}).items()}

        def result(key: str) -> str | None:
            value = data.get(key)
            if isinstance(value, dict):
                value = value.get("result")
            return str(value).strip().lower() if value not in (None, "") else None

        dkim_domains = data.get("dkim_domains") or []
        dkim = data.get("dkim")
        if isinstance(dkim, dict) and dkim.get("domain") and result("dkim") == "pass":
            dkim_domains = [*dkim_domains, dkim["domain"]]
        policy = data.get("dmarc_policy")
        dmarc = data.get("dmarc")
        if policy is None and isinstance(dmarc, dict):
            policy = dmarc.get("policy")
        return cls(
            spf=result("spf"), dkim=result("dkim"), dmarc=result("dmarc"),
            dmarc_policy=str(policy).lower() if policy else None,
            mail_from=str(data.get("mail_from") or data.get("envelope_from") or "").lower(),
            dkim_domains=[str(d).lower().rstrip(".") for d in dkim_domains
                          if isinstance(d, str)],
        )

    @property
    def present(self) -> bool:
        return any(v is not None for v in (self.spf, self.dkim, self.dmarc))


@dataclass
class MessageFacts:
    raw: bytes
    parsed: ParsedMessage
    auth: AuthFacts
    now: datetime

    @cached_property
    def header_map(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for name, value in self.parsed.headers:
            out.setdefault(name.lower(), []).append(value)
        return out

    def header(self, name: str) -> str | None:
        values = self.header_map.get(name.lower())
        return values[0] if values else None

    @cached_property
    def from_address(self) -> str:
        return self.parsed.from_address.lower()

    @cached_property
    def from_domain(self) -> str:
        return domain_of(self.from_address)

    @cached_property
    def envelope_from(self) -> str:
        """The SMTP MAIL FROM, or the Return-Path the delivering server recorded."""
        if self.auth.mail_from:
            return self.auth.mail_from.strip("<>")
        rp = self.header("return-path") or ""
        found = _ADDRESS.search(rp)
        return found.group(0).lower() if found else ""

    @cached_property
    def text(self) -> str:
        return unicodedata.normalize("NFKC", (self.parsed.text or "")[:MAX_BODY_CHARS])

    @cached_property
    def html(self) -> str:
        return (self.parsed.html or "")[:MAX_BODY_CHARS]

    @cached_property
    def html_text(self) -> str:
        return unicodedata.normalize("NFKC", html_to_text(self.html)) if self.html else ""

    @cached_property
    def body_text(self) -> str:
        """What a reader sees: the plain part, else the HTML rendered to text."""
        return self.text or self.html_text

    @cached_property
    def _html_scan(self) -> _HtmlScan:
        scan = _HtmlScan()
        if self.html:
            try:
                scan.feed(self.html)
                scan.close()
            except Exception:  # noqa: BLE001 - malformed markup yields what was read so far
                pass
        return scan

    @cached_property
    def anchors(self) -> list[Link]:
        return self._html_scan.links

    @cached_property
    def image_count(self) -> int:
        return self._html_scan.images

    @cached_property
    def form_count(self) -> int:
        return self._html_scan.forms

    @cached_property
    def urls(self) -> list[str]:
        found = [a.href for a in self.anchors]
        for source in (self.text, self.html_text):
            found.extend(m.group(0).rstrip(".,;:!?") for m in _URL.finditer(source))
            if len(found) > MAX_LINKS:
                break
        return list(dict.fromkeys(found))[:MAX_LINKS]

    @cached_property
    def url_hosts(self) -> list[str]:
        return list(dict.fromkeys(h for h in (host_of(u) for u in self.urls) if h))

    @cached_property
    def attachments(self) -> list[dict[str, Any]]:
        return [a for a in self.parsed.attachments if not a.get("calendar")]


def hostlike(text: str) -> str | None:
    """The host name a piece of link text shows when it reads as a URL ("http://…",
    "www.…"). Bare brand names ("Walmart.com") are not counted: newsletters link those
    through click trackers all the time."""
    found = _HOSTLIKE.match(text.strip())
    if not found:
        return None
    host = found.group(1).lower().rstrip(".")
    tld = host.rsplit(".", 1)[-1]
    # "v1.2" or "file.txt" are not host names: require a letter-only TLD of 2+ letters
    if not tld.isalpha() or len(tld) < 2 or tld in {"txt", "pdf", "doc", "jpg", "png", "gif",
                                                       "html", "htm", "php", "asp", "exe"}:
        return None
    return host
