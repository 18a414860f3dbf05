"""App passwords: named per-client secrets for SMTP submission, created by the person or an
administrator, shown once, stored as argon2 hashes, listed without secrets, revoked."""

from api.directory.app_passwords.secret import looks_like_app_password, normalise
from api.directory.app_passwords.service import candidates_for, mark_used

__all__ = ["candidates_for", "looks_like_app_password", "mark_used", "normalise"]
