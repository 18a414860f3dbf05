"""The web app: its backend-for-frontend sign-in, its serving, and its browser tests."""
