"""The runnable examples in `examples/`, each run as a subprocess against a live server."""
