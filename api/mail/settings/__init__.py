"""A person's mail settings: signature, auto-reply and forwarding."""
