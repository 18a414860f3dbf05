"""The batch writers' deferred blob sync: a batch written in memory (`append_many` under
the SMTP group committer or a migration) is stored without an fsync per file and made
durable by the one `sync()` before the commit."""

from __future__ import annotations

import hashlib
import os

from api.mail.delivery.blobsync import DeferredSyncBackend


async def test_write_many_defers_every_fsync_to_sync(tmp_path, monkeypatch):
    backend = DeferredSyncBackend(tmp_path)
    calls: list[int] = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: calls.append(fd) or real(fd))
    datas = [b"one", b"two", b"one", os.urandom(70_000)]
    refs = await backend.write_many(datas)
    assert calls == []  # nothing synced per file
    assert [r.sha256 for r in refs] == [hashlib.sha256(d).hexdigest() for d in datas]
    for ref, data in zip(refs, datas, strict=True):
        assert backend.path(ref.sha256).read_bytes() == data
    assert sorted(backend.pending) == sorted(backend.path(r.sha256) for r in refs)
    await backend.sync()
    assert backend.pending == []
    assert not list((tmp_path / "tmp").iterdir())
