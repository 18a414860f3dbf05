"""Mail attachments."""
