"""Mailbox migration: move accounts in from another provider over IMAP or POP3, resumable
and incremental, without touching the source."""
