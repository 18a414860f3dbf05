"""Spam filter quality and speed on the held-back part of a labelled corpus.

    .venv/bin/python benchmarks/spam_quality.py /work/shared/corpora/spamassassin

The held-back part is the one `api.mail.spam.corpus.split` sets aside by hash of the file
path; `python -m api.mail.spam.train` never reads it, and nothing here touches the shipped
model (`other_splits` below trains throwaway ones in memory). Every held-back
message goes through the shipped model and the full rule set exactly as at SMTP time for an
organisation without feedback or lists (no authentication results: the corpus has none).
Junk or reject counts as "flagged".

Prints one JSON object: precision, recall and false-positive rate at the configured
thresholds, a per-folder breakdown, the trade-off at other junk thresholds (for
information; the defaults were not chosen from it), and messages/s for the pure scoring
path (MIME parsing, which the SMTP edge does anyway, timed apart from the filter) and for
`classify` (parsing included) against a migrated SQLite database.

`other_splits` checks that the recipe generalises rather than the shipped model fitting
its own split: a throwaway model is trained in memory (as `train.py` would, nothing is
written) on the training part of another split and scored on its held-back part: two other
hash seeds, and whole folders held back (by default the last folder of each label, e.g.
hard-ham-1 and spam-2: kinds of ham and a later spam collection never trained on).
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run from the repository root, not from benchmarks/ (whose module names, such as
# calendar.py, would shadow the standard library's).
sys.path[0] = str(Path(__file__).resolve().parent.parent)

import argparse  # noqa: E402
import asyncio  # noqa: E402
import json  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections import defaultdict  # noqa: E402

from api.config import Settings  # noqa: E402
from api.mail.mime import parse_message  # noqa: E402
from api.mail.spam import assess, classify, facts_of  # noqa: E402
from api.mail.spam.classifier import shipped_model  # noqa: E402
from api.mail.spam.corpus import (  # noqa: E402
    HOLDOUT_PERCENT,
    Sample,
    label_of,
    samples,
    split,
    split_by_folder,
)
from api.mail.spam.facts import MessageFacts  # noqa: E402
from api.mail.spam.tokenizer import bucket, token_strings  # noqa: E402
from api.mail.spam.train import fit, metrics  # noqa: E402

SWEEP = (3.0, 4.0, 4.5, 5.0, 5.5, 6.0, 7.0)
OTHER_SEEDS = ("a", "b")


def evaluate(samples: list, settings: Settings) -> dict:  # type: ignore[type-arg]
    raws = [(s, s.path.read_bytes()) for s in samples]
    started = time.perf_counter()
    parsed = [parse_message(raw) for _, raw in raws]
    parse_elapsed = time.perf_counter() - started
    started = time.perf_counter()
    verdicts = [
        (s, assess(facts_of(raw, p, None), junk_threshold=settings.spam_junk_threshold,
                   reject_threshold=settings.spam_reject_threshold))
        for (s, raw), p in zip(raws, parsed, strict=True)
    ]
    elapsed = time.perf_counter() - started
    overall = metrics((s.spam, v.action) for s, v in verdicts)
    sweep = {
        f"{t:g}": {k: v for k, v in metrics(
            (s.spam, "junk" if v.score >= t else "inbox") for s, v in verdicts
        ).items() if k in ("recall", "false_positives", "false_positive_rate", "precision")}
        for t in SWEEP
    }
    missed = sorted(((v.score, s.key) for s, v in verdicts if s.spam and v.action == "inbox"),
                    reverse=True)
    return {
        **overall,
        "per_folder": per_folder([(s, s.spam, v.action) for s, v in verdicts]),
        "junk_threshold_sweep": sweep,
        "false_positive_files": [s.key for s, v in verdicts if not s.spam and v.action != "inbox"],
        "closest_misses": [{"file": k, "score": round(sc, 2)} for sc, k in missed[:5]],
        "parse_messages_per_second": round(len(verdicts) / parse_elapsed, 1),
        "filter_messages_per_second": round(len(verdicts) / elapsed, 1),
        "parse_and_filter_messages_per_second": round(
            len(verdicts) / (elapsed + parse_elapsed), 1),
    }


def per_folder(results: list[tuple[Sample, bool, str]]) -> dict[str, dict[str, float | int]]:
    folders: dict[str, list[tuple[bool, str]]] = defaultdict(list)
    for sample, spam, action in results:
        folders[sample.key.split("/", 1)[0]].append((spam, action))
    out: dict[str, dict[str, float | int]] = {}
    for name, pairs in sorted(folders.items()):
        m = metrics(pairs)
        flagged = int(m["true_positives"]) + int(m["false_positives"])
        out[name] = {"messages": len(pairs), "flagged": flagged,
                     "flagged_share": round(flagged / len(pairs), 4)}
    return out


def default_held_folders(root: Path) -> set[str]:
    """The last folder (by name) of each label: e.g. hard-ham-1 and spam-2."""
    last: dict[bool, str] = {}
    for folder in sorted(p.name for p in root.iterdir() if p.is_dir()):
        label = label_of(folder)
        if label is not None:
            last[label] = folder
    return set(last.values())


def other_splits(root: Path, settings: Settings, held_folders: list[set[str]]
                 ) -> dict[str, dict[str, object]]:
    """Train a throwaway model per split, in memory, and score its held-back part."""
    every = list(samples(root))
    facts: dict[str, MessageFacts] = {}
    strings: dict[str, list[str]] = {}
    for sample in every:
        facts[sample.key] = facts_of(sample.path.read_bytes(), None, None)
        strings[sample.key] = token_strings(facts[sample.key])
    splits = {f"seed={seed}": split(root, seed=seed) for seed in OTHER_SEEDS}
    for folders in held_folders:
        splits["held-back folders=" + "+".join(sorted(folders))] = split_by_folder(root, folders)
    report: dict[str, dict[str, object]] = {}
    for name, (train, test) in splits.items():
        if not train or not test:
            continue
        model = fit([(strings[s.key], s.spam) for s in train])
        results = []
        for sample in test:
            tokens = sorted({bucket(t) for t in strings[sample.key]})
            verdict = assess(facts[sample.key], junk_threshold=settings.spam_junk_threshold,
                             reject_threshold=settings.spam_reject_threshold, model=model,
                             tokens=tokens)
            results.append((sample, sample.spam, verdict.action))
        report[name] = {
            "trained_messages": len(train), "cjk_tokens": model.meta["cjk_tokens"],
            **metrics((spam, action) for _, spam, action in results),
            "per_folder": per_folder(results),
        }
    return report


async def classify_rate(samples: list, limit: int) -> float:  # type: ignore[type-arg]
    """`classify` (parse, rules, tokens, per-organisation queries, Bayes) on SQLite."""
    from api.storage.db import Database
    from api.storage.migrate import upgrade_async

    with tempfile.TemporaryDirectory() as data:
        settings = Settings(data_dir=Path(data), log_json=True)
        await upgrade_async(settings.effective_database_url)
        db = Database(settings.effective_database_url)
        raws = [s.path.read_bytes() for s in samples[:limit]]
        try:
            started = time.perf_counter()
            async with db.session(write=False) as session:
                for raw in raws:
                    await classify(session, "org_bench", raw, parse_message(raw),
                                   {"spf": "none"}, settings=settings)
            return round(len(raws) / (time.perf_counter() - started), 1)
        finally:
            await db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--classify-sample", type=int, default=500,
                        help="messages timed through classify() with the database")
    parser.add_argument("--hold-folders", action="append", metavar="A,B",
                        help="folders to hold back whole in an extra split (repeatable); "
                             "default: the last folder of each label")
    parser.add_argument("--no-other-splits", action="store_true",
                        help="skip the throwaway-model splits (saves a minute)")
    args = parser.parse_args()
    train, held_back = split(args.corpus)
    if not held_back:
        sys.exit(f"no labelled messages under {args.corpus}")
    settings = Settings()
    model = shipped_model()
    result = {
        "corpus": str(args.corpus),
        "held_back_percent": HOLDOUT_PERCENT,
        "held_back_messages": len(held_back),
        "held_back_spam": sum(1 for s in held_back if s.spam),
        "held_back_ham": sum(1 for s in held_back if not s.spam),
        "model": {"spam_messages": model.spam_messages, "ham_messages": model.ham_messages,
                  "tokens": len(model.keys), **model.meta},
        "model_trained_on_train_part_only": model.spam_messages + model.ham_messages
        == len(train),
        "junk_threshold": settings.spam_junk_threshold,
        "reject_threshold": settings.spam_reject_threshold,
        **evaluate(held_back, settings),
        "classify_messages_per_second": asyncio.run(
            classify_rate(held_back, args.classify_sample)
        ),
    }
    if not args.no_other_splits:
        folders = ([set(f.strip() for f in arg.split(",") if f.strip())
                    for arg in args.hold_folders] if args.hold_folders
                   else [default_held_folders(args.corpus)])
        result["other_splits"] = other_splits(args.corpus, settings, folders)
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
