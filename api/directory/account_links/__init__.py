"""One-time links for an account: activation (set a first password) and SSO sign-in."""
