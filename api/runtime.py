"""Process-wide objects built once at start: settings, database, blob store, caches."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from api.config import Settings
from api.data_dir import secure
from api.identity.bearer import TokenCache
from api.identity.rate_limits import RateLimiter, make_limiter
from api.storage.blob_url import FallbackBackend, open_backend
from api.storage.blobs import BlobBackend, BlobStore
from api.storage.db import Database
from api.storage.notifier import Notifier
from api.storage.readiness import Readiness


@dataclass
class Runtime:
    settings: Settings
    db: Database
    blobs: BlobStore
    tokens: TokenCache
    limiter: RateLimiter
    notifier: Notifier
    readiness: Readiness
    extras: dict[str, object] = field(default_factory=dict)

    @classmethod
    def build(cls, settings: Settings) -> Runtime:
        secure(settings.data_dir)
        db = Database(settings.effective_database_url)
        return cls(
            settings=settings,
            db=db,
            blobs=BlobStore(blob_backend(settings),
                            grace=timedelta(seconds=settings.blob_release_grace)),
            tokens=TokenCache(ttl=settings.token_cache_seconds),
            limiter=make_limiter(settings, db),
            notifier=Notifier(db.url),
            readiness=Readiness(db),
        )


def blob_backend(settings: Settings) -> BlobBackend:
    """The backend `MAILPLANE_BLOB_URL` names (with its fallback while blobs move)."""
    spool = settings.data_dir / "tmp"
    spool.mkdir(parents=True, exist_ok=True)
    db_url = settings.effective_database_url
    primary = open_backend(settings.effective_blob_url, database_url=db_url, spool_dir=spool)
    if settings.blob_fallback_url:
        previous = open_backend(settings.blob_fallback_url, database_url=db_url, spool_dir=spool)
        return FallbackBackend(primary, previous)
    return primary
