"""The corpus split the shipped model is trained on: deterministic, disjoint, never read by
training, and re-drawable with another seed or by whole folders to check generalisation."""

from __future__ import annotations

from pathlib import Path

from api.mail.spam.classifier import Model
from api.mail.spam.corpus import is_held_back, samples, split, split_by_folder
from api.mail.spam.tokenizer import bucket
from api.mail.spam.train import main as train_main
from tests.factories.spam import message


def corpus(root: Path) -> Path:
    """Two ham folders and two spam folders of crafted messages, each with a unique word."""
    for folder, spam, count in (("easy-ham-1", False, 30), ("hard-ham-1", False, 10),
                                ("spam-1", True, 15), ("spam-2", True, 15)):
        (root / folder).mkdir(parents=True)
        for i in range(count):
            word = f"marker{folder.replace('-', '')}n{i}"
            body = (f"Cheap pills, act now, click here {word}" if spam
                    else f"Minutes of the planning meeting {word}")
            (root / folder / f"{i:05d}.eml").write_bytes(
                message(subject="Offer" if spam else "Minutes", body=body,
                        message_id=f"<{word}@x.example>"))
    (root / "README.md").write_text("not a folder of messages")
    (root / "misc").mkdir()  # neither ham nor spam: ignored
    (root / "misc" / "x.eml").write_bytes(message())
    return root


def test_split_is_deterministic_disjoint_and_complete(tmp_path: Path) -> None:
    root = corpus(tmp_path / "c")
    train, held = split(root)
    again_train, again_held = split(root)
    assert [s.key for s in train] == [s.key for s in again_train]
    assert [s.key for s in held] == [s.key for s in again_held]
    keys = {s.key for s in samples(root)}
    assert len(keys) == 70 and not any(k.startswith("misc/") for k in keys)
    assert {s.key for s in train} | {s.key for s in held} == keys
    assert not {s.key for s in train} & {s.key for s in held}
    assert 3 <= len(held) <= 30
    assert all(is_held_back(s.key) for s in held) and not any(is_held_back(s.key) for s in train)


def test_another_seed_draws_another_split(tmp_path: Path) -> None:
    root = corpus(tmp_path / "c")
    default = {s.key for s in split(root)[1]}
    assert {s.key for s in split(root, seed="")[1]} == default
    assert {s.key for s in split(root, seed="a")[1]} != default


def test_split_by_folder_holds_back_whole_folders(tmp_path: Path) -> None:
    root = corpus(tmp_path / "c")
    train, held = split_by_folder(root, {"hard-ham-1", "spam-2"})
    assert {s.key.split("/")[0] for s in held} == {"hard-ham-1", "spam-2"}
    assert {s.key.split("/")[0] for s in train} == {"easy-ham-1", "spam-1"}
    assert {s.spam for s in held} == {True, False}


def test_training_never_reads_the_held_back_part(tmp_path: Path) -> None:
    root = corpus(tmp_path / "c")
    out = tmp_path / "model.bin"
    assert train_main([str(root), "--out", str(out), "--min-count", "1"]) == 0
    model = Model.loads(out.read_bytes())
    train, held = split(root)
    assert model.spam_messages == sum(1 for s in train if s.spam)
    assert model.ham_messages == sum(1 for s in train if not s.spam)
    keys = set(model.keys)

    def marker(key: str) -> int:
        folder, name = key.split("/")
        return bucket(f"marker{folder.replace('-', '')}n{int(name.split('.')[0])}")

    assert all(marker(s.key) in keys for s in train)
    assert not any(marker(s.key) in keys for s in held)
    assert model.meta["cjk_tokens"] is False and model.meta["holdout_percent"] == 20
