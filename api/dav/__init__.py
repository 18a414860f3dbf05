"""CalDAV (RFC 4791) and CardDAV (RFC 6352) under `/dav/`, over the calendar and contacts
services: one module per HTTP method or REPORT, a path parser, and a request context."""

from api.dav.mount import install_dav

__all__ = ["install_dav"]
