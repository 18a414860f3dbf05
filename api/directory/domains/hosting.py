"""What other teams ask about domains: is a name hosted here, and which key signs its mail."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from api.directory.dns.names import InvalidDomainName, normalise_domain
from api.directory.domains import repository


async def is_hosted(session: AsyncSession, name: str) -> bool:
    """Whether any organisation hosts `name` (a primary or an alias domain; IDNA-normalised)."""
    try:
        normalised = normalise_domain(name)
    except InvalidDomainName:
        return False
    return await repository.by_name_any(session, normalised) is not None


async def dkim_private_key(session: AsyncSession, domain_name: str) -> tuple[str, str] | None:
    """(selector, PKCS#1 PEM) of the key that signs mail from `domain_name`, or None."""
    try:
        normalised = normalise_domain(domain_name)
    except InvalidDomainName:
        return None
    key = await repository.active_key_by_domain_name(session, normalised)
    return (key.selector, key.private_key_pem) if key is not None else None
