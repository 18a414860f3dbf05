"""Mails Mailplane itself writes to people: activation links, in the recipient's language."""
