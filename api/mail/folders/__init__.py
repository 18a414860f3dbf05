"""Mail folders."""
