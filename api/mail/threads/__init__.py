"""Mail threads."""
