"""Hosted domains: add, verify DNS, rotate DKIM keys; alias domains mirror a primary.

Other domains use only this surface: `is_hosted` (delivery, address checks),
`dkim_private_key` (the SMTP team signs outgoing mail with it) and `ensure_signing_key`
(for domains inserted outside this package, such as the organisation bootstrap).
"""

from api.directory.domains.hosting import dkim_private_key, is_hosted
from api.directory.domains.service import ensure_signing_key

__all__ = ["dkim_private_key", "ensure_signing_key", "is_hosted"]
