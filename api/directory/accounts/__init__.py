"""Accounts: the people and shared mailboxes of an organisation."""
