"""The delivery core: the one path every message takes into a mailbox."""
