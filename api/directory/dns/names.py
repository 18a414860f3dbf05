"""Domain-name validation: internationalised names (IDNA 2008 / UTS 46) stored as A-labels."""

from __future__ import annotations

import ipaddress

import idna

MAX_NAME = 253


class InvalidDomainName(ValueError):
    """The text is not a domain name Mailplane can host."""


def normalise_domain(raw: str) -> str:
    """The lower-case A-label form of `raw` (`Bücher.DE.` -> `xn--bcher-kva.de`)."""
    text = raw.strip()
    if text.endswith("."):
        text = text[:-1]
    if not text:
        raise InvalidDomainName("A domain name is required.")
    if len(text) > MAX_NAME * 2:
        raise InvalidDomainName("The domain name is too long.")
    try:
        ipaddress.ip_address(text.strip("[]"))
    except ValueError:
        pass
    else:
        raise InvalidDomainName("An IP address is not a domain name.")
    try:
        name = idna.encode(text, uts46=True, std3_rules=True, transitional=False).decode("ascii")
    except (idna.IDNAError, UnicodeError) as exc:
        raise InvalidDomainName(f"Not a valid domain name: {exc}") from None
    name = name.lower()
    labels = name.split(".")
    if len(name) > MAX_NAME:
        raise InvalidDomainName(f"A domain name has at most {MAX_NAME} characters.")
    if len(labels) < 2:
        raise InvalidDomainName("A domain name needs at least two labels, such as example.com.")
    if labels[-1].isdigit():
        raise InvalidDomainName("The top-level label cannot be numeric.")
    return name


def to_unicode(name: str) -> str:
    """The display (U-label) form of a stored A-label name."""
    try:
        return idna.decode(name)
    except (idna.IDNAError, UnicodeError):
        return name
