"""SPF (RFC 7208): evaluate `check_host()` for an IP, and analyse a record's whole tree.

`evaluate` follows include and redirect, counts DNS-querying terms (include, a, mx, ptr,
exists, redirect) against the limit of 10 and void lookups against 2, expands macros, and
returns pass | fail | softfail | neutral | none | permerror | temperror.
`analyse` counts the lookups of every branch, as receivers evaluating other senders would
meet them (checkdmarc-style): more than 10 is permerror even when one branch passes early.
"""

from __future__ import annotations

import ipaddress
import re
import urllib.parse
from dataclasses import dataclass, field

from api.directory.dns.resolver import DnsUnavailable, Lookup, host_text

MAX_LOOKUPS = 10
MAX_VOID_LOOKUPS = 2
MAX_MX_OR_PTR_NAMES = 10

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

QUALIFIERS = {"+": "pass", "-": "fail", "~": "softfail", "?": "neutral"}
LOOKUP_MECHANISMS = {"include", "a", "mx", "ptr", "exists"}
MECHANISMS = LOOKUP_MECHANISMS | {"all", "ip4", "ip6"}
_MODIFIER = re.compile(r"^([a-zA-Z][a-zA-Z0-9\-_.]*)=(.*)$")
_MECHANISM = re.compile(r"^([+\-~?]?)([a-zA-Z0-9]+)(?:([:/])(.*))?$", re.DOTALL)
_MACRO = re.compile(r"%\{([slodipvhcrtSLODIPVHCRT])(\d*)(r?)([.\-+,/_=]*)\}|%%|%_|%-|%")


class PermError(Exception):
    """The record is broken: receivers treat the message as unauthenticated."""


class TempError(Exception):
    """A DNS failure: receivers defer."""


@dataclass
class SpfResult:
    result: str
    detail: str = ""
    lookups: int = 0
    record: str | None = None


@dataclass
class _State:
    ip: IPAddress
    sender: str
    helo: str
    lookups: int = 0
    void: int = 0
    trail: list[str] = field(default_factory=list)

    def count(self, term: str) -> None:
        self.lookups += 1
        if self.lookups > MAX_LOOKUPS:
            raise PermError(f"more than {MAX_LOOKUPS} DNS lookups (at {term})")

    def void_lookup(self, name: str) -> None:
        self.void += 1
        if self.void > MAX_VOID_LOOKUPS:
            raise PermError(f"more than {MAX_VOID_LOOKUPS} void DNS lookups (at {name})")


@dataclass
class _Record:
    text: str
    directives: list[tuple[str, str, str | None]]  # (qualifier, mechanism, argument)
    redirect: str | None
    explanation: str | None


def is_spf(text: str) -> bool:
    lowered = text.lower()
    return lowered == "v=spf1" or lowered.startswith("v=spf1 ")


def parse_record(text: str) -> _Record:
    """Split an SPF record into directives and modifiers; syntax errors are PermError."""
    directives: list[tuple[str, str, str | None]] = []
    redirect = explanation = None
    for term in text.split()[1:]:
        modifier = _MODIFIER.match(term)
        if modifier and not term.lower().startswith(("ip4:", "ip6:")):
            name, value = modifier.group(1).lower(), modifier.group(2)
            if name == "redirect":
                if redirect is not None:
                    raise PermError("redirect= appears twice")
                redirect = value
            elif name == "exp":
                if explanation is not None:
                    raise PermError("exp= appears twice")
                explanation = value
            continue  # unknown modifiers are ignored (RFC 7208 6)
        mech = _MECHANISM.match(term)
        if not mech:
            raise PermError(f"unparseable term {term!r}")
        qualifier, name, sep, rest = mech.groups()
        name = name.lower()
        if name not in MECHANISMS:
            raise PermError(f"unknown mechanism {term!r}")
        arg = None if sep is None else (rest if sep == ":" else "/" + rest)
        if name == "all" and arg is not None:
            raise PermError(f"'all' takes no argument: {term!r}")
        if name in ("include", "exists", "ip4", "ip6") and (not arg or arg.startswith("/")):
            raise PermError(f"{name} needs a value: {term!r}")
        directives.append((qualifier or "+", name, arg))
    return _Record(text, directives, redirect, explanation)


def _split_cidr(arg: str | None) -> tuple[str | None, int | None, int | None]:
    """`example.com/24//64` -> ("example.com", 24, 64); the domain part may be absent."""
    if arg is None:
        return None, None, None
    domain, v4, v6 = arg, None, None
    if "//" in domain:
        domain, _, six = domain.rpartition("//")
        v6 = _cidr(six, 128)
    match = re.search(r"/(\d+)$", domain)
    if match:
        v4 = _cidr(match.group(1), 32)
        domain = domain[: match.start()]
    return (domain or None), v4, v6


def _cidr(text: str, limit: int) -> int:
    if not text.isdigit() or int(text) > limit or (len(text) > 1 and text[0] == "0"):
        raise PermError(f"invalid CIDR length /{text}")
    return int(text)


def _expand(spec: str, state: _State, domain: str) -> str:
    """Macro expansion (RFC 7208 7) of a domain-spec."""

    def letter_value(letter: str) -> str:
        local, _, sender_domain = state.sender.rpartition("@")
        if letter == "s":
            return state.sender
        if letter == "l":
            return local or "postmaster"
        if letter == "o":
            return sender_domain or state.sender
        if letter == "d":
            return domain
        if letter == "i":
            if state.ip.version == 4:
                return str(state.ip)
            return ".".join(state.ip.exploded.replace(":", ""))
        if letter == "p":
            return "unknown"
        if letter == "v":
            return "in-addr" if state.ip.version == 4 else "ip6"
        if letter == "h":
            return state.helo or domain
        raise PermError(f"macro %{{{letter}}} is only allowed in exp=")

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "%%":
            return "%"
        if token == "%_":
            return " "
        if token == "%-":
            return "%20"
        if token == "%":
            raise PermError(f"a lone % in {spec!r}")
        letter, digits, reverse, delimiters = match.groups()
        value = letter_value(letter.lower())
        parts = re.split("[" + re.escape(delimiters or ".") + "]", value)
        if reverse:
            parts.reverse()
        if digits:
            if int(digits) == 0:
                raise PermError("macro transformer 0 is not allowed")
            parts = parts[-int(digits) :]
        out = ".".join(parts)
        return urllib.parse.quote(out, safe="") if letter.isupper() else out

    expanded = _MACRO.sub(replace, spec)
    while len(expanded) > 253 and "." in expanded:
        expanded = expanded.split(".", 1)[1]
    return expanded.rstrip(".")


async def _record_of(lookup: Lookup, domain: str) -> str | None:
    try:
        texts = await lookup.txt(domain)
    except DnsUnavailable as exc:
        raise TempError(str(exc)) from exc
    records = [t for t in texts if is_spf(t)]
    if len(records) > 1:
        raise PermError(f"{domain} publishes {len(records)} SPF records")
    return records[0] if records else None


async def _query(lookup: Lookup, name: str, rdtype: str) -> list[str]:
    try:
        return [r.to_text() for r in await lookup.query(name, rdtype)]
    except DnsUnavailable as exc:
        raise TempError(str(exc)) from exc


def _in_network(address: str, ip: IPAddress, v4: int | None, v6: int | None) -> bool:
    try:
        candidate = ipaddress.ip_address(address)
    except ValueError:
        return False
    if candidate.version != ip.version:
        return False
    prefix = (v4 if v4 is not None else 32) if ip.version == 4 else (v6 if v6 is not None else 128)
    return ip in ipaddress.ip_network(f"{candidate}/{prefix}", strict=False)


async def _addresses_match(
    lookup: Lookup, state: _State, name: str, v4: int | None, v6: int | None, *, void: bool
) -> bool:
    found = await _query(lookup, name, "A" if state.ip.version == 4 else "AAAA")
    if not found and void:
        state.void_lookup(name)
    return any(_in_network(a, state.ip, v4, v6) for a in found)


async def _mechanism(
    lookup: Lookup, state: _State, domain: str, name: str, arg: str | None, depth: int
) -> bool:
    ip = state.ip
    if name == "all":
        return True
    if name in ("ip4", "ip6"):
        assert arg is not None
        try:
            network = ipaddress.ip_network(arg, strict=False)
        except ValueError as exc:
            raise PermError(f"invalid {name} value {arg!r}") from exc
        if network.version != (4 if name == "ip4" else 6):
            raise PermError(f"{name} with a wrong address family: {arg!r}")
        if "/" in arg:
            _cidr(arg.rsplit("/", 1)[1], 32 if name == "ip4" else 128)
        return network.version == ip.version and ip in network
    state.count(f"{name}:{arg}" if arg else name)
    if name == "include":
        assert arg is not None
        target = _expand(arg, state, domain)
        result = await _check_host(lookup, state, target, depth + 1)
        if result == "pass":
            return True
        if result in ("fail", "softfail", "neutral"):
            return False
        if result == "none":
            raise PermError(f"include:{target} has no SPF record")
        raise PermError(f"include:{target} gave {result}")
    if name == "exists":
        assert arg is not None
        target = _expand(arg, state, domain)
        found = await _query(lookup, target, "A")
        if not found:
            state.void_lookup(target)
        return bool(found)
    spec, v4, v6 = _split_cidr(arg)
    target = _expand(spec, state, domain) if spec else domain
    if name == "a":
        return await _addresses_match(lookup, state, target, v4, v6, void=True)
    if name == "mx":
        exchanges = await _query(lookup, target, "MX")
        if not exchanges:
            state.void_lookup(target)
            return False
        if len(exchanges) > MAX_MX_OR_PTR_NAMES:
            raise PermError(f"mx:{target} has more than {MAX_MX_OR_PTR_NAMES} MX records")
        for exchange in exchanges:
            host = host_text(exchange.split()[-1])
            if host and await _addresses_match(lookup, state, host, v4, v6, void=False):
                return True
        return False
    # ptr: a validated reverse name equal to, or under, the target
    reverse = ipaddress.ip_address(ip).reverse_pointer
    names = [host_text(n) for n in await _query(lookup, reverse, "PTR")][:MAX_MX_OR_PTR_NAMES]
    if not names:
        state.void_lookup(reverse)
    for ptr_name in names:
        if ptr_name == target or ptr_name.endswith("." + target):
            if await _addresses_match(lookup, state, ptr_name, None, None, void=False):
                return True
    return False


async def _check_host(lookup: Lookup, state: _State, domain: str, depth: int) -> str:
    if depth > MAX_LOOKUPS + 1:
        raise PermError("include/redirect loop")
    state.trail.append(domain)
    text = await _record_of(lookup, domain)
    if text is None:
        return "none"
    record = parse_record(text)
    for qualifier, name, arg in record.directives:
        if await _mechanism(lookup, state, domain, name, arg, depth):
            return QUALIFIERS[qualifier]
    if record.redirect is not None:
        state.count(f"redirect={record.redirect}")
        target = _expand(record.redirect, state, domain)
        result = await _check_host(lookup, state, target, depth + 1)
        if result == "none":
            raise PermError(f"redirect={target} has no SPF record")
        return result
    return "neutral"


async def evaluate(
    lookup: Lookup, ip: str, domain: str, *, sender: str | None = None, helo: str = ""
) -> SpfResult:
    """RFC 7208 check_host(ip, domain, sender)."""
    state = _State(ip=ipaddress.ip_address(ip), sender=sender or f"postmaster@{domain}", helo=helo)
    try:
        result = await _check_host(lookup, state, domain, 0)
    except PermError as exc:
        return SpfResult("permerror", str(exc), state.lookups)
    except TempError as exc:
        return SpfResult("temperror", str(exc), state.lookups)
    return SpfResult(result, "", state.lookups)


async def analyse(lookup: Lookup, domain: str) -> SpfResult:
    """Parse the whole include/redirect tree of `domain`'s record and count its lookups.

    Returns `none` without a record, `permerror` for syntax errors, loops, missing included
    records or more than 10 lookups, `temperror` on DNS failure, else `pass` with the count.
    """
    try:
        text = await _record_of(lookup, domain)
    except PermError as exc:
        return SpfResult("permerror", str(exc))
    except TempError as exc:
        return SpfResult("temperror", str(exc))
    if text is None:
        return SpfResult("none")
    counter = [0]
    try:
        await _walk(lookup, domain, text, counter, [domain])
    except PermError as exc:
        return SpfResult("permerror", str(exc), counter[0], text)
    except TempError as exc:
        return SpfResult("temperror", str(exc), counter[0], text)
    return SpfResult("pass", "", counter[0], text)


async def _walk(
    lookup: Lookup, domain: str, text: str, counter: list[int], path: list[str]
) -> None:
    record = parse_record(text)
    targets: list[str] = []
    for _, name, arg in record.directives:
        if name in LOOKUP_MECHANISMS:
            _bump(counter, f"{name}:{arg}" if arg else name)
            if name == "include" and arg and "%" not in arg:
                targets.append(arg.rstrip(".").lower())
        if name in ("a", "mx", "ptr"):
            _split_cidr(arg)
    if record.redirect is not None and not any(n == "all" for _, n, _ in record.directives):
        _bump(counter, f"redirect={record.redirect}")
        if "%" not in record.redirect:
            targets.append(record.redirect.rstrip(".").lower())
    for target in targets:
        if target in path:
            raise PermError(f"include/redirect loop through {target}")
        sub = await _record_of(lookup, target)
        if sub is None:
            raise PermError(f"{target} has no SPF record")
        await _walk(lookup, target, sub, counter, [*path, target])


def _bump(counter: list[int], term: str) -> None:
    counter[0] += 1
    if counter[0] > MAX_LOOKUPS:
        raise PermError(f"more than {MAX_LOOKUPS} DNS lookups (at {term})")
