"""Identity: who is calling (principal, and the bearer tokens that name one, with their
in-process cache: `api.identity.bearer`), what they may do (scopes, rate limits:
`api.identity.rate_limits`), how passwords are kept, and the audit record of what they did.
Below every domain and the runtime (which builds the token cache and the limiter); imports
only kit and storage."""

from api.identity.audit import record
from api.identity.passwords import hash_password, needs_rehash, verify_password
from api.identity.principal import Principal
from api.identity.scopes import SCOPES

__all__ = ["SCOPES", "Principal", "hash_password", "needs_rehash", "record", "verify_password"]
