"""Calendars: ownership, sharing levels and secret ICS feeds."""
