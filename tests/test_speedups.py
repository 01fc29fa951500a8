"""Every speedup of quotes.parse.speedups gives exactly Stanza's own result."""
import numpy as np
import pytest
import torch
from stanza.models.common.chuliu_edmonds import (
    chuliu_edmonds_one_root as stanza_decoder,
)

from quotes.parse import speedups
from quotes.parse.speedups import chuliu_edmonds_one_root as compiled_decoder

# Sentences with the constructions each speedup touches: titles, possessives, negation,
# numbers, quotations, names of people, places and organizations (the NER layer).
TEXT = (
    "“We’re not going to sign anything that doesn’t protect our members,” said Maria "
    "Ortega, who leads the Teamsters’ local in Duluth.\n"
    "The company, Corvista Bio, told investors on Tuesday that revenue fell 12 percent, "
    "according to a filing with the Securities and Exchange Commission.\n"
    "Officials in Ottawa, speaking on condition of anonymity, said the talks had stalled "
    "and that Ms. Ortega would probably return to Minnesota soon.\n"
    "He gave the committee a list; it quickly, quietly and very carefully read it twice.\n"
    "Write to press@duluthmn.gov or see www.duluthmn.gov/budget and https://example.com/a?b=1."
)


def _parse_fields(pipeline, text):
    doc = pipeline.parse(text)
    return [[(w.text, w.lemma, w.upos, w.xpos, w.feats, w.head, w.deprel, w.start, w.end)
             for w in s.words] + [[(n.first, n.last, n.type) for n in s.names]]
            for s in doc.sentences]


@pytest.fixture
def stanza_only(pipeline):
    """Parse with Stanza's own code, then put the speedups back as they were."""
    before = speedups.installed()
    speedups.uninstall()
    yield
    speedups.uninstall()
    speedups.install(before)


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


def test_the_pipeline_runs_with_every_speedup(pipeline):
    assert set(speedups.installed()) == set(speedups.SPEEDUPS)


@pytest.mark.parametrize("name", sorted(speedups.SPEEDUPS))
def test_each_speedup_alone_gives_stanzas_parse(pipeline, stanza_only, seed_text, name):
    text = TEXT + "\n" + seed_text
    expected = _parse_fields(pipeline, text)
    speedups.install((name,))
    assert speedups.installed() == (name,)
    assert _parse_fields(pipeline, text) == expected


def test_all_speedups_give_stanzas_parse_of_corpus_articles(pipeline, stanza_only):
    from conftest import ROOT

    texts = ["\n".join(p.read_text(encoding="utf-8") for p in
                       sorted((ROOT / "corpora" / "articles").glob("*.txt"))[:6])]
    expected = [_parse_fields(pipeline, t) for t in texts]
    speedups.install()
    assert [_parse_fields(pipeline, t) for t in texts] == expected


def test_label_repair_path_matches_stanza(pipeline, stanza_only, monkeypatch):
    """With Stanza's head-constraint repair switched on (the pipeline leaves it off) and
    advmod/amod declared one-per-head relations, sentences break a head constraint, so the
    full label tensor and Stanza's repair run on them in both versions."""
    from stanza.models.depparse import head_constraints

    monkeypatch.setitem(pipeline.stanza.processors["depparse"].config,
                        "resolve_head_constraints", True)
    monkeypatch.setitem(head_constraints.DEPREL_TO_GROUP, "advmod", "advmod")
    monkeypatch.setitem(head_constraints.DEPREL_TO_GROUP, "amod", "amod")
    repaired = []
    original = head_constraints.resolve_head_constraint_violations

    def counting(*args, **kwargs):
        result = original(*args, **kwargs)
        repaired.append(1)
        return result

    monkeypatch.setattr(head_constraints, "resolve_head_constraint_violations", counting)
    expected = _parse_fields(pipeline, TEXT)
    speedups.install(("chosen_arc_labels",))
    repaired.clear()
    got = _parse_fields(pipeline, TEXT)
    assert repaired, "no sentence went through the repair"
    assert got == expected


def test_label_scores_of_chosen_arcs_are_stanzas_scores(pipeline):
    """The split label scorer equals Stanza's pairwise biaffine on the arcs it is asked for."""
    parser = pipeline.stanza.processors["depparse"].trainer.model
    torch.manual_seed(0)
    outputs = torch.randn(3, 9, 2 * parser.args["hidden_dim"])
    with torch.no_grad():
        full = parser.deprel(outputs, outputs)                     # (N, dep, head, labels)
        scorer = speedups._LabelScorer(parser, outputs)
        trees = [np.array([0, 2, 0, 2, 3, 3, 5, 5, 2]), np.array([0, 0, 1, 1]),
                 np.array([0, 3, 3, 0, 3, 4])]
        chosen = scorer.chosen(trees)
        for i, tree in enumerate(trees):
            want = full[i, np.arange(1, len(tree)), tree[1:]].numpy()
            np.testing.assert_allclose(chosen[i], want, rtol=1e-5, atol=1e-5)
            assert (chosen[i].argmax(-1) == want.argmax(-1)).all()
            pairs = scorer.all_pairs(i, len(tree))
            want_pairs = torch.log_softmax(full[i, :len(tree), :len(tree)], 2).numpy()
            np.testing.assert_allclose(pairs, want_pairs, rtol=1e-5, atol=1e-5)


def test_batched_viterbi_equals_stanzas_decoder():
    from stanza.models.common.crf import viterbi_decode

    rng = np.random.default_rng(3)
    lengths = [1, 5, 17, 2, 30, 9]
    scores = rng.normal(size=(len(lengths), max(lengths), 13)).astype(np.float32)
    transitions = rng.normal(size=(13, 13)).astype(np.float32)
    paths = speedups.batched_viterbi(scores, lengths, transitions)
    for i, length in enumerate(lengths):
        expected, _ = viterbi_decode(scores[i, :length], transitions)
        assert paths[i] == [int(t) for t in expected]


def test_vocabulary_lookups_equal_stanzas(pipeline, stanza_only):
    vocabs = []
    for name in ("pos", "depparse", "ner"):
        model_vocab = pipeline.stanza.processors[name].trainer.vocab
        vocabs.extend(model_vocab[key] for key in model_vocab._vocabs)
    samples = [list("Ortega’s"), ["Maria", "ortega", "THE", "\u2603", "<UNK>"], list(""),
               ["NOUN", "VERB", "XYZ"], ["Number=Sing", "Mood=Ind|Tense=Past", "_", "Odd=1"],
               ["NNP", "VBD", "??"], ["nsubj", "obj", "nope"], ["B-PERSON", "O", "S-ORG"]]

    def lookups():
        got = []
        for vocab in vocabs:
            for units in samples:
                try:
                    got.append(vocab.map(units))
                except (KeyError, ValueError, AttributeError) as exc:
                    got.append(type(exc).__name__)
                for ids in ([4, 5], [0], (4, 4)):
                    try:
                        got.append(vocab.unmap([ids]))
                    except (KeyError, IndexError, TypeError, AttributeError) as exc:
                        got.append(type(exc).__name__)
        return got

    expected = lookups()
    speedups.install(("vocab",))
    assert lookups() == expected
    assert lookups() == expected                  # answered from the memo the second time


def test_padded_tensors_equal_stanzas(stanza_only):
    from stanza.models.common import data

    original = data.get_long_tensor
    cases = [([[1, 2, 3], [4], []], 3, 0), ([[5]], 2, 7), ([[1, 2], [3, 4, 5, 6]], 2, 1)]
    expected = [original(*case) for case in cases]
    speedups.install(("long_tensor",))
    for case, want in zip(cases, expected):
        got = data.get_long_tensor(*case)
        assert got.dtype == want.dtype and torch.equal(got, want)
    nested = [[[1, 2], [3, 4]], [[5, 6]]]             # deeper lists: Stanza's own code
    assert torch.equal(speedups.get_long_tensor(nested, 2, 0), original(nested, 2, 0))
    with pytest.raises(ValueError):
        speedups.get_long_tensor([[[1, 2], [3]], [[4]]], 2, 0)


def test_token_masks_equal_stanzas_and_skip_endless_runs(pipeline):
    import random

    original = speedups.stanza_original("update_pred_regex")
    rng = random.Random(5)
    texts = ["Write to press@city.gov or see www.city.gov/budget.", "a.b", "no dots here",
             "x@y", "mail j.doe@example.co.uk now", "http://example.com/a?b=c and more",
             "U.S. officials said 3.5 percent", "“See https://t.co/abc,” she wrote."]
    alphabet = "ab.@/: w"
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 300)))
              for _ in range(200)]
    for text in texts:
        pred = [rng.choice((0, 0, 0, 1, 2)) for _ in text]
        assert speedups.update_pred_regex(list(text), list(pred)) == \
            original(list(text), list(pred)), text
    endless = list("ab." * 70_000)                       # 210,000 characters, no space
    assert speedups.update_pred_regex(endless, [0] * len(endless)) == [0] * len(endless)


def test_pipeline_loaded_the_fast_way_parses_as_stanzas_loader(pipeline, stanza_only):
    # the session's pipeline was loaded from the bundled files with speedups (compiled
    # unpickler, no optimizers); this one by Stanza's own loading code
    from quotes.parse.nlp import load_pipeline

    own = load_pipeline("bundled", speedups=False)
    assert _parse_fields(own, TEXT) == _parse_fields(pipeline, TEXT)


class _NotAWeight:
    """An object torch's weights_only unpickler refuses to build."""


def test_fast_model_loading_trusts_only_the_models_folder(tmp_path):
    import pickle

    from stanza.models.common import utils as stanza_utils

    from quotes.parse.nlp import BUNDLED_DIR

    elsewhere = tmp_path / "model.pt"
    torch.save({"object": _NotAWeight()}, elsewhere)
    with speedups.model_loading(BUNDLED_DIR):
        assert stanza_utils.get_optimizer("adam", torch.nn.Linear(2, 2), 0.1) is None
        loaded = torch.load(BUNDLED_DIR / "pos.pt", lambda storage, loc: storage,
                            weights_only=True)
        with pytest.raises(pickle.UnpicklingError):
            torch.load(elsewhere, weights_only=True)      # still weights_only out there
    expected = torch.load(BUNDLED_DIR / "pos.pt", lambda storage, loc: storage,
                          weights_only=True)
    assert loaded.keys() == expected.keys()
    assert all(torch.equal(loaded["model"][k], expected["model"][k]) for k in expected["model"])
    assert stanza_utils.get_optimizer("adam", torch.nn.Linear(2, 2), 0.1) is not None
