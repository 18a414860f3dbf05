"""Calendar object resources: one UID's VEVENTs (a series and its overrides) as one named
iCalendar object, read and written whole, for CalDAV and any client that syncs files."""
