"""Spam filter quality and speed on the held-back part of a labelled corpus.

    .venv/bin/python benchmarks/spam_quality.py /work/shared/corpora/spamassassin

The held-back part is the one `api.mail.spam.corpus.split` sets aside by hash of the file
path; `python -m api.mail.spam.train` never reads it, and nothing here trains. Every
message goes through the shipped model and the full rule set exactly as at SMTP time for an
organisation without feedback or lists (no authentication results: the corpus has none).
Junk or reject counts as "flagged".

Prints one JSON object: precision, recall and false-positive rate at the configured
thresholds, a per-folder breakdown, the trade-off at other junk thresholds (for
information; the defaults were not chosen from it), and messages/s for the pure scoring
path (MIME parsing, which the SMTP edge does anyway, timed apart from the filter) and for
`classify` (parsing included) against a migrated SQLite database.
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
from api.mail.spam.corpus import HOLDOUT_PERCENT, split  # noqa: E402
from api.mail.spam.train import metrics  # noqa: E402

SWEEP = (3.0, 4.0, 4.5, 5.0, 5.5, 6.0, 7.0)


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
    folders: dict[str, list] = defaultdict(list)  # type: ignore[type-arg]
    for s, v in verdicts:
        folders[s.key.split("/", 1)[0]].append((s.spam, v.action))
    per_folder = {}
    for name, results in sorted(folders.items()):
        m = metrics(results)
        flagged = m["true_positives"] + m["false_positives"]
        per_folder[name] = {"messages": len(results), "flagged": flagged,
                            "flagged_share": round(flagged / len(results), 4)}
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
        "per_folder": per_folder,
        "junk_threshold_sweep": sweep,
        "false_positive_files": [s.key for s, v in verdicts if not s.spam and v.action != "inbox"],
        "closest_misses": [{"file": k, "score": round(sc, 2)} for sc, k in missed[:5]],
        "parse_messages_per_second": round(len(verdicts) / parse_elapsed, 1),
        "filter_messages_per_second": round(len(verdicts) / elapsed, 1),
        "parse_and_filter_messages_per_second": round(
            len(verdicts) / (elapsed + parse_elapsed), 1),
    }


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
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
