"""Calendars, events, invitations, free/busy, rooms and iCalendar (issue 6)."""
