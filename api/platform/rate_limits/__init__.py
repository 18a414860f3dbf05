"""Per-app and per-organisation request rate limits (fixed one-minute windows)."""
