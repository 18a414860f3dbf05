"""Personal address books."""
