"""The statistical classifier: the shipped model loads from the package, separates known
spam from ham, round-trips its file format and combines organisation counts."""

from __future__ import annotations

from importlib import resources

import pytest

from api.mail.spam import assess, facts_of
from api.mail.spam.classifier import (
    BANDS,
    Model,
    OrgCounts,
    bayes_hit,
    chi2q,
    combine,
    shipped_model,
    spam_probability,
)
from api.mail.spam.tokenizer import token_buckets
from tests.factories.spam import spam_fixture


def probability(raw: bytes, org: OrgCounts | None = None, model: Model | None = None) -> float:
    return spam_probability(token_buckets(facts_of(raw, None, None)), org, model)[0]


def test_model_ships_inside_the_package_and_is_small() -> None:
    data = resources.files("api.mail.spam").joinpath("model.bin").read_bytes()
    assert len(data) < 5 * 1024 * 1024
    model = shipped_model()
    assert model.spam_messages > 1000 and model.ham_messages > 3000
    assert len(model.keys) > 10_000
    assert model.meta["holdout_percent"] == 20
    assert model.meta["cjk_tokens"] is False


@pytest.mark.parametrize("name", ["sa-spam-html-insurance.eml", "sa-spam-membership.eml"])
def test_shipped_model_flags_corpus_spam(name: str) -> None:
    raw = spam_fixture(name)
    assert probability(raw) > 0.99
    assert assess(facts_of(raw, None, None), junk_threshold=5, reject_threshold=15).action \
        == "junk"


@pytest.mark.parametrize("name", ["sa-ham-sequences.eml", "sa-ham-klez.eml",
                                  "sa-hardham-headlines.eml"])
def test_shipped_model_clears_corpus_ham(name: str) -> None:
    raw = spam_fixture(name)
    assert probability(raw) < 0.05
    assert assess(facts_of(raw, None, None), junk_threshold=5, reject_threshold=15).action \
        == "inbox"


def test_model_file_round_trips() -> None:
    model = Model.from_counts(3, 4, {7: (3, 0), 1: (0, 4), 99_999: (70_000, 2)},
                              {"note": "x"})
    again = Model.loads(model.dumps())
    assert list(again.keys) == [1, 7, 99_999]
    assert again.counts(7) == (3, 0) and again.counts(99_999) == (70_000, 2)
    assert again.counts(8) == (0, 0)
    assert (again.spam_messages, again.ham_messages, again.meta["note"]) == (3, 4, "x")


def test_a_file_that_is_not_a_model_is_refused() -> None:
    with pytest.raises(ValueError):
        Model.loads(b"PK\x03\x04 something else")


def test_chi_squared_combining_is_confident_only_with_agreeing_clues() -> None:
    assert chi2q(0.0, 4) == pytest.approx(1.0)
    assert combine([0.99] * 20)[0] > 0.999
    assert combine([0.01] * 20)[0] < 0.001
    mixed, n = combine([0.99] * 10 + [0.01] * 10)
    assert 0.4 < mixed < 0.6 and n == 20
    assert combine([0.5, 0.52, 0.45]) == (0.5, 0)  # no clue strong enough


def test_an_empty_model_and_no_feedback_gives_no_bayes_opinion() -> None:
    p, clues = spam_probability([1, 2, 3], None, Model())
    assert (p, clues) == (0.5, 0)
    assert bayes_hit(p, clues) is None


def test_organisation_counts_move_an_unknown_message() -> None:
    model = Model.from_counts(10, 10, {1: (5, 5)}, {})
    tokens = [100, 101, 102, 103]
    assert spam_probability(tokens, None, model)[1] == 0
    org = OrgCounts(spam_messages=1, tokens={t: (1, 0) for t in tokens})
    assert spam_probability(tokens, org, model)[0] > 0.9
    org_ham = OrgCounts(ham_messages=1, tokens={t: (0, 1) for t in tokens})
    assert spam_probability(tokens, org_ham, model)[0] < 0.1


def test_bands_cover_every_probability_once() -> None:
    for p in (0.0, 0.005, 0.3, 0.5, 0.97, 0.995, 0.9995, 1.0):
        hits = [b for b in BANDS if b[0] <= p < b[1]]
        assert len(hits) == 1
        assert bayes_hit(p, 5) is not None
