"""Reading a labelled corpus (one raw message per file, in folders whose names say `spam` or
`ham`) and splitting it, deterministically by file path, into a training part and a
held-back test part that training never reads.

The shipped model's split is `split(root)`: the default seed, HOLDOUT_PERCENT by hash.
Another seed, or whole folders held back (`split_by_folder`), give other splits to check
that a model trained the same way generalises; they never touch `model.bin`."""

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


def is_held_back(key: str, percent: int = HOLDOUT_PERCENT, seed: str = "") -> bool:
    """Whether `key` falls in the held-back part; the empty seed is the shipped split."""
    data = key.encode() if not seed else f"{seed}\0{key}".encode()
    digest = blake2b(data, digest_size=8, person=b"mp-spam-split").digest()
    return int.from_bytes(digest, "big") % 100 < percent


def samples(root: Path) -> Iterator[Sample]:
    """Every labelled message under `root`, in a stable order."""
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        spam = label_of(folder.name)
        if spam is None:
            continue
        for path in sorted(p for p in folder.iterdir() if p.is_file()):
            yield Sample(path, f"{folder.name}/{path.name}", spam)


def split(root: Path, seed: str = "", percent: int = HOLDOUT_PERCENT
          ) -> tuple[list[Sample], list[Sample]]:
    """(training part, held-back part) by hash of the file path."""
    train: list[Sample] = []
    test: list[Sample] = []
    for sample in samples(root):
        (test if is_held_back(sample.key, percent, seed) else train).append(sample)
    return train, test


def split_by_folder(root: Path, held_back: set[str]) -> tuple[list[Sample], list[Sample]]:
    """(training part, held-back part) with every message of the `held_back` folders tested
    and none of them trained on."""
    train: list[Sample] = []
    test: list[Sample] = []
    for sample in samples(root):
        (test if sample.key.split("/", 1)[0] in held_back else train).append(sample)
    return train, test
