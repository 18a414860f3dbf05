"""Mail search."""
