"""Mail outbound."""
