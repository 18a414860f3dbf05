"""DKIM verification of inbound mail (RFC 6376) with dkimpy; keys fetched through the edge's
DNS view. `rsa-sha1` signatures are never a pass (RFC 8301)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import dkim

from api.directory import DnsUnavailable, Lookup

MAX_SIGNATURES = 5
_HEADER = re.compile(rb"^dkim-signature[ \t]*:", re.IGNORECASE)
_quiet = logging.getLogger("mailplane.dkim")
_quiet.addHandler(logging.NullHandler())
_quiet.propagate = False


@dataclass(frozen=True)
class DkimOutcome:
    result: str  # pass | fail | neutral | temperror | permerror
    domain: str
    selector: str
    algorithm: str
    detail: str = ""


def _header_block(raw: bytes) -> bytes:
    for sep in (b"\r\n\r\n", b"\n\n"):
        at = raw.find(sep)
        if at != -1:
            return raw[:at]
    return raw


def signature_tags(raw: bytes) -> list[dict[str, str]]:
    """The tags of each DKIM-Signature header, in header order."""
    out: list[dict[str, str]] = []
    current: list[bytes] | None = None
    for line in re.split(rb"\r?\n", _header_block(raw)):
        if line[:1] in (b" ", b"\t") and current is not None:
            current.append(line)
            continue
        if current is not None:
            out.append(_tags(b"".join(current)))
            current = None
        if _HEADER.match(line):
            current = [line.split(b":", 1)[1]]
    if current is not None:
        out.append(_tags(b"".join(current)))
    return out


def _tags(value: bytes) -> dict[str, str]:
    tags: dict[str, str] = {}
    for part in value.decode("ascii", "replace").split(";"):
        name, sep, tag_value = part.partition("=")
        if sep:
            tags[name.strip().lower()] = "".join(tag_value.split())
    return tags


async def check_dkim(lookup: Lookup, raw: bytes) -> list[DkimOutcome]:
    """One outcome per DKIM-Signature (at most five); [] when the message is unsigned."""
    signatures = signature_tags(raw)[:MAX_SIGNATURES]
    if not signatures:
        return []
    keys: dict[bytes, bytes | None] = {}
    failures: dict[bytes, str] = {}
    for tags in signatures:
        domain, selector = tags.get("d", ""), tags.get("s", "")
        if not domain or not selector:
            continue
        name = f"{selector}._domainkey.{domain}".lower().encode()
        if name in keys or name in failures:
            continue
        try:
            texts = await lookup.txt(name.decode())
            keys[name] = texts[0].encode() if texts else None
        except DnsUnavailable as exc:
            failures[name] = exc.detail

    def dnsfunc(name: bytes, timeout: int = 5) -> bytes | None:
        return keys.get(name.lower().rstrip(b"."))

    verifier = dkim.DKIM(raw, logger=_quiet, minkey=1024)
    out: list[DkimOutcome] = []
    for index, tags in enumerate(signatures):
        domain, selector = tags.get("d", "").lower(), tags.get("s", "")
        algorithm = tags.get("a", "").lower()
        name = f"{selector}._domainkey.{domain}".lower().encode()
        if not domain or not selector:
            out.append(DkimOutcome("permerror", domain, selector, algorithm, "missing d= or s="))
            continue
        if name in failures:
            out.append(DkimOutcome("temperror", domain, selector, algorithm, failures[name]))
            continue
        if keys.get(name) is None:
            out.append(DkimOutcome("permerror", domain, selector, algorithm, "no key published"))
            continue
        try:
            ok = verifier.verify(index, dnsfunc=dnsfunc)
        except dkim.DKIMException as exc:
            out.append(DkimOutcome("permerror", domain, selector, algorithm, str(exc)[:200]))
            continue
        except Exception as exc:  # noqa: BLE001  (hostile input must never break intake)
            out.append(DkimOutcome("permerror", domain, selector, algorithm, type(exc).__name__))
            continue
        if algorithm == "rsa-sha1":
            out.append(DkimOutcome("fail", domain, selector, algorithm,
                                   "rsa-sha1 is not accepted (RFC 8301)"))
        elif ok:
            out.append(DkimOutcome("pass", domain, selector, algorithm))
        else:
            out.append(DkimOutcome("fail", domain, selector, algorithm, "signature did not verify"))
    return out
