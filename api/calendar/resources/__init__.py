"""Rooms and resources: bookable calendars with booking policies."""
