"""Identity: who is calling (principal), what they may do (scopes), how passwords are kept,
and the audit record of what they did. Below every domain; imports only kit and storage."""

from api.identity.audit import record
from api.identity.passwords import hash_password, needs_rehash, verify_password
from api.identity.principal import Principal
from api.identity.scopes import SCOPES

__all__ = ["SCOPES", "Principal", "hash_password", "needs_rehash", "record", "verify_password"]
