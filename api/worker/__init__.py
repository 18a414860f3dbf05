"""Background jobs: a table of jobs claimed with leases, and periodic housekeeping."""
