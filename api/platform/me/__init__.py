"""`/v1/me`: who the caller is, its organisation and scopes."""
