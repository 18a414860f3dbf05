"""Contacts: personal address books, contacts, groups, vCard and autocomplete (issue 6)."""
