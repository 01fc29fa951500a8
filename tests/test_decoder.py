"""The compiled tree decoder returns exactly the trees of Stanza's own decoder."""
import numpy as np
import pytest
from stanza.models.common.chuliu_edmonds import (
    chuliu_edmonds_one_root as stanza_decoder,
)

from quotes.parse.decoder import chuliu_edmonds_one_root as compiled_decoder


@pytest.mark.parametrize("seed", range(5))
def test_same_trees_on_random_scores(seed):
    rng = np.random.default_rng(seed)
    for n in range(2, 70, 3):
        scores = np.log(rng.dirichlet(np.ones(n), size=n)).astype(np.float32)
        expected = stanza_decoder(scores)
        got = compiled_decoder(scores)
        assert got.tolist() == expected.tolist()
        assert (got[1:] == 0).sum() == 1          # exactly one root


def test_same_trees_on_peaked_scores_like_a_trained_parser():
    rng = np.random.default_rng(7)
    for n in range(3, 40):
        logits = rng.normal(size=(n, n)) * 6.0
        scores = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
        assert compiled_decoder(scores).tolist() == stanza_decoder(scores).tolist()


def test_real_parse_is_identical_with_either_decoder(pipeline, seed_text):
    from stanza.models.depparse import model as depparse_model

    fast = pipeline.parse(seed_text)
    patched = depparse_model.chuliu_edmonds_one_root
    depparse_model.chuliu_edmonds_one_root = stanza_decoder
    try:
        slow = pipeline.parse(seed_text)
    finally:
        depparse_model.chuliu_edmonds_one_root = patched
    assert patched is compiled_decoder
    assert [(w.head, w.deprel) for s in fast.sentences for w in s.words] == \
        [(w.head, w.deprel) for s in slow.sentences for w in s.words]
