"""Address object resources: one contact as one named vCard, read and written whole, for
CardDAV and any client that syncs files."""
