"""Invitations: iTIP (RFC 5546) objects carried over iMIP (RFC 6047) mail."""
