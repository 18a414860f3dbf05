"""Mail mailbox."""
