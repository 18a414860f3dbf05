"""The OAuth 2.0 authorization server (authlib behind a Starlette adapter) and bearer auth."""
