"""Bearer authentication lives in the identity layer (`api.identity.bearer`), below every
domain, so that the runtime can build its token cache without importing the platform. This
name is kept for `api.mail.inbound.sasl` (SMTP AUTH XOAUTH2) until mail imports it from
`api.identity`."""

from api.identity.bearer import TokenCache, authenticate, load_principal

__all__ = ["TokenCache", "authenticate", "load_principal"]
