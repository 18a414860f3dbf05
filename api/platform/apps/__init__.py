"""OAuth app registration: clients, redirect URIs, granted scopes, rotating secrets."""
