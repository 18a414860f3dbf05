"""The open platform: OAuth apps and tokens, audit log, rate limits, the caller's identity."""
