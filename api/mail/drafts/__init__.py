"""Mail drafts."""
