"""Mail sending."""
