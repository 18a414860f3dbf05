"""Train the shipped model from a labelled corpus, on its training part only.

    python -m api.mail.spam.train CORPUS_DIR --out api/mail/spam/model.bin
    python -m api.mail.spam.train CORPUS_DIR --validate 5   # k-fold check, writes nothing

The held-back part (`corpus.is_held_back`, by hash of the file path) is never read here;
`benchmarks/spam_quality.py` evaluates on it. `--validate` cross-validates inside the
training part, so settings can be checked without looking at the test part.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from api.mail.spam.classifier import Model
from api.mail.spam.corpus import HOLDOUT_PERCENT, Sample, split
from api.mail.spam.scoring import assess, facts_of
from api.mail.spam.tokenizer import BUCKET_BITS, bucket, has_cjk, token_strings

#: Tokens seen in fewer training messages than this are left out of the shipped model
#: (they barely move a score, and they are most of its size).
MIN_COUNT = 2
#: CJK tokens are learned only from a corpus with at least this many CJK ham messages. A
#: corpus whose CJK text is all spam (the SpamAssassin one) would teach "Chinese = spam";
#: organisations teach the CJK side through their own feedback instead.
MIN_CJK_HAM = 50


def message_tokens(raw: bytes) -> list[str]:
    return token_strings(facts_of(raw, None, None))


def hashed(tokens: list[str], *, cjk: bool) -> list[int]:
    return sorted({bucket(t) for t in tokens if cjk or not has_cjk(t)})


def learn_cjk(labelled: list[tuple[list[str], bool]]) -> bool:
    return sum(1 for tokens, spam in labelled
               if not spam and any(has_cjk(t) for t in tokens)) >= MIN_CJK_HAM


def build_model(labelled: Iterable[tuple[list[int], bool]], *, min_count: int = MIN_COUNT,
                meta: dict[str, object] | None = None) -> Model:
    spam_counts: Counter[int] = Counter()
    ham_counts: Counter[int] = Counter()
    n_spam = n_ham = 0
    for tokens, spam in labelled:
        if spam:
            n_spam += 1
            spam_counts.update(tokens)
        else:
            n_ham += 1
            ham_counts.update(tokens)
    counts = {
        t: (spam_counts[t], ham_counts[t])
        for t in set(spam_counts) | set(ham_counts)
        if spam_counts[t] + ham_counts[t] >= min_count
    }
    info = {"bucket_bits": BUCKET_BITS, "min_count": min_count, **(meta or {})}
    return Model.from_counts(n_spam, n_ham, counts, info)


def _tokenised(train: list[Sample]) -> tuple[list[tuple[Sample, bytes, list[int]]], bool]:
    """Each training message with its hashed tokens, and whether CJK tokens are kept."""
    raw_tokens = [(s, s.path.read_bytes()) for s in train]
    strings = [(s, raw, message_tokens(raw)) for s, raw in raw_tokens]
    cjk = learn_cjk([(tokens, s.spam) for s, _, tokens in strings])
    return [(s, raw, hashed(tokens, cjk=cjk)) for s, raw, tokens in strings], cjk


def fit(labelled: list[tuple[list[str], bool]], *, min_count: int = MIN_COUNT,
        meta: dict[str, object] | None = None) -> Model:
    """A model from (token strings, is spam) pairs, exactly as the shipped one is built;
    `meta["cjk_tokens"]` records whether CJK tokens were learned (see MIN_CJK_HAM)."""
    cjk = learn_cjk(labelled)
    return build_model(((hashed(tokens, cjk=cjk), spam) for tokens, spam in labelled),
                       min_count=min_count, meta={**(meta or {}), "cjk_tokens": cjk})


def metrics(results: Iterable[tuple[bool, str]]) -> dict[str, float | int]:
    """Precision, recall and false-positive rate of (is spam, action) pairs; junk or reject
    counts as flagged."""
    tp = fp = fn = tn = 0
    for spam, action in results:
        flagged = action != "inbox"
        if spam and flagged:
            tp += 1
        elif spam:
            fn += 1
        elif flagged:
            fp += 1
        else:
            tn += 1
    return {
        "spam": tp + fn, "ham": fp + tn, "true_positives": tp, "false_positives": fp,
        "false_negatives": fn,
        "precision": round(tp / (tp + fp), 5) if tp + fp else 0.0,
        "recall": round(tp / (tp + fn), 5) if tp + fn else 0.0,
        "false_positive_rate": round(fp / (fp + tn), 5) if fp + tn else 0.0,
    }


#: Junk thresholds the cross-validation reports on, to choose the setting from the training
#: part (never from the held-back part).
VALIDATE_THRESHOLDS = (3.0, 4.0, 4.5, 5.0, 5.5)


def validate(train: list[Sample], folds: int) -> dict[str, object]:
    """k-fold cross-validation inside the training part, full pipeline (rules + Bayes)."""
    data, _ = _tokenised(train)
    scores: list[tuple[bool, float]] = []
    probabilities: list[tuple[bool, float]] = []
    for k in range(folds):
        fit_part = [(tokens, s.spam) for i, (s, _, tokens) in enumerate(data) if i % folds != k]
        model = build_model(fit_part)
        for i, (sample, raw, tokens) in enumerate(data):
            if i % folds != k:
                continue
            verdict = assess(facts_of(raw, None, None), junk_threshold=5.0,
                             reject_threshold=15.0, model=model, tokens=tokens)
            scores.append((sample.spam, verdict.score))
            probabilities.append((sample.spam, verdict.bayes_probability or 0.5))
    report: dict[str, object] = {"folds": folds}
    for threshold in VALIDATE_THRESHOLDS:
        report[f"junk_at_{threshold:g}"] = metrics(
            (spam, "junk" if score >= threshold else "inbox") for spam, score in scores
        )
    for cutoff in (0.9, 0.99, 0.999):
        report[f"bayes_only_at_{cutoff}"] = metrics(
            (spam, "junk" if p >= cutoff else "inbox") for spam, p in probabilities
        )
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m api.mail.spam.train", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="folders of raw messages named *spam* / *ham*")
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name("model.bin"))
    parser.add_argument("--min-count", type=int, default=MIN_COUNT)
    parser.add_argument("--validate", type=int, metavar="K", default=0,
                        help="cross-validate K folds of the training part instead of writing")
    args = parser.parse_args(argv)
    train, held_back = split(args.corpus)
    if not train:
        print(f"no labelled messages under {args.corpus}", file=sys.stderr)
        return 2
    if args.validate:
        print(json.dumps(validate(train, args.validate), indent=2))
        return 0
    started = time.perf_counter()
    model = fit(
        [(message_tokens(s.path.read_bytes()), s.spam) for s in train], min_count=args.min_count,
        meta={"corpus": args.corpus.name, "holdout_percent": HOLDOUT_PERCENT,
              "trained_messages": len(train)},
    )
    cjk = model.meta["cjk_tokens"]
    blob = model.dumps()
    args.out.write_bytes(blob)
    print(json.dumps({
        "out": str(args.out), "bytes": len(blob), "tokens": len(model.keys),
        "spam_messages": model.spam_messages, "ham_messages": model.ham_messages,
        "held_back_messages": len(held_back), "cjk_tokens": cjk,
        "seconds": round(time.perf_counter() - started, 1),
    }))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
