"""The global address list: autocomplete over personal contacts and the directory."""
