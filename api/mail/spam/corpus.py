"""Reading a labelled corpus (one raw message per file, in folders whose names say `spam` or
`ham`) and splitting it, deterministically by file path, into a training part and a
held-back test part that training never reads."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from hashlib import blake2b
from pathlib import Path

#: Percent of messages held back for evaluation.
HOLDOUT_PERCENT = 20


@dataclass(frozen=True)
class Sample:
    path: Path
    key: str  # "folder/file", the identity the split hashes
    spam: bool


def label_of(folder: str) -> bool | None:
    name = folder.lower()
    if "spam" in name:
        return True
    if "ham" in name:
        return False
    return None


def is_held_back(key: str, percent: int = HOLDOUT_PERCENT) -> bool:
    digest = blake2b(key.encode(), digest_size=8, person=b"mp-spam-split").digest()
    return int.from_bytes(digest, "big") % 100 < percent


def samples(root: Path) -> Iterator[Sample]:
    """Every labelled message under `root`, in a stable order."""
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        spam = label_of(folder.name)
        if spam is None:
            continue
        for path in sorted(p for p in folder.iterdir() if p.is_file()):
            yield Sample(path, f"{folder.name}/{path.name}", spam)


def split(root: Path) -> tuple[list[Sample], list[Sample]]:
    """(training part, held-back part)."""
    train: list[Sample] = []
    test: list[Sample] = []
    for sample in samples(root):
        (test if is_held_back(sample.key) else train).append(sample)
    return train, test
