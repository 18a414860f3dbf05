"""Contacts' own error codes, each a subclass of the one error tree in `api.errors`."""

from __future__ import annotations

from api.errors import Conflict


class DefaultAddressBook(Conflict):
    code, title = "default_address_book", "The default address book cannot be deleted"


class UidConflict(Conflict):
    code = "uid_conflict"  # title: the parent's ("Conflict")
