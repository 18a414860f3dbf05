"""Hosted domains: add, verify DNS, rotate DKIM keys; alias domains mirror a primary.

Other domains use only this surface: `is_hosted` (delivery, address checks) and
`dkim_private_key` (the SMTP team signs outgoing mail with it).
"""

from api.directory.domains.hosting import dkim_private_key, is_hosted

__all__ = ["dkim_private_key", "is_hosted"]
