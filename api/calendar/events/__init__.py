"""Events: series, overrides and instances, expanded over bounded windows."""
