"""Directory administration: organisations' domains, accounts, departments and groups."""
