"""The public contract: request and response models, with no server imports."""
