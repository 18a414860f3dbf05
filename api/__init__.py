"""Mailplane: a self-hosted enterprise mail platform with an open API."""
