"""REPORT bodies, one module each: calendar-query, calendar-multiget, free-busy-query
(RFC 4791 §7), addressbook-query, addressbook-multiget (RFC 6352 §8), sync-collection
(RFC 6578)."""
