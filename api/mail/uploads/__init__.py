"""Mail uploads."""
