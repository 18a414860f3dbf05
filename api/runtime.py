"""Process-wide objects built once at start: settings, database, blob store, caches."""

from __future__ import annotations

from dataclasses import dataclass, field

from api.config import Settings
from api.platform.oauth.bearer import TokenCache
from api.platform.rate_limits.limiter import RateLimiter, make_limiter
from api.storage.blobs import BlobStore, LocalBlobBackend
from api.storage.data_dir import secure
from api.storage.db import Database


@dataclass
class Runtime:
    settings: Settings
    db: Database
    blobs: BlobStore
    tokens: TokenCache
    limiter: RateLimiter
    extras: dict[str, object] = field(default_factory=dict)

    @classmethod
    def build(cls, settings: Settings) -> Runtime:
        secure(settings.data_dir)
        db = Database(settings.effective_database_url)
        return cls(
            settings=settings,
            db=db,
            blobs=BlobStore(LocalBlobBackend(settings.blob_dir)),
            tokens=TokenCache(ttl=settings.token_cache_seconds),
            limiter=make_limiter(settings, db),
        )
