"""iCalendar in and out: import, export and the subscription feed."""
